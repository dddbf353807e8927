/**
 * The shapes of the governance report, exactly as CONTRACT.md's JSON output defines them. The
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
  start: string;
  end: string;
  provisional: boolean;
  committed: IssueSet;
  added: IssueSet;
  removed: IssueSet;
  completed: IssueSet;
  completedCommitted: IssueSet;
  notCompleted: IssueSet;
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
  priority: string;
  targetHours: number;
}

export interface DefectIssue {
  key: string;
  priority: string | null;
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
  openPerBoard: { boardId: number; open: number }[];
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

export interface GovernanceReport {
  now: string;
  boards: number[];
  convergence: ConvergenceReport;
  defects: DefectReport;
  hygiene: HygieneReport;
}
