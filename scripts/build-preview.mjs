#!/usr/bin/env node
/**
 * Compiles the local preview server (src/preview/main.ts and what it imports) to one CommonJS file,
 * dist/preview/main.cjs, run by plain `node`. Packages stay in node_modules; no type check here
 * (`npm run typecheck` does that), so a preview starts in a second. With --if-stale, nothing is
 * done when src/, this script and package-lock.json are as they were at the last build.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { PREVIEW_INPUTS, inputsHash, removeStamp, upToDate, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PREVIEW_ENTRY = path.join(root, 'dist/preview/main.cjs');

const hash = inputsHash(PREVIEW_INPUTS);
if (process.argv.includes('--if-stale') && upToDate('preview', hash, PREVIEW_ENTRY)) {
  console.log(`the preview server is up to date: ${path.relative(root, PREVIEW_ENTRY)}`);
  process.exit(0);
}
removeStamp('preview');
await build({
  entryPoints: [path.join(root, 'src/preview/main.ts')],
  outfile: PREVIEW_ENTRY,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
writeStamp('preview', hash);
console.log(`built the preview server: ${path.relative(root, PREVIEW_ENTRY)}`);
