#!/usr/bin/env node
/**
 * Compiles the local preview server (src/preview/main.ts and what it imports) to one CommonJS file,
 * dist/preview/main.cjs, run by plain `node`. Packages stay in node_modules; no type check here
 * (`npm run typecheck` does that), so a preview starts in a second.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PREVIEW_ENTRY = path.join(root, 'dist/preview/main.cjs');

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
console.log(`built the preview server: ${path.relative(root, PREVIEW_ENTRY)}`);
