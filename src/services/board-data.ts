/**
 * Loads what the metrics need for a set of boards, with as few Jira points as the endpoints allow:
 * one search per board for the fields the metrics read, then complete changelogs in bulk, filtered
 * to the fields the metrics replay.
 */
import type { GovernanceConfig } from '../domain/config';
import type { BoardConfiguration, JiraBoard, JiraField, JiraIssue, JiraSprint, StatusCategoryKey } from '../domain/jira';
import { discoverFields, prepareIssue, type PreparedIssue, type SiteFields, statusCatalog } from '../domain/issue';
import { JiraError, type JiraClient } from '../jira/types';
import { fillUntranslatedTypeName, untranslatedTypeNames } from './issue-types';
import { boardScopeJql } from './jql';

/** Jira says the board does not exist (or the user may not see it: Jira answers 404 for both). */
export class BoardNotFoundError extends Error {
  constructor(readonly boardId: number) {
    super(`board ${boardId} does not exist or you may not browse it`);
    this.name = 'BoardNotFoundError';
  }
}

export interface BoardData {
  board: JiraBoard;
  configuration: BoardConfiguration;
  /** Every active and closed sprint the board lists: its own, and other boards' that its issues were in. */
  sprints: JiraSprint[];
  fields: SiteFields;
  /** Ids of the issues the board's filter returned. */
  issueIds: Set<string>;
}

export interface LoadedBoards {
  boards: BoardData[];
  /** Every issue of any board, prepared for replay, by id (an issue on two boards appears once). */
  issues: Map<string, PreparedIssue>;
  /** Status id → category: the site's statuses, and any status an issue was read in. */
  catalog: Map<string, StatusCategoryKey>;
  /** The statuses the site has now (its status list and the statuses issues are in): others in a history were deleted. */
  siteStatusIds: Set<string>;
  siteFields: JiraField[];
}

export interface LoadRequest {
  boardIds: readonly number[];
  config: GovernanceConfig;
  /**
   * What to fetch of a board, given its sprints: the sprints whose members must be fetched even if
   * untouched since `updatedSince`, and the oldest instant whose updates may matter (earliest
   * sprint start, defect period start, now − 30 d).
   */
  scope: (sprints: readonly JiraSprint[], boardId: number) => { sprintIds: readonly number[]; updatedSince: number };
  /** Fetch every issue not done now (defects and hygiene need them; convergence alone does not). */
  openNow: boolean;
  onProgress?: (message: string) => void;
  /** The same progress as steps a job document can count (async report jobs). */
  onStep?: (step: LoadStep) => void;
}

export type LoadStep =
  | { kind: 'board'; boardId: number; index: number; total: number }
  | { kind: 'issues'; boardId: number; fetched: number }
  | { kind: 'changelogs'; issues: number };

/** Issue fields any metric reads; custom fields are added per site. */
const BASE_FIELDS = [
  'summary',
  'issuetype',
  'status',
  'project',
  'created',
  'updated',
  'priority',
  'assignee',
  'resolution',
  'resolutiondate',
  'duedate',
  'description',
  'labels',
  'components',
  'parent',
  'subtasks',
];

/**
 * The issue fields the metrics read on this configuration: the base fields, the custom fields it
 * maps products, channels and segments by, and its acceptance-criteria field (the site's Sprint and
 * estimation fields are added per board).
 */
export function metricFieldIds(config: GovernanceConfig): string[] {
  const ids = new Set<string>(BASE_FIELDS);
  for (const list of [config.products, config.channels, config.segments])
    for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  if (config.hygiene.acceptanceCriteriaField) ids.add(config.hygiene.acceptanceCriteriaField);
  return [...ids];
}

export async function loadBoards(client: JiraClient, req: LoadRequest): Promise<LoadedBoards> {
  const progress = req.onProgress ?? (() => undefined);
  const [siteFields, statuses, typeNames] = await Promise.all([client.fields(), client.statuses(), untranslatedTypeNames(client)]);
  const catalog = statusCatalog(statuses);
  const siteStatusIds = new Set(statuses.map((s) => s.id));
  const boards: BoardData[] = [];
  const raw = new Map<string, { issue: JiraIssue; fields: SiteFields }>();

  for (const boardId of req.boardIds) {
    const board = await client.board(boardId).catch((e: unknown) => {
      if (e instanceof JiraError && e.status === 404) throw new BoardNotFoundError(boardId);
      throw e;
    });
    const [configuration, sprints] = await Promise.all([
      client.boardConfiguration(boardId),
      client.sprints(boardId, ['active', 'closed']),
    ]);
    const filter = await client.filter(configuration.filter.id);
    const fields = discoverFields(siteFields, configuration.estimation?.field?.fieldId ?? null);
    const fieldIds = metricFieldIds(req.config);
    if (fields.sprint) fieldIds.push(fields.sprint.id);
    if (fields.estimation) fieldIds.push(fields.estimation.id);
    const jql = boardScopeJql(filter.jql, { ...req.scope(sprints, boardId), openNow: req.openNow });
    progress(`board ${boardId} (${board.name}): searching issues`);
    req.onStep?.({ kind: 'board', boardId, index: boards.length, total: req.boardIds.length });
    const issues = await client.search(jql, {
      fields: fieldIds,
      onPage: (n) => {
        progress(`board ${boardId}: ${n} issues`);
        req.onStep?.({ kind: 'issues', boardId, fetched: n });
      },
    });
    const issueIds = new Set<string>();
    for (const issue of issues) {
      issueIds.add(issue.id);
      fillUntranslatedTypeName(issue, typeNames);
      // Statuses the site list missed (a status of another project's workflow, say) still carry their category.
      siteStatusIds.add(issue.fields.status.id);
      if (!catalog.has(issue.fields.status.id)) catalog.set(issue.fields.status.id, issue.fields.status.statusCategory.key);
      if (!raw.has(issue.id)) raw.set(issue.id, { issue, fields });
    }
    boards.push({ board, configuration, sprints, fields, issueIds });
  }

  const replayed = new Set<string>(['status', 'priority']);
  for (const b of boards) {
    if (b.fields.sprint) replayed.add(b.fields.sprint.id);
    if (b.fields.estimation) replayed.add(b.fields.estimation.id);
  }
  progress(`changelogs of ${raw.size} issues`);
  req.onStep?.({ kind: 'changelogs', issues: raw.size });
  const changelogs = await client.changelogs(
    [...raw.values()].map(({ issue }) => ({ id: issue.id, key: issue.key })),
    [...replayed].slice(0, 10),
  );
  const prepared = new Map<string, PreparedIssue>();
  for (const [id, { issue, fields }] of raw) prepared.set(id, prepareIssue(issue, fields, changelogs.get(id) ?? []));
  return { boards, issues: prepared, catalog, siteStatusIds, siteFields };
}
