/**
 * The bundle budget (README, "Performance"): no frame of the app loads more than 150 kB of gzipped
 * JavaScript before its first paint, and the frames Jira opens together on an issue (three issue
 * panels and the issue context) share their vendor code (React, Atlaskit, the shell) from one URL
 * instead of each shipping its own copy. The UI is built first unless its build stamp says it is
 * current (scripts/build-stamp.mjs); the figures are in the test names.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PREVIEW_MODULES } from '../../src/preview/modules';
import { BUDGET_GZIP, closure, frameLoad, htmlEntries, reactDomChunks, staticImports, type FrameLoad } from './first-paint';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'static', 'dist');

// Built while the tests are collected, so that the names can carry the measured figures.
const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build-ui.mjs'), '--if-stale'], { cwd: ROOT, encoding: 'utf8', timeout: 900_000 });
if (built.status !== 0) throw new Error(`build-ui.mjs failed:\n${built.stdout}\n${built.stderr}`);

interface Frame {
  name: string;
  moduleKey: string | null;
  resource: string;
  load: FrameLoad;
}

const manifestResources = [...fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8').matchAll(/^ {2}- key: ([\w-]+)\n {4}path: static\/dist\/([\w-]+)$/gm)].map((m) => m[2] as string);
const frames: Frame[] = [];
for (const m of PREVIEW_MODULES) {
  for (const [resource, view] of [[m.resource, 'view'], ...(m.editResource ? [[m.editResource, 'edit']] : [])] as [string, string][])
    frames.push({ name: `${m.key} (${m.type}, ${view}, resource ${resource})`, moduleKey: m.key, resource, load: frameLoad(path.join(DIST, resource), m.key) });
}
// Resources no module names (a modal's page): one frame each.
for (const resource of manifestResources.filter((r) => !frames.some((f) => f.resource === r)))
  frames.push({ name: `${resource} (modal)`, moduleKey: null, resource, load: frameLoad(path.join(DIST, resource), null) });

const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

describe('first paint of every frame', () => {
  it('covers every resource of the manifest', () => {
    expect(manifestResources.length).toBeGreaterThan(0);
    expect(new Set(frames.map((f) => f.resource))).toEqual(new Set(manifestResources));
  });

  it.each(frames.map((f) => [`${f.name}: ${kB(f.load.gzip)} gzip (${kB(f.load.bytes)} raw, ${f.load.files.length} JS files)`, f] as const))('%s, within 150 kB', (_name, f) => {
    expect(f.load.files.length).toBeGreaterThan(0);
    expect(f.load.gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });
});

describe('the frames of an issue share their vendor code', () => {
  const issueFrames = frames.filter((f) => PREVIEW_MODULES.some((m) => m.key === f.moduleKey && (m.type === 'jira:issuePanel' || m.type === 'jira:issueContext')));

  it('has the three panels and the context', () => {
    expect(issueFrames.map((f) => f.moduleKey).sort()).toEqual(['hygiene-panel', 'issue-summary', 'ownership-panel', 'readiness-panel']);
  });

  it('loads React DOM from one URL (one resource, one chunk) for all four frames', () => {
    // A chunk's URL is its resource's URL and its file: two resources never share a download.
    const vendor = new Set(issueFrames.flatMap((f) => reactDomChunks(path.join(DIST, f.resource), f.load.files).map((file) => `${f.resource}/${file}`)));
    expect([...vendor]).toHaveLength(1);
    for (const f of issueFrames) expect(reactDomChunks(path.join(DIST, f.resource), f.load.files)).toHaveLength(1);
  });

  it('loads no other panel\'s part at first paint (the context\'s part, on every issue anyway, may be shared)', () => {
    // The readiness panel reuses the summary's verdict colours, so it imports the context's part;
    // Jira opens the context on every issue of the project, so that chunk is fetched regardless.
    const panels = issueFrames.filter((f) => f.moduleKey !== 'issue-summary').map((f) => f.moduleKey as string);
    for (const f of issueFrames) {
      const others = panels.filter((k) => k !== f.moduleKey);
      expect({ frame: f.moduleKey, others: f.load.files.filter((file) => others.some((k) => path.basename(file).startsWith(`${k}-`))) }).toEqual({ frame: f.moduleKey, others: [] });
    }
  });
});

describe('the measure itself', () => {
  let dir: string;
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'first-paint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('follows the module script, modulepreload links and static imports, not import()', () => {
    write('index.html', '<script type="module" crossorigin src="./assets/index-a.js"></script><link rel="modulepreload" crossorigin href="./assets/pre-b.js"><link rel="stylesheet" href="./assets/x.css">');
    write('assets/index-a.js', 'import{a as b}from"./vendor-c.js";export{d}from"./util-d.js";import("./lazy-e.js");const s="import x from \\"./no.js\\"";');
    write('assets/pre-b.js', 'export const p=1;');
    write('assets/vendor-c.js', 'import"./side-f.js";export const a=1;');
    write('assets/util-d.js', 'export const d=1;');
    write('assets/side-f.js', 'console.log(1);');
    write('assets/lazy-e.js', 'export default 1;');
    expect(htmlEntries(fs.readFileSync(path.join(dir, 'index.html'), 'utf8'))).toEqual(['./assets/index-a.js', './assets/pre-b.js']);
    expect(staticImports('import{a as b}from"./v.js";import("./l.js");export*from"./w.js";')).toEqual(['./v.js', './w.js']);
    expect(closure(dir, ['assets/index-a.js'])).toEqual(['assets/index-a.js', 'assets/side-f.js', 'assets/util-d.js', 'assets/vendor-c.js']);
    expect(frameLoad(dir, null).files).toEqual(['assets/index-a.js', 'assets/pre-b.js', 'assets/side-f.js', 'assets/util-d.js', 'assets/vendor-c.js']);
  });

  it('adds a shared resource\'s part for the frame\'s module, and finds a frame over the budget', () => {
    write('index.html', '<script type="module" src="./assets/index-a.js"></script>');
    write('assets/index-a.js', 'export const a=1;');
    // Random bytes do not compress: 151 kB of them in a part is over 150 kB gzip.
    write('assets/big-panel-Xy_1.js', `import"./index-a.js";export const big="${Buffer.from(Array.from({ length: 151 * 1024 }, (_, i) => (i * 7919 + ((i * i) % 251)) % 256)).toString('base64')}";`);
    write('assets/small-panel-Q2.js', 'import"./index-a.js";');
    expect(frameLoad(dir, 'small-panel').files).toEqual(['assets/index-a.js', 'assets/small-panel-Q2.js']);
    expect(frameLoad(dir, 'big-panel').gzip).toBeGreaterThan(BUDGET_GZIP);
    expect(frameLoad(dir, null).gzip).toBeLessThan(1024);
  });

  it('fails on a chunk the page loads that the build does not have', () => {
    write('index.html', '<script type="module" src="./assets/gone.js"></script>');
    expect(() => frameLoad(dir, null)).toThrow(/gone\.js is loaded but not in the build/);
  });
});
