#!/usr/bin/env node
/**
 * `npm start`: builds the Custom UI and the preview server, then runs the preview (it prints its URL).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const script of ['build-ui.mjs', 'build-preview.mjs']) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', script)], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import(pathToFileURL(path.join(root, 'dist/preview/main.cjs')).href);
