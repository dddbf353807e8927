/**
 * Payloads and results of the hygiene and defect SLA surfaces: the issue's Hygiene panel, the
 * Governance project page and the "Defect SLA" and "Jira hygiene" gadgets. Type-only apart from the
 * resolver names: `protocol.ts` re-exports these, so the UI still shares one module with the backend.
 */
import type { LocalizedText, Severity } from '../domain/config';
import type { HygieneRuleId } from '../domain/config';
import type { DefectRow, HygieneIssueRow, HygieneScore } from '../domain/governance-rows';
import type { DefectFigures, DefectPriorityRow } from '../domain/report';

export type { DefectFigures, DefectPriorityRow, DefectRow, HygieneIssueRow, HygieneScore };

export const GOVERNANCE_RESOLVER = {
  hygieneIssue: 'hygiene/issue',
  governanceContext: 'governance/context',
  governanceReport: 'governance/report',
  governanceJob: 'governance/job',
  projectReadiness: 'project/readiness',
  projectConvergence: 'project/convergence',
} as const;

export type ReportDimension = 'product' | 'channel' | 'segment';

/** What the "Defect SLA" and "Jira hygiene" gadgets save with `view.submit`. */
export interface GovernanceGadgetSettings {
  boardIds: number[];
  /** Restrict every figure to one product, channel or segment; null: every issue of the boards. */
  rollup: { dimension: ReportDimension; key: string } | null;
  /** Defects resolved in this many days before now are reported. */
  periodDays: number;
  /** Jira's own auto-refresh interval in minutes. */
  refresh?: number;
}

export const PERIOD_CHOICES = [7, 14, 30, 90] as const;
export const DEFAULT_PERIOD_DAYS = 30;

/** `hygiene/issue`: the rules the issue in the Forge context breaks now, each with its fix. */
export interface IssueHygieneData {
  issueKey: string;
  violations: { id: HygieneRuleId; severity: Severity; fix: LocalizedText }[];
  checkedAt: string;
}

/** `governance/context`: where the page or gadget runs, and what its settings offer. */
export interface GovernanceContextData {
  surface: 'project' | 'gadget';
  /** The project page's project; null on a gadget. */
  project: { key: string; name: string | null } | null;
  /** The boards the figures cover: the project's boards, or the gadget's saved ones (by name). */
  boards: { id: number; name: string }[];
  /** A gadget's saved settings (null when never configured), and why they could not be read. */
  settings: GovernanceGadgetSettings | null;
  settingsProblem: string | null;
  defaultPeriodDays: number;
  rollupOptions: Record<ReportDimension, { key: string; name: LocalizedText }[]>;
  openPerTeamTarget: number;
}

export interface GovernanceReportPayload {
  /** The project page's defect period (a gadget uses its saved one). */
  periodDays?: number;
  /** Recompute instead of answering from the cache. */
  refresh?: boolean;
}

export interface JobView {
  id: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  phase: 'queued' | 'boards' | 'changelogs' | 'computing' | 'saving' | 'done' | 'failed';
  boardsDone: number;
  boardsTotal: number;
  issuesFetched: number;
  /** The count the decision to queue was made on (an estimate: Jira's approximate count). */
  issuesExpected: number | null;
  queuedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface HygieneRuleView {
  id: HygieneRuleId;
  severity: Severity;
  count: number;
  issues: string[];
  fix: LocalizedText;
}

export interface HygieneData {
  score: HygieneScore;
  /** The instant of the previous-week score. */
  before: string;
  /** Every enabled rule, most broken first. */
  rules: HygieneRuleView[];
  /** The offending issues (the first `ISSUES_SHOWN`; `issuesTotal` counts them all). */
  issues: HygieneIssueRow[];
  issuesTotal: number;
}

export interface DefectData {
  from: string;
  to: string;
  byPriority: DefectPriorityRow[];
  total: DefectFigures;
  noSla: number;
  openPerBoard: { boardId: number; name: string; open: number; openNoSla: number; target: number; withinTarget: boolean }[];
  /** Open defects breached or at risk, least time left first. */
  attention: (DefectRow & { hoursLeft: number })[];
}

export interface ReportMeta {
  computedAt: string;
  fromCache: boolean;
  /** `viewer`: read as the viewer; `app`: computed by a background job and cut to the viewer's projects. */
  computedAs: 'viewer' | 'app';
  boards: { id: number; name: string }[];
  rollup: { dimension: ReportDimension; key: string; name: LocalizedText } | null;
  periodDays: number;
}

export type GovernanceReportData =
  | { state: 'ready'; meta: ReportMeta; hygiene: HygieneData; defects: DefectData }
  | { state: 'pending'; job: JobView };

export interface GovernanceJobPayload {
  jobId: string;
}

export type ReadinessState = 'ready' | 'notReady' | 'notStarted' | 'notApplicable' | 'unreadable';

export interface ReadinessRow {
  key: string;
  summary: string | null;
  type: string;
  status: string;
  statusCategory: string;
  assigneeName: string | null;
  state: ReadinessState;
  /** DoR progress in whole percent, when the checklist was started. */
  progress: number | null;
  openRequired: number | null;
}

/** `project/readiness`: the next sprint's backlog with the DoR state of each issue. */
export interface ReadinessData {
  sprint: { id: number; name: string; boardId: number; boardName: string; startDate: string | null } | null;
  rows: ReadinessRow[];
  counts: Record<ReadinessState, number>;
}

export interface GovernanceResolverTypes {
  'hygiene/issue': { payload: Record<string, never>; data: IssueHygieneData };
  'governance/context': { payload: Record<string, never>; data: GovernanceContextData };
  'governance/report': { payload: GovernanceReportPayload; data: GovernanceReportData };
  'governance/job': { payload: GovernanceJobPayload; data: JobView };
  'project/readiness': { payload: Record<string, never>; data: ReadinessData };
  'project/convergence': { payload: { refresh?: boolean }; data: import('./protocol').ConvergenceView };
}
