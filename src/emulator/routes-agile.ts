/** Jira Software's agile REST API: boards, their configuration, their sprints. */
import { badRequest } from './http-error';
import { offsetPage, ok, param, type Ctx, type Route } from './route';
import { runJql } from './routes-search';
import type { JiraSprint } from '../domain/jira';
import type { SiteBoard, SiteIssue } from './site';
import type { SiteIndex } from './site-index';

const SPRINT_STATES = ['future', 'active', 'closed'];

function withSelf(ctx: Ctx, path: string, value: object) {
  return { self: `${ctx.baseUrl}${path}`, ...value };
}

function boards(ctx: Ctx) {
  const projectRef = ctx.query.get('projectKeyOrId');
  const type = ctx.query.get('type');
  const name = (ctx.query.get('name') ?? '').toLowerCase();
  const project = projectRef ? ctx.index.project(projectRef) : undefined;
  const all = ctx.index.site.boards.filter(
    (b: SiteBoard) =>
      ctx.index.boardVisible(ctx.user, b) &&
      (!projectRef || (project !== undefined && b.board.location?.projectKey?.toUpperCase() === project.key.toUpperCase())) &&
      (!type || type.split(',').includes(b.board.type ?? '')) &&
      (!name || b.board.name.toLowerCase().includes(name)),
  );
  const page = offsetPage(all, ctx.query, 50, 50);
  return ok({ ...page, values: page.values.map((b) => withSelf(ctx, `/rest/agile/1.0/board/${b.board.id}`, b.board)) });
}

/**
 * The sprints a board lists, as Jira lists them: those it owns (`originBoardId`), then other
 * boards' sprints that the issues of its filter are in (their Sprint field now, which keeps closed
 * sprints), and any the site adds by hand (`extraSprintIds`).
 */
export function listedSprints(index: SiteIndex, board: SiteBoard, boardIssues: readonly SiteIssue[]): JiraSprint[] {
  const shared = new Set<number>(board.extraSprintIds ?? []);
  for (const issue of boardIssues) {
    const value = issue.fields[index.sprintFieldId];
    if (!Array.isArray(value)) continue;
    for (const s of value) if (s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'number') shared.add((s as { id: number }).id);
  }
  return index.site.sprints.filter((s) => s.originBoardId === board.board.id || shared.has(s.id));
}

/**
 * A board's sprints: those it owns (`originBoardId`), then, as Jira lists them, other boards'
 * sprints that the board's issues are in (each with its own `originBoardId`).
 */
function sprints(ctx: Ctx) {
  const board = ctx.index.board(ctx.user, param(ctx, 'id'));
  if (board.board.type === 'kanban') throw badRequest('The board does not support sprints');
  const states = (ctx.query.get('state') ?? '').split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const bad = states.find((s) => !SPRINT_STATES.includes(s));
  if (bad) throw badRequest(`The sprint state '${bad}' is not valid. Valid states are: future, active, closed.`);
  const all = listedSprints(ctx.index, board, runJql(ctx, board.filter.jql)).filter((s) => states.length === 0 || states.includes(s.state));
  const page = offsetPage(all, ctx.query, 50, 50, false);
  return ok({ ...page, values: page.values.map((s) => withSelf(ctx, `/rest/agile/1.0/sprint/${s.id}`, s)) });
}

export const agileRoutes: Route[] = [
  { method: 'GET', template: '/rest/agile/1.0/board', handle: boards },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{id}',
    handle: (ctx) => {
      const b = ctx.index.board(ctx.user, param(ctx, 'id'));
      return ok(withSelf(ctx, `/rest/agile/1.0/board/${b.board.id}`, b.board));
    },
  },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{id}/configuration',
    handle: (ctx) => {
      const b = ctx.index.board(ctx.user, param(ctx, 'id'));
      return ok(withSelf(ctx, `/rest/agile/1.0/board/${b.board.id}/configuration`, b.configuration));
    },
  },
  { method: 'GET', template: '/rest/agile/1.0/board/{id}/sprint', handle: sprints },
];
