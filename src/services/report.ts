/**
 * The governance report of a set of boards (CONTRACT.md): backlog convergence, defect SLA and
 * Jira hygiene, computed by the domain from what the Jira client reads, with the warnings of what
 * it could not classify.
 */
import type { GovernanceConfig } from '../domain/config';
import type { UnresolvedName } from '../domain/config-migration';
import {
  candidateSprints,
  convergenceNotes,
  type ConvergenceNotes,
  convergenceReport,
  indexBySprint,
  selectSprints,
  sprintConvergence,
  sprintHasMember,
} from '../domain/convergence';
import { configuredTarget, defectReport } from '../domain/defects';
import { doneStatusIds, mappedStatusIds } from '../domain/done';
import { isUnusableEstimate } from '../domain/history';
import { HYGIENE_RECENT_DAYS, hygieneContext, hygieneReport, hygieneScope } from '../domain/hygiene';
import { asOfNow, sprintAsOf } from '../domain/hygiene/as-of';
import type { PreparedIssue } from '../domain/issue';
import { compareKeys, currentEstimate, sortKeys } from '../domain/issue';
import type { JiraSprint } from '../domain/jira';
import { rollupPredicate, type OwnershipDimension } from '../domain/ownership';
import type { ConvergenceReport, DefectReport, GovernanceReport, HygieneReport, ReportWarnings, SprintConvergence } from '../domain/report';
import type { JiraClient } from '../jira/types';
import { type LoadedBoards, loadBoards } from './board-data';

export interface ReportRequest {
  boardIds: number[];
  /** Closed sprints per board, newest first. */
  sprints: number;
  now: number;
  /** The defect period, both ends included. */
  from: number;
  to: number;
  config: GovernanceConfig;
  /** Names of a version 1 configuration that could not be resolved to ids (reported in the warnings). */
  unresolvedConfigNames?: readonly UnresolvedName[];
  /** The metrics wanted (default all three); a gadget showing one metric fetches only what it needs. */
  sections?: readonly ReportSection[];
  /** Restrict every figure to the issues of one product, channel or segment. */
  rollup?: { dimension: OwnershipDimension; key: string } | null;
  onProgress?: (message: string) => void;
}

const DAY = 24 * 3600_000;

export type ReportSection = 'convergence' | 'defects' | 'hygiene';
const ALL_SECTIONS: readonly ReportSection[] = ['convergence', 'defects', 'hygiene'];

/** Some of the report: the sections asked for, and the warnings of what they read. */
export type ReportSections = Pick<GovernanceReport, 'now' | 'boards' | 'warnings'> & Partial<Pick<GovernanceReport, ReportSection>>;

/** Reads the boards and computes the three metrics. */
export async function governanceReport(client: JiraClient, req: ReportRequest): Promise<GovernanceReport> {
  return reportSections(client, { ...req, sections: ALL_SECTIONS });
}

/** Reads the boards, fetching only the issues the requested sections need, and computes them. */
export async function reportSections<S extends ReportSection>(
  client: JiraClient,
  req: ReportRequest & { sections: readonly S[] },
): Promise<Pick<GovernanceReport, 'now' | 'boards' | 'warnings' | S>> {
  const sections = new Set<ReportSection>(req.sections);
  const loaded = await loadBoards(client, {
    boardIds: req.boardIds,
    config: req.config,
    scope: (sprints, boardId) => {
      // Every sprint that may be reported: a sprint of another board is reported only if one of
      // this board's issues was in it, which only its members tell.
      const candidates = sections.has('convergence') ? candidateSprints(sprints, req.sprints, req.now, boardId) : [];
      const since = [req.now, ...candidates.map((s) => Date.parse(s.startDate ?? ''))];
      if (sections.has('defects')) since.push(Math.min(req.from, req.now));
      if (sections.has('hygiene')) since.push(req.now - HYGIENE_RECENT_DAYS * DAY);
      return { sprintIds: candidates.map((s) => s.id), updatedSince: Math.min(...since.filter((t) => !Number.isNaN(t))) };
    },
    openNow: sections.has('defects') || sections.has('hygiene'),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  return computeSections(loaded, req) as Pick<GovernanceReport, 'now' | 'boards' | 'warnings' | S>;
}

/** The full report from loaded board data: pure, so the same figures come from any source of data. */
export function computeReport(loaded: LoadedBoards, req: ReportRequest): GovernanceReport {
  return computeSections(loaded, { ...req, sections: ALL_SECTIONS }) as GovernanceReport;
}

/** What the sections read that the warnings report on, gathered while they compute. */
interface Reading {
  readonly notes: ConvergenceNotes;
  /** Issues whose histories the figures read (for statuses the site no longer has). */
  readonly read: Set<PreparedIssue>;
}

function computeSections(loaded: LoadedBoards, req: ReportRequest): ReportSections {
  const sections = new Set(req.sections ?? ALL_SECTIONS);
  const { config, now } = req;
  const include = req.rollup ? rollupPredicate(config, req.rollup.dimension, req.rollup.key) : null;
  // Issues created after `now` do not exist yet; issues outside the roll-up are not counted.
  const visible = (p: PreparedIssue) => p.created <= now && (include === null || include(p.issue));
  const reading: Reading = { notes: convergenceNotes(), read: new Set() };

  const out: Omit<ReportSections, 'warnings'> & Partial<Pick<ReportSections, 'warnings'>> = {
    now: new Date(now).toISOString(),
    boards: loaded.boards.map((b) => b.board.id),
  };
  if (sections.has('convergence')) out.convergence = boardsConvergence(loaded, req, visible, reading);
  if (sections.has('defects')) {
    // One array of the visible issues, filled by a loop (not a copy of all of them, then a filter).
    const issues: PreparedIssue[] = [];
    for (const p of loaded.issues.values()) if (visible(p)) issues.push(p);
    out.defects = defectReport({
      issues,
      boards: loaded.boards.map((b) => ({ boardId: b.board.id, issueIds: b.issueIds })),
      catalog: loaded.catalog,
      config,
      now,
      from: req.from,
      to: req.to,
    });
  }
  if (sections.has('hygiene')) out.hygiene = boardsHygiene(loaded, req, visible, reading);
  return { ...out, warnings: reportWarnings(loaded, req, out.defects ?? null, reading) };
}

function boardsConvergence(loaded: LoadedBoards, req: ReportRequest, visible: (p: PreparedIssue) => boolean, reading: Reading): ConvergenceReport {
  const { config, now } = req;
  const sprintRows: SprintConvergence[] = [];
  for (const b of loaded.boards) {
    const boardIssues: PreparedIssue[] = [];
    for (const id of b.issueIds) {
      const p = loaded.issues.get(id);
      if (p !== undefined) boardIssues.push(p);
    }
    const bySprint = indexBySprint(boardIssues);
    const done = doneStatusIds(b.configuration, loaded.catalog);
    const mapped = mappedStatusIds(b.configuration);
    const boardId = b.board.id;
    const reported = selectSprints(b.sprints, req.sprints, now, {
      boardId,
      hasMember: (sprint, window) => sprintHasMember(bySprint.get(sprint.id) ?? [], sprint.id, window, now),
    });
    for (const sprint of reported) {
      const members = bySprint.get(sprint.id) ?? [];
      for (const p of members) if (visible(p)) reading.read.add(p);
      sprintRows.push(
        sprintConvergence({
          boardId,
          sprint,
          issues: members,
          doneStatusIds: done,
          now,
          target: config.convergence.target,
          nearBand: config.convergence.nearBand,
          basis: config.convergence.basis,
          include: visible,
          mappedStatusIds: mapped,
          notes: reading.notes,
        }),
      );
    }
  }
  return convergenceReport({
    sprints: sprintRows,
    target: config.convergence.target,
    nearBand: config.convergence.nearBand,
    basis: config.convergence.basis,
  });
}

/**
 * Hygiene over the boards' issues that, at `now`, are not done or were updated in the 30 days
 * before it (each as it stood at `now`). Each issue is judged once, in the context of the first
 * board that holds it (its estimation field and done statuses).
 */
function boardsHygiene(loaded: LoadedBoards, req: ReportRequest, visible: (p: PreparedIssue) => boolean, reading: Reading): HygieneReport {
  const { now } = req;
  const sprintsById = new Map<number, JiraSprint>();
  const doneByBoard = new Map<number, ReadonlySet<string>>();
  for (const b of loaded.boards) {
    // The sprints as they stood at `now` (a report for a past instant sees a later sprint as not started).
    for (const s of b.sprints) sprintsById.set(s.id, sprintAsOf(s, now));
    doneByBoard.set(b.board.id, doneStatusIds(b.configuration, loaded.catalog));
  }
  // Filled by a loop: no array of all the issues and another of pairs on the way (same map).
  const issuesByKey = new Map<string, PreparedIssue>();
  for (const p of loaded.issues.values()) issuesByKey.set(p.key, p);
  const seen = new Set<string>();
  const reports: HygieneReport[] = [];
  for (const b of loaded.boards) {
    const fields = { sprintFieldId: b.fields.sprint?.id ?? null, estimationFieldId: b.fields.estimation?.id ?? null };
    const issues: PreparedIssue[] = [];
    for (const id of b.issueIds) {
      const p = loaded.issues.get(id);
      if (!p || seen.has(id) || !visible(p)) continue;
      const at = asOfNow(p, now, loaded.catalog, fields);
      if (at === null || !hygieneScope(at.issue, now, at.created)) continue;
      seen.add(id);
      issues.push(at);
      reading.read.add(p);
      if (fields.estimationFieldId !== null && isUnusableEstimate(currentEstimate(at.issue, b.fields.estimation))) reading.notes.invalidEstimates.add(p.key);
    }
    const ctx = hygieneContext({
      now,
      config: req.config,
      catalog: loaded.catalog,
      sprintsById,
      ...fields,
      doneStatusIds: doneByBoard.get(b.board.id) ?? null,
      doneStatusIdsByBoard: doneByBoard,
      issuesByKey,
    });
    reports.push(hygieneReport({ issues, ctx }));
  }
  return mergeHygiene(reports);
}

/** The warnings of a report: what it read but could not classify as Jira meant. */
function reportWarnings(loaded: LoadedBoards, req: ReportRequest, defects: DefectReport | null, reading: Reading): ReportWarnings {
  const deletedIssues = new Set<string>();
  const deletedIds = new Set<string>();
  const known = loaded.siteStatusIds;
  const check = (p: PreparedIssue, statusId: string | null | undefined) => {
    if (statusId === null || statusId === undefined || known.has(statusId)) return;
    deletedIssues.add(p.key);
    deletedIds.add(statusId);
  };
  const defectKeys = new Set(defects?.issues.map((d) => d.key) ?? []);
  for (const p of loaded.issues.values()) if (defectKeys.has(p.key)) reading.read.add(p);
  for (const p of reading.read) {
    check(p, p.status.initial);
    for (const v of p.status.values) check(p, v);
  }

  const unknownIssues: string[] = [];
  const unknownIds = new Set<string>();
  // A defect without a target because its priority (at `now`) has none configured; one without any
  // priority is not about an unknown priority.
  for (const d of defects?.issues ?? []) {
    if (d.outcome !== 'noSla' || d.priorityId === null || configuredTarget(d.priorityId, req.config) !== null) continue;
    unknownIssues.push(d.key);
    unknownIds.add(d.priorityId);
  }

  const issues = (keys: Iterable<string>) => {
    const sorted = sortKeys(keys);
    return { count: sorted.length, issues: sorted };
  };
  const ids = (set: Set<string>) => [...set].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const unresolved = req.unresolvedConfigNames ?? [];
  return {
    invalidEstimates: issues(reading.notes.invalidEstimates),
    deletedStatuses: { ...issues(deletedIssues), statusIds: ids(deletedIds) },
    unknownPriorities: { ...issues(unknownIssues), priorityIds: ids(unknownIds) },
    unmappedStatuses: { ...issues(reading.notes.unmappedStatuses), statusIds: ids(reading.notes.unmappedStatusIds) },
    unresolvedConfigNames: { count: unresolved.length, names: unresolved.map((u) => `${u.path}: ${u.name}`) },
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
    const issues = reports.flatMap((r) => r.rules.find((x) => x.id === rule.id)?.issues ?? []).sort(compareKeys);
    return { ...rule, count: issues.length, issues };
  });
  return { scanned, violating, score: scanned === 0 ? null : 1 - violating / scanned, rules };
}
