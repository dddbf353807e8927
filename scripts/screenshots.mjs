#!/usr/bin/env node
/**
 * `npm run screenshots`: the README's, the docs' and the Marketplace listing's screenshots, taken
 * from the local preview on the demo site. Builds the UI and the preview (skip with --no-build),
 * starts the preview on a free port with a fresh state folder (the gadgets' settings of
 * scripts/screenshots.json in it), lets the boards sync the first time (the pages say "Reading these
 * boards for the first time", then show their figures by themselves), and writes
 * docs/screenshots/<name>.png and docs/marketplace/<lang>/<name>.png with Debian's Chromium
 * (/usr/bin/chromium, or CHROMIUM). What it takes, and in which languages: scripts/screenshots.json.
 * Takes a few minutes, most of it the building; the tests only check its list against the manifest.
 * `--only <name>[,<name>…]` takes those shots alone.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const plan = JSON.parse(fs.readFileSync(path.join(root, 'scripts/screenshots.json'), 'utf8'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** The first sync of every demo board, on a slow machine. */
const FIRST_SYNC_MS = 300_000;
const LOCALES = { en: 'en-US', ru: 'ru-RU' };

const log = (line) => console.log(`screenshots: ${line}`);

function build() {
  for (const script of ['build-ui.mjs', 'build-preview.mjs']) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${script} failed`);
  }
}

/** The preview as `npm start` runs it, on a free port and the given state folder; stopped by its process group. */
async function startPreview(stateDir) {
  const child = spawn(process.execPath, [path.join(root, 'dist/preview/main.cjs')], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', PREVIEW_STATE_DIR: stateDir, JIRA_SITE: '', JIRA_EMAIL: '', JIRA_API_TOKEN: '' },
  });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the preview did not start:\n${output}`)), 60_000);
    const onData = (d) => {
      output += d.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/dashboard/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the preview exited with ${code}:\n${output}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
    },
  };
}

const frameOf = (page, module) => page.frameLocator(`iframe[data-frame^="${module}:"]`);
const byTestId = (ids) => ids.split('|').map((id) => `[data-testid="${id}"]`).join(', ');

/** Opens the shot's page, does its clicks, and waits until its modules show their figures and nothing is syncing. */
async function prepare(page, origin, shot) {
  await page.goto(`${origin}${shot.path}`);
  for (const [module, testId] of shot.actions ?? []) {
    const target = frameOf(page, module).locator(byTestId(testId)).first();
    await target.waitFor({ timeout: FIRST_SYNC_MS });
    await target.click();
  }
  for (const [module, testIds] of shot.ready) await frameOf(page, module).locator(byTestId(testIds)).first().waitFor({ timeout: FIRST_SYNC_MS });
  // The figures of a board still syncing are marked so; a screenshot waits for them to be current.
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    await frame.locator('[data-testid="first-sync"], [data-testid="syncing"]').first().waitFor({ state: 'detached', timeout: FIRST_SYNC_MS });
  }
  // Every frame has sized itself to its content, and the fonts are in.
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(1_000);
}

async function main() {
  const noBuild = process.argv.includes('--no-build');
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt > 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
  const wanted = (shot) => !only || only.has(shot.name);
  if (!noBuild) {
    log('building the UI and the preview');
    build();
  }
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-screenshots-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-screenshots-chromium-'));
  fs.writeFileSync(path.join(stateDir, 'gadgets.json'), JSON.stringify(plan.gadgets));
  const preview = await startPreview(stateDir);
  let context = null;
  try {
    log(`preview on ${preview.url} (state ${stateDir})`);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: plan.viewport,
      args: FLAGS,
      env: { ...process.env, HOME: profile, XDG_CONFIG_HOME: profile, XDG_CACHE_HOME: profile },
    });
    const page = await context.newPage();
    const host = new URL(preview.url).hostname;
    // The preview's users, by the name its toolbar shows ("Laura Harper (englishAdmin)").
    await page.goto(`${preview.url}/dashboard`);
    const users = await page.locator('[data-testid="user-select"] option').evaluateAll((options) => options.map((o) => ({ id: o.value, name: o.textContent ?? '' })));
    const userOf = (lang) => {
      const user = users.find((u) => u.name.startsWith(`${plan.users[lang]} (`));
      if (!user) throw new Error(`the preview has no user ${plan.users[lang]}`);
      return user.id;
    };
    const prefs = (lang, theme) =>
      context.addCookies(
        Object.entries({ 'preview-locale': LOCALES[lang], 'preview-theme': theme, 'preview-user': userOf(lang), 'preview-license': 'active' }).map(([name, value]) => ({ name, value, domain: host, path: '/' })),
      );

    for (const lang of plan.listing.languages) {
      await prefs(lang, 'light');
      const dir = path.join(root, 'docs/marketplace', lang);
      fs.mkdirSync(dir, { recursive: true });
      for (const shot of plan.listing.shots.filter(wanted)) {
        const started = Date.now();
        await prepare(page, preview.url, shot);
        // A listing shows the app, not the preview's controls.
        await page.addStyleTag({ content: 'header form { display: none !important; }' });
        const file = path.join(dir, `${shot.name}.png`);
        await page.screenshot({ path: file, fullPage: false });
        log(`${path.relative(root, file)} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      }
    }

    fs.mkdirSync(path.join(root, 'docs/screenshots'), { recursive: true });
    for (const shot of plan.docs.filter(wanted)) {
      await prefs(shot.language, shot.theme);
      await page.setViewportSize({ width: 1280, height: 900 });
      await prepare(page, preview.url, shot);
      const file = path.join(root, 'docs/screenshots', `${shot.name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      log(path.relative(root, file));
    }
  } finally {
    await context?.close();
    await preview.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`screenshots: ${err instanceof Error ? err.stack : String(err)}`);
  process.exit(1);
});
