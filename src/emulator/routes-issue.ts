/** Issues: one issue, its changelog, bulk changelogs, entity properties, remote links. */
import { z } from 'zod';
import { parseInstant, type ChangelogHistory, type ChangelogItem } from '../domain/jira';
import { badRequest, HttpError, notFound } from './http-error';
import { ok, offsetPage, pageToken, param, parseBody, readPageToken, type Ctx, type Route } from './route';
import type { SiteIssue } from './site';
import { translationsFor } from './locale';
import { listParam, renderIssue } from './views';

const PROPERTY_VALUE_MAX = 32_768;
const PROPERTY_KEY_MAX = 255;
/** `GET /issue/{key}?expand=changelog` keeps the newest 100 (one page of the changelog endpoint). */
const ISSUE_CHANGELOG_MAX = 100;

const BulkBody = z.object({
  issueIdsOrKeys: z.array(z.string()),
  fieldIds: z.array(z.string()).optional(),
  maxResults: z.number().int().min(1).optional(),
  nextPageToken: z.string().nullish(),
});

/**
 * `POST /rest/api/3/changelog/bulkfetch`: "sorted by changelog date and issue IDs, starting from
 * the oldest changelog and smallest issue ID"; items filtered by field id (custom-field items that
 * lack `fieldId` match by the field's name, as the server knows which field they are).
 */
function bulkFetch(ctx: Ctx) {
  const body = parseBody(BulkBody, ctx.body);
  if (body.issueIdsOrKeys.length < 1 || body.issueIdsOrKeys.length > 1000) {
    throw new HttpError(400, [], { issueIdsOrKeys: 'The number of issues must be between 1 and 1000.' });
  }
  const fieldIds = body.fieldIds ?? [];
  if (fieldIds.length > 10) throw new HttpError(400, [], { fieldIds: 'The number of field IDs must be between 0 and 10.' });
  const issues = new Map<string, SiteIssue>();
  for (const idOrKey of body.issueIdsOrKeys) {
    const issue = ctx.index.findIssue(ctx.user, idOrKey);
    if (issue) issues.set(issue.id, issue);
  }
  const scope = `${ctx.user.accountId}\n${JSON.stringify([...issues.keys()])}\n${fieldIds.join(',')}`;
  const entries = ctx.index.cached(`bulk\n${scope}`, () => changelogEntries(ctx, [...issues.values()], fieldIds));
  const offset = readPageToken(body.nextPageToken, scope);
  const size = Math.min(body.maxResults ?? 1000, ctx.config.bulkPageMax);
  const page = entries.slice(offset, offset + size);
  const grouped = new Map<string, ChangelogHistory[]>();
  for (const e of page) {
    const histories = grouped.get(e.issueId);
    if (histories) histories.push(e.history);
    else grouped.set(e.issueId, [e.history]);
  }
  const more = offset + page.length < entries.length;
  return ok({
    issueChangeLogs: [...grouped].map(([issueId, changeHistories]) => ({ issueId, changeHistories })),
    nextPageToken: more ? pageToken(offset + page.length, scope) : null,
  });
}

/** Every (issue, history) pair with items left after the field filter, in bulk fetch's order. */
function changelogEntries(ctx: Ctx, issues: SiteIssue[], fieldIds: string[]) {
  const keep = itemFilter(ctx, fieldIds);
  const entries: { issueId: string; history: ChangelogHistory; at: number }[] = [];
  for (const issue of issues) {
    for (const h of issue.histories) {
      const items = h.items.filter(keep);
      if (items.length > 0) entries.push({ issueId: issue.id, history: { ...h, items }, at: parseInstant(h.created) });
    }
  }
  return entries.sort((a, b) => a.at - b.at || Number(a.issueId) - Number(b.issueId) || Number(a.history.id) - Number(b.history.id));
}

function itemFilter(ctx: Ctx, fieldIds: string[]): (item: ChangelogItem) => boolean {
  if (fieldIds.length === 0) return () => true;
  const ids = new Set(fieldIds);
  const names = new Set(ctx.index.site.fields.filter((f) => ids.has(f.id)).map((f) => f.name.toLowerCase()));
  for (const id of fieldIds) names.add(id.toLowerCase());
  return (item) => (item.fieldId ? ids.has(item.fieldId) : names.has(item.field.toLowerCase()));
}

function issueChangelog(ctx: Ctx) {
  const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
  // Served in stored order, which is oldest first on a well-built site; clients sort anyway.
  const page = offsetPage(issue.histories, ctx.query, 100, 100);
  const next = page.isLast ? {} : { nextPage: `${ctx.baseUrl}/rest/api/3/issue/${issue.key}/changelog?startAt=${page.startAt + page.values.length}&maxResults=${page.maxResults}` };
  return ok({ self: `${ctx.baseUrl}/rest/api/3/issue/${issue.key}/changelog`, ...next, ...page });
}

function propertyKey(ctx: Ctx): string {
  const key = param(ctx, 'property');
  if (key.length === 0 || key.length > PROPERTY_KEY_MAX) throw badRequest(`The property key must be between 1 and ${PROPERTY_KEY_MAX} characters long.`);
  return key;
}

/** Writing a property needs Edit issues in the issue's project (403 otherwise, as Jira). */
function editableIssue(ctx: Ctx): SiteIssue {
  const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
  if (!ctx.index.canEdit(ctx.user, ctx.index.projectKeyOf(issue))) {
    throw new HttpError(403, ['You do not have permission to edit this issue.']);
  }
  return issue;
}

function setProperty(ctx: Ctx) {
  const issue = editableIssue(ctx);
  const key = propertyKey(ctx);
  if (ctx.body === undefined) throw badRequest('The property value must be a valid JSON.');
  if (JSON.stringify(ctx.body).length > PROPERTY_VALUE_MAX) throw badRequest(`The property value is too long. The maximum length is ${PROPERTY_VALUE_MAX} characters.`);
  const existed = key in issue.properties;
  issue.properties[key] = ctx.body;
  ctx.index.invalidate();
  ctx.config.onPropertyWrite?.(issue.key, key, ctx.body);
  return { status: existed ? 200 : 201 };
}

function deleteProperty(ctx: Ctx) {
  const issue = editableIssue(ctx);
  const key = propertyKey(ctx);
  if (!(key in issue.properties)) throw notFound(`The property with key '${key}' does not exist.`);
  delete issue.properties[key];
  ctx.index.invalidate();
  ctx.config.onPropertyWrite?.(issue.key, key, undefined);
  return { status: 204 };
}

export const issueRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{key}',
    handle: (ctx) => {
      const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
      const expand = listParam(ctx.query, 'expand');
      const render = {
        fields: listParam(ctx.query, 'fields'),
        defaultAll: true,
        viewer: ctx.user,
        ...(expand.includes('changelog') ? { changelogLimit: ISSUE_CHANGELOG_MAX } : {}),
        properties: listParam(ctx.query, 'properties'),
      };
      return ok(renderIssue(issue, render, ctx.index, ctx.baseUrl, translationsFor(ctx.index.site, ctx.user)));
    },
  },
  { method: 'GET', template: '/rest/api/3/issue/{key}/changelog', handle: issueChangelog },
  { method: 'POST', template: '/rest/api/3/changelog/bulkfetch', handle: bulkFetch },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{key}/properties',
    handle: (ctx) => {
      const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
      const self = (k: string) => `${ctx.baseUrl}/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(k)}`;
      return ok({ keys: Object.keys(issue.properties).map((key) => ({ self: self(key), key })) });
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{key}/properties/{property}',
    handle: (ctx) => {
      const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
      const key = propertyKey(ctx);
      if (!(key in issue.properties)) throw notFound(`The property with key '${key}' does not exist.`);
      return ok({ key, value: issue.properties[key] });
    },
  },
  { method: 'PUT', template: '/rest/api/3/issue/{key}/properties/{property}', handle: setProperty },
  { method: 'DELETE', template: '/rest/api/3/issue/{key}/properties/{property}', handle: deleteProperty },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{key}/remotelink',
    handle: (ctx) => ok(ctx.index.issue(ctx.user, param(ctx, 'key')).remoteLinks ?? []),
  },
];

