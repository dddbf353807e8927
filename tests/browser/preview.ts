/**
 * Helpers for the browser tests: build the UI and the preview once, start the preview server as a
 * detached `node` process (stopped by its process group), and open Debian's Chromium.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(__dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'test-output/screenshots');

/** Builds the UI (every page, or only `pages`) and the preview server. */
export function buildAll(pages: readonly string[] = []): void {
  for (const script of ['build-ui.mjs', 'build-preview.mjs']) {
    // --if-stale: a page (or the server) whose build stamp matches its sources is not built again.
    const args = script === 'build-ui.mjs' ? ['--if-stale', ...pages] : ['--if-stale'];
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`${script} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

export interface RunningPreview {
  url: string;
  stop(): Promise<void>;
}

export async function startPreviewProcess(stateDir: string): Promise<RunningPreview> {
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'dist/preview/main.cjs')], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', PREVIEW_STATE_DIR: stateDir, JIRA_SITE: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`preview did not start:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/dashboard/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

export async function openBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a browser suite runs against: the preview on a state folder of its own, and a Chromium page. */
export interface PreviewSession {
  readonly stateDir: string;
  /** The running preview (a new one after `restart`). */
  preview: RunningPreview;
  readonly browser: Awaited<ReturnType<typeof openBrowser>>;
  readonly page: Page;
  /** Stops the preview and starts it again on the same state folder (`between` runs while it is stopped). */
  restart(between?: () => void): Promise<RunningPreview>;
  /** Closes the browser, stops the preview and removes the state folder. */
  close(): Promise<void>;
}

/**
 * What every browser suite starts with: the screenshots folder, a fresh state folder named after
 * `prefix` (`prepare` may write into it before the preview reads it), the preview server on it,
 * Chromium and one page. Whatever started is stopped again if a later step fails.
 */
export async function openPreviewSession(prefix: string, prepare: (stateDir: string) => void = () => undefined): Promise<PreviewSession> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  let preview: RunningPreview | null = null;
  let browser: Awaited<ReturnType<typeof openBrowser>> | null = null;
  const stopAll = async () => {
    await browser?.close();
    await preview?.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  };
  try {
    prepare(stateDir);
    preview = await startPreviewProcess(stateDir);
    browser = await openBrowser();
    const page = await browser.context.newPage();
    const session: PreviewSession = {
      stateDir,
      preview,
      browser,
      page,
      async restart(between?: () => void) {
        await session.preview.stop();
        between?.();
        preview = session.preview = await startPreviewProcess(stateDir);
        return session.preview;
      },
      close: stopAll,
    };
    return session;
  } catch (e) {
    await stopAll();
    throw e;
  }
}
