/**
 * What wakes the sync, as pure decisions over the store (the Forge handlers in `src/forge/sync.ts`
 * and the preview call these):
 * - a queued message runs one board's sync, and queues itself again when it stopped at its budget;
 * - the schedule queues a catch-up for every board whose figures are older than a few minutes, or
 *   that someone asked for, or whose configuration changed;
 * - an issue event (created, updated, deleted) queues the boards that hold the issue or are located
 *   in its project; a deleted issue leaves the store at once, without reading Jira;
 * - a sprint or board event re-reads the sprints and configuration of the boards concerned.
 */
import { FIGURES_FORMAT } from '../store/figures-schema';
import { z } from 'zod';
import type { GovernanceStore } from '../store/types';
import type { BoardState } from '../store/types';
import { pushAll, requestSync, SYNC_REASONS, type SyncMessage, type SyncQueue, type SyncReason, type ThrottleStore } from '../services/sync-requests';
import { type SyncDeps, type SyncOutcome, syncBoard } from './engine';

export const SyncMessageSchema = z.object({
  boardId: z.number().int().positive(),
  reason: z.enum(SYNC_REASONS),
});

/** Runs one queued sync. A run that used its budget is queued again to resume from its checkpoint. */
export async function runSyncMessage(deps: SyncDeps, queue: SyncQueue, message: SyncMessage): Promise<SyncOutcome> {
  const outcome = await syncBoard(deps, message.boardId, {
    refreshMeta: message.reason === 'sprint' || message.reason === 'new',
    rederive: message.reason === 'resync',
    reconcile: message.reason === 'resync',
    // A settings change derives the figures again from the stored issues (their configuration key
    // differs) after a search of the changes since the watermark; a day-old board read or scope
    // check waits for the next run. Settings that read a field the stored issues were not read
    // with still read them again: the engine decides that.
    upkeep: message.reason !== 'config',
  });
  if (outcome.status === 'more') await queue.push({ boardId: message.boardId, reason: 'catchup' });
  return outcome;
}

/** Figures older than this are brought up to date by the schedule. */
export const CATCH_UP_AFTER_MS = 15 * 60_000;

/**
 * The schedule's pass: queues a sync of every stored board that is due (figures older than
 * `CATCH_UP_AFTER_MS`, a request waiting, a configuration the figures were not derived with, or a
 * failed last run), unless a run holds it. Returns the boards queued.
 */
export async function scheduleCatchUp(store: GovernanceStore, queue: SyncQueue, now: number, configKey: string): Promise<number[]> {
  const messages: SyncMessage[] = [];
  for (const boardId of await store.boardIds()) {
    const stored = await store.board(boardId);
    if (!stored) continue;
    const s = stored.value;
    if (s.sync.lease && s.sync.lease.expiresAt > now) continue;
    const reason = dueReason(s, now, configKey);
    if (reason !== null) messages.push({ boardId, reason });
  }
  await pushAll(queue, messages);
  return messages.map((m) => m.boardId);
}

/**
 * Why a board is due for a sync, or null when its figures are current: never derived (`new`),
 * derived with other settings or stored in an earlier layout (`config`), or asked for, failed, interrupted or older than
 * `CATCH_UP_AFTER_MS` (`catchup`).
 */
export function dueReason(s: BoardState, now: number, configKey: string): SyncReason | null {
  if (s.figures === null) return 'new';
  // Derived with other settings, or stored in an earlier layout (read as none): derived again.
  if (s.figures.configKey !== configKey || s.figures.format !== FIGURES_FORMAT) return 'config';
  if (s.sync.priorityAt !== null || s.sync.phase === 'failed' || s.sync.cursor !== null || now - s.figures.asOf > CATCH_UP_AFTER_MS) return 'catchup';
  return null;
}

/** What an issue event says of the issue: enough to find the boards it concerns. */
export const IssueEventSchema = z
  .object({
    eventType: z.enum(['avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue']),
    issue: z.object({ id: z.string(), key: z.string().optional(), fields: z.object({ project: z.object({ key: z.string() }).passthrough().optional() }).passthrough().optional() }).passthrough(),
  })
  .passthrough();

/** What a sprint or board event says: the sprint's board, or the board. */
export const AgileEventSchema = z
  .object({
    eventType: z.string().regex(/^avi:jira-software:[a-z-]+:(sprint|board)$/),
    sprint: z.object({ id: z.number(), originBoardId: z.number().nullish() }).passthrough().optional(),
    board: z.object({ id: z.union([z.number(), z.string()]) }).passthrough().optional(),
    configuration: z.object({ id: z.union([z.number(), z.string()]) }).passthrough().optional(),
  })
  .passthrough();

/** What an event needs to know of a registered board to tell whether it concerns it. */
export interface RegistryEntry {
  boardId: number;
  projectKey: string | null;
  filterJql: string;
  sprintIds: number[];
}

/**
 * The registered boards as events match them, read from the store at most once a minute per
 * process: a burst of issue events (a bulk edit of 500 issues) reads the registry once, not 500 times.
 */
export function registryCache(store: GovernanceStore, maxAgeMs = 60_000): (now: number) => Promise<RegistryEntry[]> {
  let cached: { at: number; entries: RegistryEntry[] } | null = null;
  return async (now) => {
    if (cached && now - cached.at >= 0 && now - cached.at < maxAgeMs) return cached.entries;
    const states = await Promise.all((await store.boardIds()).map((id) => store.board(id)));
    const entries = states.flatMap((s) =>
      s ? [{ boardId: s.value.boardId, projectKey: s.value.meta?.projectKey ?? null, filterJql: s.value.meta?.filterJql ?? '', sprintIds: s.value.meta?.sprints.map((x) => x.id) ?? [] }] : [],
    );
    cached = { at: now, entries };
    return entries;
  };
}

export interface EventDeps {
  store: GovernanceStore;
  queue: SyncQueue;
  throttle: ThrottleStore;
  registry: (now: number) => Promise<RegistryEntry[]>;
  now: number;
}

/**
 * The boards an issue event concerns (located in the issue's project, or whose filter names it;
 * a board whose filter takes the issue another way is caught by the schedule's catch-up). They are
 * asked for a catch-up, at most one a minute per board; a deleted issue leaves their store at once,
 * without reading Jira, and their figures are derived again.
 */
export async function onIssueEvent(deps: EventDeps, event: z.infer<typeof IssueEventSchema>): Promise<number[]> {
  const projectKey = event.issue.fields?.project?.key ?? event.issue.key?.slice(0, event.issue.key.lastIndexOf('-')) ?? null;
  if (projectKey === null) return [];
  const names = new RegExp(`(^|[^A-Za-z0-9_])${projectKey.replace(/[^A-Za-z0-9_]/g, '')}([^A-Za-z0-9_]|$)`, 'i');
  const concerned = (await deps.registry(deps.now)).filter((b) => b.projectKey === projectKey || names.test(b.filterJql)).map((b) => b.boardId);
  const deleted = event.eventType === 'avi:jira:deleted:issue';
  if (deleted) for (const boardId of concerned) await deps.store.deleteIssues(boardId, [event.issue.id]);
  await requestSync(deps, concerned, deleted ? 'resync' : 'catchup');
  return concerned;
}

/** The boards a sprint or board event concerns: they read their sprints and configuration again. */
export async function onAgileEvent(deps: EventDeps, event: z.infer<typeof AgileEventSchema>): Promise<number[]> {
  const registry = await deps.registry(deps.now);
  let concerned: number[];
  if (event.sprint) {
    const sprintId = event.sprint.id;
    const origin = event.sprint.originBoardId ?? null;
    concerned = registry.filter((b) => b.boardId === origin || b.sprintIds.includes(sprintId)).map((b) => b.boardId);
  } else {
    const id = Number(event.board?.id ?? event.configuration?.id);
    concerned = registry.filter((b) => b.boardId === id).map((b) => b.boardId);
  }
  await requestSync(deps, concerned, 'sprint');
  return concerned;
}
