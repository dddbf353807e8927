/**
 * The engine's side of the benchmark: parse Jira's pages, validate them with the same zod schemas
 * the client uses, prepare the issues for replay and compute the three metrics of a board.
 */
import { defaultConfig, type GovernanceConfig } from '../src/domain/config';
import { convergenceReport, indexBySprint, selectSprints, sprintConvergence } from '../src/domain/convergence';
import { defectReport } from '../src/domain/defects';
import { doneStatusIds } from '../src/domain/done';
import { hygieneContext, hygieneReport, hygieneScope } from '../src/domain/hygiene';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog } from '../src/domain/issue';
import { BulkChangelogPage, type ChangelogHistory, type JiraIssue, SearchJqlPage } from '../src/domain/jira';
import type { GovernanceReport } from '../src/domain/report';
import type { SyntheticBoard, SyntheticSite } from './synthetic';

const DAY = 24 * 3600_000;

/** Issues and changelogs of a board, validated, with the histories grouped per issue. */
export interface ValidatedBoard {
  issues: JiraIssue[];
  changelogs: Map<string, ChangelogHistory[]>;
}

export function validatePages(searchPages: readonly unknown[], changelogPages: readonly unknown[]): ValidatedBoard {
  const issues: JiraIssue[] = [];
  for (const p of searchPages) issues.push(...SearchJqlPage.parse(p).issues);
  const changelogs = new Map<string, ChangelogHistory[]>();
  for (const p of changelogPages)
    for (const entry of BulkChangelogPage.parse(p).issueChangeLogs) {
      const known = changelogs.get(entry.issueId);
      if (known) known.push(...entry.changeHistories);
      else changelogs.set(entry.issueId, entry.changeHistories);
    }
  return { issues, changelogs };
}

/** All three metrics of one board, from validated pages. */
export function computeBoard(site: SyntheticSite, board: SyntheticBoard, data: ValidatedBoard, config: GovernanceConfig = defaultConfig()): GovernanceReport {
  const fields = discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null);
  const prepared: PreparedIssue[] = data.issues.map((i) => prepareIssue(i, fields, data.changelogs.get(i.id) ?? []));
  return metricsOfBoard(site, board, prepared, config);
}

export function metricsOfBoard(site: SyntheticSite, board: SyntheticBoard, prepared: readonly PreparedIssue[], config: GovernanceConfig): GovernanceReport {
  const now = site.now;
  const catalog = statusCatalog(site.statuses);
  const done = doneStatusIds(board.configuration, catalog);
  const bySprint = indexBySprint(prepared);
  const sprints = selectSprints(board.sprints, board.sprints.length, now).map((sprint) =>
    sprintConvergence({
      boardId: board.boardId,
      sprint,
      issues: bySprint.get(sprint.id) ?? [],
      doneStatusIds: done,
      now,
      target: config.convergence.target,
      nearBand: config.convergence.nearBand,
      basis: config.convergence.basis,
    }),
  );
  const fields = discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null);
  const ctx = hygieneContext({
    now,
    config,
    catalog,
    sprintsById: new Map(board.sprints.map((s) => [s.id, s])),
    sprintFieldId: fields.sprint?.id ?? null,
    estimationFieldId: fields.estimation?.id ?? null,
    doneStatusIds: done,
  });
  return {
    now: new Date(now).toISOString(),
    boards: [board.boardId],
    convergence: convergenceReport({ sprints, target: config.convergence.target, nearBand: config.convergence.nearBand, basis: config.convergence.basis }),
    defects: defectReport({
      issues: prepared,
      boards: [{ boardId: board.boardId, issueIds: new Set(prepared.map((p) => p.id)) }],
      catalog,
      statusNames: new Map(site.statuses.map((s) => [s.id, s.name])),
      config,
      now,
      from: now - 30 * DAY,
      to: now,
    }),
    hygiene: hygieneReport({ issues: prepared.filter((p) => hygieneScope(p.issue, now)), ctx }),
  };
}
