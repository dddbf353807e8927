/**
 * Hygiene and defect SLA kept as rows: one per offending issue, one per listed defect, and the
 * scanned counts per project. Rows keep each issue's project, so figures computed once (as the app,
 * for a large board) can be cut to the projects a viewer may browse, and every total — the score,
 * rule counts, compliance, percentiles — is recomputed from what is left. Nothing here reads a
 * clock or Jira.
 */
import type { HygieneRuleId, Severity } from './config';
import { nearestRank } from './defects';
import { compareKeys } from './issue';
import type { DefectFigures, DefectOutcome, DefectPriorityRow } from './report';

export interface HygieneIssueRow {
  key: string;
  projectKey: string;
  summary: string | null;
  assignee: string | null;
  assigneeName: string | null;
  /** The enabled rules it breaks at `now`, in rule order. */
  rules: HygieneRuleId[];
}

/** Issues scanned and violating, at `now` and a week before, in one project. */
export interface HygieneTally {
  projectKey: string;
  scanned: number;
  violating: number;
  scannedBefore: number;
  violatingBefore: number;
}

export interface DefectRow {
  key: string;
  projectKey: string;
  summary: string | null;
  /** The priority at `now` for display (the configured name, else Jira's). */
  priority: string | null;
  /** The id of the configured priority whose row it counts in; null: only in the total (default target) or nowhere. */
  priorityRow: string | null;
  targetHours: number | null;
  elapsedHours: number;
  outcome: DefectOutcome;
  /** Not done at `now`; a listed defect that is done was resolved in the period. */
  open: boolean;
  resolvedAt: string | null;
  /** The boards (of those reported) whose filter holds it. */
  boardIds: number[];
}

export interface RowsBoard {
  id: number;
  name: string;
  projectKey: string | null;
}

export interface GovernanceRows {
  now: string;
  /** The instant of the previous-week score: `now` − 7 days. */
  before: string;
  /** The defect period, both ends included. */
  from: string;
  to: string;
  boards: RowsBoard[];
  rules: { id: HygieneRuleId; severity: Severity }[];
  hygiene: { tallies: HygieneTally[]; issues: HygieneIssueRow[] };
  defects: { priorities: { priority: string; priorityId: string; targetHours: number }[]; openPerTeamTarget: number; issues: DefectRow[] };
}

/** Every project any row names. */
export function rowProjects(rows: GovernanceRows): string[] {
  const keys = new Set<string>();
  for (const t of rows.hygiene.tallies) keys.add(t.projectKey);
  for (const d of rows.defects.issues) keys.add(d.projectKey);
  return [...keys].sort();
}

/** The rows of the given projects only: what a viewer who may browse just those sees. */
export function restrictToProjects(rows: GovernanceRows, projects: ReadonlySet<string>): GovernanceRows {
  return {
    ...rows,
    hygiene: {
      tallies: rows.hygiene.tallies.filter((t) => projects.has(t.projectKey)),
      issues: rows.hygiene.issues.filter((i) => projects.has(i.projectKey)),
    },
    defects: { ...rows.defects, issues: rows.defects.issues.filter((d) => projects.has(d.projectKey)) },
  };
}

export interface HygieneScore {
  score: number | null;
  scanned: number;
  violating: number;
  /** The score a week before `now`, over the issues as they stood then. */
  before: number | null;
  scannedBefore: number;
  violatingBefore: number;
}

export interface HygieneRuleCount {
  id: HygieneRuleId;
  severity: Severity;
  count: number;
  issues: string[];
}

export interface HygieneSummary {
  score: HygieneScore;
  /** Every enabled rule, most broken first (then in rule order). */
  rules: HygieneRuleCount[];
}

const ratio = (violating: number, scanned: number): number | null => (scanned === 0 ? null : 1 - violating / scanned);

export function hygieneSummary(rows: GovernanceRows): HygieneSummary {
  const sum = (pick: (t: HygieneTally) => number) => rows.hygiene.tallies.reduce((n, t) => n + pick(t), 0);
  const scanned = sum((t) => t.scanned);
  const violating = sum((t) => t.violating);
  const scannedBefore = sum((t) => t.scannedBefore);
  const violatingBefore = sum((t) => t.violatingBefore);
  const byRule = new Map<HygieneRuleId, string[]>(rows.rules.map((r) => [r.id, []]));
  for (const issue of rows.hygiene.issues) for (const id of issue.rules) byRule.get(id)?.push(issue.key);
  const order = new Map(rows.rules.map((r, i) => [r.id, i]));
  const rules = rows.rules
    .map((r) => {
      const issues = (byRule.get(r.id) ?? []).sort(compareKeys);
      return { id: r.id, severity: r.severity, count: issues.length, issues };
    })
    .sort((a, b) => b.count - a.count || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return {
    score: { score: ratio(violating, scanned), scanned, violating, before: ratio(violatingBefore, scannedBefore), scannedBefore, violatingBefore },
    rules,
  };
}

function figures(defects: readonly DefectRow[]): DefectFigures {
  const resolvedHours = defects.filter((d) => !d.open).map((d) => d.elapsedHours).sort((a, b) => a - b);
  const count = (pick: (d: DefectRow) => boolean) => defects.filter(pick).length;
  const resolved = resolvedHours.length;
  const met = count((d) => !d.open && d.outcome === 'met');
  return {
    resolved,
    met,
    breached: count((d) => !d.open && d.outcome === 'breached'),
    compliance: resolved === 0 ? null : met / resolved,
    medianHours: nearestRank(resolvedHours, 50),
    p85Hours: nearestRank(resolvedHours, 85),
    open: count((d) => d.open),
    openBreached: count((d) => d.open && d.outcome === 'breached'),
    atRisk: count((d) => d.open && d.outcome === 'atRisk'),
  };
}

export interface DefectBoardRow {
  boardId: number;
  name: string;
  open: number;
  /** Of `open`, defects without an SLA target (their priority has none): why the total's open count is lower. */
  openNoSla: number;
  /** Open defects must stay below this (DOMAIN.md: fewer than one bug per team). */
  target: number;
  withinTarget: boolean;
}

export interface DefectSummary {
  byPriority: DefectPriorityRow[];
  total: DefectFigures;
  noSla: number;
  openPerBoard: DefectBoardRow[];
  /** Open defects breached or at risk, least time left first (breached ones are past zero). */
  attention: (DefectRow & { hoursLeft: number })[];
}

/** The defect SLA report of METRICS.md §2, recomputed from the rows. */
export function defectSummary(rows: GovernanceRows): DefectSummary {
  const withSla = rows.defects.issues.filter((d) => d.targetHours !== null);
  const byPriority = rows.defects.priorities.map(({ priority, priorityId, targetHours }) => ({
    priority,
    priorityId,
    targetHours,
    ...figures(withSla.filter((d) => d.priorityRow === priorityId)),
  }));
  const target = rows.defects.openPerTeamTarget;
  const openPerBoard = rows.boards.map((b) => {
    const mine = rows.defects.issues.filter((d) => d.open && d.boardIds.includes(b.id));
    const openNoSla = mine.filter((d) => d.targetHours === null).length;
    return { boardId: b.id, name: b.name, open: mine.length, openNoSla, target, withinTarget: mine.length < target };
  });
  const attention = withSla
    .filter((d) => d.open && (d.outcome === 'breached' || d.outcome === 'atRisk'))
    .map((d) => ({ ...d, hoursLeft: (d.targetHours as number) - d.elapsedHours }))
    .sort((a, b) => a.hoursLeft - b.hoursLeft || compareKeys(a.key, b.key));
  return { byPriority, total: figures(withSla), noSla: rows.defects.issues.length - withSla.length, openPerBoard, attention };
}
