/**
 * Build stamps: a hash of everything a build reads (sources, build config, package-lock.json),
 * kept next to the build's output, so `npm start` and the tests rebuild only what changed.
 * A stamp is written after a build succeeds and compared before the next one; any difference in
 * any input (a file added, removed, renamed or edited) rebuilds.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMPS = path.join(ROOT, 'static', 'dist', '.stamps');

function addTree(hash, abs) {
  if (!fs.existsSync(abs)) {
    hash.update(`missing ${path.relative(ROOT, abs)}\0`);
    return;
  }
  const stat = fs.statSync(abs);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(abs).sort()) addTree(hash, path.join(abs, name));
    return;
  }
  hash.update(`file ${path.relative(ROOT, abs)}\0`);
  hash.update(fs.readFileSync(abs));
  hash.update('\0');
}

/** The hash of these files and folders (relative to the repository), with `extra` mixed in. */
export function inputsHash(inputs, extra = '') {
  const hash = crypto.createHash('sha256');
  hash.update(`${extra}\0`);
  for (const rel of inputs) addTree(hash, path.join(ROOT, rel));
  return hash.digest('hex');
}

/**
 * What a Custom UI page's build reads: every UI source (pages share components), the shared
 * protocol and the domain modules the UI imports (src/shared, src/domain: the whole folders, so an
 * import added later is covered too), the config, the package list and the lockfile.
 */
export const UI_INPUTS = ['static/src', 'src/shared', 'src/domain', 'static/vite.config.mjs', 'scripts/build-ui.mjs', 'package.json', 'package-lock.json'];
/** What the preview server's build reads. */
export const PREVIEW_INPUTS = ['src', 'scripts/build-preview.mjs', 'package.json', 'package-lock.json'];

const stampFile = (name) => path.join(STAMPS, `${name}.sha256`);

/** True when `name` was built from exactly these inputs and its output is still there. */
export function upToDate(name, hash, output) {
  try {
    return fs.existsSync(output) && fs.readFileSync(stampFile(name), 'utf8').trim() === hash;
  } catch {
    return false;
  }
}

export function writeStamp(name, hash) {
  fs.mkdirSync(STAMPS, { recursive: true });
  const tmp = `${stampFile(name)}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${hash}\n`);
  fs.renameSync(tmp, stampFile(name));
}

export function removeStamp(name) {
  fs.rmSync(stampFile(name), { force: true });
}
