/**
 * `governance report --store <dir>`: the boards synced into a local store as the command's user,
 * the report read from it in exactly the formats and figures of direct mode; a second run reads only
 * what changed (checked on the emulator's request log); a directory that cannot hold the store is
 * refused with one line naming it, and nothing in it is changed; `--progress` shows the sync.
 */
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_OK, EXIT_USAGE, run } from '../../src/cli/main';
import { USAGE } from '../../src/cli/args';
import { buildDemoSite, DEMO_NOW, DEMO_USERS } from '../../src/demo/site';
import { DEMO_STATUSES } from '../../src/demo/catalog';
import { startEmulator, type Emulator, type RequestLog } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { SiteChanges } from '../../src/emulator/site-changes';
import { DIRECTORY_STORE_FORMAT, directoryGovernanceStore, STORE_MARKER } from '../../src/store/directory';

const NOW = Date.parse(DEMO_NOW);
const MINUTE = 60_000;
const SEARCH = 'POST /rest/api/3/search/jql';
const CHANGELOGS = 'POST /rest/api/3/changelog/bulkfetch';

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gov-cli-store-'));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) {
    chmodSync(d, 0o700);
    rmSync(d, { recursive: true, force: true });
  }
});

async function cli(argv: string[], options: { env?: Record<string, string>; clock?: () => number } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    env: options.env ?? {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTty: false,
    stdoutIsTty: false,
    clock: options.clock ?? (() => NOW),
    // Retries do not wait here.
    limits: { sleep: async () => undefined },
  });
  return { code, stdout, stderr };
}

/** Every file of the directory with its bytes and modification time: what "nothing changed" compares. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    out[name] = `${statSync(path).mtimeMs}:${readFileSync(path, 'utf8')}`;
  }
  return out;
}

function expectOneLine(r: { code: number; stdout: string; stderr: string }, code: number): string {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.split('\n')).toHaveLength(2);
  return r.stderr.trimEnd();
}

describe('--store on the demo site', () => {
  const args = (format: string) => ['report', '--site', 'demo', '--board', '1', '--board', '4', '--now', DEMO_NOW, '--sprints', '8', '--format', format];

  it.each(['json', 'table', 'csv'])('prints exactly what direct mode prints, as %s, on the first run and again on the next', async (format) => {
    const dir = tempDir();
    const direct = await cli(args(format));
    expect(direct.code).toBe(EXIT_OK);
    const first = await cli([...args(format), '--store', dir]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(EXIT_OK);
    expect(first.stdout).toBe(direct.stdout);
    const second = await cli([...args(format), '--store', dir]);
    expect(second.code).toBe(EXIT_OK);
    expect(second.stdout).toBe(direct.stdout);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining([STORE_MARKER, 'board-1.state.json', 'board-1.issues.jsonl', 'board-4.state.json']));
    expect(JSON.parse(readFileSync(join(dir, STORE_MARKER), 'utf8'))).toEqual({ format: DIRECTORY_STORE_FORMAT, site: 'demo' });
  });

  it('honours --sprints, --from/--to as direct mode does, from the same store', async () => {
    const dir = tempDir();
    await cli([...args('json'), '--store', dir]);
    const other = ['report', '--site', 'demo', '--board', '1', '--board', '4', '--now', DEMO_NOW, '--sprints', '2', '--from', '2026-09-01T00:00:00Z', '--to', '2026-10-01T00:00:00Z', '--format', 'json'];
    const direct = await cli(other);
    const stored = await cli([...other, '--store', dir]);
    expect(stored.code).toBe(EXIT_OK);
    expect(stored.stdout).toBe(direct.stdout);
  });

  it('--progress shows the sync, on one line redrawn, erased before the report', async () => {
    const dir = tempDir();
    const r = await cli([...args('json'), '--store', dir, '--progress'], { clock: (() => {
      let t = NOW;
      // Progress is redrawn at most every 100 ms of the clock: each reading moves it on.
      return () => (t += 150);
    })() });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toContain('syncing board 1 (1 of 2)');
    expect(r.stderr).toMatch(/syncing board 4 \(2 of 2\): [\d,]+ issues and [\d,]+ histories read \([\d,]+ requests\)/);
    expect(r.stderr).toContain('deriving the figures of board 4');
    expect(r.stderr.endsWith('\r\u001b[2K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
  });
});

describe('a second run reads only what changed', () => {
  let site: SiteData;
  let emulator: Emulator;
  let now = NOW;
  let env: Record<string, string>;
  beforeAll(async () => {
    site = buildDemoSite();
    emulator = await startEmulator(site, { now: () => now });
    const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
    if (!admin) throw new Error('no demo admin');
    env = { JIRA_EMAIL: admin.emailAddress, JIRA_API_TOKEN: admin.apiToken };
  });
  afterAll(() => emulator.close());

  const report = (dir: string | null) => cli(['report', '--site', emulator.url, '--board', '1', '--now', new Date(now).toISOString(), '--format', 'json', ...(dir ? ['--store', dir] : [])], { env, clock: () => now });
  const issueReads = (log: readonly RequestLog[]) => log.filter((q) => q.endpoint === SEARCH || q.endpoint === CHANGELOGS || (q.endpoint ?? '').includes('/issue/'));
  const jqlOf = (q: RequestLog) => String((q.body as { jql?: unknown } | null)?.jql ?? '');

  it('reads the catch-up search and the scope’s ids, no changelog, when nothing changed; then only the changed issue', async () => {
    const dir = tempDir();
    const first = await report(dir);
    expect(first.code).toBe(EXIT_OK);

    now += 10 * MINUTE;
    const mark = emulator.requests.length;
    const second = await report(dir);
    expect(second.code).toBe(EXIT_OK);
    const reads = issueReads(emulator.requests.slice(mark));
    // The catch-up (issues updated since the last run, less a margin) and the ids of the kept scope (deletions, moves).
    expect(reads.map((q) => [q.endpoint, jqlOf(q)])).toEqual([
      [SEARCH, '(project = PAY) AND updated >= -13m'],
      [SEARCH, '(project = PAY) AND (statusCategory != Done OR updated >= -400d)'],
    ]);
    expect((reads[1]?.body as { fields?: unknown }).fields).toEqual(['id']);
    expect(second.stdout).toBe((await report(null)).stdout);

    // One issue moves to Done: the next run reads it, and its changelog, and nothing else.
    now += 10 * MINUTE;
    const changed = site.issues.find((i) => i.key.startsWith('PAY-') && (i.fields.status as { statusCategory: { key: string } }).statusCategory.key !== 'done' && !i.fields.security);
    if (!changed) throw new Error('no open PAY issue');
    new SiteChanges(site).moveStatus(changed.key, DEMO_STATUSES.done.id, now - MINUTE);
    const mark2 = emulator.requests.length;
    const third = await report(dir);
    expect(third.code).toBe(EXIT_OK);
    const log = emulator.requests.slice(mark2);
    const changelogReads = log.filter((q) => q.endpoint === CHANGELOGS);
    expect(changelogReads.map((q) => (q.body as { issueIdsOrKeys?: unknown }).issueIdsOrKeys)).toEqual([[changed.id]]);
    expect(issueReads(log).filter((q) => q.endpoint === SEARCH).map(jqlOf)).toEqual(['(project = PAY) AND updated >= -13m', '(project = PAY) AND (statusCategory != Done OR updated >= -400d)']);
    // The figures are those of direct mode on the changed site.
    const direct = await report(null);
    expect(third.stdout).toBe(direct.stdout);
  }, 60_000);
});

describe('Jira failing during the sync', () => {
  it('exits 3 naming the host, the endpoint and the status, as direct mode does, and the next run goes on', async () => {
    const site = buildDemoSite();
    const emulator = await startEmulator(site, { now: () => NOW });
    const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
    const env = { JIRA_EMAIL: admin?.emailAddress ?? '', JIRA_API_TOKEN: admin?.apiToken ?? '' };
    const dir = tempDir();
    const argv = ['report', '--site', emulator.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json', '--store', dir];
    try {
      emulator.faults.next(1000, { status: 503, retryAfterSeconds: 0 });
      const line = expectOneLine(await cli(argv, { env }), 3);
      expect(line).toMatch(new RegExp(`^governance: cannot read Jira at ${new URL(emulator.url).host}: GET /rest/agile/1\\.0/board/\\{id\\}.*503`));
      emulator.faults.clear();
      const again = await cli(argv, { env });
      expect(again.code).toBe(EXIT_OK);
      expect(again.stdout).toBe((await cli(argv.slice(0, -2), { env })).stdout);
    } finally {
      emulator.faults.clear();
      await emulator.close();
    }
  });
});

describe('a run stopped midway, and runs at once', () => {
  const argv = (dir: string) => ['report', '--site', 'demo', '--board', '1', '--now', DEMO_NOW, '--format', 'json', '--store', dir];

  /** Leaves board 1 claimed by `owner` until a minute from now, as a run stopped midway leaves it. */
  async function claimed(dir: string, owner: string): Promise<void> {
    const store = directoryGovernanceStore(dir, { site: 'demo' });
    const held = await store.board(1);
    if (!held) throw new Error('no board 1 in the store');
    const s = held.value;
    const lease = { owner, token: s.sync.fence + 1, expiresAt: Date.now() + MINUTE };
    expect(await store.saveBoard({ ...s, sync: { ...s.sync, fence: lease.token, lease, phase: 'catchup' } }, held.version)).toEqual(expect.objectContaining({ ok: true }));
  }

  it('goes on at once after a run on this machine was stopped (Ctrl-C), giving the same report', async () => {
    const dir = tempDir();
    const first = await cli(argv(dir));
    await claimed(dir, `governance-cli:${hostname()}`);
    const again = await cli(argv(dir));
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(first.stdout);
  });

  it('refuses, naming the board, while a run on another machine holds it', async () => {
    const dir = tempDir();
    await cli(argv(dir));
    await claimed(dir, 'governance-cli:another-machine');
    const line = expectOneLine(await cli(argv(dir)), EXIT_USAGE);
    expect(line).toMatch(new RegExp(`^governance: --store ${dir}: board 1 is being synced into it by another run of governance; try again when that run ends`));
  });
});

describe('a directory that cannot hold the store', () => {
  const argv = (dir: string) => ['report', '--site', 'demo', '--board', '1', '--now', DEMO_NOW, '--store', dir];

  it('refuses a path that is not a directory, naming it, and leaves it as it was', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'mine');
    const line = expectOneLine(await cli(argv(file)), EXIT_USAGE);
    expect(line).toBe(`governance: --store ${file}: not a directory`);
    expect(readFileSync(file, 'utf8')).toBe('mine');
  });

  it('refuses a store written by a newer version, and changes nothing in it', async () => {
    const dir = tempDir();
    await cli(argv(dir));
    writeFileSync(join(dir, STORE_MARKER), JSON.stringify({ format: DIRECTORY_STORE_FORMAT + 1 }));
    const before = snapshot(dir);
    const line = expectOneLine(await cli(argv(dir)), EXIT_USAGE);
    expect(line).toBe(`governance: --store ${dir}: written by a newer version of governance (store format ${DIRECTORY_STORE_FORMAT + 1}; this version reads format ${DIRECTORY_STORE_FORMAT}): use that version, or another directory`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a directory holding another site’s boards (board ids are a site’s own), and changes nothing in it', async () => {
    const dir = tempDir();
    expect((await cli(argv(dir))).code).toBe(EXIT_OK);
    const before = snapshot(dir);
    const other = 'http://127.0.0.1:9';
    const line = expectOneLine(await cli(['report', '--site', other, '--board', '1', '--store', dir], { env: { JIRA_EMAIL: 'a@example.com', JIRA_API_TOKEN: 't' } }), EXIT_USAGE);
    expect(line).toBe(`governance: --store ${dir}: holds the boards of demo, not of ${other}: use another directory for each site`);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a directory it may not write, naming it', async () => {
    // Permission bits do not stop an administrator account: then a directory no account may write (sysfs) stands in.
    let dir = tempDir();
    chmodSync(dir, 0o500);
    let writable = true;
    try {
      writeFileSync(join(dir, 'probe'), '');
      rmSync(join(dir, 'probe'));
    } catch {
      writable = false;
    }
    if (writable) dir = '/sys';
    const before = writable ? null : snapshot(dir);
    const line = expectOneLine(await cli(argv(dir)), EXIT_USAGE);
    expect(line).toMatch(new RegExp(`^governance: --store ${dir}: not writable \\((EACCES|EPERM|EROFS)\\)$`));
    if (before) expect(snapshot(dir)).toEqual(before);
  });

  it('is named in --help', async () => {
    const r = await cli(['--help']);
    expect(r.stdout).toBe(`${USAGE}\n`);
    expect(r.stdout).toMatch(/--store <dir>/);
    expect(r.stdout).toMatch(/--store {5}keep a local copy of the boards in this directory/);
  });
});
