/**
 * The governance store on SQL: Forge SQL in the app (TiDB, MySQL-compatible), MariaDB in the tests,
 * over the same statements (`sql-schema.ts` for the tables). Written for Forge SQL's limits:
 *
 * - One statement per request, at most 1 MiB of request (Forge sends the statement and its
 *   parameters as JSON): issues are written in multi-row `INSERT … ON DUPLICATE KEY UPDATE` batches
 *   bounded by those bytes, figures by section (`figures-schema.ts`), each in parts of a few hundred KiB. A document that cannot fit a
 *   request alone is refused with an error naming the limit (`SqlLimitError`).
 * - At most 4 MiB of response: every read is paged by the documents' stored sizes (2 MiB of
 *   documents per SELECT by default), planned from an index that holds ids, stamps and sizes.
 * - 150 DML statements per second per install: statements are counted and paced (100 per second
 *   by default, per store), and batching keeps them few (one per batch of issues).
 * - No foreign keys, no transactions across statements: deleting a board deletes its rows table by
 *   table (its state last, so a delete cut short is done again); figures are written as a new
 *   generation of parts (every section's) and the older ones deleted after, and a reader takes the
 *   newest generation whose asked sections are complete, reading only those sections' parts, so it
 *   never sees a mix of two writes. Figures of the first layout (`gov_figures`, one document per
 *   board) are not read: the board's next sync derives them again, and its first write deletes them.
 *
 * Compare-and-set on a board's state is an `UPDATE … WHERE version = ?` (one row changed, or none);
 * creating it is an INSERT that a duplicate key refuses. Issues keep the newest document: an
 * upsert replaces a stored document only when its `updated` is not older (a fence against a run
 * that lost its lease). Every document is parsed by zod when written (refused with an error) and
 * when read (left out when it does not parse, as the other stores do).
 */
import { z } from 'zod';
import type { BoardFigures } from '../domain/figures';
import { BoardFiguresDoc, encodeFigureSections, FIGURES_SECTIONS, type FiguresSection, type FiguresSectionDoc, figuresFromSections, parseFigureSection, sectionsOf } from './figures-schema';
import { StoredIssueDoc } from './issue-codec';
import { SqlChange, SqlDuplicateKeyError, SqlRows, type SqlClient, type SqlParam, type SqlRow } from './sql-client';
import { BoardState, type GovernanceStore, type SaveResult, type Versioned } from './types';

const KiB = 1024;
const MiB = 1024 * KiB;

/** Forge SQL's limits per query and per install (developer.atlassian.com/platform/forge/limits-sql). */
export const FORGE_SQL_LIMITS = {
  /** One request: the statement and its parameters, as Forge's JSON body. */
  requestBytes: MiB,
  /** One response. */
  responseBytes: 4 * MiB,
  /** One row. */
  rowBytes: 6 * MiB,
  /** INSERT, UPDATE and DELETE statements per second, per install. */
  dmlPerSecond: 150,
} as const;

/** The longest issue id the table keeps (`issue_id VARCHAR(64)`). */
const MAX_ISSUE_ID_LENGTH = 64;
/** A board's figures at most (a 20,000-issue board's are a few MB). */
const MAX_FIGURES_BYTES = 64 * MiB;

export interface SqlStoreOptions {
  /** The largest request sent, in bytes of Forge's JSON request body (default: 1 MiB less 16 KiB). */
  readonly requestBudget?: number;
  /**
   * The most document bytes one SELECT returns (default 2 MiB: half the 4 MiB response, for the
   * response's escaping of quotes and its column names; documents of this store escape to ~1.2×).
   */
  readonly responseBudget?: number;
  /** Figures are stored in parts of at most this many request bytes each (default 256 KiB). */
  readonly partBytes?: number;
  /** DML statements this store sends per second at most (default 100; Forge allows 150 per install). 0: not paced. */
  readonly dmlPerSecond?: number;
  /** Rows per page when listing a board's ids and stamps (default 10,000: well under 4 MiB). */
  readonly pageRows?: number;
  /** Issues per INSERT at most (default 500), besides the request budget. */
  readonly batchRows?: number;
}

/** A document too large for Forge SQL's limits: the message names the document, its size and the limit. */
export class SqlLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlLimitError';
  }
}

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const fmt = (n: number): string => n.toLocaleString('en-US');

/** The bytes of a statement as Forge SQL sends it: a JSON body with the query and its parameters. */
export function requestBytes(query: string, params: readonly SqlParam[]): number {
  return bytes(JSON.stringify({ query, params, method: 'all' }));
}

/**
 * Cuts a text into consecutive parts, each at most `maxBytes` once JSON-escaped (its bytes in a
 * request), never between the two halves of a surrogate pair; joined they give the text back.
 */
export function splitByRequestBytes(text: string, maxBytes: number): string[] {
  if (maxBytes < 16) throw new RangeError('parts must allow at least 16 bytes');
  const parts: string[] = [];
  let start = 0;
  let size = 2; // the quotes
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    let w: number;
    let step = 1;
    if (c === 0x22 || c === 0x5c) w = 2;
    else if (c < 0x20) w = c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c < 0x80) w = 1;
    else if (c < 0x800) w = 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      w = 4;
      step = 2;
    } else if (c >= 0xd800 && c <= 0xdfff) w = 6; // a lone surrogate, escaped
    else w = 3;
    if (size + w > maxBytes && i > start) {
      parts.push(text.slice(start, i));
      start = i;
      size = 2;
    }
    size += w;
    i += step;
  }
  parts.push(text.slice(start));
  return parts;
}

/** A whole number as a client gives it: a number, a bigint, or a string of digits (DECIMAL sums, BIGINT as text). */
const Int = z.union([
  z.number().int(),
  z.bigint().transform((n) => Number(n)),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform((s) => Number(s)),
]);
const Text = z.union([z.string(), z.instanceof(Buffer).transform((b) => b.toString('utf8'))]);

const BoardRow = z.object({ version: Int, doc: Text });
const StampRow = z.object({ issue_id: Text, updated_ms: Int, bytes: Int });
const DocRow = z.object({ issue_id: Text, doc: Text });
const SectionName = z.enum(FIGURES_SECTIONS);
const PartIndexRow = z.object({ board_id: Int, gen: Int, section: SectionName, part: Int, parts: Int, bytes: Int });
const PartRow = z.object({ board_id: Int, gen: Int, section: SectionName, part: Int, doc: Text });
const SumRow = z.object({ n: z.union([Int, z.null()]) });
const IdRow = z.object({ board_id: Int });

function parseRows<T extends z.ZodType>(schema: T, rows: readonly SqlRow[], what: string): z.infer<T>[] {
  return rows.map((row) => {
    const r = schema.safeParse(row);
    if (!r.success) throw new Error(`SQL store: unexpected ${what} row from the database: ${r.error.message}`);
    return r.data as z.infer<T>;
  });
}

/** A stored document, parsed: null when it is not JSON or does not match its schema. */
function parseDoc<T>(schema: z.ZodType<T>, text: string): T | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

const placeholders = (n: number, tuple = '?'): string => Array.from({ length: n }, () => tuple).join(', ');

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Counts DML statements over the last second and waits before one that would pass the rate. The
 * window is a little longer than a second: a statement reaches the database a moment after its turn
 * is given, and the one given a turn a second later must not land inside the first one's second.
 */
const PACER_WINDOW_MS = 1_025;

class Pacer {
  private readonly sent: number[] = [];
  constructor(private readonly perSecond: number) {}

  async turn(): Promise<void> {
    if (this.perSecond <= 0) return;
    for (;;) {
      const now = Date.now();
      while (this.sent.length > 0 && (this.sent[0] ?? now) <= now - PACER_WINDOW_MS) this.sent.shift();
      if (this.sent.length < this.perSecond) {
        this.sent.push(now);
        return;
      }
      const wait = (this.sent[0] ?? now) + PACER_WINDOW_MS - now;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, wait)));
    }
  }
}

interface Row {
  readonly params: readonly SqlParam[];
  /** What the row adds to the request: its parameters as JSON, and its placeholders. */
  readonly size: number;
}

interface Stamp {
  readonly id: string;
  readonly updated: number;
  readonly bytes: number;
}

/** Where a board's figures are: the parts of each asked section in their newest generation where all are complete. */
interface FiguresIndex {
  readonly boardId: number;
  readonly gen: number;
  readonly sections: ReadonlyMap<FiguresSection, readonly { part: number; bytes: number }[]>;
}

export class SqlGovernanceStore implements GovernanceStore {
  private readonly requestBudget: number;
  private readonly responseBudget: number;
  private readonly partBytes: number;
  private readonly pageRows: number;
  private readonly batchRows: number;
  private readonly pacer: Pacer;

  constructor(
    private readonly db: SqlClient,
    options: SqlStoreOptions = {},
  ) {
    this.requestBudget = Math.min(options.requestBudget ?? FORGE_SQL_LIMITS.requestBytes - 16 * KiB, FORGE_SQL_LIMITS.requestBytes);
    this.responseBudget = options.responseBudget ?? 2 * MiB;
    this.partBytes = Math.min(options.partBytes ?? 256 * KiB, this.requestBudget - 4 * KiB);
    this.pageRows = options.pageRows ?? 10_000;
    this.batchRows = options.batchRows ?? 500;
    this.pacer = new Pacer(options.dmlPerSecond ?? 100);
  }

  // ---- statements ----

  private async select(query: string, params: readonly SqlParam[], what: string): Promise<SqlRow[]> {
    this.checkRequest(query, params, what);
    const { rows } = await this.db.query(query, params);
    const checked = SqlRows.safeParse(rows);
    if (!checked.success) throw new Error(`SQL store: the database answered ${what} with something other than rows`);
    return checked.data;
  }

  private async dml(query: string, params: readonly SqlParam[], what: string): Promise<number> {
    this.checkRequest(query, params, what);
    await this.pacer.turn();
    const r = SqlChange.safeParse(await this.db.execute(query, params));
    if (!r.success) throw new Error(`SQL store: the database answered ${what} without a count of rows changed`);
    return r.data.affectedRows;
  }

  private checkRequest(query: string, params: readonly SqlParam[], what: string): void {
    const size = requestBytes(query, params);
    if (size > FORGE_SQL_LIMITS.requestBytes) {
      throw new SqlLimitError(`${what} would send ${fmt(size)} bytes in one statement: Forge SQL takes at most 1 MiB (${fmt(FORGE_SQL_LIMITS.requestBytes)} bytes) per request`);
    }
  }

  /**
   * Multi-row INSERTs of `rows`, each statement within the request budget and the row cap.
   * `tooLarge` names a row that cannot fit a statement alone.
   */
  private async insertRows(head: string, tuple: string, tail: string, rows: readonly Row[], what: string, tooLarge: (i: number, size: number) => string): Promise<void> {
    const base = requestBytes(head + tail, []);
    let batch: Row[] = [];
    let size = base;
    const flush = async () => {
      if (batch.length === 0) return;
      const params = batch.flatMap((r) => r.params);
      await this.dml(`${head}${placeholders(batch.length, tuple)}${tail}`, params, what);
      batch = [];
      size = base;
    };
    for (const [i, row] of rows.entries()) {
      if (base + row.size > this.requestBudget) throw new SqlLimitError(tooLarge(i, base + row.size));
      if (batch.length >= this.batchRows || size + row.size > this.requestBudget) await flush();
      batch.push(row);
      size += row.size;
    }
    await flush();
  }

  private row(params: readonly SqlParam[], tuple: string): Row {
    // JSON.stringify of the whole parameter list is the sum of its items' and a comma each.
    return { params, size: bytes(JSON.stringify(params)) - 1 + tuple.length + 2 };
  }

  // ---- boards ----

  async boardIds(): Promise<number[]> {
    const ids: number[] = [];
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const rows = await this.select(`SELECT board_id FROM gov_boards WHERE board_id > ? ORDER BY board_id LIMIT ${this.pageRows}`, [after], 'the board list');
      const page = parseRows(IdRow, rows, 'board id');
      for (const r of page) ids.push(r.board_id);
      const last = page[page.length - 1];
      if (page.length < this.pageRows || last === undefined) return ids;
      after = last.board_id;
    }
  }

  async board(boardId: number): Promise<Versioned<BoardState> | null> {
    const rows = await this.select('SELECT version, doc FROM gov_boards WHERE board_id = ?', [boardId], `board ${boardId}'s state`);
    const row = parseRows(BoardRow, rows, 'board')[0];
    if (!row) return null;
    const value = parseDoc(BoardState, row.doc);
    return value && value.boardId === boardId ? { value, version: row.version } : null;
  }

  async saveBoard(state: BoardState, expectedVersion: number | null): Promise<SaveResult> {
    const parsed = BoardState.safeParse(state);
    if (!parsed.success) throw new Error(`Board state refused: not a valid board state (${parsed.error.message})`);
    const valid = parsed.data;
    const json = JSON.stringify(valid);
    const size = bytes(json);
    const what = `board ${valid.boardId}'s state (${fmt(size)} bytes)`;
    if (expectedVersion === null) {
      try {
        await this.dml('INSERT INTO gov_boards (board_id, version, bytes, doc) VALUES (?, 1, ?, ?)', [valid.boardId, size, json], what);
      } catch (e) {
        if (e instanceof SqlDuplicateKeyError) return { ok: false };
        throw e;
      }
      return { ok: true, version: 1 };
    }
    const changed = await this.dml(
      'UPDATE gov_boards SET version = version + 1, bytes = ?, doc = ? WHERE board_id = ? AND version = ?',
      [size, json, valid.boardId, expectedVersion],
      what,
    );
    return changed === 1 ? { ok: true, version: expectedVersion + 1 } : { ok: false };
  }

  async deleteBoard(boardId: number): Promise<void> {
    // In slices, so no statement runs long; the state last, so a delete cut short is seen and done again.
    const slice = 5_000;
    while ((await this.dml(`DELETE FROM gov_issues WHERE board_id = ? LIMIT ${slice}`, [boardId], `board ${boardId}'s issues`)) >= slice);
    await this.dml('DELETE FROM gov_figure_sections WHERE board_id = ?', [boardId], `board ${boardId}'s figures`);
    await this.dml('DELETE FROM gov_figures WHERE board_id = ?', [boardId], `board ${boardId}'s figures of the first layout`);
    await this.dml('DELETE FROM gov_boards WHERE board_id = ?', [boardId], `board ${boardId}'s state`);
  }

  // ---- issues ----

  async putIssues(boardId: number, issues: readonly StoredIssueDoc[]): Promise<void> {
    if (issues.length === 0) return;
    // Every document parsed first: a refused call writes nothing.
    const newest = new Map<string, StoredIssueDoc>();
    for (const doc of issues) {
      const parsed = StoredIssueDoc.safeParse(doc);
      const id = typeof (doc as { id?: unknown }).id === 'string' ? (doc as { id: string }).id : '?';
      if (!parsed.success) throw new Error(`Issue ${id} of board ${boardId} refused: not a valid stored issue document (${parsed.error.message})`);
      const valid = parsed.data;
      if (valid.id.length === 0 || valid.id.length > MAX_ISSUE_ID_LENGTH) throw new Error(`Issue id "${valid.id}" of board ${boardId} refused: an id has 1 to ${MAX_ISSUE_ID_LENGTH} characters`);
      const held = newest.get(valid.id);
      if (!held || held.updated <= valid.updated) newest.set(valid.id, valid);
    }
    const tuple = '(?, ?, ?, ?, ?)';
    const docs = [...newest.values()];
    const rows = docs.map((d) => {
      const json = JSON.stringify(d);
      return this.row([boardId, d.id, d.updated, bytes(json), json], tuple);
    });
    // Newest wins, whatever order the database applies the assignments in: the document is
    // replaced when the new stamp is at least the stored one (or at least the greatest of both).
    await this.insertRows(
      'INSERT INTO gov_issues (board_id, issue_id, updated_ms, bytes, doc) VALUES ',
      tuple,
      ' ON DUPLICATE KEY UPDATE' +
        ' doc = IF(VALUES(updated_ms) >= updated_ms, VALUES(doc), doc),' +
        ' bytes = IF(VALUES(updated_ms) >= updated_ms, VALUES(bytes), bytes),' +
        ' updated_ms = GREATEST(updated_ms, VALUES(updated_ms))',
      rows,
      `issues of board ${boardId}`,
      (i, size) =>
        `Issue ${docs[i]?.id ?? '?'} of board ${boardId} is ${fmt(rows[i] ? (rows[i].params[3] as number) : 0)} bytes (UTF-8) and needs a ${fmt(size)}-byte request: ` +
        `Forge SQL takes at most 1 MiB (${fmt(FORGE_SQL_LIMITS.requestBytes)} bytes) per request`,
    );
  }

  async deleteIssues(boardId: number, issueIds: readonly string[]): Promise<void> {
    for (const ids of chunks([...new Set(issueIds)], 1_000)) {
      await this.dml(`DELETE FROM gov_issues WHERE board_id = ? AND issue_id IN (${placeholders(ids.length)})`, [boardId, ...ids], `issues of board ${boardId}`);
    }
  }

  /** A board's ids, stamps and sizes, a page at a time, in id order (read from the index alone). */
  private async *stampPages(boardId: number): AsyncGenerator<Stamp[]> {
    let after = '';
    for (;;) {
      const rows = await this.select(
        `SELECT issue_id, updated_ms, bytes FROM gov_issues WHERE board_id = ? AND issue_id > ? ORDER BY issue_id LIMIT ${this.pageRows}`,
        [boardId, after],
        `board ${boardId}'s issue stamps`,
      );
      const page = parseRows(StampRow, rows, 'issue stamp').map((r) => ({ id: r.issue_id, updated: r.updated_ms, bytes: r.bytes }));
      yield page;
      const last = page[page.length - 1];
      if (page.length < this.pageRows || last === undefined) return;
      after = last.id;
    }
  }

  async issues(boardId: number): Promise<StoredIssueDoc[]> {
    const out: StoredIssueDoc[] = [];
    for await (const page of this.stampPages(boardId)) {
      // Ranges of consecutive ids whose documents together stay within the response budget.
      let i = 0;
      while (i < page.length) {
        const first = page[i] as Stamp;
        let last = first;
        let size = first.bytes;
        for (i++; i < page.length; i++) {
          const next = page[i] as Stamp;
          if (size + next.bytes > this.responseBudget) break;
          size += next.bytes;
          last = next;
        }
        const rows = await this.select(
          'SELECT issue_id, doc FROM gov_issues WHERE board_id = ? AND issue_id >= ? AND issue_id <= ? ORDER BY issue_id',
          [boardId, first.id, last.id],
          `board ${boardId}'s issues`,
        );
        for (const row of parseRows(DocRow, rows, 'issue')) {
          const doc = parseDoc(StoredIssueDoc, row.doc);
          if (doc && doc.id === row.issue_id) out.push(doc);
        }
      }
    }
    return out;
  }

  async issueStamps(boardId: number): Promise<Map<string, number>> {
    const stamps = new Map<string, number>();
    for await (const page of this.stampPages(boardId)) for (const s of page) stamps.set(s.id, s.updated);
    return stamps;
  }

  // ---- figures ----

  async putFigures(boardId: number, figures: BoardFigures): Promise<void> {
    const parsed = BoardFiguresDoc.safeParse(figures);
    if (!parsed.success) throw new Error(`Figures of board ${boardId} refused: not valid board figures (${parsed.error.message})`);
    const sections = encodeFigureSections(parsed.data);
    const size = FIGURES_SECTIONS.reduce((n, s) => n + bytes(sections[s]), 0);
    if (size > MAX_FIGURES_BYTES) {
      throw new SqlLimitError(`Figures of board ${boardId} are ${fmt(size)} bytes (UTF-8): the store keeps at most ${fmt(MAX_FIGURES_BYTES)} bytes of figures per board`);
    }
    const texts = FIGURES_SECTIONS.flatMap((section) => {
      const parts = splitByRequestBytes(sections[section], this.partBytes);
      return parts.map((text, part) => ({ section, part, parts: parts.length, text }));
    });
    const tuple = '(?, ?, ?, ?, ?, ?, ?)';
    for (let attempt = 0; attempt < 5; attempt++) {
      const rows = await this.select('SELECT MAX(gen) AS n FROM gov_figure_sections WHERE board_id = ?', [boardId], `board ${boardId}'s figures`);
      const gen = (parseRows(SumRow, rows, 'generation')[0]?.n ?? 0) + 1;
      try {
        await this.insertRows(
          'INSERT INTO gov_figure_sections (board_id, gen, section, part, parts, bytes, doc) VALUES ',
          tuple,
          '',
          texts.map((t) => this.row([boardId, gen, t.section, t.part, t.parts, bytes(t.text), t.text], tuple)),
          `figures of board ${boardId}`,
          (i, need) => `A ${fmt(need)}-byte part of board ${boardId}'s figures (${texts[i]?.section ?? '?'} part ${texts[i]?.part ?? i}) does not fit Forge SQL's 1 MiB request limit`,
        );
      } catch (e) {
        // Another writer took this generation: write a newer one (its parts are cleared below).
        if (e instanceof SqlDuplicateKeyError) continue;
        throw e;
      }
      await this.dml('DELETE FROM gov_figure_sections WHERE board_id = ? AND gen < ?', [boardId, gen], `board ${boardId}'s older figures`);
      // Figures of the first layout, once: what a board's first write in this layout replaces.
      const old = await this.select('SELECT COUNT(*) AS n FROM gov_figures WHERE board_id = ?', [boardId], `board ${boardId}'s figures of the first layout`);
      if ((parseRows(SumRow, old, 'count')[0]?.n ?? 0) > 0) await this.dml('DELETE FROM gov_figures WHERE board_id = ?', [boardId], `board ${boardId}'s figures of the first layout`);
      return;
    }
    throw new Error(`Figures of board ${boardId} not stored: other writers kept taking the next generation`);
  }

  async figures(boardIds: readonly number[], sections?: readonly FiguresSection[]): Promise<Map<number, BoardFigures>> {
    const asked = sectionsOf(sections);
    const out = new Map<number, BoardFigures>();
    if (asked.length === 0) return out;
    for (const ids of chunks([...new Set(boardIds)], 500)) {
      let pending = ids;
      // A generation deleted between reading its index and its parts (a newer one was written): read again.
      for (let attempt = 0; attempt < 3 && pending.length > 0; attempt++) pending = await this.readFigures(pending, asked, out);
    }
    return out;
  }

  /** Reads the `asked` sections of the figures of `ids` into `out`; returns the boards to read again. */
  private async readFigures(ids: readonly number[], asked: readonly FiguresSection[], out: Map<number, BoardFigures>): Promise<number[]> {
    const rows = await this.select(
      `SELECT board_id, gen, section, part, parts, bytes FROM gov_figure_sections WHERE board_id IN (${placeholders(ids.length)}) AND section IN (${placeholders(asked.length)})`,
      [...ids, ...asked],
      'the figures index',
    );
    // Each board's newest generation in which every asked section is complete.
    const byGen = new Map<string, { boardId: number; gen: number; sections: Map<FiguresSection, { parts: number; have: Map<number, number> }> }>();
    for (const r of parseRows(PartIndexRow, rows, 'figures index')) {
      const key = `${r.board_id}:${r.gen}`;
      let g = byGen.get(key);
      if (!g) byGen.set(key, (g = { boardId: r.board_id, gen: r.gen, sections: new Map() }));
      let s = g.sections.get(r.section);
      if (!s) g.sections.set(r.section, (s = { parts: r.parts, have: new Map() }));
      s.have.set(r.part, r.bytes);
    }
    const chosen = new Map<number, FiguresIndex>();
    for (const g of byGen.values()) {
      const complete = asked.every((section) => {
        const s = g.sections.get(section);
        return s !== undefined && s.have.size === s.parts && [...s.have.keys()].every((p) => p >= 0 && p < s.parts);
      });
      if (!complete || (chosen.get(g.boardId)?.gen ?? -1) > g.gen) continue;
      const sections = new Map(asked.map((section) => [section, [...(g.sections.get(section)?.have ?? new Map<number, number>()).entries()].map(([part, b]) => ({ part, bytes: b })).sort((a, b) => a.part - b.part)] as const));
      chosen.set(g.boardId, { boardId: g.boardId, gen: g.gen, sections });
    }
    // Reads of whole parts, each within the response budget: (board, generation, section, part range) per condition.
    const texts = new Map<number, Map<FiguresSection, (string | undefined)[]>>();
    let conditions: [number, number, FiguresSection, number, number][] = [];
    let size = 0;
    const flush = async () => {
      if (conditions.length === 0) return;
      const where = conditions.map(() => '(board_id = ? AND gen = ? AND section = ? AND part >= ? AND part <= ?)').join(' OR ');
      const got = await this.select(`SELECT board_id, gen, section, part, doc FROM gov_figure_sections WHERE ${where}`, conditions.flat(), 'figures');
      for (const r of parseRows(PartRow, got, 'figures part')) {
        const c = chosen.get(r.board_id);
        const t = texts.get(r.board_id)?.get(r.section);
        if (c && t && c.gen === r.gen && r.part >= 0 && r.part < t.length) t[r.part] = r.doc;
      }
      conditions = [];
      size = 0;
    };
    for (const c of chosen.values()) {
      const board = new Map<FiguresSection, (string | undefined)[]>();
      texts.set(c.boardId, board);
      for (const [section, parts] of c.sections) {
        board.set(section, new Array<string | undefined>(parts.length).fill(undefined));
        let from: number | null = null;
        for (const p of parts) {
          if (size + p.bytes > this.responseBudget && size > 0) {
            if (from !== null) conditions.push([c.boardId, c.gen, section, from, p.part - 1]);
            from = null;
            await flush();
          }
          from ??= p.part;
          size += p.bytes;
        }
        if (from !== null) conditions.push([c.boardId, c.gen, section, from, parts.length - 1]);
      }
    }
    await flush();
    const again: number[] = [];
    for (const [boardId, board] of texts) {
      if ([...board.values()].some((parts) => parts.some((t) => t === undefined))) {
        again.push(boardId);
        continue;
      }
      const docs: FiguresSectionDoc[] = [];
      for (const [section, parts] of board) {
        const doc = parseFigureSection(section, parts.join(''));
        if (doc) docs.push(doc);
      }
      const figures = docs.length === asked.length ? figuresFromSections(docs) : null;
      if (figures) out.set(boardId, figures);
    }
    return again;
  }

  // ---- size ----

  async sizeBytes(): Promise<number> {
    let n = 0;
    for (const table of ['gov_boards', 'gov_issues', 'gov_figure_sections', 'gov_figures'] as const) {
      const rows = await this.select(`SELECT SUM(bytes) AS n FROM ${table}`, [], `the size of ${table}`);
      n += parseRows(SumRow, rows, 'size')[0]?.n ?? 0;
    }
    return n;
  }
}

export function sqlGovernanceStore(db: SqlClient, options?: SqlStoreOptions): GovernanceStore {
  return new SqlGovernanceStore(db, options);
}
