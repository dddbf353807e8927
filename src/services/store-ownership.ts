/**
 * The ownership matrix and the settings page's mapping counts, read from the app's store: every
 * synced board, every issue it holds (no sample, no cap), kept to the issues the viewer may browse
 * (one bulk permission check as the viewer, security levels included), with how fresh the boards
 * are. No Jira issue is read for a viewer.
 *
 * - The matrix aggregates the boards' figure rows (derived with the saved configuration): each issue
 *   hygiene scans once, on the first board holding it, with its products, channels and segments,
 *   whether it is open or an open defect, and the enabled rules it breaks — the hygiene report's
 *   own rows, so the two always agree.
 * - The counts evaluate a draft (unsaved) configuration against the stored issues, decoded by the
 *   codec as far as the mapping reads them (`decodeMapped`) and mapped by the domain's functions. A custom field the draft maps on that the
 *   stored issues were not read with is named, never counted as zero: the sync reads it after the
 *   configuration that maps on it is saved.
 *
 * When the store holds no board yet, the boards of the projects the configuration names (every
 * board the viewer may see when it names none, at most `MAX_REGISTERED_BOARDS`) are registered and
 * their first sync queued; the answer says the figures come after it.
 */
import type { GovernanceConfig } from '../domain/config';
import { activeRules } from '../domain/hygiene';
import { type MappableIssue, matchCounts, type MatchCounts } from '../domain/ownership';
import { type MatrixFacts, ownershipMatrix, type OwnershipMatrix } from '../domain/ownership-matrix';
import type { Freshness } from '../shared/governance-protocol';
import { decodeMapped, type MappedIssue } from '../store/issue-codec';
import type { BoardState } from '../store/types';
import { metricFieldIds } from './board-data';
import type { BoardFigures, IssueTag } from './board-figures';
import { keepFilter, keptHygieneRows } from './figures-report';
import { SYNC_HORIZON_DAYS } from './jql';
import type { SurfaceDeps, Viewer } from './surfaces';
import { requestSync } from './sync-requests';
import { type AccessSubject, viewerAccess } from './viewer-access';

/** The most boards a first view registers when the store is empty. */
export const MAX_REGISTERED_BOARDS = 50;

/** Where the answer comes from: the synced boards, or none yet (their first sync was asked for). */
interface Scope {
  readonly boardIds: number[];
  readonly states: Map<number, BoardState>;
  /** Boards just registered (the store held none), with their names as the viewer's listing gave them. */
  readonly registered: { id: number; name: string }[];
}

/** The project keys the configuration's mapping rules name, upper-cased. */
export function configuredProjects(config: GovernanceConfig): string[] {
  const keys = new Set<string>();
  for (const list of [config.products, config.channels, config.segments]) for (const e of list) for (const p of e.match.projects) keys.add(p.trim().toUpperCase());
  return [...keys].sort();
}

/**
 * The boards the store holds; when it holds none, the boards of the configured projects (as the
 * viewer lists them) are registered and their first sync queued.
 */
async function storeScope(deps: SurfaceDeps, viewer: Viewer, config: GovernanceConfig, now: number): Promise<Scope> {
  const boardIds = (await deps.store.boardIds()).sort((a, b) => a - b);
  if (boardIds.length > 0) {
    const states = new Map<number, BoardState>();
    for (const [i, s] of (await Promise.all(boardIds.map((id) => deps.store.board(id)))).entries()) if (s) states.set(boardIds[i] as number, s.value);
    return { boardIds, states, registered: [] };
  }
  const projects = new Set(configuredProjects(config));
  const boards = (await viewer.client.boards())
    .filter((b) => projects.size === 0 || projects.has((b.location?.projectKey ?? '').toUpperCase()))
    .sort((a, b) => (a.type === 'scrum' ? 0 : 1) - (b.type === 'scrum' ? 0 : 1) || a.id - b.id)
    .slice(0, MAX_REGISTERED_BOARDS);
  await requestSync({ store: deps.store, queue: deps.queue, throttle: deps.throttle, now }, boards.map((b) => b.id), 'new');
  return { boardIds: [], states: new Map(), registered: boards.map((b) => ({ id: b.id, name: b.name })) };
}

/** A board named in the answer only when the viewer may browse its project. */
const boardSubject = (s: BoardState): AccessSubject | null => (s.meta?.projectId ? { id: `board:${s.boardId}`, projectId: s.meta.projectId, security: null } : null);

function freshnessOf(scope: Scope, now: number, canSee: (s: AccessSubject) => boolean, syncing: boolean): Freshness {
  if (scope.registered.length > 0 || scope.boardIds.length === 0) {
    const ids = scope.registered.map((b) => b.id);
    return {
      asOf: null,
      behindMs: null,
      boards: scope.registered.map((b) => ({ id: b.id, name: b.name, asOf: null, phase: 'new', lastError: null, issues: 0 })),
      pending: ids,
      syncing: ids.length > 0,
    };
  }
  const derived = scope.boardIds.flatMap((id) => {
    const at = scope.states.get(id)?.figures?.asOf;
    return at === undefined ? [] : [at];
  });
  const asOf = derived.length > 0 ? Math.min(...derived) : null;
  const boards: Freshness['boards'] = [];
  for (const id of scope.boardIds) {
    const s = scope.states.get(id);
    if (!s) continue;
    // A board not read yet is known by its id only; a read one is named to those who may browse its project.
    const subject = boardSubject(s);
    if (s.meta !== null && (!subject || !canSee(subject))) continue;
    boards.push({
      id,
      name: s.meta?.name ?? `#${id}`,
      asOf: s.figures ? new Date(s.figures.asOf).toISOString() : null,
      phase: s.sync.phase,
      lastError: s.sync.lastError?.message ?? null,
      issues: s.sync.issues,
    });
  }
  return {
    asOf: asOf === null ? null : new Date(asOf).toISOString(),
    behindMs: asOf === null ? null : Math.max(0, now - asOf),
    boards,
    pending: scope.boardIds.filter((id) => !scope.states.get(id)?.figures),
    syncing: syncing || scope.boardIds.some((id) => scope.states.get(id)?.sync.priorityAt != null),
  };
}

export interface StoreMatrix {
  /** Null while no board has figures (their first sync runs). */
  matrix: OwnershipMatrix | null;
  freshness: Freshness;
  /** Boards whose figures were derived with other settings than the saved ones: they follow after their next sync. */
  outdated: number;
}

/**
 * The ownership matrix of the saved configuration over every synced board's figure rows, as the
 * viewer may see them. `saved.key` is the key the sync derives figures under (a board derived under
 * another is asked for a catch-up, at most once a minute). With `refresh`, a sync of every board is
 * asked for (throttled).
 */
export async function storeOwnershipMatrix(
  deps: SurfaceDeps,
  viewer: Viewer,
  saved: { config: GovernanceConfig; key: string },
  options: { refresh?: boolean } = {},
): Promise<StoreMatrix> {
  const now = deps.now();
  const scope = await storeScope(deps, viewer, saved.config, now);
  if (scope.boardIds.length === 0) return { matrix: null, freshness: freshnessOf(scope, now, () => false, false), outdated: 0 };
  const requests = { store: deps.store, queue: deps.queue, throttle: deps.throttle, now };
  const stored = await deps.store.figures(scope.boardIds);
  const figures: BoardFigures[] = scope.boardIds.flatMap((id) => {
    const f = stored.get(id);
    return f ? [f] : [];
  });
  const missing = scope.boardIds.filter((id) => !stored.has(id));
  const outdated = scope.boardIds.filter((id) => {
    const f = scope.states.get(id)?.figures;
    return stored.has(id) && f != null && f.configKey !== saved.key;
  });
  const asked = [
    missing.length > 0 ? await requestSync(requests, missing, 'new') : null,
    options.refresh ? await requestSync(requests, figures.map((f) => f.boardId), 'refresh') : outdated.length > 0 ? await requestSync(requests, outdated, 'catchup') : null,
  ];
  const boardSubjects = scope.boardIds.flatMap((id) => {
    const s = scope.states.get(id);
    const b = s ? boardSubject(s) : null;
    return b ? [b] : [];
  });
  const tags = figures.flatMap((f) => f.tags);
  const access = await viewerAccess(viewer.client, deps.cache, viewer.accountId, [...tags, ...boardSubjects], now);
  const syncing = asked.some((a) => (a?.queued.length ?? 0) > 0) || missing.length > 0;
  const freshness = freshnessOf(scope, now, (s) => access.canSee(s), syncing);
  if (figures.length === 0) return { matrix: null, freshness, outdated: 0 };

  const keep = keepFilter(figures, (t) => access.canSee(t), null);
  const tagOf = new Map<string, IssueTag>();
  for (const f of figures) for (const t of f.tags) if (!tagOf.has(t.key)) tagOf.set(t.key, t);
  const enabled = new Set(activeRules(saved.config).map((a) => a.rule.id));
  const facts: MatrixFacts[] = [];
  for (const rows of keptHygieneRows(figures, (f) => f.hygiene, keep)) {
    for (const row of rows) {
      const tag = tagOf.get(row.key);
      if (!tag) continue;
      facts.push({
        products: tag.products,
        channels: tag.channels,
        segments: tag.segments,
        open: tag.open,
        openDefect: tag.open && tag.defect,
        violations: row.rules.filter((r) => enabled.has(r)).length,
      });
    }
  }
  return { matrix: ownershipMatrix(facts, saved.config), freshness, outdated: outdated.length };
}

/** A custom field a draft maps on that the stored issues of some board were not read with. */
export interface UnreadField {
  id: string;
  /** The saved configuration reads it: the sync is reading it (or will at its next run). */
  saved: boolean;
}

export interface StoreMatchCounts {
  /** Null while no board has had its first sync. */
  counts: MatchCounts | null;
  /** Boards whose issues were counted. */
  boards: number;
  /** The stored scope: issues not done, or updated in this many days. */
  horizonDays: number;
  unreadFields: UnreadField[];
  freshness: Freshness;
}

/** The custom fields a configuration's mapping rules read. */
function mappingFieldIds(config: GovernanceConfig): string[] {
  const ids = new Set<string>();
  for (const list of [config.products, config.channels, config.segments]) for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  return [...ids].sort();
}

/** Whether every issue stored for the board was read with the field. */
function readWith(state: BoardState, fieldId: string): boolean {
  return state.sync.fields.includes(fieldId) && !(state.sync.cursor?.newFields ?? []).includes(fieldId);
}

/**
 * How many stored issues of every synced board each product, channel and segment of `draft`
 * matches, counting only the issues the viewer may browse. `saved` is the configuration the sync
 * reads issues with, and its key (a board synced under another is asked for a catch-up, which reads
 * the fields the saved configuration adds). With `refresh`, a sync of every board is asked for.
 */
export async function storeMatchCounts(
  deps: SurfaceDeps,
  viewer: Viewer,
  draft: GovernanceConfig,
  saved: { config: GovernanceConfig; key: string },
  options: { refresh?: boolean } = {},
): Promise<StoreMatchCounts> {
  const now = deps.now();
  const scope = await storeScope(deps, viewer, saved.config, now);
  const counted = scope.boardIds.filter((id) => scope.states.get(id)?.figures != null);
  const requests = { store: deps.store, queue: deps.queue, throttle: deps.throttle, now };
  const pending = scope.boardIds.filter((id) => !counted.includes(id));
  const outdated = counted.filter((id) => scope.states.get(id)?.figures?.configKey !== saved.key);
  const asked = [
    pending.length > 0 ? await requestSync(requests, pending, 'new') : null,
    options.refresh && counted.length > 0 ? await requestSync(requests, counted, 'refresh') : outdated.length > 0 ? await requestSync(requests, outdated, 'catchup') : null,
  ];
  const syncing = asked.some((a) => (a?.queued.length ?? 0) > 0) || pending.length > 0;

  const fieldIds = mappingFieldIds(draft);
  const savedReads = new Set(metricFieldIds(saved.config));
  const unreadFields = fieldIds
    .filter((id) => counted.some((b) => !readWith(scope.states.get(b) as BoardState, id)))
    .map((id) => ({ id, saved: savedReads.has(id) }));

  // Each issue once (on the first board holding it), decoded only as far as the mapping reads.
  const issues = new Map<string, MappedIssue>();
  for (const boardId of counted) {
    for (const doc of await deps.store.issues(boardId)) if (!issues.has(doc.id)) issues.set(doc.id, decodeMapped(doc, fieldIds));
  }
  const boardSubjects = scope.boardIds.flatMap((id) => {
    const s = scope.states.get(id);
    const b = s ? boardSubject(s) : null;
    return b ? [b] : [];
  });
  const subjects: AccessSubject[] = [...issues.values(), ...boardSubjects];
  const access = subjects.length > 0 ? await viewerAccess(viewer.client, deps.cache, viewer.accountId, subjects, now) : { canSee: () => false };
  const freshness = freshnessOf(scope, now, (s) => access.canSee(s), syncing);
  if (counted.length === 0) return { counts: null, boards: 0, horizonDays: SYNC_HORIZON_DAYS, unreadFields, freshness };
  const visible: MappableIssue[] = [];
  for (const i of issues.values()) if (access.canSee(i)) visible.push(i.issue);
  return { counts: matchCounts(visible, draft), boards: counted.length, horizonDays: SYNC_HORIZON_DAYS, unreadFields, freshness };
}
