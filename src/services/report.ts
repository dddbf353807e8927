/**
 * The governance report of a set of boards (the `governance` command in README.md; the shapes in src/domain/report.ts): backlog convergence, defect SLA and
 * Jira hygiene, computed by the domain from what the Jira client reads, with the warnings of what
 * it could not classify.
 */
import type { GovernanceConfig } from '../domain/config';
import type { UnresolvedName } from '../domain/config-migration';
import { candidateSprints } from '../domain/convergence';
import { HYGIENE_RECENT_DAYS } from '../domain/hygiene';
import type { PreparedIssue } from '../domain/issue';
import { parseInstant } from '../domain/jira';
import type { OwnershipDimension } from '../domain/ownership';
import type { GovernanceReport } from '../domain/report';
import type { JiraClient } from '../jira/types';
import { type LoadedBoards, loadBoards } from './board-data';
import { type BoardFigures, deriveBoardFigures } from './board-figures';
import { ALL_SECTIONS, figuresReport, type ReportSection } from './figures-report';

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

export type { ReportSection };

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
      const since = [req.now, ...candidates.map((s) => (s.startDate ? parseInstant(s.startDate) : Number.NaN))];
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

/** Each loaded board's figure rows at `now` (see `board-figures.ts`). */
export function loadedBoardFigures(loaded: LoadedBoards, o: { now: number; config: GovernanceConfig; closedSprints: number; resolvedSince: number; before?: number | null }): BoardFigures[] {
  return loaded.boards.map((b) => {
    const issues: PreparedIssue[] = [];
    for (const id of b.issueIds) {
      const p = loaded.issues.get(id);
      if (p !== undefined) issues.push(p);
    }
    return deriveBoardFigures(
      { boardId: b.board.id, configuration: b.configuration, sprints: b.sprints, fields: b.fields, issues },
      { ...o, catalog: loaded.catalog, siteStatusIds: loaded.siteStatusIds },
    );
  });
}

/** The sections asked for, from the boards' figure rows, for the roll-up asked for. */
function computeSections(loaded: LoadedBoards, req: ReportRequest): ReportSections {
  const figures = loadedBoardFigures(loaded, { now: req.now, config: req.config, closedSprints: req.sprints, resolvedSince: Math.min(req.from, req.now) });
  const report = figuresReport(figures, {
    sprints: req.sprints,
    from: req.from,
    to: req.to,
    config: req.config,
    rollup: req.rollup ?? null,
    sections: req.sections ?? ALL_SECTIONS,
    ...(req.unresolvedConfigNames ? { unresolvedConfigNames: req.unresolvedConfigNames } : {}),
  });
  return { ...report, now: new Date(req.now).toISOString() };
}

export { mergeHygiene } from './figures-report';
