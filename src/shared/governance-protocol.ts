/**
 * Payloads and results of the hygiene and defect SLA surfaces: the issue's Hygiene panel, the
 * Governance project page and the "Defect SLA" and "Jira hygiene" gadgets. Type-only apart from the
 * resolver names: `protocol.ts` re-exports these, so the UI still shares one module with the backend.
 */
import type { LocalizedText, Severity } from '../domain/config';
import type { HygieneRuleId } from '../domain/config';
import type { HygieneEditField } from '../domain/hygiene/catalogue';

export type { HygieneEditField };
import type { DefectFigures, DefectOutcome, DefectPriorityRow } from '../domain/report';
import type { ChecklistVerdict, MissingItem, WorkStage } from '../domain/checklists/verdict';

export type { ChecklistVerdict, MissingItem, WorkStage };

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
  hygieneFix: 'hygiene/fix',
  issueContext: 'issue/context',
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

/**
 * What the Hygiene panel offers next to a broken rule's fix (the catalogue's action, made concrete
 * for this issue and this viewer): a change the app makes (only offered when Jira said, as the
 * viewer, that they may edit the issue), a field to edit on the issue's edit screen, the open
 * sub-tasks, or the status button.
 */
export type HygieneActionView =
  /** Add one of these labels or components (each a configured product's, a component only when the issue's project has it). */
  | { kind: 'addProductValue'; options: { product: string; productName: LocalizedText; type: 'label' | 'component'; value: string }[] }
  /** Set the board's estimation field. */
  | { kind: 'setEstimate' }
  | { kind: 'edit'; field: HygieneEditField }
  | { kind: 'subtasks'; keys: string[] }
  | { kind: 'status' };

export interface IssueHygieneViolation {
  id: HygieneRuleId;
  severity: Severity;
  fix: LocalizedText;
  action: HygieneActionView;
}

/** `hygiene/issue`: the rules the issue in the Forge context breaks now, each with its fix and what can be done about it. */
export interface IssueHygieneData {
  issueKey: string;
  issueId: string;
  violations: IssueHygieneViolation[];
  checkedAt: string;
  /** Jira said, as the viewer, that they may edit the issue (Edit issues). */
  canEdit: boolean;
}

/** `hygiene/fix`: one change the app makes for the viewer, to the issue in the Forge context (never one named in the payload). */
export type HygieneFixPayload =
  | { rule: 'no-product'; add: { type: 'label' | 'component'; value: string } }
  | { rule: 'missing-estimate'; estimate: number };

/** The largest estimate the Hygiene panel sets (story points). */
export const ESTIMATE_MAX = 1000;

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
  /** Open defects without an SLA target: with `total.open`, every open defect (see `openPerBoard`). */
  noSlaOpen: number;
  /** Every open defect of each board, with or without a target; a defect on two boards counts on each. */
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
  'hygiene/fix': { payload: HygieneFixPayload; data: IssueHygieneData };
  'issue/context': { payload: Record<string, never>; data: IssueContextData };
  'governance/context': { payload: Record<string, never>; data: GovernanceContextData };
  'governance/report': { payload: GovernanceReportPayload; data: GovernanceReportData };
  'project/readiness': { payload: Record<string, never>; data: ReadinessData };
  'project/convergence': { payload: { refresh?: boolean }; data: import('./protocol').ConvergenceView };
}

/** A checklist as the issue's context summary shows it: its counts, and what it says given where the work is. */
export interface ContextChecklist {
  name: LocalizedText;
  complete: number;
  total: number;
  verdict: ChecklistVerdict;
}

/**
 * `issue/context`: the issue's context panel, composed on the server in one call: the DoR (and the
 * DoD once work has started) from the app's storage, how many hygiene rules the issue breaks, and
 * the product with its Business and Digital PO. Read as the viewer: an issue they may not browse
 * is NOT_FOUND.
 */
export interface IssueContextData {
  issue: { key: string; status: string; statusCategory: string; stage: WorkStage };
  readiness: {
    /** Null: no DoR applies to this type of issue. */
    dor: ContextChecklist | null;
    /** Null: no DoD applies to this type of issue. Before work starts its verdict is `notStarted` (the summary leaves it out). */
    dod: ContextChecklist | null;
  };
  hygiene: { count: number; rules: HygieneRuleId[]; worst: Severity | null };
  ownership: {
    products: { key: string; name: LocalizedText; businessOwner: OwnerName | null; digitalOwner: OwnerName | null }[];
    /** No product is configured at all (the ownership part says so rather than "no product"). */
    unconfigured: boolean;
  };
  checkedAt: string;
}

export interface OwnerName {
  accountId: string;
  displayName: string | null;
}
