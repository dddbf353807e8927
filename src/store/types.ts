/**
 * The governance store: what the app keeps of Jira, read once per change as the app, and what every
 * surface answers from. Per board: its state (what Jira says of the board, and how far the sync has
 * got), its issues in the domain's prepared form, and its figure rows. One interface, implemented
 * in memory (tests), in a directory (the preview and `governance --store`) and on Forge SQL (the
 * app in Jira); one contract test suite proves they behave the same.
 *
 * Every document is parsed by zod when read: a document that does not parse is treated as absent
 * (and re-read from Jira), never trusted.
 */
import { z } from 'zod';
import type { BoardFigures } from '../domain/figures';
import { FIGURES_FORMAT, type FiguresSection } from './figures-schema';
import type { StoredIssueDoc } from './issue-codec';

const FieldRefJson = z.object({ id: z.string(), names: z.array(z.string()) });

/** A sprint as a board lists it, cut to what the figures read. */
export const StoredSprint = z.object({
  id: z.number(),
  name: z.string(),
  state: z.enum(['closed', 'active', 'future']),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  completeDate: z.string().nullish(),
  originBoardId: z.number().nullish(),
});

/** What Jira says of a board, as of `refreshedAt`. */
export const BoardMeta = z.object({
  name: z.string(),
  type: z.string().nullable(),
  projectKey: z.string().nullable(),
  projectId: z.string().nullable(),
  filterId: z.string(),
  filterJql: z.string(),
  /** The board's columns (status ids per column, left to right) and estimation field. */
  columns: z.array(z.object({ name: z.string(), statusIds: z.array(z.string()) })),
  estimationFieldId: z.string().nullable(),
  fields: z.object({ sprint: FieldRefJson.nullable(), estimation: FieldRefJson.nullable() }),
  sprints: z.array(StoredSprint),
  /** The site's statuses with their categories (a status of a history not among them was deleted). */
  statuses: z.array(z.object({ id: z.string(), category: z.enum(['new', 'indeterminate', 'done', 'undefined']) })),
  /** Issue type id → untranslated (English) name, from the site's type list. */
  typeNames: z.record(z.string(), z.string()),
  refreshedAt: z.number(),
});
export type BoardMeta = z.infer<typeof BoardMeta>;

export const SyncPhase = z.enum(['new', 'backfill', 'catchup', 'idle', 'failed']);
export type SyncPhase = z.infer<typeof SyncPhase>;

/** Where an interrupted run resumes: the search it was paging and how far it got. */
export const SyncCursor = z.object({
  kind: z.enum(['backfill', 'catchup']),
  /** The search, exactly as begun (a page token belongs to its query). */
  jql: z.string(),
  /** Issues updated at or after this instant are read (null: every issue of the scope). */
  since: z.number().nullable(),
  /** The instant the search began: the watermark once it completes. */
  startedAt: z.number(),
  /** The next page of the search (null: the first). */
  pageToken: z.string().nullable(),
  /** Issues read so far by this search. */
  read: z.number(),
  /**
   * Fields the configuration now reads that the stored issues were not read with: this search reads
   * every issue of the scope again (none is skipped for an unchanged `updated`), so that each stored
   * issue holds them once it completes. Absent: none.
   */
  newFields: z.array(z.string()).optional(),
});
export type SyncCursor = z.infer<typeof SyncCursor>;

/** A claim on a board's sync: held by one run until it expires; `token` fences writes made under it. */
export const SyncLease = z.object({ owner: z.string(), token: z.number(), expiresAt: z.number() });
export type SyncLease = z.infer<typeof SyncLease>;

export const SyncState = z.object({
  phase: SyncPhase,
  /** Every change made at or before this instant is stored (null: nothing yet). */
  watermark: z.number().nullable(),
  cursor: SyncCursor.nullable(),
  lease: SyncLease.nullable(),
  /** Grows with every claim: a write carrying an older token comes from a run that lost its lease. */
  fence: z.number(),
  lastRunAt: z.number().nullable(),
  lastSuccessAt: z.number().nullable(),
  lastError: z.object({ at: z.number(), message: z.string() }).nullable(),
  /** Issues stored for the board. */
  issues: z.number(),
  /** When someone asked for this board to be brought up to date first (Refresh, a new gadget). */
  priorityAt: z.number().nullable(),
  /** When a sync of the board was last asked for (requests are throttled on it; kept after the run). */
  requestedAt: z.number().nullable().default(null),
  /** When the stored issues were last checked against the board's whole scope (deletions, moves). */
  reconciledAt: z.number().nullable(),
  /** Requests and returned objects the last run cost, in Jira's points. */
  lastCost: z.object({ requests: z.number(), objects: z.number() }).nullable(),
  /** The issue fields the stored issues were read with: a configuration needing another one reads the scope again. */
  fields: z.array(z.string()),
});
export type SyncState = z.infer<typeof SyncState>;

export const BoardState = z.object({
  boardId: z.number(),
  meta: BoardMeta.nullable(),
  sync: SyncState,
  /**
   * The figure rows stored for the board: as of when, for which configuration, and in which stored
   * layout (absent: the first, one document per board). Figures of a layout other than
   * `FIGURES_FORMAT` are derived again on the board's next sync.
   */
  figures: z.object({ asOf: z.number(), configKey: z.string(), format: z.number().int().optional() }).nullable(),
});
export type BoardState = z.infer<typeof BoardState>;

export function newBoardState(boardId: number): BoardState {
  return {
    boardId,
    meta: null,
    sync: {
      phase: 'new',
      watermark: null,
      cursor: null,
      lease: null,
      fence: 0,
      lastRunAt: null,
      lastSuccessAt: null,
      lastError: null,
      issues: 0,
      priorityAt: null,
      requestedAt: null,
      reconciledAt: null,
      lastCost: null,
      fields: [],
    },
    figures: null,
  };
}

/** Whether the board's stored figures are current in layout (else its next sync derives them again). */
export function figuresInCurrentFormat(state: BoardState): boolean {
  return state.figures !== null && state.figures.format === FIGURES_FORMAT;
}

export interface Versioned<T> {
  readonly value: T;
  readonly version: number;
}

export type SaveResult = { ok: true; version: number } | { ok: false };

export interface GovernanceStore {
  /** Every board the store holds. */
  boardIds(): Promise<number[]>;
  board(boardId: number): Promise<Versioned<BoardState> | null>;
  /**
   * Writes a board's state only over the version read (null: only when the board is absent), so
   * two runs never both win a claim or a checkpoint.
   */
  saveBoard(state: BoardState, expectedVersion: number | null): Promise<SaveResult>;
  /** Forgets a board: its state, issues and figures. */
  deleteBoard(boardId: number): Promise<void>;

  /**
   * Writes issues of a board by id, replacing what is stored, except that the newest wins: a
   * document whose `updated` is older than the stored one's is ignored (a run that lost its lease
   * cannot put back what a newer run stored; an equal stamp replaces, so the same issue read
   * again with other fields is kept). Within one call, the same rule between its documents.
   * Idempotent. A document that does not parse is refused with an error, and then nothing is written.
   */
  putIssues(boardId: number, issues: readonly StoredIssueDoc[]): Promise<void>;
  deleteIssues(boardId: number, issueIds: readonly string[]): Promise<void>;
  /** Every stored issue of a board (documents that do not parse are left out). */
  issues(boardId: number): Promise<StoredIssueDoc[]>;
  /** Each stored issue's `updated` stamp, by id. */
  issueStamps(boardId: number): Promise<Map<string, number>>;

  /**
   * Writes a board's figures, replacing what is stored, section by section (`FIGURES_SECTIONS`) in
   * one write: a reader sees all the sections of one write or of the one before. Figures that do
   * not parse (`BoardFiguresDoc`) are refused with an error, and then nothing is written.
   */
  putFigures(boardId: number, figures: BoardFigures): Promise<void>;
  /**
   * The stored figures of the boards that have them, by board. With `sections`, only those sections
   * are read and parsed: the figures hold their rows (the other sections' empty: no sprints, defects
   * or hygiene rows, `hygieneBefore` null) and the tags of at least every issue those rows name,
   * each tag as written. Without, every section: the figures as written. A board whose stored
   * sections do not parse, are of another layout, or are not of one write is left out.
   */
  figures(boardIds: readonly number[], sections?: readonly FiguresSection[]): Promise<Map<number, BoardFigures>>;

  /** The bytes the store holds (UTF-8), for sizing. */
  sizeBytes(): Promise<number>;
}
