/**
 * The UI's build stamp covers everything the UI's build reads: a UI source importing a module
 * outside static/src (the shared protocol, a domain module) must have that module among the stamp's
 * inputs, or an edit there would leave `npm start` and the tests on a stale build.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const UI = path.join(ROOT, 'static/src');

function uiInputs(): string[] {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('./scripts/build-stamp.mjs'); console.log(JSON.stringify(m.UI_INPUTS));"], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as string[];
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

/** Repository-relative files outside static/src that UI sources import by a relative path. */
function importedOutside(): string[] {
  const found = new Set<string>();
  for (const file of sources(UI)) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = path.relative(ROOT, path.resolve(path.dirname(file), m[1] as string));
      if (!target.startsWith(`static${path.sep}src`)) found.add(target);
    }
  }
  return [...found].sort();
}

describe('the UI build stamp', () => {
  it('has among its inputs every module outside static/src that the UI imports', () => {
    const inputs = uiInputs();
    const outside = importedOutside();
    // The UI does import such modules (the protocol, the hygiene catalogue): the check is not vacuous.
    expect(outside.length).toBeGreaterThan(0);
    const uncovered = outside.filter((t) => !inputs.some((i) => t === i || t.startsWith(`${i}/`)));
    expect(uncovered).toEqual([]);
  });

  it('has the package list and the lockfile among its inputs', () => {
    expect(uiInputs()).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'static/src']));
  });
});

describe('the UI build', () => {
  it('builds for production even when run from a test (NODE_ENV=test): no React development code', () => {
    const r = spawnSync(process.execPath, ['scripts/build-ui.mjs', 'drill-modal'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_ENV: 'test' }, timeout: 120_000 });
    expect(r.status).toBe(0);
    const dir = path.join(ROOT, 'static/dist/drill-modal');
    const js = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(js.length).toBeGreaterThan(0);
    // React's development build warns about list items without a key; its production build has no such text.
    const dev = js.filter((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('unique "key" prop'));
    expect(dev).toEqual([]);
  }, 150_000);
});
