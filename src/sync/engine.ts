/**
 * The sync of one board, as the app: a loop of small idempotent steps that keeps the store's copy
 * of the board (its issues, prepared, and its figure rows) current while reading Jira only for
 * what changed.
 *
 * 1. Claim the board (compare-and-set on its state; a lease with a fencing token): one run per
 *    board at a time, whatever the number of consumers or redeliveries.
 * 2. Refresh what Jira says of the board (configuration, filter, sprints, the site's statuses and
 *    type names) when it is unknown, a day old, or a sprint event asks for it. A changed filter or
 *    estimation field reads the board's scope again.
 * 3. Read the changes: the first time, the board's whole kept scope (a backfill); then only the
 *    issues updated since the watermark, less a margin, skipping those whose `updated` stamp is
 *    already stored. Issues come in groups with their complete changelogs (`reader.ts`), each
 *    group stored before the checkpoint moves past it (the search's page token), so a run killed
 *    anywhere resumes where the store says and never skips an issue.
 * 4. Now and then (after a backfill, once a day, or when asked) check the stored ids against the
 *    scope's ids (one request per 5,000 issues): what left it (deleted, moved, no longer matching
 *    the filter, aged out of the horizon) is removed, what is missing is read.
 * 5. Derive the board's figure rows from the stored issues and store them; a configuration change
 *    derives them again without reading Jira.
 * The watermark moves only once every issue it covers is stored (Singer's bookmark rule).
 */
import type { GovernanceConfig } from '../domain/config';
import { discoverFields, type SiteFields } from '../domain/issue';
import { z } from 'zod';
import { JiraStatus, parseInstant, type JiraIssue, type StatusCategoryKey } from '../domain/jira';
import { MAX_PAGES, PageGuard } from '../jira/pager';
import { JiraError, type JiraClient } from '../jira/types';
import { metricFieldIds } from '../services/board-data';
import { deriveBoardFigures } from '../services/board-figures';
import { FIGURES_FORMAT } from '../store/figures-schema';
import { untranslatedTypeNames } from '../services/issue-types';
import { keptScopeJql, syncScopeJql } from '../services/jql';
import { decodeIssue, encodeIssue } from '../store/issue-codec';
import { type BoardMeta, type BoardState, type GovernanceStore, newBoardState, type SyncCursor } from '../store/types';
import { readIssues } from '../services/issue-reader';

export interface SyncDeps {
  /** Reads Jira as the app. */
  readonly client: JiraClient;
  readonly store: GovernanceStore;
  /** The wall clock: leases, watermarks, "as of". */
  readonly clock: () => number;
  /** The configuration the figures are derived with, and a key that changes when it does. */
  readonly config: () => Promise<{ config: GovernanceConfig; key: string }>;
  /** Who runs (an invocation id): the lease's owner. */
  readonly owner: string;
  /** How long a claim holds without being renewed (default 2 minutes; renewed at every checkpoint). */
  readonly leaseMs?: number;
  /** Stop at the next checkpoint after this long (default: no limit); the run resumes later. */
  readonly budgetMs?: number;
  /** A catch-up reads changes from the watermark less this (default 2 minutes: clock skew, JQL's minute). */
  readonly marginMs?: number;
  readonly metaMaxAgeMs?: number;
  readonly reconcileEveryMs?: number;
  /** Figure rows older than this are derived again (time moves hygiene and SLA clocks; default 1 hour). */
  readonly figuresMaxAgeMs?: number;
  /** Issues stored per checkpoint (default 1,000: one bulk changelog call). */
  readonly groupSize?: number;
  /**
   * Where the site's own lists (its fields, statuses and issue types: the same for every board) are
   * kept for an hour, so that the boards' runs read them from Jira once an hour rather than once per
   * board. Absent: every run that reads a board's metadata reads them too.
   */
  readonly siteCache?: SiteCache;
}

/** The part of the app's document store the site's lists are kept in (KVS on Forge; memory in tests). */
export interface SiteCache {
  get(key: string): Promise<{ value: unknown } | null>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<unknown>;
}

/** How long the site's lists are kept (a status or field added or removed shows within this). */
export const SITE_LISTS_TTL_MS = 60 * 60_000;
const SITE_LISTS_KEY = 'sync:site-lists:v1';

/** The site's lists as kept: only what the sync reads of them. */
const SiteLists = z.object({
  at: z.number(),
  fields: z.array(z.object({ id: z.string(), name: z.string(), schema: z.object({ type: z.string().nullish(), custom: z.string().nullish() }).nullish() })),
  statuses: z.array(JiraStatus),
  typeNames: z.record(z.string(), z.string()),
});
type SiteLists = z.infer<typeof SiteLists>;

/** The site's fields, statuses and type names: kept ones while fresh, else read from Jira (and kept). */
async function siteLists(client: JiraClient, cache: SiteCache | undefined, now: number): Promise<SiteLists> {
  if (cache) {
    const kept = SiteLists.safeParse((await cache.get(SITE_LISTS_KEY).catch(() => null))?.value);
    if (kept.success && now - kept.data.at >= 0 && now - kept.data.at < SITE_LISTS_TTL_MS) return kept.data;
  }
  const [fields, statuses, typeNames] = await Promise.all([client.fields(), client.statuses(), untranslatedTypeNames(client)]);
  const lists: SiteLists = {
    at: now,
    fields: fields.map((f) => ({ id: f.id, name: f.name, schema: f.schema ? { type: f.schema.type ?? null, custom: f.schema.custom ?? null } : null })),
    statuses: statuses.map((s) => ({ id: s.id, name: s.name, statusCategory: { key: s.statusCategory.key } })),
    typeNames: Object.fromEntries(typeNames),
  };
  // Keeping them only saves requests: a failure to keep them (too large, storage down) costs nothing else.
  await cache?.set(SITE_LISTS_KEY, lists, { ttlSeconds: Math.ceil(SITE_LISTS_TTL_MS / 1000) }).catch(() => undefined);
  return lists;
}

export interface SyncOptions {
  /** Read what Jira says of the board again (a sprint started or closed). */
  readonly refreshMeta?: boolean;
  /** Check the stored ids against the board's whole scope. */
  readonly reconcile?: boolean;
  /** Derive the figure rows again even if nothing changed. */
  readonly rederive?: boolean;
  /**
   * Read what Jira says of the board when it is a day old, and check the scope when that was last
   * done a day ago (default true). False leaves both to the next run (a settings change derives the
   * figures again and reads nothing more than the changes since the watermark); a board never read,
   * a changed scope or a backfill still read what they need.
   */
  readonly upkeep?: boolean;
  /**
   * False: leave the figure rows as they are (the caller derives them itself: the command derives
   * them at its own `--now` with the sprints asked for). Default true.
   */
  readonly derive?: boolean;
}

export type SyncOutcome =
  | { status: 'synced'; boardId: number; changed: number; removed: number; issues: number; cost: { requests: number; objects: number } }
  | { status: 'more'; boardId: number; read: number }
  | { status: 'busy'; boardId: number }
  | { status: 'gone'; boardId: number; message: string }
  | { status: 'failed'; boardId: number; message: string };

const DAY = 86_400_000;
const MINUTE = 60_000;

/** A run that lost its claim (it expired and another run took the board). */
class LostClaim extends Error {}
/** A run that used its time: checkpointed, to be resumed. */
class OutOfBudget extends Error {}

/** The board's state as this run holds it, written only while its claim is still its own. */
class Claim {
  constructor(
    private readonly deps: SyncDeps,
    public state: BoardState,
    private version: number,
    readonly token: number,
  ) {}

  /** Applies `change` to the stored state (re-read if someone else wrote meanwhile) and renews the lease. */
  async save(change: (s: BoardState) => BoardState): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const next = change(this.state);
      const lease = next.sync.lease && { ...next.sync.lease, expiresAt: this.deps.clock() + (this.deps.leaseMs ?? 2 * MINUTE) };
      const candidate = { ...next, sync: { ...next.sync, lease } };
      const r = await this.deps.store.saveBoard(candidate, this.version);
      if (r.ok) {
        this.state = candidate;
        this.version = r.version;
        return;
      }
      // Someone wrote the state (a Refresh request, say): take theirs, if the claim is still ours.
      const fresh = await this.deps.store.board(this.state.boardId);
      if (!fresh || fresh.value.sync.lease?.owner !== this.deps.owner || fresh.value.sync.lease.token !== this.token) throw new LostClaim();
      this.state = fresh.value;
      this.version = fresh.version;
    }
    throw new LostClaim();
  }

  /** Gives the board back, leaving `change` applied. */
  release(change: (s: BoardState) => BoardState): Promise<void> {
    return this.save((s) => {
      const next = change(s);
      return { ...next, sync: { ...next.sync, lease: null } };
    });
  }
}

/** Claims the board for this run; null when another run holds it. */
async function claim(deps: SyncDeps, boardId: number): Promise<Claim | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const now = deps.clock();
    const stored = await deps.store.board(boardId);
    const state = stored?.value ?? newBoardState(boardId);
    const lease = state.sync.lease;
    if (lease && lease.owner !== deps.owner && lease.expiresAt > now) return null;
    const token = state.sync.fence + 1;
    const next: BoardState = {
      ...state,
      sync: { ...state.sync, fence: token, lastRunAt: now, lease: { owner: deps.owner, token, expiresAt: now + (deps.leaseMs ?? 2 * MINUTE) } },
    };
    const r = await deps.store.saveBoard(next, stored?.version ?? null);
    if (r.ok) return new Claim(deps, next, r.version, token);
    // Nothing readable, yet a state is there: one this version cannot read (another codec, a
    // damaged row). The board starts afresh (its issues are read again) rather than stay stuck.
    if (stored === null && (await deps.store.board(boardId)) === null && (await deps.store.boardIds()).includes(boardId)) await deps.store.deleteBoard(boardId);
  }
  return null;
}

/** Jira says the board does not exist, or the app may not see it. */
class BoardGone extends Error {}

/** What Jira says of the board now. */
async function readMeta(client: JiraClient, boardId: number, now: number, cache?: SiteCache): Promise<BoardMeta> {
  const board = await client.board(boardId).catch((e: unknown) => {
    if (e instanceof JiraError && e.status === 404) throw new BoardGone(`board ${boardId} no longer exists, or the app may not see it`);
    throw e;
  });
  const [configuration, sprints, site] = await Promise.all([
    client.boardConfiguration(boardId),
    board.type === 'kanban' ? Promise.resolve([]) : client.sprints(boardId),
    siteLists(client, cache, now),
  ]);
  const { fields: siteFields, statuses } = site;
  const typeNames = new Map(Object.entries(site.typeNames));
  const filter = await client.filter(configuration.filter.id);
  const estimationFieldId = configuration.estimation?.field?.fieldId ?? null;
  const fields = discoverFields(siteFields, estimationFieldId);
  const location = board.location;
  return {
    name: board.name,
    type: board.type ?? null,
    projectKey: location?.projectKey ?? null,
    projectId: location?.projectId != null ? String(location.projectId) : null,
    filterId: filter.id,
    filterJql: filter.jql,
    columns: configuration.columnConfig.columns.map((c) => ({ name: c.name, statusIds: c.statuses.map((s) => s.id) })),
    estimationFieldId,
    fields: {
      sprint: fields.sprint ? { id: fields.sprint.id, names: [...fields.sprint.names] } : null,
      estimation: fields.estimation ? { id: fields.estimation.id, names: [...fields.estimation.names] } : null,
    },
    sprints: sprints.map((s) => ({
      id: s.id,
      name: s.name,
      state: s.state,
      startDate: s.startDate ?? null,
      endDate: s.endDate ?? null,
      completeDate: s.completeDate ?? null,
      originBoardId: s.originBoardId ?? null,
    })),
    statuses: statuses.map((s) => ({ id: s.id, category: s.statusCategory.key })),
    typeNames: Object.fromEntries(typeNames),
    refreshedAt: now,
  };
}

/** Whether the stored issues still answer the board as it is now (same scope, same fields replayed). */
function sameScope(a: BoardMeta | null, b: BoardMeta): boolean {
  return a !== null && a.filterJql === b.filterJql && a.estimationFieldId === b.estimationFieldId && a.fields.sprint?.id === b.fields.sprint?.id;
}

/** The issue fields a board's issues are read with, for a configuration. */
function fieldsFor(config: GovernanceConfig, meta: BoardMeta): string[] {
  const ids = new Set([...metricFieldIds(config), 'security']);
  if (meta.fields.sprint) ids.add(meta.fields.sprint.id);
  if (meta.fields.estimation) ids.add(meta.fields.estimation.id);
  return [...ids].sort();
}

/**
 * The issue fields a configuration reads that the board's stored issues were not read with: when
 * there are any, the board's next run reads its issues again (none for a board not read yet).
 */
export function unreadFields(config: GovernanceConfig, state: BoardState): string[] {
  if (state.meta === null || state.sync.watermark === null) return [];
  return fieldsFor(config, state.meta).filter((f) => !state.sync.fields.includes(f));
}

/** The custom fields the configuration reads (mapping and acceptance-criteria fields): kept as Jira gives them. */
function configCustomFields(config: GovernanceConfig): string[] {
  return metricFieldIds(config).filter((f) => f.startsWith('customfield_'));
}

function siteFieldsOf(meta: BoardMeta): SiteFields {
  return { sprint: meta.fields.sprint, estimation: meta.fields.estimation };
}

/** The replayed fields whose changelog items a sync reads (bulk fetch takes at most 10). */
function changelogFields(meta: BoardMeta): string[] {
  const ids = ['status', 'priority', 'assignee'];
  if (meta.fields.sprint) ids.push(meta.fields.sprint.id);
  if (meta.fields.estimation) ids.push(meta.fields.estimation.id);
  return ids;
}

/** The site's statuses with their categories, as the board's state keeps them. */
export function catalogOf(meta: BoardMeta): Map<string, StatusCategoryKey> {
  return new Map(meta.statuses.map((s) => [s.id, s.category] as const));
}

const updatedOf = (issue: JiraIssue): number => parseInstant(issue.fields.updated ?? issue.fields.created);

/**
 * Derives and stores the board's figure rows at `asOf` from its stored issues; no Jira read. By
 * default they hold the most any surface shows (20 closed sprints, a year of resolved defects).
 */
export async function deriveFigures(
  store: GovernanceStore,
  boardId: number,
  meta: BoardMeta,
  config: GovernanceConfig,
  asOf: number,
  hold: { closedSprints?: number; resolvedSince?: number } = {},
): Promise<number> {
  const [docs, stamps] = await Promise.all([store.issues(boardId), store.issueStamps(boardId)]);
  // Issues stored but unreadable (another codec, a damaged row) leave the store, so the next
  // reconciliation reads them again; the figures meanwhile are derived without them.
  const readable = new Set(docs.map((d) => d.id));
  const unreadable = [...stamps.keys()].filter((id) => !readable.has(id));
  if (unreadable.length > 0) await store.deleteIssues(boardId, unreadable);
  const issues = docs.map((d) => decodeIssue(d).issue);
  const catalog = catalogOf(meta);
  const siteStatusIds = new Set(meta.statuses.map((s) => s.id));
  for (const p of issues) {
    const s = p.issue.fields.status;
    siteStatusIds.add(s.id);
    if (!catalog.has(s.id)) catalog.set(s.id, s.statusCategory.key);
  }
  const configuration = {
    id: boardId,
    filter: { id: meta.filterId },
    columnConfig: { columns: meta.columns.map((c) => ({ name: c.name, statuses: c.statusIds.map((id) => ({ id })) })) },
    estimation: meta.estimationFieldId ? { field: { fieldId: meta.estimationFieldId } } : null,
  };
  const figures = deriveBoardFigures(
    { boardId, configuration, sprints: meta.sprints.filter((s) => s.state !== 'future'), fields: siteFieldsOf(meta), issues },
    {
      now: asOf,
      config,
      catalog,
      siteStatusIds,
      closedSprints: Math.max(hold.closedSprints ?? 0, STORED_CLOSED_SPRINTS),
      resolvedSince: Math.min(hold.resolvedSince ?? Number.POSITIVE_INFINITY, asOf - STORED_DEFECT_DAYS * DAY),
      before: asOf - 7 * DAY,
    },
  );
  await store.putFigures(boardId, figures);
  return unreadable.length;
}

/** Closed sprints kept in a board's figure rows: the most a gadget may show. */
export const STORED_CLOSED_SPRINTS = 20;
/** Resolved defects kept in a board's figure rows: the longest defect period a surface asks for. */
export const STORED_DEFECT_DAYS = 365;

/** Runs the sync of one board until it is current, its budget is spent, or it fails. */
export async function syncBoard(deps: SyncDeps, boardId: number, options: SyncOptions = {}): Promise<SyncOutcome> {
  const held = await claim(deps, boardId);
  if (!held) return { status: 'busy', boardId };
  const started = deps.clock();
  const before = deps.client.stats?.() ?? null;
  const cost = () => {
    const after = deps.client.stats?.();
    return after && before ? { requests: after.requests - before.requests, objects: after.issues + after.histories - before.issues - before.histories } : { requests: 0, objects: 0 };
  };
  try {
    const { config, key: configKey } = await deps.config();
    let meta = held.state.meta;
    const now = deps.clock();
    const upkeep = options.upkeep ?? true;
    if (meta === null || options.refreshMeta || (upkeep && now - meta.refreshedAt > (deps.metaMaxAgeMs ?? DAY))) {
      const fresh = await readMeta(deps.client, boardId, now, deps.siteCache);
      const rescope = !sameScope(meta, fresh);
      meta = fresh;
      await held.save((s) => ({
        ...s,
        meta: fresh,
        // A new filter or estimation field: the board's scope is read again, from the start.
        sync: rescope ? { ...s.sync, watermark: null, cursor: null, phase: 'backfill' } : s.sync,
      }));
    }
    const wanted = fieldsFor(config, meta);
    const missing = wanted.filter((f) => !held.state.sync.fields.includes(f));
    let fresh: SyncCursor | null = null;
    if (missing.length > 0 && (held.state.sync.watermark !== null || held.state.sync.cursor !== null)) {
      // The configuration reads a field the stored issues (or those of the search under way) were
      // not read with: every issue of the scope is read again, unchanged ones included.
      const newFields = [...new Set([...(held.state.sync.cursor?.newFields ?? []), ...missing])].sort();
      fresh = { ...newCursor(meta, null, deps.clock(), deps.marginMs ?? 2 * MINUTE), newFields };
      await held.save((s) => ({ ...s, sync: { ...s.sync, watermark: null, cursor: null } }));
    }

    // 3. The changes since the watermark (or the whole scope), resumed where a run left off.
    let cursor: SyncCursor = fresh ?? held.state.sync.cursor ?? newCursor(meta, held.state.sync.watermark, deps.clock(), deps.marginMs ?? 2 * MINUTE);
    await held.save((s) => ({ ...s, sync: { ...s.sync, cursor, phase: cursor.kind, fields: wanted } }));
    // Re-reading for new fields, an issue's unchanged stamp does not mean its stored copy has them.
    const rereading = (cursor.newFields?.length ?? 0) > 0;
    const stamps = await deps.store.issueStamps(boardId);
    let changed = 0;
    await readIssues(
      deps.client,
      {
        jql: cursor.jql,
        fields: wanted,
        changelogFields: changelogFields(meta),
        siteFields: siteFieldsOf(meta),
        typeNames: new Map(Object.entries(meta.typeNames)),
        pageToken: cursor.pageToken,
        unchanged: (issue) => !rereading && stamps.get(issue.id) === updatedOf(issue),
        ...(deps.groupSize ? { groupSize: deps.groupSize } : {}),
      },
      async (group) => {
        const custom = configCustomFields(config);
        const fields = siteFieldsOf(meta as BoardMeta);
        await deps.store.putIssues(boardId, group.issues.map((p) => encodeIssue(p, fields, custom)));
        changed += group.issues.length;
        cursor = { ...cursor, pageToken: group.nextPageToken, read: group.read };
        await held.save((s) => ({ ...s, sync: { ...s.sync, cursor } }));
        if (group.nextPageToken !== null && deps.budgetMs !== undefined && deps.clock() - started >= deps.budgetMs) throw new OutOfBudget();
      },
    );

    // 4. What left the scope, and what is missing from the store.
    let removed = 0;
    const reconcile =
      options.reconcile ||
      cursor.kind === 'backfill' ||
      held.state.sync.reconciledAt === null ||
      (upkeep && deps.clock() - held.state.sync.reconciledAt > (deps.reconcileEveryMs ?? DAY));
    if (reconcile) {
      const r = await reconcileScope(deps, boardId, meta, config, wanted);
      removed = r.removed;
      changed += r.added;
    }

    // 5. The figure rows, when the issues or the configuration changed, or time moved on.
    const previous = held.state.figures;
    const asOf = deps.clock();
    const derive =
      options.derive !== false &&
      (options.rederive ||
        changed > 0 ||
        removed > 0 ||
        previous === null ||
        // Figures stored in another layout are read as none: derived again from the stored issues.
        previous.format !== FIGURES_FORMAT ||
        previous.configKey !== configKey ||
        asOf - previous.asOf > (deps.figuresMaxAgeMs ?? 60 * MINUTE));
    const unreadable = derive ? await deriveFigures(deps.store, boardId, meta, config, asOf) : 0;
    const issues = (await deps.store.issueStamps(boardId)).size;
    const spent = cost();
    const watermark = cursor.startedAt;
    await held.release((s) => ({
      ...s,
      figures: derive ? { asOf, configKey, format: FIGURES_FORMAT } : s.figures,
      sync: {
        ...s.sync,
        phase: 'idle',
        watermark,
        cursor: null,
        lastSuccessAt: deps.clock(),
        lastError: null,
        issues,
        // A request made after this run's search began is not answered by it: it stays for the schedule.
        priorityAt: unreadable > 0 ? deps.clock() : s.sync.priorityAt !== null && s.sync.priorityAt > watermark ? s.sync.priorityAt : null,
        // Unreadable issues were dropped: the next run reconciles, and reads them again, soon.
        reconciledAt: unreadable > 0 ? null : reconcile ? deps.clock() : s.sync.reconciledAt,
        lastCost: spent,
      },
    }));
    return { status: 'synced', boardId, changed, removed, issues, cost: spent };
  } catch (e) {
    if (e instanceof LostClaim) return { status: 'busy', boardId };
    if (e instanceof OutOfBudget) {
      await held.release((s) => s).catch(() => undefined);
      return { status: 'more', boardId, read: held.state.sync.cursor?.read ?? 0 };
    }
    const message = e instanceof Error ? e.message : String(e);
    const gone = e instanceof BoardGone;
    await held
      .release((s) => ({ ...s, sync: { ...s.sync, phase: 'failed', lastError: { at: deps.clock(), message } } }))
      .catch(() => undefined);
    if (gone) {
      // Nothing of a board Jira no longer shows is kept (its state stays, to say why).
      await deps.store.deleteIssues(boardId, [...(await deps.store.issueStamps(boardId)).keys()]);
      return { status: 'gone', boardId, message };
    }
    return { status: 'failed', boardId, message };
  }
}

function newCursor(meta: BoardMeta, watermark: number | null, now: number, marginMs: number): SyncCursor {
  const since = watermark === null ? null : watermark - marginMs;
  return {
    kind: watermark === null ? 'backfill' : 'catchup',
    jql: syncScopeJql(meta.filterJql, { sinceMs: since, now }),
    since,
    startedAt: now,
    pageToken: null,
    read: 0,
  };
}

/** Ids in the board's kept scope against the stored ones: removes what left, reads what is missing. */
async function reconcileScope(deps: SyncDeps, boardId: number, meta: BoardMeta, config: GovernanceConfig, fields: readonly string[]): Promise<{ removed: number; added: number }> {
  const scope = new Set<string>();
  const jql = keptScopeJql(meta.filterJql);
  let token: string | null = null;
  const guard = new PageGuard<string | null>('POST /rest/api/3/search/jql', deps.client.maxPages ?? MAX_PAGES);
  do {
    guard.reading(token);
    const page = await deps.client.searchIds(jql, token);
    guard.announced(page.nextPageToken);
    for (const id of page.ids) scope.add(id);
    token = page.nextPageToken;
  } while (token !== null);
  const stored = await deps.store.issueStamps(boardId);
  const gone = [...stored.keys()].filter((id) => !scope.has(id));
  if (gone.length > 0) await deps.store.deleteIssues(boardId, gone);
  const missing = [...scope].filter((id) => !stored.has(id));
  const custom = configCustomFields(config);
  for (let i = 0; i < missing.length; i += 100) {
    const ids = missing.slice(i, i + 100);
    await readIssues(
      deps.client,
      { jql: `id in (${ids.join(', ')})`, fields, changelogFields: changelogFields(meta), siteFields: siteFieldsOf(meta), typeNames: new Map(Object.entries(meta.typeNames)) },
      (group) => deps.store.putIssues(boardId, group.issues.map((p) => encodeIssue(p, siteFieldsOf(meta), custom))),
    );
  }
  return { removed: gone.length, added: missing.length };
}
