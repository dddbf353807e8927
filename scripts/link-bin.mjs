#!/usr/bin/env node
/**
 * `npx governance` inside this repository: npm links the `bin` of dependencies, not the project's
 * own, so after `npm ci` this puts a `governance` launcher into node_modules/.bin (run by
 * `postinstall`). It runs the built command (`npm run build` first) at the path package.json's
 * `bin` names, the one place that path is written. The launcher is written to a temporary file and
 * renamed over the old one, so a node_modules whose files are hard links shared with another
 * checkout is never changed in place.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const main = pkg.bin?.governance;
if (typeof main !== 'string' || main.includes('"') || main.includes('$') || main.includes('`')) {
  console.error('link-bin: package.json has no usable bin.governance');
  process.exit(1);
}
fs.mkdirSync(binDir, { recursive: true });
const launcher = `#!/bin/sh
# Written by scripts/link-bin.mjs: runs the governance command built by \`npm run build\`.
main="$(dirname "$0")/../../${main}"
if [ ! -f "$main" ]; then
  echo "governance: not built yet; run \\\`npm run build\\\` first" >&2
  exit 2
fi
exec node "$main" "$@"
`;
const target = path.join(binDir, 'governance');
const tmp = `${target}.${process.pid}.tmp`;
fs.writeFileSync(tmp, launcher, { mode: 0o755 });
fs.chmodSync(tmp, 0o755);
fs.renameSync(tmp, target);
