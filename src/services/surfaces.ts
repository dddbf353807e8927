/**
 * What the gadgets and the project page show, read from the store: the boards' stored figure rows,
 * kept to the issues the viewer may browse (one bulk permission check, kept for minutes) and to the
 * roll-up asked for, aggregated, with how fresh each board is. Nothing here reads an issue from
 * Jira: a hundred viewers of one dashboard cost a hundred permission checks and no issue read.
 * Boards the store does not hold yet are registered and their first sync queued; a Refresh asks
 * for a sync (throttled), never a recomputation. Only the sections of the figures the surface shows
 * are read from the store (a gadget of backlog convergence parses no hygiene or defect row).
 */
import type { BoardFigures, IssueTag } from '../domain/figures';
import { JiraError, type JiraClient } from '../jira/types';
import type { Freshness } from '../shared/governance-protocol';
import type { GovernanceStore } from '../store/types';
import { BoardNotFoundError } from './board-data';
import { type FiguresRequest, type FiguresSections, figuresReport } from './figures-report';
import { requestSync, type SyncQueue, type ThrottleStore } from './sync-requests';
import { type AccessCache, viewerAccess } from './viewer-access';

const DAY = 86_400_000;

export interface SurfaceDeps {
  readonly store: GovernanceStore;
  /** Where viewers' permission answers are kept for minutes. */
  readonly cache: AccessCache;
  readonly queue: SyncQueue;
  readonly throttle: ThrottleStore;
  readonly now: () => number;
}

export interface Viewer {
  readonly accountId: string;
  /** Reads Jira as the viewer. */
  readonly client: JiraClient;
}

export interface SurfaceFigures {
  report: FiguresSections | null;
  figures: BoardFigures[];
  visible: (tag: IssueTag) => boolean;
  boards: { id: number; name: string }[];
  freshness: Freshness;
  /** The end Jira plans for each sprint the boards list (its `endDate`), by sprint id, as last synced. */
  plannedEnds: ReadonlyMap<number, string>;
}

/** The boards as the viewer sees them (Jira answers 404 for a board they may not see), with their names. */
export async function visibleBoards(client: JiraClient, boardIds: readonly number[]): Promise<{ id: number; name: string; projectKey: string | null }[]> {
  return Promise.all(
    boardIds.map(async (id) => {
      try {
        const b = await client.board(id);
        return { id, name: b.name, projectKey: b.location?.projectKey ?? null };
      } catch (err) {
        if (err instanceof JiraError && err.status === 404) throw new BoardNotFoundError(id);
        throw err;
      }
    }),
  );
}

/**
 * The stored figures of the boards for the viewer: checked against Jira as the viewer (the boards,
 * then one bulk permission check), never an issue read. With `refresh`, a sync of the boards is
 * asked for (throttled); boards without figures get their first sync queued.
 */
export async function surfaceFigures(
  deps: SurfaceDeps,
  viewer: Viewer,
  boardIds: readonly number[],
  req: Omit<FiguresRequest, 'visible' | 'from' | 'to'> & { periodDays: number },
  options: { refresh?: boolean } = {},
): Promise<SurfaceFigures> {
  const boards = await visibleBoards(viewer.client, boardIds);
  const now = deps.now();
  const [stored, states] = await Promise.all([deps.store.figures(boardIds, req.sections), Promise.all(boardIds.map((id) => deps.store.board(id)))]);
  const missing = boardIds.filter((id) => !stored.has(id));
  const requests = { store: deps.store, queue: deps.queue, throttle: deps.throttle, now, accountId: viewer.accountId };
  if (missing.length > 0) await requestSync(requests, missing, 'new');
  const asked = options.refresh ? await requestSync(requests, boardIds.filter((id) => stored.has(id)), 'refresh') : null;
  const figures = boardIds.flatMap((id) => {
    const f = stored.get(id);
    return f ? [f] : [];
  });
  const tags = figures.flatMap((f) => f.tags);
  const access = await viewerAccess(viewer.client, deps.cache, viewer.accountId, tags, now);
  const visible = (tag: IssueTag) => access.canSee(tag);
  const asOf = figures.length > 0 ? Math.min(...figures.map((f) => f.asOf)) : null;
  // The defect period ends when the figures are as of: "resolved in the 30 days before" that.
  const to = asOf ?? now;
  const report = figures.length > 0 ? figuresReport(figures, { ...req, from: to - req.periodDays * DAY, to, visible }) : null;
  const freshness: Freshness = {
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    behindMs: asOf === null ? null : Math.max(0, now - asOf),
    boards: boards.map((b, i) => {
      const s = states[i]?.value ?? null;
      const f = stored.get(b.id);
      return { id: b.id, name: b.name, asOf: f ? new Date(f.asOf).toISOString() : null, phase: s?.sync.phase ?? 'new', lastError: s?.sync.lastError?.message ?? null, issues: s?.sync.issues ?? 0 };
    }),
    pending: missing,
    syncing: missing.length > 0 || (asked?.queued.length ?? 0) > 0 || states.some((s) => s?.value.sync.priorityAt != null),
  };
  const plannedEnds = new Map<number, string>();
  for (const st of states) for (const sp of st?.value.meta?.sprints ?? []) if (sp.endDate) plannedEnds.set(sp.id, sp.endDate);
  return { report, figures, visible, boards: boards.map(({ id, name }) => ({ id, name })), freshness, plannedEnds };
}
