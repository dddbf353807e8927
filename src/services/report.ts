/**
 * The governance report of a set of boards (CONTRACT.md): backlog convergence, defect SLA and
 * Jira hygiene, computed by the domain from what the Jira client reads.
 */
import type { GovernanceConfig } from '../domain/config';
import { convergenceReport, indexBySprint, selectSprints, sprintConvergence } from '../domain/convergence';
import { defectReport } from '../domain/defects';
import { doneStatusIds } from '../domain/done';
import { HYGIENE_RECENT_DAYS, hygieneContext, hygieneReport, hygieneScope } from '../domain/hygiene';
import type { PreparedIssue } from '../domain/issue';
import { compareKeys } from '../domain/issue';
import type { JiraIssue, JiraSprint } from '../domain/jira';
import { rollupPredicate, type OwnershipDimension } from '../domain/ownership';
import type { ConvergenceReport, GovernanceReport, HygieneReport, SprintConvergence } from '../domain/report';
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
  /** The metrics wanted (default all three); a gadget showing one metric fetches only what it needs. */
  sections?: readonly ReportSection[];
  /** Restrict every figure to the issues of one product, channel or segment. */
  rollup?: { dimension: OwnershipDimension; key: string } | null;
  onProgress?: (message: string) => void;
}

const DAY = 24 * 3600_000;

export type ReportSection = 'convergence' | 'defects' | 'hygiene';
const ALL_SECTIONS: readonly ReportSection[] = ['convergence', 'defects', 'hygiene'];

/** Some of the report: the sections asked for. */
export type ReportSections = Pick<GovernanceReport, 'now' | 'boards'> & Partial<Pick<GovernanceReport, ReportSection>>;

/** Reads the boards and computes the three metrics. */
export async function governanceReport(client: JiraClient, req: ReportRequest): Promise<GovernanceReport> {
  return reportSections(client, { ...req, sections: ALL_SECTIONS });
}

/** Reads the boards, fetching only the issues the requested sections need, and computes them. */
export async function reportSections<S extends ReportSection>(
  client: JiraClient,
  req: ReportRequest & { sections: readonly S[] },
): Promise<Pick<GovernanceReport, 'now' | 'boards' | S>> {
  const sections = new Set<ReportSection>(req.sections);
  const loaded = await loadBoards(client, {
    boardIds: req.boardIds,
    config: req.config,
    scope: (sprints) => {
      const reported = sections.has('convergence') ? selectSprints(sprints, req.sprints, req.now) : [];
      const since = [req.now, ...reported.map((s) => Date.parse(s.startDate ?? ''))];
      if (sections.has('defects')) since.push(Math.min(req.from, req.now));
      if (sections.has('hygiene')) since.push(req.now - HYGIENE_RECENT_DAYS * DAY);
      return { sprintIds: reported.map((s) => s.id), updatedSince: Math.min(...since.filter((t) => !Number.isNaN(t))) };
    },
    openNow: sections.has('defects') || sections.has('hygiene'),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  return computeSections(loaded, req) as Pick<GovernanceReport, 'now' | 'boards' | S>;
}

/** The full report from loaded board data: pure, so the same figures come from any source of data. */
export function computeReport(loaded: LoadedBoards, req: ReportRequest): GovernanceReport {
  return computeSections(loaded, { ...req, sections: ALL_SECTIONS }) as GovernanceReport;
}

function computeSections(loaded: LoadedBoards, req: ReportRequest): ReportSections {
  const sections = new Set(req.sections ?? ALL_SECTIONS);
  const { config, now } = req;
  const include = req.rollup ? rollupPredicate(config, req.rollup.dimension, req.rollup.key) : null;
  // Issues created after `now` do not exist yet; issues outside the roll-up are not counted.
  const visible = (p: PreparedIssue) => p.created <= now && (include === null || include(p.issue));

  const out: ReportSections = { now: new Date(now).toISOString(), boards: loaded.boards.map((b) => b.board.id) };
  if (sections.has('convergence')) out.convergence = boardsConvergence(loaded, req, visible);
  if (sections.has('defects')) {
    // One array of the visible issues, filled by a loop (not a copy of all of them, then a filter).
    const issues: PreparedIssue[] = [];
    for (const p of loaded.issues.values()) if (visible(p)) issues.push(p);
    out.defects = defectReport({
      issues,
      boards: loaded.boards.map((b) => ({ boardId: b.board.id, issueIds: b.issueIds })),
      catalog: loaded.catalog,
      statusNames: loaded.statusNames,
      config,
      now,
      from: req.from,
      to: req.to,
    });
  }
  if (sections.has('hygiene')) out.hygiene = boardsHygiene(loaded, req, visible);
  return out;
}

function boardsConvergence(loaded: LoadedBoards, req: ReportRequest, visible: (p: PreparedIssue) => boolean): ConvergenceReport {
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
    for (const sprint of selectSprints(b.sprints, req.sprints, now)) {
      sprintRows.push(
        sprintConvergence({
          boardId: b.board.id,
          sprint,
          issues: bySprint.get(sprint.id) ?? [],
          doneStatusIds: done,
          now,
          target: config.convergence.target,
          nearBand: config.convergence.nearBand,
          basis: config.convergence.basis,
          include: visible,
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
 * Hygiene over the boards' issues that are not done at `now` or were updated in the 30 days
 * before it. Each issue is judged once, in the context of the first board that holds it (its
 * estimation field and done statuses).
 */
function boardsHygiene(loaded: LoadedBoards, req: ReportRequest, visible: (p: PreparedIssue) => boolean): HygieneReport {
  const sprintsById = new Map<number, JiraSprint>();
  const doneByBoard = new Map<number, ReadonlySet<string>>();
  for (const b of loaded.boards) {
    for (const s of b.sprints) sprintsById.set(s.id, s);
    doneByBoard.set(b.board.id, doneStatusIds(b.configuration, loaded.catalog));
  }
  // Filled by a loop: no array of all the issues and another of pairs on the way (same map).
  const issuesByKey = new Map<string, JiraIssue>();
  for (const p of loaded.issues.values()) issuesByKey.set(p.key, p.issue);
  const seen = new Set<string>();
  const reports: HygieneReport[] = [];
  for (const b of loaded.boards) {
    const issues: PreparedIssue[] = [];
    for (const id of b.issueIds) {
      const p = loaded.issues.get(id);
      if (!p || seen.has(id) || !visible(p) || !hygieneScope(p.issue, req.now, p.created)) continue;
      seen.add(id);
      issues.push(p);
    }
    const ctx = hygieneContext({
      now: req.now,
      config: req.config,
      catalog: loaded.catalog,
      sprintsById,
      sprintFieldId: b.fields.sprint?.id ?? null,
      estimationFieldId: b.fields.estimation?.id ?? null,
      doneStatusIds: doneByBoard.get(b.board.id) ?? null,
      doneStatusIdsByBoard: doneByBoard,
      issuesByKey,
    });
    reports.push(hygieneReport({ issues, ctx }));
  }
  return mergeHygiene(reports);
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
