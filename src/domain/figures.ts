/**
 * A board's figures as rows (what `services/board-figures.ts` derives and the store keeps): each
 * reported sprint's members with their part in its sets, each defect with its clock and outcome,
 * each scanned issue with the rules it breaks, and the tags of every issue a row names. A report
 * for any reader and roll-up is the aggregation of the rows it keeps (`services/figures-report.ts`).
 */
import type { MemberRow, SprintHead } from './convergence';
import type { DefectRow } from './defects';
import type { HygieneRow } from './hygiene';

/** What every row of an issue is filtered by: who may see it, and which roll-ups it belongs to. */
export interface IssueTag {
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  readonly projectId: string;
  /** The issue security level's id; null when the issue has none (then project browsing decides). */
  readonly security: string | null;
  readonly products: readonly string[];
  readonly channels: readonly string[];
  readonly segments: readonly string[];
  /** What lists of issues show: the summary, and the assignee at `asOf`. */
  readonly summary: string | null;
  readonly assignee: string | null;
  readonly assigneeName: string | null;
  /** Not done (status category) at `asOf`. */
  readonly open: boolean;
  /** A defect (of the configuration's defect types). */
  readonly defect: boolean;
  /** Statuses its history passes through that the site no longer has. */
  readonly deletedStatuses: readonly string[];
}

/** A scanned issue's hygiene row, and whether the estimate the rules read was unusable. */
export type FigureHygieneRow = HygieneRow & { readonly invalidEstimate?: true };

/** The rows of one reported sprint. */
export interface SprintRows {
  readonly head: SprintHead;
  readonly rows: readonly MemberRow[];
}

export interface BoardFigures {
  readonly boardId: number;
  /** The instant the rows are as of. */
  readonly asOf: number;
  /** Defect rows cover defects open at `asOf` and those resolved since this instant. */
  readonly resolvedSince: number;
  /** The closed sprints reported (newest first, after the active ones), at most this many. */
  readonly closedSprints: number;
  readonly tags: readonly IssueTag[];
  /** Active sprints first (newest start first), then closed ones, newest first. */
  readonly sprints: readonly SprintRows[];
  readonly defects: readonly DefectRow[];
  /** The issues hygiene scans at `asOf`, each judged in this board's context. */
  readonly hygiene: readonly FigureHygieneRow[];
  /** The same a week before `asOf` (the trend the project page shows); null when not asked for. */
  readonly hygieneBefore: readonly HygieneRow[] | null;
}
