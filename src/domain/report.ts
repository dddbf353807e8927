/**
 * The shapes of the governance report, the JSON output of the `governance` command in README.md. The
 * domain computes these; the command prints them; resolvers return them to the UI.
 * Ratios, points and hours are unrounded (or null); instants are ISO strings; issue-key lists are
 * sorted by project key, then issue number.
 */
import type { Severity, TargetStatus } from './config';

export interface IssueSet {
  count: number;
  points: number;
  issues: string[];
}

export interface SprintConvergence {
  boardId: number;
  sprintId: number;
  name: string;
  state: 'closed' | 'active';
  /** A sprint of another board that this board's issues were in (docs/metrics.md, "Backlog convergence": Shared sprints). */
  shared: boolean;
  start: string;
  end: string;
  provisional: boolean;
  committed: IssueSet;
  added: IssueSet;
  removed: IssueSet;
  completed: IssueSet;
  completedCommitted: IssueSet;
  /** Members at the end, not done: back to the backlog or moved to another sprint. */
  notCompleted: IssueSet;
  /** Of `notCompleted`, those moved to another sprint when the sprint was completed (points at the end). */
  movedToNextSprint: IssueSet;
  convergence: { issues: number | null; points: number | null };
  scopeChange: number | null;
  status: TargetStatus | null;
}

export interface ConvergenceOverall {
  committed: { count: number; points: number };
  completedCommitted: { count: number; points: number };
  convergence: { issues: number | null; points: number | null };
  status: TargetStatus | null;
}

export interface ConvergenceReport {
  target: number;
  /** Newest first. */
  sprints: SprintConvergence[];
  /** Over the closed sprints only: the ratio of the sums. */
  overall: ConvergenceOverall;
}

export type DefectOutcome = 'met' | 'breached' | 'atRisk' | 'onTrack' | 'noSla';

export interface DefectFigures {
  resolved: number;
  met: number;
  breached: number;
  compliance: number | null;
  medianHours: number | null;
  p85Hours: number | null;
  open: number;
  openBreached: number;
  atRisk: number;
}

export interface DefectPriorityRow extends DefectFigures {
  /** The priority's display name (the configuration's, stable whatever the reader's language). */
  priority: string;
  priorityId: string;
  targetHours: number;
}

export interface DefectIssue {
  key: string;
  /** The priority at `now`, for display: the configured name, else Jira's, else `#id`. */
  priority: string | null;
  priorityId: string | null;
  elapsedHours: number;
  targetHours: number | null;
  outcome: DefectOutcome;
}

export interface DefectReport {
  from: string;
  to: string;
  byPriority: DefectPriorityRow[];
  total: DefectFigures;
  noSla: number;
  /** Defects open at `now` without an SLA target (their priority has none, and no default is set). */
  noSlaOpen: number;
  /** Every open defect of each board; `openNoSla` of them have no SLA target. */
  openPerBoard: { boardId: number; open: number; openNoSla: number }[];
  issues: DefectIssue[];
}

export interface HygieneRuleResult {
  id: string;
  severity: Severity;
  count: number;
  issues: string[];
}

export interface HygieneReport {
  scanned: number;
  violating: number;
  score: number | null;
  rules: HygieneRuleResult[];
}

/** Issues the report could not read as Jira meant (and how it read them instead). */
export interface WarningIssues {
  count: number;
  /** Sorted by project key, then issue number. */
  issues: string[];
}

/**
 * What the report could not classify, said instead of guessed silently. Each `count` is a number of
 * issues; the ids name the Jira objects involved.
 */
export interface ReportWarnings {
  /** An estimate read for a figure was negative, not finite or not a number: counted as no estimate (0 points). */
  invalidEstimates: WarningIssues;
  /** The history passes through statuses the site no longer has: those statuses count as not done. */
  deletedStatuses: WarningIssues & { statusIds: string[] };
  /** Defects whose priority at `now` has no SLA target (and no default target is set): counted in `noSla`. */
  unknownPriorities: WarningIssues & { priorityIds: string[] };
  /** Members at a reported sprint's end whose status is in no column of the board (Jira's board does not show them). */
  unmappedStatuses: WarningIssues & { statusIds: string[] };
  /** Names of a version 1 configuration that no id could be found for (`defects.targetHours.Blocker: Blocker`). */
  unresolvedConfigNames: { count: number; names: string[] };
}

export interface GovernanceReport {
  now: string;
  boards: number[];
  convergence: ConvergenceReport;
  defects: DefectReport;
  hygiene: HygieneReport;
  warnings: ReportWarnings;
}
