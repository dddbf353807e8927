/**
 * The preview's local state on disk, under `.preview-state/`: every write goes to a temporary
 * file that is then renamed over the old one, so a crash never leaves half a file behind.
 */
import fs from 'node:fs';
import path from 'node:path';

export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

/** The file's JSON, or `fallback` when it does not exist; an unreadable file is set aside, not lost. */
export function readJson(file: string, fallback: unknown): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return fallback;
  }
  try {
    return JSON.parse(text);
  } catch {
    const aside = `${file}.unreadable-${Date.now()}`;
    fs.renameSync(file, aside);
    console.warn(`preview: ${file} was not valid JSON; moved it to ${aside} and started afresh`);
    return fallback;
  }
}
