#!/usr/bin/env node
/**
 * Builds every Custom UI page into static/dist/<page> (the manifest's resource folders) and prints
 * each page's size. Usage: node scripts/build-ui.mjs [page ...]
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { PAGES, pageConfig } from '../static/vite.config.mjs';

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

const wanted = process.argv.slice(2);
const pages = wanted.length > 0 ? wanted : PAGES;
for (const page of pages) {
  if (!PAGES.includes(page)) {
    console.error(`unknown page ${page}; pages: ${PAGES.join(', ')}`);
    process.exit(2);
  }
  const started = Date.now();
  await build(pageConfig(page));
  const outDir = pageConfig(page).build.outDir;
  const s = sizes(outDir);
  const kB = (n) => `${(n / 1024).toFixed(0)} kB`;
  console.log(`built ${page}: loads ${kB(s.initial)} JS+CSS (${kB(s.initialGzip)} gzip), ${kB(s.lazy)} more on demand (themes), in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
