/**
 * The one module the Custom UI shares with the backend: resolver names, payload and result types,
 * and the report shapes. Type-only apart from the resolver names, so a UI bundle that imports it
 * carries no backend code (the zod payload schemas live in `schemas.ts`, for the backend).
 */
import type { GovernanceConfig, LocalizedText } from '../domain/config';
import type { ConvergenceReport, IssueSet, SprintConvergence, ConvergenceOverall, ReportWarnings } from '../domain/report';

export type { ConvergenceReport, IssueSet, SprintConvergence, ConvergenceOverall, LocalizedText, ReportWarnings };
import type { TargetStatus } from '../domain/config';
export type { TargetStatus };
import { OWNERSHIP_RESOLVER, type OwnershipResolverTypes } from './ownership-protocol';
export type * from './ownership-protocol';
import { READINESS_RESOLVER, type ReadinessResolverTypes } from './readiness-protocol';
export type * from './readiness-protocol';
import { GOVERNANCE_RESOLVER, type GovernanceResolverTypes } from './governance-protocol';
export type * from './governance-protocol';
import { SYNC_HEALTH_RESOLVER, type SyncHealthResolverTypes } from './sync-health-protocol';
export type * from './sync-health-protocol';
import { LICENSE_RESOLVER, type LicenseResolverTypes } from './license-protocol';
export type * from './license-protocol';

/** Every resolver definition, namespaced by what it serves. The UI calls only these. */
export const RESOLVER = {
  gadgetContext: 'gadget/context',
  boardsList: 'boards/list',
  convergenceReport: 'convergence/report',
  issuesSummaries: 'issues/summaries',
  ...OWNERSHIP_RESOLVER,
  ...READINESS_RESOLVER,
  ...GOVERNANCE_RESOLVER,
  ...SYNC_HEALTH_RESOLVER,
  ...LICENSE_RESOLVER,
} as const;
export type ResolverKey = (typeof RESOLVER)[keyof typeof RESOLVER];

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_CONFIGURED'
  | 'CONFIG_INVALID'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  /** A write made on a version that is no longer the stored one: re-read, then re-apply. */
  | 'CONFLICT'
  | 'JIRA_UNAVAILABLE'
  /** The app's Marketplace license is not active: the call was refused and changed nothing. */
  | 'UNLICENSED'
  | 'INTERNAL';

export interface ResolverError {
  code: ErrorCode;
  message: string;
}

/** What every resolver returns: never a thrown error, so the UI always has something to show. */
export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export type RollupDimension = 'product' | 'channel' | 'segment';
export const ROLLUP_DIMENSIONS: readonly RollupDimension[] = ['product', 'channel', 'segment'];

export type Basis = 'issues' | 'points';

/** What the gadget's edit mode saves with `view.submit`; Jira hands it back as `extension.gadgetConfiguration`. */
export interface GadgetSettings {
  boardIds: number[];
  /** Restrict every figure to one product, channel or segment (the roll-up of docs/metrics.md, "Backlog convergence"); null: whole boards. */
  rollup: { dimension: RollupDimension; key: string } | null;
  /** Closed sprints per board. */
  sprints: number;
  basis: Basis;
  /** Share of committed work to complete, 0–1. */
  target: number;
  /** Jira's own auto-refresh interval in minutes (a field Jira reads from the submitted object). */
  refresh?: number;
}

export interface RollupOption {
  key: string;
  name: LocalizedText;
}

/** `gadget/context`: the saved settings and what the edit form offers. */
export interface GadgetContextData {
  /** Null when the gadget has never been configured. */
  settings: GadgetSettings | null;
  /** Why saved settings could not be read (they are then ignored), or null. */
  settingsProblem: string | null;
  defaults: { sprints: number; basis: Basis; target: number; nearBand: number };
  rollupOptions: Record<RollupDimension, RollupOption[]>;
}

export interface BoardsListPayload {
  /** Part of a board's name, project key or id; empty: the first boards. */
  query?: string;
  /** Board ids to list whatever the query (the ones already chosen, so they keep their names). */
  include?: number[];
}

export interface BoardOption {
  id: number;
  name: string;
  projectKey: string | null;
  type: string | null;
}

export interface BoardsListData {
  boards: BoardOption[];
  /** Boards matching the query before the list was cut to its limit. */
  total: number;
}

export interface ConvergencePayload {
  /** Ask for a sync of the boards now (throttled); the figures shown are the stored ones. */
  refresh?: boolean;
}

export interface ConvergenceView {
  settings: GadgetSettings;
  nearBand: number;
  boards: { id: number; name: string }[];
  rollup: { dimension: RollupDimension; key: string; name: LocalizedText } | null;
  report: ConvergenceReport;
  /**
   * One entry per board of `boards`, in that order: its own running sprints (measured so far, never
   * judged) and its own newest closed sprint, so several boards are never blended under one
   * "current sprint".
   */
  boardHeadlines: BoardHeadline[];
  /** What the figures could not classify as Jira meant (shown as a note under them). */
  warnings: ReportWarnings;
  /** How current the figures are. */
  freshness: import('./governance-protocol').Freshness;
}

/** A board's own sprints at a glance (a shared sprint of another board is never its current or last). */
export interface BoardHeadline {
  boardId: number;
  /** Its running sprints, newest start first (Jira allows parallel sprints): in progress, not judged. */
  running: RunningSprintFigure[];
  /** Its newest closed sprint, judged against the target; null when none is shown. */
  last: { sprintId: number; name: string; convergence: number | null; status: TargetStatus | null } | null;
  /** Its closed sprints shown (shared ones included, as in the report), as one ratio of sums. */
  closed: { sprints: number; convergence: number | null; status: TargetStatus | null };
}

export interface RunningSprintFigure {
  sprintId: number;
  name: string;
  committed: { count: number; points: number };
  completedCommitted: { count: number; points: number };
  /** Completed of committed ÷ committed so far, on the settings' basis; null when nothing was committed. */
  doneSoFar: number | null;
  /** The end Jira plans for the sprint (its `endDate`), or null when it has none. */
  plannedEnd: string | null;
  /** Whole days from now to the planned end, rounded up; 0 or less once it has passed; null without one. */
  daysLeft: number | null;
}

export interface IssuesSummariesPayload {
  keys: string[];
}

export interface IssueSummary {
  key: string;
  summary: string | null;
  status: string | null;
  statusCategory: 'new' | 'indeterminate' | 'done' | 'undefined' | null;
}

export interface IssuesSummariesData {
  issues: IssueSummary[];
}

/** The request and result type of each resolver, so the UI's client is typed end to end. */
export interface ResolverTypes extends OwnershipResolverTypes, ReadinessResolverTypes, GovernanceResolverTypes, SyncHealthResolverTypes, LicenseResolverTypes {
  'gadget/context': { payload: Record<string, never>; data: GadgetContextData };
  'boards/list': { payload: BoardsListPayload; data: BoardsListData };
  'convergence/report': { payload: ConvergencePayload; data: ConvergenceView };
  'issues/summaries': { payload: IssuesSummariesPayload; data: IssuesSummariesData };
}
