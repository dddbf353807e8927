#!/usr/bin/env node
/**
 * Builds every Custom UI page into static/dist/<page> (the manifest's resource folders) and prints
 * each page's size. Usage: node scripts/build-ui.mjs [--if-stale] [page ...]
 * With --if-stale a page whose build stamp (scripts/build-stamp.mjs: a hash of static/src, the
 * Vite config, this script and package-lock.json) matches is left as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PAGES, pageConfig } from '../static/vite.config.mjs';
import { UI_INPUTS, inputsHash, removeStamp, upToDate, writeStamp } from './build-stamp.mjs';

/** What a page loads at once (the files its index.html names) and what it may load later. */
function sizes(dir) {
  const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\.\/([^"]+\.(?:js|css))"/g)].map((m) => path.normalize(m[1])));
  const out = { initial: 0, initialGzip: 0, lazy: 0 };
  for (const f of fs.readdirSync(dir, { recursive: true })) {
    const rel = path.normalize(String(f));
    const p = path.join(dir, rel);
    if (!fs.statSync(p).isFile() || !/\.(js|css)$/.test(p)) continue;
    const buf = fs.readFileSync(p);
    if (initial.has(rel)) {
      out.initial += buf.length;
      out.initialGzip += zlib.gzipSync(buf).length;
    } else out.lazy += buf.length;
  }
  return out;
}

// The pages are always built for production, whoever runs this: jest sets NODE_ENV=test for the
// browser tests that build first, and Vite would then build React's development code (a third larger
// and slower) under a stamp that says the build is current.
process.env.NODE_ENV = 'production';

const args = process.argv.slice(2);
const ifStale = args.includes('--if-stale');
const wanted = args.filter((a) => a !== '--if-stale');
const pages = wanted.length > 0 ? wanted : PAGES;
const unknown = pages.filter((p) => !PAGES.includes(p));
if (unknown.length > 0) {
  console.error(`unknown page ${unknown.join(', ')}; pages: ${PAGES.join(', ')}`);
  process.exit(2);
}
const hash = inputsHash(UI_INPUTS);
const stale = ifStale ? pages.filter((p) => !upToDate(`ui-${p}`, hash, path.join(pageConfig(p).build.outDir, 'index.html'))) : pages;
if (ifStale && stale.length === 0) console.log(`the UI is up to date (${pages.length} pages; static/src unchanged since the last build)`);
// Vite is loaded only when there is something to build.
const { build } = stale.length > 0 ? await import('vite') : { build: null };
for (const page of stale) {
  const started = Date.now();
  removeStamp(`ui-${page}`);
  try {
    await build(pageConfig(page));
  } catch (err) {
    // Vite has printed what failed and where; the rest (Rollup's stack, the watched files) is noise.
    console.error(`build-ui: ${page} failed: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    process.exit(1);
  }
  writeStamp(`ui-${page}`, hash);
  const outDir = pageConfig(page).build.outDir;
  const s = sizes(outDir);
  const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`built ${page}: loads ${kB(s.initial)} JS+CSS (${kB(s.initialGzip)} gzip), ${kB(s.lazy)} more on demand (a frame's own part, other tabs, pickers, themes), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
