/**
 * The health of the app's copy of each board, for Jira administrators (the "Data sync" tab of the
 * settings): what the store holds per board, how current its figures are, what the last run cost
 * and why it failed, in words; and the administrator's actions: re-sync a board (a full check of its
 * scope), sync the boards that are behind, register boards ahead of any viewer, stop syncing a
 * board. Read from the store only; which boards the administrator may see is given (read from Jira
 * as them by the caller). Every instant is a parameter.
 */
import { FIGURES_FORMAT } from '../store/figures-schema';
import type { GovernanceConfig } from '../domain/config';
import type { SettingsState, SyncBehindResult, SyncErrorKind, SyncHealthBoard, SyncHealthData } from '../shared/sync-health-protocol';
import type { BoardState, GovernanceStore } from '../store/types';
import { unreadFields } from '../sync/engine';
import { CATCH_UP_AFTER_MS } from '../sync/triggers';
import { requestSync, type SyncQueue, type SyncReason, takeSlot, type ThrottleStore } from './sync-requests';

/** What Forge SQL keeps per installation. */
export const FORGE_SQL_LIMIT_BYTES = 1024 ** 3;
/** An administrator's Re-sync of one board: at most once a minute. */
export const RESYNC_INTERVAL_MS = 60_000;
/** "Sync now" (every board that is behind): at most once a minute for the site. */
export const SYNC_BEHIND_INTERVAL_MS = 60_000;

/** What Jira's answer in a run's error says went wrong (the engine keeps the message only). */
export function errorKind(message: string): SyncErrorKind {
  if (/no longer exists, or the app may not see it/.test(message)) return 'gone';
  if (/answered (401|403)\b/.test(message)) return 'denied';
  if (/answered 429\b/.test(message)) return 'rateLimited';
  if (/answered 5\d\d\b|failed after \d+ attempt/.test(message)) return 'unavailable';
  if (/answered 400\b/.test(message)) return 'refused';
  if (/unexpected response|not JSON|next page|same page cursor/.test(message)) return 'unreadable';
  return 'other';
}

/** How a board's figures stand against the saved settings (null: the settings cannot be read). */
export function settingsState(state: BoardState, saved: { config: GovernanceConfig; key: string } | null): SettingsState {
  if (saved === null) return null;
  if (unreadFields(saved.config, state).length > 0) return 'reread';
  if (state.figures !== null && (state.figures.configKey !== saved.key || state.figures.format !== FIGURES_FORMAT)) return 'rederive';
  return 'current';
}

const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

/**
 * Why a board's copy is behind Jira, or null when it is current: never derived (`new`), derived
 * with other settings (`config`), or its last run failed, stopped midway, a sync was asked for, or
 * the last successful sync is older than the schedule's interval (`catchup`). Unlike the schedule,
 * which goes by the figures' "as of", this goes by the last successful sync: a run that finds
 * nothing changed keeps figures up to an hour old (time alone moves them little), and the board is
 * then current.
 */
export function behindReason(s: BoardState, now: number, configKey: string | null): SyncReason | null {
  if (s.figures === null) return 'new';
  if (configKey !== null && s.figures.configKey !== configKey) return 'config';
  const last = s.sync.lastSuccessAt ?? s.figures.asOf;
  if (s.sync.priorityAt !== null || s.sync.phase === 'failed' || s.sync.cursor !== null || now - last > CATCH_UP_AFTER_MS) return 'catchup';
  return null;
}

/** A run holds the board (its lease has not expired). */
export const isRunning = (s: BoardState, now: number): boolean => s.sync.lease !== null && s.sync.lease.expiresAt > now;

export interface HealthInput {
  store: GovernanceStore;
  now: number;
  /** The saved settings and their key; null when they cannot be read. */
  saved: { config: GovernanceConfig; key: string } | null;
  /** The boards the administrator may see in Jira, by id: their current names and projects. */
  visible: ReadonlyMap<number, { name: string; projectKey: string | null }>;
}

/** Every board of the store with its health, by name (boards the administrator may not see last, by id), and the totals. */
export async function syncHealth(input: HealthInput): Promise<SyncHealthData> {
  const { store, now, saved, visible } = input;
  const ids = await store.boardIds();
  const [states, bytes] = await Promise.all([Promise.all(ids.map((id) => store.board(id))), store.sizeBytes()]);
  const boards: SyncHealthBoard[] = [];
  for (const stored of states) {
    if (!stored) continue;
    const s = stored.value;
    const seen = visible.get(s.boardId) ?? null;
    const asOf = s.figures?.asOf ?? null;
    boards.push({
      id: s.boardId,
      visible: seen !== null,
      name: seen?.name ?? null,
      projectKey: seen?.projectKey ?? null,
      issues: s.sync.issues,
      asOf: iso(asOf),
      behindMs: asOf === null ? null : Math.max(0, now - asOf),
      behind: behindReason(s, now, saved?.key ?? null) !== null,
      phase: s.sync.phase,
      running: isRunning(s, now),
      runs: s.sync.fence,
      lastRunAt: iso(s.sync.lastRunAt),
      lastSuccessAt: iso(s.sync.lastSuccessAt),
      lastError: s.sync.lastError && { at: new Date(s.sync.lastError.at).toISOString(), kind: errorKind(s.sync.lastError.message), message: seen ? s.sync.lastError.message : null },
      lastCost: s.sync.lastCost,
      settings: settingsState(s, saved),
      requestedAt: iso(s.sync.requestedAt),
    });
  }
  boards.sort((a, b) => (a.name === null) !== (b.name === null) ? (a.name === null ? 1 : -1) : (a.name ?? '').localeCompare(b.name ?? '') || a.id - b.id);
  return {
    boards,
    totals: {
      boards: boards.length,
      hidden: boards.filter((b) => !b.visible).length,
      issues: boards.reduce((n, b) => n + b.issues, 0),
      behind: boards.filter((b) => b.behind).length,
      failed: boards.filter((b) => b.phase === 'failed').length,
      bytes,
      limitBytes: FORGE_SQL_LIMIT_BYTES,
    },
    now: new Date(now).toISOString(),
    catchUpAfterMs: CATCH_UP_AFTER_MS,
  };
}

export interface ActionDeps {
  store: GovernanceStore;
  queue: SyncQueue;
  /** Where the throttles keep their windows (the app's documents). */
  throttle: ThrottleStore;
  /** The sync's clock: what requests are stamped with. */
  now: number;
  /** The wall clock the administrator's throttles count in. */
  wall: number;
}

const syncDeps = (d: ActionDeps) => ({ store: d.store, queue: d.queue, throttle: d.throttle, now: d.now });

/**
 * Re-syncs a stored board (checked to be visible to the administrator by the caller): its scope
 * checked against the store, the changes read, the figures derived again. Once a minute per board.
 */
export async function resyncBoard(d: ActionDeps, boardId: number): Promise<{ status: 'notStored' } | { status: 'queued' } | { status: 'throttled'; retryAfterSeconds: number }> {
  if (!(await d.store.board(boardId))) return { status: 'notStored' };
  const slot = await takeSlot(d.throttle, `sync:admin-resync:${boardId}`, d.wall, RESYNC_INTERVAL_MS);
  if (!slot.ok) return { status: 'throttled', retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) };
  await requestSync(syncDeps(d), [boardId], 'resync');
  return { status: 'queued' };
}

/**
 * Queues every board that is behind (`behindReason`), for the reason it is: a
 * board never synced reads what Jira says of it, one derived with other settings derives them
 * again, the others catch up. Boards a run holds are left to it. Once a minute for the site; the
 * boards asked for within the minute by someone else are left to the schedule.
 */
export async function syncBehind(d: ActionDeps, configKey: string): Promise<SyncBehindResult> {
  const slot = await takeSlot(d.throttle, 'sync:admin-sync-behind', d.wall, SYNC_BEHIND_INTERVAL_MS);
  if (!slot.ok) return { queued: [], throttled: [], retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) };
  const due = new Map<SyncReason, number[]>();
  for (const id of await d.store.boardIds()) {
    const s = (await d.store.board(id))?.value;
    if (!s || isRunning(s, d.now)) continue;
    const reason = behindReason(s, d.now, configKey);
    if (reason !== null) due.set(reason, [...(due.get(reason) ?? []), id]);
  }
  const queued: number[] = [];
  const throttled: number[] = [];
  for (const [reason, ids] of due) {
    const r = await requestSync(syncDeps(d), ids, reason);
    queued.push(...r.queued);
    throttled.push(...r.throttled);
  }
  return { queued: queued.sort((a, b) => a - b), throttled: throttled.sort((a, b) => a - b), retryAfterSeconds: null };
}

/**
 * Registers boards (checked to be visible to the administrator by the caller) ahead of any viewer:
 * each starts its first sync, so a dashboard showing it answers from the store at once. Boards
 * already in the store are left as they are.
 */
export async function addBoards(d: ActionDeps, boardIds: readonly number[]): Promise<{ added: number[]; already: number[] }> {
  const stored = new Set(await d.store.boardIds());
  const already = boardIds.filter((id) => stored.has(id));
  const fresh = boardIds.filter((id) => !stored.has(id));
  const r = fresh.length > 0 ? await requestSync(syncDeps(d), fresh, 'new') : { queued: [], throttled: [] };
  // A board registered by someone else meanwhile counts as already there.
  return { added: r.queued, already: [...already, ...r.throttled] };
}

/**
 * Stops syncing a board: its state, issues and figures leave the store. Refused while a run holds
 * it (the run would write its issues back). A gadget or page that still shows the board registers
 * it again on its next view.
 */
export async function forgetBoard(d: ActionDeps, boardId: number): Promise<{ status: 'notStored' } | { status: 'running'; until: number } | { status: 'forgotten' }> {
  const stored = await d.store.board(boardId);
  if (!stored) return { status: 'notStored' };
  const lease = stored.value.sync.lease;
  if (lease && lease.expiresAt > d.now) return { status: 'running', until: lease.expiresAt };
  await d.store.deleteBoard(boardId);
  return { status: 'forgotten' };
}
