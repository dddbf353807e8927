/**
 * The governance store in a directory of plain files, for `npm start` (the preview) and
 * `governance report --store <dir>`: one state file, one issue log and one figures file per board,
 * and a marker naming the layout's format. The figures file holds the figures' sections (see
 * `figures-schema.ts`), a line each after a first line naming their layout; a figures file of
 * another layout (format 1's single document) is read as no figures, and the board's next sync
 * derives them again from its stored issues. The issue log is append-only (one JSON line per put or
 * delete) and compacted when it grows to twice what it holds, so storing a page of changed issues
 * writes only those issues. Every file is written to a temporary name and renamed, so a run killed
 * mid-write leaves the previous file. A directory marked with a newer format (written by a later
 * version) is refused before anything in it is changed.
 */
import { accessSync, appendFileSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { FIGURES_FORMAT, FIGURES_SECTIONS, type FiguresSection, FiguresSection as FiguresSectionName } from './figures-schema';
import { MemoryStore } from './memory';
import { StoredIssueDoc } from './issue-codec';
import type { GovernanceStore } from './types';

const LogLine = z.union([z.object({ put: StoredIssueDoc }), z.object({ del: z.string() })]);

/**
 * The layout this version reads and writes. 1: figures as one document per board; 2: figures by
 * section (a directory of format 1 is taken as it is: its figures files are read as none, and
 * written anew by each board's next sync; its marker is rewritten with format 2).
 */
export const DIRECTORY_STORE_FORMAT = 2;
/**
 * The marker file: `{"format": 2, "site": "https://your-site.atlassian.net"}` (the site is written
 * by the command; the preview leaves it out). A directory without one is of format 1 (the preview's,
 * before the marker).
 */
export const STORE_MARKER = 'governance-store.json';
const Marker = z.object({ format: z.number().int().positive(), site: z.string().optional() }).passthrough();

function readMarker(dir: string): z.infer<typeof Marker> | null {
  const marker = join(dir, STORE_MARKER);
  if (!existsSync(marker)) return null;
  try {
    const parsed = Marker.safeParse(JSON.parse(readFileSync(marker, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // said below
  }
  throw new StoreDirectoryError(dir, `${STORE_MARKER} is not a governance store marker`);
}

/** A directory that cannot hold this version's store: `reason` says why, in words. */
export class StoreDirectoryError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`${dir}: ${reason}`);
    this.name = 'StoreDirectoryError';
  }
}

const codeOf = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String(e);

/**
 * Checks that `dir` can hold this version's store: a directory (created, with its parents, when
 * absent), writable, not marked with a newer format, and (with `site`) not holding another site's
 * boards. Throws `StoreDirectoryError` otherwise, having changed nothing.
 */
export function checkStoreDirectory(dir: string, site?: string): void {
  let exists = true;
  try {
    if (!statSync(dir).isDirectory()) throw new StoreDirectoryError(dir, 'not a directory');
  } catch (e) {
    if (e instanceof StoreDirectoryError) throw e;
    if (codeOf(e) !== 'ENOENT') throw new StoreDirectoryError(dir, `cannot be read (${codeOf(e)})`);
    exists = false;
  }
  if (!exists) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new StoreDirectoryError(dir, `cannot be created (${codeOf(e)})`);
    }
    return;
  }
  const marker = readMarker(dir);
  if (marker && marker.format > DIRECTORY_STORE_FORMAT)
    throw new StoreDirectoryError(dir, `written by a newer version of governance (store format ${marker.format}; this version reads format ${DIRECTORY_STORE_FORMAT}): use that version, or another directory`);
  // Board ids are a site's own: another site's board 1 is another board.
  if (site !== undefined && marker?.site !== undefined && marker.site !== site)
    throw new StoreDirectoryError(dir, `holds the boards of ${marker.site}, not of ${site}: use another directory for each site`);
  // Permission bits do not tell (an administrator account, a read-only mount): a file is written and removed.
  const probe = join(dir, `.governance-probe-${process.pid}`);
  try {
    accessSync(dir, constants.W_OK);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (e) {
    throw new StoreDirectoryError(dir, `not writable (${codeOf(e)})`);
  }
}

const FIGURES_HEAD = `governance-figures ${FIGURES_FORMAT}`;

/** A figures file: its layout on the first line, then a line per section, `<section> <JSON text>` (JSON text holds no line break). */
function figuresFile(sections: Partial<Record<FiguresSection, string>>): string {
  return `${FIGURES_HEAD}\n${FIGURES_SECTIONS.flatMap((s) => (sections[s] === undefined ? [] : [`${s} ${sections[s]}\n`])).join('')}`;
}

/** The sections' texts of a figures file (each parsed when read); none for a file of another layout. */
function readFiguresFile(text: string): Partial<Record<FiguresSection, string>> | null {
  const lines = text.split('\n');
  if (lines[0] !== FIGURES_HEAD) return null;
  const out: Partial<Record<FiguresSection, string>> = {};
  for (const line of lines.slice(1)) {
    const at = line.indexOf(' ');
    const name = FiguresSectionName.safeParse(line.slice(0, at));
    if (at > 0 && name.success) out[name.data] = line.slice(at + 1);
  }
  return out;
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

class DirectoryStore extends MemoryStore {
  /** Lines in each board's issue log, for compaction. */
  private readonly logLines = new Map<number, number>();

  constructor(
    private readonly dir: string,
    site?: string,
  ) {
    super();
    checkStoreDirectory(dir, site);
    const marker = readMarker(dir);
    if (!marker || marker.format < DIRECTORY_STORE_FORMAT || (site !== undefined && marker.site === undefined)) {
      const kept = site ?? marker?.site;
      writeAtomically(join(dir, STORE_MARKER), `${JSON.stringify({ format: DIRECTORY_STORE_FORMAT, ...(kept !== undefined ? { site: kept } : {}) })}\n`);
    }
    this.load();
  }

  private file(boardId: number, what: 'state' | 'issues' | 'figures'): string {
    return join(this.dir, `board-${boardId}.${what}.${what === 'issues' ? 'jsonl' : 'json'}`);
  }

  private load(): void {
    for (const name of readdirSync(this.dir)) {
      const m = /^board-(\d+)\.state\.json$/.exec(name);
      if (!m) continue;
      const boardId = Number(m[1]);
      const r = this.record(boardId);
      try {
        const state = JSON.parse(readFileSync(join(this.dir, name), 'utf8')) as { json: string; version: number };
        if (typeof state.json === 'string' && typeof state.version === 'number') r.state = state;
      } catch {
        // An unreadable state file is an unknown board: it is synced again.
        continue;
      }
      let lines = 0;
      if (existsSync(this.file(boardId, 'issues'))) {
        const log = readFileSync(this.file(boardId, 'issues'), 'utf8');
        // A last line cut short by a killed run: ended, so the next append starts a line of its own.
        if (log.length > 0 && !log.endsWith('\n')) appendFileSync(this.file(boardId, 'issues'), '\n');
        for (const line of log.split('\n')) {
          if (line.trim() === '') continue;
          lines++;
          let parsed: z.infer<typeof LogLine>;
          try {
            const p = LogLine.safeParse(JSON.parse(line));
            if (!p.success) continue;
            parsed = p.data;
          } catch {
            continue; // a line cut short by a killed run: the issue is read again on the next sync
          }
          if ('put' in parsed) {
            r.issues.set(parsed.put.id, { json: JSON.stringify(parsed.put), updated: parsed.put.updated });
          } else r.issues.delete(parsed.del);
        }
      }
      this.logLines.set(boardId, lines);
      if (existsSync(this.file(boardId, 'figures'))) r.figures = readFiguresFile(readFileSync(this.file(boardId, 'figures'), 'utf8'));
    }
  }

  protected override async changed(boardId: number, what: 'state' | 'issues' | 'figures' | 'deleted', issueIds: readonly string[] = []): Promise<void> {
    const r = this.records.get(boardId);
    if (what === 'deleted' || !r) {
      for (const w of ['state', 'issues', 'figures'] as const) rmSync(this.file(boardId, w), { force: true });
      this.logLines.delete(boardId);
      return;
    }
    if (what === 'state' && r.state) writeAtomically(this.file(boardId, 'state'), JSON.stringify(r.state));
    if (what === 'figures' && r.figures) writeAtomically(this.file(boardId, 'figures'), figuresFile(r.figures));
    if (what === 'issues') this.writeIssues(boardId, r.issues, issueIds);
  }

  /** Appends the changed issues to the board's log (a put, or a delete for one no longer held). */
  private writeIssues(boardId: number, issues: ReadonlyMap<string, { json: string }>, changed: readonly string[]): void {
    const lines: string[] = [];
    for (const id of new Set(changed)) {
      const e = issues.get(id);
      lines.push(e ? `{"put":${e.json}}` : JSON.stringify({ del: id }));
    }
    if (lines.length === 0) return;
    const total = (this.logLines.get(boardId) ?? 0) + lines.length;
    if (total > 2 * issues.size + 100) {
      // Compaction: the log rewritten with one line per issue it holds.
      writeAtomically(this.file(boardId, 'issues'), [...issues.values()].map(({ json }) => `{"put":${json}}\n`).join(''));
      this.logLines.set(boardId, issues.size);
    } else {
      appendFileSync(this.file(boardId, 'issues'), `${lines.join('\n')}\n`);
      this.logLines.set(boardId, total);
    }
  }
}

/**
 * A store kept in `dir` (created if need be); what is there already is read back. With `site`, the
 * directory is marked as holding that site's boards, and refused for another. Throws
 * `StoreDirectoryError` for a directory that cannot hold it (see `checkStoreDirectory`).
 */
export function directoryGovernanceStore(dir: string, options: { site?: string } = {}): GovernanceStore {
  return new DirectoryStore(dir, options.site);
}
