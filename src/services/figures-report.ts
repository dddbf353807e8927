/**
 * A governance report aggregated from boards' figure rows (`board-figures.ts`): the rows a viewer
 * may see and a roll-up selects, summed exactly as the domain sums them (the domain's own
 * aggregation functions), so a report from stored rows and one computed from Jira just now agree
 * to the last digit. Boards are taken in the order asked; an issue on two boards counts once in
 * defects and hygiene (judged on the first board that holds it), and on each in its board's figures.
 */
import type { GovernanceConfig } from '../domain/config';
import { convergenceReport, type MemberRow } from '../domain/convergence';
import { type DefectRow, defectReportFromRows } from '../domain/defects';
import { hygieneFromRows, type HygieneRow } from '../domain/hygiene';
import { sortKeys } from '../domain/issue';
import type { OwnershipDimension } from '../domain/ownership';
import type { ConvergenceReport, DefectReport, GovernanceReport, HygieneReport, ReportWarnings, SprintConvergence } from '../domain/report';
import { sprintFromRows } from '../domain/convergence';
import type { BoardFigures, IssueTag } from './board-figures';

export type ReportSection = 'convergence' | 'defects' | 'hygiene';
export const ALL_SECTIONS: readonly ReportSection[] = ['convergence', 'defects', 'hygiene'];

export interface FiguresRequest {
  /** Closed sprints per board, newest first (at most what the figures hold). */
  sprints: number;
  /** The defect period, both ends included (within what the figures hold). */
  from: number;
  to: number;
  config: GovernanceConfig;
  /** Restrict every figure to the issues of one product, channel or segment. */
  rollup?: { dimension: OwnershipDimension; key: string } | null;
  /** The issues the reader may see (all when absent). */
  visible?: (tag: IssueTag) => boolean;
  sections?: readonly ReportSection[];
  /** Names of a version 1 configuration that could not be resolved to ids. */
  unresolvedConfigNames?: readonly { path: string; name: string }[];
}

export type FiguresSections = Pick<GovernanceReport, 'now' | 'boards' | 'warnings'> & Partial<Pick<GovernanceReport, ReportSection>>;

const listOf: Record<OwnershipDimension, 'products' | 'channels' | 'segments'> = { product: 'products', channel: 'channels', segment: 'segments' };

/** What the report's figures read, gathered as they are computed: where its warnings come from. */
interface Read {
  readonly keys: Set<string>;
  readonly invalidEstimates: Set<string>;
  readonly unmapped: Map<string, string>;
  readonly unknownPriorities: Map<string, string>;
}

/** The report of the boards' rows, as of the oldest board's `asOf`. */
export function figuresReport(boards: readonly BoardFigures[], req: FiguresRequest): FiguresSections {
  const sections = new Set(req.sections ?? ALL_SECTIONS);
  const tagOf = new Map<string, IssueTag>();
  for (const b of boards) for (const t of b.tags) if (!tagOf.has(t.key)) tagOf.set(t.key, t);
  const keepKey = keepFilter(boards, req.visible, req.rollup ?? null);
  const read: Read = { keys: new Set(), invalidEstimates: new Set(), unmapped: new Map(), unknownPriorities: new Map() };
  const now = boards.length === 0 ? Number.NaN : Math.min(...boards.map((b) => b.asOf));
  const out: Omit<FiguresSections, 'warnings'> & Partial<Pick<FiguresSections, 'warnings'>> = {
    now: Number.isNaN(now) ? new Date(0).toISOString() : new Date(now).toISOString(),
    boards: boards.map((b) => b.boardId),
  };
  if (sections.has('convergence')) out.convergence = convergenceOf(boards, req, keepKey, read);
  if (sections.has('defects')) out.defects = defectsOf(boards, req, keepKey, read);
  if (sections.has('hygiene')) out.hygiene = hygieneOf(boards, (b) => b.hygiene, req.config, keepKey, read);
  return { ...out, warnings: warningsOf(read, tagOf, req) };
}

function convergenceOf(boards: readonly BoardFigures[], req: FiguresRequest, keepKey: (key: string) => boolean, read: Read): ConvergenceReport {
  const { target, nearBand, basis } = req.config.convergence;
  const keep = (r: MemberRow): boolean => {
    if (!keepKey(r.key)) return false;
    read.keys.add(r.key);
    if (r.invalidEstimate) read.invalidEstimates.add(r.key);
    if (r.unmappedStatus !== undefined && !read.unmapped.has(r.key)) read.unmapped.set(r.key, r.unmappedStatus);
    return true;
  };
  const rows: SprintConvergence[] = [];
  for (const b of boards) {
    let closed = 0;
    for (const s of b.sprints) {
      if (s.head.state === 'closed' && closed++ >= req.sprints) continue;
      rows.push(sprintFromRows(s.head, s.rows, { target, nearBand, basis }, keep));
    }
  }
  return convergenceReport({ sprints: rows, target, nearBand, basis });
}

function defectsOf(boards: readonly BoardFigures[], req: FiguresRequest, keepKey: (key: string) => boolean, read: Read): DefectReport {
  const rows: DefectRow[] = [];
  const perBoard: { boardId: number; issueIds: Set<string> }[] = [];
  for (const b of boards) {
    const ids = new Set<string>();
    for (const d of b.defects) {
      if (!keepKey(d.key)) continue;
      rows.push(d);
      ids.add(d.id);
    }
    perBoard.push({ boardId: b.boardId, issueIds: ids });
  }
  const report = defectReportFromRows({ rows, boards: perBoard, config: req.config, from: req.from, to: req.to });
  // The defects the report lists are what it read; one of a priority without a target (and with a
  // priority at all) is about an unknown priority.
  const listed = new Set(report.issues.map((d) => d.key));
  for (const d of rows) {
    if (!listed.has(d.key)) continue;
    read.keys.add(d.key);
    if (d.outcome === 'noSla' && d.priorityId !== null && d.targetPriorityId === null) read.unknownPriorities.set(d.key, d.priorityId);
  }
  return report;
}

/**
 * The hygiene rows kept, board by board in the order given, each issue once (on the first board
 * that holds it): what a hygiene report over several boards judges.
 */
export function keptHygieneRows<R extends HygieneRow>(boards: readonly BoardFigures[], rowsOf: (b: BoardFigures) => readonly R[] | null, keepKey: (key: string) => boolean): R[][] {
  const seen = new Set<string>();
  return boards.map((b) => {
    const rows: R[] = [];
    for (const r of rowsOf(b) ?? []) {
      if (seen.has(r.id) || !keepKey(r.key)) continue;
      seen.add(r.id);
      rows.push(r);
    }
    return rows;
  });
}

/** Hygiene over the boards' rows, each issue judged once (on the first board that holds it). */
export function hygieneOf<R extends HygieneRow & { readonly invalidEstimate?: true }>(
  boards: readonly BoardFigures[],
  rowsOf: (b: BoardFigures) => readonly R[] | null,
  config: GovernanceConfig,
  keepKey: (key: string) => boolean,
  read?: Read,
): HygieneReport {
  const perBoard = keptHygieneRows(boards, rowsOf, keepKey);
  for (const rows of perBoard) {
    for (const r of rows) {
      read?.keys.add(r.key);
      if (r.invalidEstimate) read?.invalidEstimates.add(r.key);
    }
  }
  return mergeHygiene(perBoard.map((rows) => hygieneFromRows(rows, config)));
}

/** A key filter over the boards' tags: what the viewer may see (`visible`) and the roll-up selects. */
export function keepFilter(
  boards: readonly BoardFigures[],
  visible: ((tag: IssueTag) => boolean) | undefined,
  rollup: { dimension: OwnershipDimension; key: string } | null,
): (key: string) => boolean {
  const tagOf = new Map<string, IssueTag>();
  for (const b of boards) for (const t of b.tags) if (!tagOf.has(t.key)) tagOf.set(t.key, t);
  const list = rollup ? listOf[rollup.dimension] : null;
  return (key) => {
    const tag = tagOf.get(key);
    if (!tag) return false;
    if (visible && !visible(tag)) return false;
    return rollup === null || list === null || tag[list].includes(rollup.key);
  };
}
/** Sums hygiene reports over disjoint sets of issues. */
export function mergeHygiene(reports: readonly HygieneReport[]): HygieneReport {
  const first = reports[0];
  if (!first) return { scanned: 0, violating: 0, score: null, rules: [] };
  if (reports.length === 1) return first;
  const scanned = reports.reduce((n, r) => n + r.scanned, 0);
  const violating = reports.reduce((n, r) => n + r.violating, 0);
  const rules = first.rules.map((rule) => {
    const issues = sortKeys(reports.flatMap((r) => r.rules.find((x) => x.id === rule.id)?.issues ?? []));
    return { ...rule, count: issues.length, issues };
  });
  return { scanned, violating, score: scanned === 0 ? null : 1 - violating / scanned, rules };
}

function warningsOf(read: Read, tagOf: ReadonlyMap<string, IssueTag>, req: FiguresRequest): ReportWarnings {
  const deletedKeys = new Set<string>();
  const deletedIds = new Set<string>();
  for (const key of read.keys) {
    const gone = tagOf.get(key)?.deletedStatuses ?? [];
    if (gone.length === 0) continue;
    deletedKeys.add(key);
    for (const id of gone) deletedIds.add(id);
  }
  const issues = (keys: Iterable<string>) => {
    const sorted = sortKeys(keys);
    return { count: sorted.length, issues: sorted };
  };
  const ids = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const unresolved = req.unresolvedConfigNames ?? [];
  return {
    invalidEstimates: issues(read.invalidEstimates),
    deletedStatuses: { ...issues(deletedKeys), statusIds: ids(deletedIds) },
    unknownPriorities: { ...issues(read.unknownPriorities.keys()), priorityIds: ids(read.unknownPriorities.values()) },
    unmappedStatuses: { ...issues(read.unmapped.keys()), statusIds: ids(read.unmapped.values()) },
    unresolvedConfigNames: { count: unresolved.length, names: unresolved.map((u) => `${u.path}: ${u.name}`) },
  };
}
