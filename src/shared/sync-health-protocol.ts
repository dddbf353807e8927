/**
 * Payloads and results of the "Data sync" tab of the governance settings: the health of the app's
 * copy of each board (what is stored, how current, what failed, what the last run cost) and the
 * administrator's actions on it. Type-only apart from the resolver names: `protocol.ts` re-exports
 * these, so the UI still shares one module with the backend.
 */

/** What went wrong in a board's last sync, in words an administrator can act on. */
export type SyncErrorKind =
  /** Jira says the board does not exist, or the app may not see it any more. */
  | 'gone'
  /** Jira refused the app access (401/403). */
  | 'denied'
  /** Jira limited the app's requests (429) longer than the run could wait. */
  | 'rateLimited'
  /** Jira could not be reached or failed (5xx, network), after retries. */
  | 'unavailable'
  /** Jira refused a request (400): most often the board's filter, its JQL no longer valid. */
  | 'refused'
  /** Jira answered something the app could not read. */
  | 'unreadable'
  | 'other';

export type SyncPhase = 'new' | 'backfill' | 'catchup' | 'idle' | 'failed';

/**
 * How the board's figures stand against the saved settings: derived with them (`current`), to be
 * derived again from the stored issues (`rederive`), or to be read again from Jira first, because
 * the settings read an issue field the stored issues were not read with (`reread`). Null when the
 * saved settings cannot be read.
 */
export type SettingsState = 'current' | 'rederive' | 'reread' | null;

export interface SyncHealthBoard {
  id: number;
  /**
   * False: the administrator may not see this board in Jira; its name, project and error text are
   * not shown (its id and the store's own figures are).
   */
  visible: boolean;
  name: string | null;
  projectKey: string | null;
  /** Issues stored for the board. */
  issues: number;
  /** When its figures were derived (ISO); null before its first sync finished. */
  asOf: string | null;
  /** How far behind now that is (ms). */
  behindMs: number | null;
  /** Due for a sync: never synced, figures older than the schedule's interval, failed, asked for, interrupted, or derived with other settings. */
  behind: boolean;
  phase: SyncPhase;
  /** A run holds the board now. */
  running: boolean;
  /** Runs so far (each claim of the board). */
  runs: number;
  lastRunAt: string | null;
  lastSuccessAt: string | null;
  /** Null once a run succeeds again. `message` is Jira's own words (null for a board the administrator may not see). */
  lastError: { at: string; kind: SyncErrorKind; message: string | null } | null;
  /** Requests sent to Jira and issues and histories returned by the last successful run. */
  lastCost: { requests: number; objects: number } | null;
  settings: SettingsState;
  /** When a sync of the board was last asked for. */
  requestedAt: string | null;
}

export interface SyncHealthData {
  boards: SyncHealthBoard[];
  totals: {
    boards: number;
    /** Boards the administrator may not see (counted, not named). */
    hidden: number;
    issues: number;
    behind: number;
    failed: number;
    /** What the store holds (UTF-8 bytes), against what Forge SQL gives one installation. */
    bytes: number;
    limitBytes: number;
  };
  /** The instant the view was read at (ISO). */
  now: string;
  /** The schedule brings figures older than this up to date (ms). */
  catchUpAfterMs: number;
}

export interface BoardIdPayload {
  boardId: number;
}

export interface AddBoardsPayload {
  boardIds: number[];
}

export type ResyncResult = { status: 'queued' } | { status: 'throttled'; retryAfterSeconds: number };

export interface SyncBehindResult {
  queued: number[];
  /** Boards asked for within the minute already: the schedule takes them. */
  throttled: number[];
  /** Set when "Sync now" itself was used within the minute (nothing was queued). */
  retryAfterSeconds: number | null;
}

export interface AddBoardsResult {
  /** Registered now, their first sync queued. */
  added: number[];
  /** Already in the store: nothing done. */
  already: number[];
}

export interface ForgetResult {
  forgotten: number;
}

export interface SyncHealthResolverTypes {
  'sync/health': { payload: Record<string, never>; data: SyncHealthData };
  'sync/resync': { payload: BoardIdPayload; data: ResyncResult };
  'sync/behind': { payload: Record<string, never>; data: SyncBehindResult };
  'sync/add': { payload: AddBoardsPayload; data: AddBoardsResult };
  'sync/forget': { payload: BoardIdPayload; data: ForgetResult };
}

export const SYNC_HEALTH_RESOLVER = {
  syncHealth: 'sync/health',
  syncResync: 'sync/resync',
  syncBehind: 'sync/behind',
  syncAdd: 'sync/add',
  syncForget: 'sync/forget',
} as const;
