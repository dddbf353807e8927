/**
 * Payloads and results of the hygiene and defect SLA surfaces: the issue's Hygiene panel, the
 * Governance project page and the "Defect SLA" and "Jira hygiene" gadgets. Type-only apart from the
 * resolver names: `protocol.ts` re-exports these, so the UI still shares one module with the backend.
 */
import type { LocalizedText, Severity } from '../domain/config';
import type { HygieneRuleId } from '../domain/config';
import type { DefectFigures, DefectOutcome, DefectPriorityRow } from '../domain/report';

export type { DefectFigures, DefectPriorityRow };

/** An issue that breaks at least one hygiene rule, as lists show it. */
export interface HygieneIssueRow {
  key: string;
  projectKey: string;
  summary: string | null;
  assignee: string | null;
  assigneeName: string | null;
  /** The enabled rules it breaks, in rule order. */
  rules: HygieneRuleId[];
}

export interface HygieneScore {
  score: number | null;
  scanned: number;
  violating: number;
  /** The score a week before, over the issues as they stood then. */
  before: number | null;
  scannedBefore: number;
  violatingBefore: number;
}

/** A defect as lists show it. */
export interface DefectRow {
  key: string;
  projectKey: string;
  summary: string | null;
  priority: string | null;
  /** The id of the configured priority it counts under; null: only in the total (default target) or nowhere. */
  priorityRow: string | null;
  targetHours: number | null;
  elapsedHours: number;
  outcome: DefectOutcome;
  open: boolean;
  resolvedAt: string | null;
  /** The boards (of those shown) whose filter holds it. */
  boardIds: number[];
}

/** How current the figures shown are (read from the app's store, which syncs with Jira). */
export interface Freshness {
  /** The oldest "as of" of the boards shown (ISO); null while none has figures. */
  asOf: string | null;
  /** How far behind now that is (ms). */
  behindMs: number | null;
  boards: { id: number; name: string; asOf: string | null; phase: string; lastError: string | null; issues: number }[];
  /** Boards whose first sync has not finished: their figures are not in yet. */
  pending: number[];
  /** A sync of these boards was asked for and has not run yet. */
  syncing: boolean;
}

export const GOVERNANCE_RESOLVER = {
  hygieneIssue: 'hygiene/issue',
  governanceContext: 'governance/context',
  governanceReport: 'governance/report',
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
  /** Ask for a sync of the boards now (throttled); the figures shown are the stored ones. */
  refresh?: boolean;
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
  boards: { id: number; name: string }[];
  rollup: { dimension: ReportDimension; key: string; name: LocalizedText } | null;
  periodDays: number;
  freshness: Freshness;
}

export type GovernanceReportData =
  | { state: 'ready'; meta: ReportMeta; hygiene: HygieneData; defects: DefectData }
  /** No board has figures yet: their first sync runs; ask again. */
  | { state: 'pending'; freshness: Freshness };

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
  'project/readiness': { payload: Record<string, never>; data: ReadinessData };
  'project/convergence': { payload: { refresh?: boolean }; data: import('./protocol').ConvergenceView };
}
