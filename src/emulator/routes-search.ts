/** Enhanced JQL search (`/rest/api/3/search/jql`), its approximate count, and the removed `/search`. */
import { z } from 'zod';
import { compileJql } from './jql-eval';
import { JqlError } from './jql-parse';
import { badRequest, HttpError } from './http-error';
import { intParam, ok, pageToken, parseBody, readPageToken, type Ctx, type Route } from './route';
import type { SiteIssue } from './site';
import { translationsFor } from './locale';
import { listParam, renderIssue } from './views';

/** Jira's ceiling when only ids or keys are asked for. */
const IDS_ONLY_MAX = 5000;

const SearchBody = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().nullish(),
  maxResults: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.union([z.string(), z.array(z.string())]).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
  reconcileIssues: z.array(z.number()).optional(),
});
type SearchRequest = z.infer<typeof SearchBody>;

const REMOVED = new HttpError(410, [
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046',
]);

/** The issues a user's JQL selects, in the query's order; a bad query is Jira's 400. */
export function runJql(ctx: Ctx, jql: string): SiteIssue[] {
  const text = jql.trim();
  if (text === '' || /^order\s+by\b/i.test(text)) {
    throw badRequest('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  try {
    // Relative dates make a result depend on the minute, so "now" is part of the key.
    const now = ctx.config.now();
    const key = `jql\n${ctx.user.accountId}\n${Math.floor(now / 60_000)}\n${text}`;
    return ctx.index.cached(key, () => {
      const compiled = compileJql(text, { index: ctx.index, user: ctx.user, now });
      return ctx.index.visibleIssues(ctx.user).filter(compiled.matches).sort(compiled.compare);
    });
  } catch (e) {
    if (e instanceof JqlError) throw badRequest(e.message);
    throw e;
  }
}

function search(ctx: Ctx, request: SearchRequest) {
  const jql = request.jql ?? '';
  const fields = request.fields ?? [];
  const expand = (Array.isArray(request.expand) ? request.expand : (request.expand ?? '').split(',')).map((e) => e.trim());
  const idsOnly = fields.every((f) => f === 'id' || f === 'key');
  const ceiling = idsOnly ? IDS_ONLY_MAX : ctx.config.searchPageMax;
  const maxResults = Math.min(Math.max(request.maxResults ?? 50, 1), ceiling);
  const issues = runJql(ctx, jql);
  const scope = `${ctx.user.accountId}\n${jql}`;
  const offset = readPageToken(request.nextPageToken, scope);
  const page = issues.slice(offset, offset + maxResults);
  const isLast = offset + page.length >= issues.length;
  const render = {
    fields,
    defaultAll: false,
    viewer: ctx.user,
    ...(expand.includes('changelog') ? { changelogLimit: ctx.config.changelogTruncation } : {}),
    ...(request.properties ? { properties: request.properties } : {}),
  };
  const names = translationsFor(ctx.index.site, ctx.user);
  return ok({
    issues: page.map((i) => renderIssue(i, render, ctx.index, ctx.baseUrl, names)),
    // The last page carries no token at all (Jira may also send null; the client takes both).
    ...(isLast ? {} : { nextPageToken: pageToken(offset + page.length, scope) }),
    isLast,
  });
}

export const searchRoutes: Route[] = [
  { method: 'POST', template: '/rest/api/3/search/jql', handle: (ctx) => search(ctx, parseBody(SearchBody, ctx.body)) },
  {
    method: 'GET',
    template: '/rest/api/3/search/jql',
    handle: (ctx) => {
      const q = ctx.query;
      const request: SearchRequest = { jql: q.get('jql') ?? '', fields: listParam(q, 'fields'), expand: listParam(q, 'expand'), properties: listParam(q, 'properties') };
      if (q.has('maxResults')) request.maxResults = intParam(q, 'maxResults', 50);
      if (q.has('nextPageToken')) request.nextPageToken = q.get('nextPageToken');
      return search(ctx, request);
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    handle: (ctx) => ok({ count: runJql(ctx, parseBody(z.object({ jql: z.string() }), ctx.body).jql).length }),
  },
  ...(['GET', 'POST'] as const).flatMap((method) =>
    ['/rest/api/3/search', '/rest/api/2/search'].map((template) => ({
      method,
      template,
      handle: () => {
        throw REMOVED;
      },
    })),
  ),
];
