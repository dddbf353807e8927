/**
 * The demo's headline figures, computed with the app's own domain functions, the way the report
 * computes them: convergence per board (last 6 closed sprints), defect SLA over the 30 days before
 * now, and hygiene over what the report scans.
 */
import { type GovernanceConfig, parseConfigOrThrow } from '../../src/domain/config';
import { convergenceReport, indexBySprint, selectSprints, sprintConvergence } from '../../src/domain/convergence';
import { defectReport } from '../../src/domain/defects';
import { doneStatusIds } from '../../src/domain/done';
import { hygieneContext, hygieneReport, hygieneScope } from '../../src/domain/hygiene';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog } from '../../src/domain/issue';
import { JiraIssue } from '../../src/domain/jira';
import type { ConvergenceReport, DefectReport, HygieneReport } from '../../src/domain/report';
import type { SiteData } from '../../src/emulator/site';

const DAY = 86_400_000;

export interface BoardFigures {
  boardId: number;
  key: string;
  convergence: ConvergenceReport;
  hygiene: HygieneReport;
}

export interface DemoFigures {
  boards: BoardFigures[];
  defects: DefectReport;
  hygiene: HygieneReport;
}

export function jiraIssues(site: SiteData): JiraIssue[] {
  return site.issues.map((i) => JiraIssue.parse({ id: i.id, key: i.key, fields: i.fields }));
}

export function demoFigures(site: SiteData, configInput: unknown, now: number): DemoFigures {
  const config: GovernanceConfig = parseConfigOrThrow(configInput);
  const catalog = statusCatalog(site.statuses);
  const issues = jiraIssues(site);
  const histories = new Map(site.issues.map((i) => [i.key, i.histories]));
  // Every issue prepared once, with the fields of the board of its project, for sub-tasks looked up by key.
  const byKey = new Map<string, PreparedIssue>();
  for (const b of site.boards) {
    const projectKey = /project = (\w+)/.exec(b.filter.jql)?.[1] ?? '';
    const fields = discoverFields(site.fields, b.configuration.estimation?.field?.fieldId ?? null);
    for (const i of issues) if (i.fields.project.key === projectKey && !byKey.has(i.key)) byKey.set(i.key, prepareIssue(i, fields, histories.get(i.key)));
  }
  const sprintsById = new Map(site.sprints.map((s) => [s.id, s]));
  const all: PreparedIssue[] = [];
  const boards: BoardFigures[] = [];
  const scanned: PreparedIssue[] = [];
  const boardIds: { boardId: number; issueIds: Set<string> }[] = [];

  for (const b of site.boards) {
    const projectKey = /project = (\w+)/.exec(b.filter.jql)?.[1] ?? '';
    const fields = discoverFields(site.fields, b.configuration.estimation?.field?.fieldId ?? null);
    const prepared = issues.filter((i) => i.fields.project.key === projectKey).map((i) => byKey.get(i.key) ?? prepareIssue(i, fields, histories.get(i.key)));
    all.push(...prepared);
    boardIds.push({ boardId: b.board.id, issueIds: new Set(prepared.map((p) => p.id)) });
    const done = doneStatusIds(b.configuration, catalog);
    const index = indexBySprint(prepared);
    const sprints = selectSprints(
      site.sprints.filter((s) => s.originBoardId === b.board.id),
      config.convergence.sprints,
      now,
    );
    const rows = sprints.map((sprint) =>
      sprintConvergence({
        boardId: b.board.id, sprint, issues: index.get(sprint.id) ?? [], doneStatusIds: done, now,
        target: config.convergence.target, nearBand: config.convergence.nearBand, basis: config.convergence.basis,
      }),
    );
    const convergence = convergenceReport({ sprints: rows, target: config.convergence.target, nearBand: config.convergence.nearBand, basis: config.convergence.basis });
    const ctx = hygieneContext({
      now, config, catalog, sprintsById, sprintFieldId: fields.sprint?.id ?? null, estimationFieldId: fields.estimation?.id ?? null,
      doneStatusIds: done, issuesByKey: byKey,
    });
    const inScope = prepared.filter((p) => hygieneScope(p.issue, now));
    scanned.push(...inScope);
    boards.push({ boardId: b.board.id, key: projectKey, convergence, hygiene: hygieneReport({ issues: inScope, ctx }) });
  }

  const first = site.boards[0];
  const fields = discoverFields(site.fields, first?.configuration.estimation?.field?.fieldId ?? null);
  const ctx = hygieneContext({
    now, config, catalog, sprintsById, sprintFieldId: fields.sprint?.id ?? null, estimationFieldId: fields.estimation?.id ?? null,
    doneStatusIds: first ? doneStatusIds(first.configuration, catalog) : null, issuesByKey: byKey,
  });
  const defects = defectReport({
    issues: all, boards: boardIds, catalog, config, now,
    from: now - 30 * DAY, to: now,
  });
  return { boards, defects, hygiene: hygieneReport({ issues: scanned, ctx }) };
}
