/**
 * Asking for a board to be synced: a surface that needs a board the store does not hold yet, a
 * viewer's "Refresh", a Jira event, the schedule. A request puts the board in the store's registry
 * (so the schedule keeps it current from then on) and a message on the sync queue. Requests are
 * throttled: one per board a minute, and a site-wide budget of Refreshes, so no viewer can make the
 * app read Jira more than the sync itself needs.
 */
import { z } from 'zod';
import { newBoardState, type GovernanceStore } from '../store/types';

/**
 * Why a board's sync is asked for, which decides what the run does beyond reading the changes since
 * the watermark: `new` and `sprint` read what Jira says of the board again; `resync` also checks the
 * stored ids against the board's whole scope and derives the figures again; `config` (the settings
 * changed) derives the figures again from the stored issues, and leaves the periodic upkeep to the
 * next run; `refresh` and `catchup` read the changes only.
 */
export type SyncReason = 'new' | 'refresh' | 'catchup' | 'sprint' | 'resync' | 'config';
export const SYNC_REASONS = ['new', 'refresh', 'catchup', 'sprint', 'resync', 'config'] as const satisfies readonly SyncReason[];

export interface SyncMessage {
  boardId: number;
  reason: SyncReason;
}

/** Where sync messages go: a Forge queue in Jira, an in-process runner in the preview and tests. */
export interface SyncQueue {
  push(message: SyncMessage): Promise<void>;
  /** Many messages at once, in as few calls as the queue allows (Forge takes 50 per push). */
  pushAll?(messages: readonly SyncMessage[]): Promise<void>;
}

/** Pushes the messages in batches when the queue can, one by one otherwise. */
export async function pushAll(queue: SyncQueue, messages: readonly SyncMessage[]): Promise<void> {
  if (messages.length === 0) return;
  if (queue.pushAll) return queue.pushAll(messages);
  for (const m of messages) await queue.push(m);
}

/** The part of the app's document store the site-wide throttle keeps its window in. */
export interface ThrottleStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null, options?: { ttlSeconds?: number }): Promise<{ ok: boolean }>;
}

/** One request per board per this long (a second one while the first waits adds nothing). */
export const BOARD_REQUEST_INTERVAL_MS = 60_000;
/** Refreshes the whole site may ask for per window. */
export const SITE_REFRESHES_PER_WINDOW = 30;
export const SITE_REFRESH_WINDOW_MS = 10 * 60_000;

/** Refreshes one viewer may ask for per window (the site's), and boards one viewer may bring into the store per window of their own. */
export const USER_REFRESHES_PER_WINDOW = 10;
export const USER_NEW_BOARDS_PER_WINDOW = 20;
/** Nothing naming a viewer is kept longer than this (docs/privacy.md): their budgets' windows fit in it. */
export const USER_NEW_BOARDS_WINDOW_MS = 15 * 60_000;

const WINDOW_KEY = 'sync:refresh-window';
const Window = z.object({ start: z.number(), count: z.number().int().min(0) });
const safe = (s: string): string => s.replace(/[^a-zA-Z0-9:._#-]/g, '_');

export interface RequestOutcome {
  /** Boards a sync was queued for. */
  queued: number[];
  /** Boards already asked for within the minute, or refused by the viewer's or the site's budget. */
  throttled: number[];
}

/** Takes one from a budget of `limit` per window kept under `key`; false when it is spent. */
async function takeBudget(throttle: ThrottleStore, key: string, limit: number, windowMs: number, now: number): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await throttle.get(key);
    const parsed = Window.safeParse(stored?.value);
    const current = parsed.success && now - parsed.data.start < windowMs && now >= parsed.data.start ? parsed.data : { start: now, count: 0 };
    if (current.count >= limit) return false;
    // Kept no longer than its window (a viewer's budget names them).
    const r = await throttle.compareAndSet(key, { start: current.start, count: current.count + 1 }, stored?.version ?? null, { ttlSeconds: Math.ceil(windowMs / 1000) });
    if (r.ok) return true;
  }
  return false;
}

/**
 * Whether a viewer's request may go ahead: a Refresh draws on the viewer's budget and then the
 * site's; bringing a board into the store (its first sync, as the app) draws on the viewer's own
 * budget. Events, the schedule and administrators draw on none.
 */
async function allowed(throttle: ThrottleStore, reason: SyncReason, accountId: string | undefined, now: number): Promise<boolean> {
  if (reason === 'refresh') {
    if (accountId !== undefined && !(await takeBudget(throttle, `sync:refresh-window:${safe(accountId)}`, USER_REFRESHES_PER_WINDOW, SITE_REFRESH_WINDOW_MS, now))) return false;
    return takeBudget(throttle, WINDOW_KEY, SITE_REFRESHES_PER_WINDOW, SITE_REFRESH_WINDOW_MS, now);
  }
  if (reason === 'new' && accountId !== undefined) return takeBudget(throttle, `sync:new-boards:${safe(accountId)}`, USER_NEW_BOARDS_PER_WINDOW, USER_NEW_BOARDS_WINDOW_MS, now);
  return true;
}

/** Reasons a board's sync is asked for at most once a minute (many viewers, many issue events). */
const THROTTLED: ReadonlySet<SyncReason> = new Set(['new', 'refresh', 'catchup']);

/**
 * Registers the boards (a new one starts its first sync) and queues a sync for each. Views, Refreshes
 * and issue events queue at most one sync per board a minute; one more within the minute marks the
 * board as asked for, and the schedule's next pass takes it. A viewer's Refresh also draws on their
 * budget and the site's, and a board a viewer brings into the store on their own budget. Sprint and board events and re-syncs always queue (they are rare and change what a sync reads).
 */
export async function requestSync(
  deps: { store: GovernanceStore; queue: SyncQueue; throttle: ThrottleStore; now: number; /** The viewer asking, if one is. */ accountId?: string },
  boardIds: readonly number[],
  reason: SyncReason,
): Promise<RequestOutcome> {
  const queued: number[] = [];
  const throttled: number[] = [];
  for (const boardId of boardIds) {
    const stored = await deps.store.board(boardId);
    const state = stored?.value ?? newBoardState(boardId);
    const asked = state.sync.requestedAt ?? state.sync.priorityAt;
    if (THROTTLED.has(reason) && asked !== null && deps.now - asked >= 0 && deps.now - asked < BOARD_REQUEST_INTERVAL_MS) {
      // Asked for within the minute: noted for the schedule (once), not queued again.
      if (state.sync.priorityAt === null && stored) await deps.store.saveBoard({ ...state, sync: { ...state.sync, priorityAt: deps.now } }, stored.version);
      throttled.push(boardId);
      continue;
    }
    if (!(await allowed(deps.throttle, reason, deps.accountId, deps.now))) {
      throttled.push(boardId);
      continue;
    }
    const saved = await deps.store.saveBoard({ ...state, sync: { ...state.sync, priorityAt: deps.now, requestedAt: deps.now } }, stored?.version ?? null);
    // Someone else wrote the state meanwhile (a run, another request): their run or request stands,
    // unless this request changes what a sync reads.
    if (!saved.ok && THROTTLED.has(reason)) {
      throttled.push(boardId);
      continue;
    }
    queued.push(boardId);
  }
  await pushAll(deps.queue, queued.map((boardId) => ({ boardId, reason })));
  return { queued, throttled };
}

/**
 * After the settings changed (a save or an import): every stored board is queued for a run that
 * derives its figures again from its stored issues. Not throttled (a second save a minute later
 * must be applied too), and cheap: one read of the registry, the messages pushed in batches, no
 * board state written (the figures' configuration key already marks the boards as due, so the
 * schedule takes any board whose message is lost). Returns the boards queued.
 */
export async function requestRederive(deps: { store: GovernanceStore; queue: SyncQueue }): Promise<number[]> {
  const boardIds = await deps.store.boardIds();
  await pushAll(deps.queue, boardIds.map((boardId) => ({ boardId, reason: 'config' as const })));
  return boardIds;
}

/**
 * One action per key per `intervalMs` (an administrator's Re-sync of a board, their "Sync now"):
 * the slot is taken (compare-and-set) or the time left until the next one is answered.
 */
export async function takeSlot(throttle: ThrottleStore, key: string, now: number, intervalMs: number): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await throttle.get(key);
    const parsed = Slot.safeParse(stored?.value);
    if (parsed.success && now >= parsed.data.at && now - parsed.data.at < intervalMs) return { ok: false, retryAfterMs: intervalMs - (now - parsed.data.at) };
    const r = await throttle.compareAndSet(key, { at: now }, stored?.version ?? null);
    if (r.ok) return { ok: true };
  }
  return { ok: false, retryAfterMs: intervalMs };
}

const Slot = z.object({ at: z.number() });
