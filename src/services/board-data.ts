/**
 * Loads what the metrics need for a set of boards, with as few Jira points as the endpoints allow:
 * one search per board for the fields the metrics read, then complete changelogs in bulk, filtered
 * to the fields the metrics replay.
 */
import type { GovernanceConfig } from '../domain/config';
import type { BoardConfiguration, JiraBoard, JiraField, JiraIssue, JiraSprint, StatusCategoryKey } from '../domain/jira';
import { discoverFields, METRIC_FIELDS, prepareIssue, type PreparedIssue, type SiteFields, statusCatalog } from '../domain/issue';
import { JiraError, type JiraClient } from '../jira/types';
import { readIssues } from './issue-reader';
import { untranslatedTypeNames } from './issue-types';
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


/**
 * The issue fields the metrics read on this configuration: the base fields, the custom fields it
 * maps products, channels and segments by, and its acceptance-criteria field (the site's Sprint and
 * estimation fields are added per board).
 */
export function metricFieldIds(config: GovernanceConfig): string[] {
  const ids = new Set<string>(METRIC_FIELDS);
  for (const list of [config.products, config.channels, config.segments])
    for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  if (config.hygiene.acceptanceCriteriaField) ids.add(config.hygiene.acceptanceCriteriaField);
  return [...ids];
}

/** Boards read at once: enough to overlap their requests, few enough not to crowd the client's own bound. */
const BOARDS_AT_ONCE = 3;

/**
 * Reads the boards concurrently (a few at a time), each through the one streaming loader
 * (`readIssues`): search pages and bulk changelogs overlap, each group of issues is prepared as it
 * arrives, and nothing of a raw page or history is kept once its issues are prepared. An issue on
 * two boards is read once (with the fields of the first board that reads it).
 */
export async function loadBoards(client: JiraClient, req: LoadRequest): Promise<LoadedBoards> {
  const progress = req.onProgress ?? (() => undefined);
  const [siteFields, statuses, typeNames] = await Promise.all([client.fields(), client.statuses(), untranslatedTypeNames(client)]);
  const catalog = statusCatalog(statuses);
  const siteStatusIds = new Set(statuses.map((s) => s.id));
  const prepared = new Map<string, PreparedIssue>();
  const boards: (BoardData | undefined)[] = new Array(req.boardIds.length);
  let started = 0;

  const loadOne = async (index: number): Promise<void> => {
    const boardId = req.boardIds[index] as number;
    const board = await client.board(boardId).catch((e: unknown) => {
      if (e instanceof JiraError && e.status === 404) throw new BoardNotFoundError(boardId);
      throw e;
    });
    const [configuration, sprints] = await Promise.all([client.boardConfiguration(boardId), client.sprints(boardId, ['active', 'closed'])]);
    const filter = await client.filter(configuration.filter.id);
    const fields = discoverFields(siteFields, configuration.estimation?.field?.fieldId ?? null);
    const fieldIds = metricFieldIds(req.config);
    if (fields.sprint) fieldIds.push(fields.sprint.id);
    if (fields.estimation) fieldIds.push(fields.estimation.id);
    const jql = boardScopeJql(filter.jql, { ...req.scope(sprints, boardId), openNow: req.openNow });
    progress(`board ${boardId} (${board.name}): searching issues`);
    req.onStep?.({ kind: 'board', boardId, index, total: req.boardIds.length });
    const changelogFields = ['status', 'priority', 'assignee'];
    if (fields.sprint) changelogFields.push(fields.sprint.id);
    if (fields.estimation) changelogFields.push(fields.estimation.id);
    const issueIds = new Set<string>();
    await readIssues(
      client,
      { jql, fields: fieldIds, changelogFields, siteFields: fields, typeNames, unchanged: (issue) => prepared.has(issue.id), sharedArrayFields: fields.sprint ? [fields.sprint.id] : [] }, async (group) => {
      for (const id of group.seen) issueIds.add(id);
      for (const p of group.issues) {
        // Statuses the site list missed (a status of another project's workflow, say) still carry their category.
        const status = p.issue.fields.status;
        siteStatusIds.add(status.id);
        if (!catalog.has(status.id)) catalog.set(status.id, status.statusCategory.key);
        if (!prepared.has(p.id)) prepared.set(p.id, p);
      }
      progress(`board ${boardId}: ${group.read} issues`);
      req.onStep?.({ kind: 'issues', boardId, fetched: group.read });
    });
    boards[index] = { board, configuration, sprints, fields, issueIds };
  };

  // A few boards at a time, in the order asked.
  const workers = Array.from({ length: Math.min(BOARDS_AT_ONCE, req.boardIds.length) }, async () => {
    while (started < req.boardIds.length) await loadOne(started++);
  });
  await Promise.all(workers);
  req.onStep?.({ kind: 'changelogs', issues: prepared.size });
  return { boards: boards.filter((b): b is BoardData => b !== undefined), issues: prepared, catalog, siteStatusIds, siteFields };
}
