/**
 * A board's figures as rows, one per issue and set, computed once from the board's prepared issues
 * (docs/metrics.md): each reported sprint's members with their part in its sets,
 * each defect with its clock and outcome, each scanned issue with the rules it breaks, and what the
 * figures could not classify. Every issue a row names carries its tags: project, security level,
 * products, channels and segments.
 *
 * Rows are what a report is aggregated from (`figures-report.ts`), for any roll-up and any viewer:
 * a viewer's report keeps the rows of the issues they may browse and sums them, so figures
 * computed once, as the app, serve every viewer without reading Jira again. The command computes
 * the same rows from what it has just read, so the two paths give the same figures by construction.
 *
 * Pure: `now` is a parameter, nothing here reads Jira or a clock.
 */
import type { GovernanceConfig } from '../domain/config';
import { indexBySprint, type MemberRow, selectSprints, type SprintHead, sprintHasMember, sprintMemberRows } from '../domain/convergence';
import { defectRows, type DefectRow, isDefect } from '../domain/defects';
import { doneStatusIds, mappedStatusIds } from '../domain/done';
import { isUnusableEstimate } from '../domain/history';
import { hygieneContext, hygieneRows, hygieneScope, type HygieneRow } from '../domain/hygiene';
import { asOfNow, sprintAsOf } from '../domain/hygiene/as-of';
import { currentEstimate, type PreparedIssue, type StatusCatalog } from '../domain/issue';
import type { BoardConfiguration, JiraSprint } from '../domain/jira';
import { ownershipMapper } from '../domain/ownership';
import type { SiteFields } from '../domain/issue';
import type { BoardFigures, FigureHygieneRow, IssueTag, SprintRows } from '../domain/figures';

export type { BoardFigures, FigureHygieneRow, IssueTag, SprintRows } from '../domain/figures';

/** One board as the derivation needs it: its configuration, listed sprints, fields and prepared issues. */
export interface BoardInput {
  readonly boardId: number;
  readonly configuration: BoardConfiguration | null;
  /** Every active and closed sprint the board lists (its own and shared ones). */
  readonly sprints: readonly JiraSprint[];
  readonly fields: SiteFields;
  readonly issues: readonly PreparedIssue[];
}

export interface DeriveOptions {
  readonly now: number;
  readonly config: GovernanceConfig;
  readonly catalog: StatusCatalog;
  /** The statuses the site has now: a status of a history not among them was deleted. */
  readonly siteStatusIds: ReadonlySet<string>;
  /** Closed sprints to report per board (the newest). */
  readonly closedSprints: number;
  /** Defects resolved since this instant are kept (with those open at `now`). */
  readonly resolvedSince: number;
  /** Also judge hygiene a week before `now` (the project page's trend). */
  readonly before?: number | null;
}

const NO_SECURITY = null;

function securityOf(p: PreparedIssue): string | null {
  const s = (p.issue.fields as Record<string, unknown>).security;
  return s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'string' ? (s as { id: string }).id : NO_SECURITY;
}

/** The rows of one board's figures at `now`. */
export function deriveBoardFigures(board: BoardInput, o: DeriveOptions): BoardFigures {
  const { now, config } = o;
  const issues = board.issues.filter((p) => p.created <= now);
  const done = doneStatusIds(board.configuration, o.catalog);

  // Convergence: the sprints the board reports (its own, and shared ones holding its issues), each member's row.
  const bySprint = indexBySprint(issues);
  const reported = selectSprints(board.sprints, o.closedSprints, now, {
    boardId: board.boardId,
    hasMember: (sprint, window) => sprintHasMember(bySprint.get(sprint.id) ?? [], sprint.id, window, now),
  });
  const mapped = mappedStatusIds(board.configuration);
  const sprints: SprintRows[] = reported.map((sprint) =>
    sprintMemberRows({
      boardId: board.boardId,
      sprint,
      issues: bySprint.get(sprint.id) ?? [],
      doneStatusIds: done,
      now,
      target: config.convergence.target,
      nearBand: config.convergence.nearBand,
      basis: config.convergence.basis,
      mappedStatusIds: mapped,
    }),
  );

  const defects = defectRows({ issues, catalog: o.catalog, config, now, resolvedSince: o.resolvedSince });

  // Hygiene: the issues in scope at `now`, each as it stood then, in this board's context.
  const fields = { sprintFieldId: board.fields.sprint?.id ?? null, estimationFieldId: board.fields.estimation?.id ?? null };
  const issuesByKey = new Map(issues.map((p) => [p.key, p] as const));
  const invalid = new Set<string>();
  const hygieneAt = (t: number): HygieneRow[] => {
    const scoped: PreparedIssue[] = [];
    for (const p of board.issues) {
      const at = asOfNow(p, t, o.catalog, fields);
      if (at === null || !hygieneScope(at.issue, t, at.created)) continue;
      scoped.push(at);
      if (t === now && fields.estimationFieldId !== null && isUnusableEstimate(currentEstimate(at.issue, board.fields.estimation))) invalid.add(p.key);
    }
    const ctx = hygieneContext({
      now: t,
      config,
      catalog: o.catalog,
      // The sprints as they stood at `t` (a report for a past instant sees a later sprint as not started).
      sprintsById: new Map(board.sprints.map((s) => [s.id, sprintAsOf(s, t)] as const)),
      ...fields,
      doneStatusIds: board.configuration ? done : null,
      doneStatusIdsByBoard: new Map([[board.boardId, done]]),
      issuesByKey,
    });
    return hygieneRows(scoped, ctx);
  };
  const hygiene: FigureHygieneRow[] = hygieneAt(now).map((r) => (invalid.has(r.key) ? { ...r, invalidEstimate: true } : r));
  const hygieneBefore = o.before !== undefined && o.before !== null ? hygieneAt(o.before) : null;

  // Tags of every issue a row names, and the histories the rows read (for statuses the site no longer has).
  const named = new Set<string>();
  for (const s of sprints) for (const r of s.rows) named.add(r.key);
  for (const d of defects) named.add(d.key);
  for (const h of hygiene) named.add(h.key);
  for (const h of hygieneBefore ?? []) named.add(h.key);
  const mapper = ownershipMapper(config);
  const defectIds = new Set(defects.map((d) => d.id));
  const isDefectType = (p: PreparedIssue) => defectIds.has(p.id) || isDefect(p, config);
  const tags: IssueTag[] = [];
  for (const p of issues) {
    if (!named.has(p.key)) continue;
    const m = mapper(p.issue);
    const at = asOfNow(p, now, o.catalog, fields) ?? p;
    const assignee = at.issue.fields.assignee ?? null;
    tags.push({
      id: p.id,
      key: p.key,
      projectKey: p.projectKey,
      projectId: p.issue.fields.project.id,
      security: securityOf(p),
      products: m.products.map((e) => e.key),
      channels: m.channels.map((e) => e.key),
      segments: m.segments.map((e) => e.key),
      summary: p.issue.fields.summary ?? null,
      assignee: assignee?.accountId ?? null,
      assigneeName: assignee?.displayName ?? null,
      open: at.issue.fields.status.statusCategory.key !== 'done',
      defect: isDefectType(p),
      deletedStatuses: deletedStatusesOf(p, o.siteStatusIds),
    });
  }
  return {
    boardId: board.boardId,
    asOf: now,
    resolvedSince: o.resolvedSince,
    closedSprints: o.closedSprints,
    tags,
    sprints,
    defects,
    hygiene,
    hygieneBefore,
  };
}

/** The statuses an issue's history passes through that the site no longer has. */
function deletedStatusesOf(p: PreparedIssue, siteStatusIds: ReadonlySet<string>): string[] {
  const gone = new Set<string>();
  for (const v of [p.status.initial, ...p.status.values]) if (v !== null && v !== undefined && !siteStatusIds.has(v)) gone.add(v);
  return [...gone].sort();
}

