#!/usr/bin/env node
/**
 * `npm start`: builds the Custom UI and the preview server if their sources changed since the last
 * build (scripts/build-stamp.mjs), then runs the preview (it prints its URL). A start with nothing
 * to rebuild reads the stamps and goes straight to the server.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PREVIEW_INPUTS, ROOT, UI_INPUTS, inputsHash, upToDate } from './build-stamp.mjs';
import { PAGES, pageConfig } from '../static/vite.config.mjs';

// PORT is checked before any build, with the preview's own words (src/preview/port.ts, which the
// server checks again): a typo is told at once, not after a build.
const rawPort = process.env.PORT;
if (rawPort !== undefined && rawPort.trim() !== '' && (!/^\d+$/.test(rawPort.trim()) || Number(rawPort.trim()) > 65535)) {
  console.error(`preview: PORT must be a whole number from 0 to 65535 (0: any free port); got "${rawPort}"`);
  process.exit(2);
}

const PREVIEW_ENTRY = path.join(ROOT, 'dist/preview/main.cjs');
const uiHash = inputsHash(UI_INPUTS);
const uiStale = PAGES.some((p) => !upToDate(`ui-${p}`, uiHash, path.join(pageConfig(p).build.outDir, 'index.html')));
const previewStale = !upToDate('preview', inputsHash(PREVIEW_INPUTS), PREVIEW_ENTRY);

for (const [script, stale] of [['build-ui.mjs', uiStale], ['build-preview.mjs', previewStale]]) {
  if (!stale) continue;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', script), '--if-stale'], { stdio: 'inherit', cwd: ROOT });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
if (!uiStale && !previewStale) console.log('The UI and the preview server are up to date (no source changed since the last build).');
await import(pathToFileURL(PREVIEW_ENTRY).href);
