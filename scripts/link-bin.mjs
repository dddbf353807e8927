#!/usr/bin/env node
/**
 * `npx governance` inside this repository: npm links the `bin` of dependencies, not the project's
 * own, so after `npm ci` this puts a `governance` launcher into node_modules/.bin (run by
 * `postinstall`). It runs the built command (`npm run build` first).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
if (!fs.existsSync(path.join(root, 'node_modules'))) process.exit(0);
fs.mkdirSync(binDir, { recursive: true });
const launcher = `#!/bin/sh
# Written by scripts/link-bin.mjs: runs the governance command built by \`npm run build\`.
main="$(dirname "$0")/../../dist/src/cli/main.js"
if [ ! -f "$main" ]; then
  echo "governance: not built yet; run \\\`npm run build\\\` first" >&2
  exit 2
fi
exec node "$main" "$@"
`;
const target = path.join(binDir, 'governance');
fs.writeFileSync(target, launcher, { mode: 0o755 });
fs.chmodSync(target, 0o755);
