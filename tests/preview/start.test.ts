/**
 * How `npm start`'s preview server starts (src/preview/main.ts, built to dist/preview/main.cjs):
 * PORT checked before anything starts (one line naming PORT and the range, exit 2, no stack
 * trace), a busy port named on one line, PREVIEW_STATE_DIR honoured, and the demo site used unless
 * all three of JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN are set.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parsePort } from '../../src/preview/port';

jest.setTimeout(90_000);

const ROOT = path.resolve(__dirname, '../..');
const MAIN = path.join(ROOT, 'dist/preview/main.cjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the preview with `env` until it prints its URL (then stops it) or exits by itself. */
function runPreview(env: Record<string, string | undefined>): Promise<Run> {
  const base: NodeJS.ProcessEnv = { ...process.env, JIRA_SITE: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' };
  delete base.PORT;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete base[k];
    else base[k] = v;
  }
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env: base, stdio: ['ignore', 'pipe', 'pipe'] });
  const run: Run = { code: null, stdout: '', stderr: '' };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the preview neither started nor exited:\n${run.stdout}\n${run.stderr}`));
    }, 60_000);
    child.stdout.on('data', (d: Buffer) => {
      run.stdout += d.toString();
      if (/\/dashboard\n/.test(run.stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      run.code = code;
      resolve(run);
    });
  });
}

function listen(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(null));
    s.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(s));
  });
}
const close = (s: net.Server | null) => new Promise<void>((resolve) => (s ? s.close(() => resolve()) : resolve()));

let stateDir: string;

beforeAll(() => {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-preview.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`build-preview.mjs failed:\n${r.stdout}\n${r.stderr}`);
});
beforeEach(() => {
  stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-start-'));
});
afterEach(() => fs.rmSync(stateDir, { recursive: true, force: true }));

describe('PORT', () => {
  it.each(['abc', '70000', '65536', '-1', '3000.5', '1e3', ' 80 x'])('PORT=%j: one line naming PORT and the range, exit 2, nothing started', async (value) => {
    const r = await runPreview({ PORT: value, PREVIEW_STATE_DIR: stateDir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`preview: PORT must be a whole number from 0 to 65535 (0: any free port); got "${value}"\n`);
    expect(fs.readdirSync(stateDir)).toEqual([]);
  });

  it('npm start (scripts/start.mjs) refuses a bad PORT with the same line before building anything', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PORT: 'abc', PREVIEW_STATE_DIR: stateDir } });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 2, stdout: '', stderr: 'preview: PORT must be a whole number from 0 to 65535 (0: any free port); got "abc"\n' });
  });

  it('reads a port, and treats an empty PORT as unset', () => {
    expect(parsePort('8080')).toEqual({ ok: true, port: 8080 });
    expect(parsePort('0')).toEqual({ ok: true, port: 0 });
    expect(parsePort('65535')).toEqual({ ok: true, port: 65535 });
    expect(parsePort('')).toEqual({ ok: true, port: null });
    expect(parsePort(undefined)).toEqual({ ok: true, port: null });
    expect(parsePort('65536').ok).toBe(false);
  });

  it('a busy PORT: one line naming the port and PORT, exit 2', async () => {
    const busy = await listen(0);
    const port = (busy?.address() as net.AddressInfo).port;
    try {
      const r = await runPreview({ PORT: String(port), PREVIEW_STATE_DIR: stateDir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`preview: port ${port} is busy (PORT=${port}); stop what uses it, or choose another PORT from 0 to 65535 (0: any free port)\n`);
    } finally {
      await close(busy);
    }
  });

  it('PORT unset and 3000 busy: says so on one line, with the port it uses, and serves there', async () => {
    // Held here when free; when something else holds it, it is busy all the same.
    const held = await listen(3000);
    try {
      const r = await runPreview({ PORT: undefined, PREVIEW_STATE_DIR: stateDir });
      const m = /^preview: port 3000 is busy; using (\d+)\nGovernance for Jira preview \(the demo site\): http:\/\/127\.0\.0\.1:(\d+)\/dashboard\n$/.exec(r.stdout);
      expect({ stdout: r.stdout, stderr: r.stderr }).toEqual({ stdout: expect.stringMatching(/^preview: port 3000 is busy; using \d+\n/), stderr: '' });
      expect(m?.[1]).toBeDefined();
      expect(m?.[2]).toBe(m?.[1]);
      expect(Number(m?.[1])).toBeGreaterThan(3000);
    } finally {
      await close(held);
    }
  });

  it('PORT=0: any free port, with no note', async () => {
    const r = await runPreview({ PORT: '0', PREVIEW_STATE_DIR: stateDir });
    expect(r.stdout).toMatch(/^Governance for Jira preview \(the demo site\): http:\/\/127\.0\.0\.1:\d+\/dashboard\n$/);
    expect(r.stderr).toBe('');
  });
});

describe('PREVIEW_STATE_DIR and the Jira site', () => {
  it('keeps the preview\'s state in PREVIEW_STATE_DIR', async () => {
    const dir = path.join(stateDir, 'nested', 'state');
    const r = await runPreview({ PORT: '0', PREVIEW_STATE_DIR: dir });
    expect(r.stdout).toMatch(/preview \(the demo site\)/);
    expect(fs.existsSync(dir)).toBe(true);
    expect(fs.readdirSync(dir).length).toBeGreaterThan(0);
  });

  it('uses the demo site, saying why on one line, when only some of JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN are set', async () => {
    const r = await runPreview({ PORT: '0', PREVIEW_STATE_DIR: stateDir, JIRA_SITE: 'https://example.atlassian.net' });
    expect(r.stderr).toBe('preview: set all of JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN to use a real site; using the demo site\n');
    expect(r.stdout).toMatch(/^Governance for Jira preview \(the demo site\): http:\/\/127\.0\.0\.1:\d+\/dashboard\n$/);
  });
});
