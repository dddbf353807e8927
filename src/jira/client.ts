/**
 * The Jira Cloud REST client: every method of `JiraClient`, over an injected transport. Requests
 * share one concurrency bound and one retry policy (`request.ts`), lists share one pager
 * (`pager.ts`), and every answer is parsed by zod before anyone reads it.
 */
import type { z } from 'zod';
import {
  BoardConfiguration,
  JiraBoard,
  JiraFilter,
  JiraIssue,
  JiraUser,
  SearchJqlPage,
  SprintPage,
  type ChangelogHistory,
  type JiraField,
  type JiraSprint,
} from '../domain/jira';
import { ChangelogFetcher, sortHistories } from './changelogs';
import { ComponentList, IssueTypeList, PriorityList, ProjectPage, UserList } from './directory';
import { collectPages, MAX_PAGES, nextOffset, nextToken } from './pager';
import { Requester } from './request';
import {
  ApproximateCountResponse,
  BoardPage,
  BulkPermissionsResponse,
  FieldList,
  IdsPage,
  Ignored,
  IssuePropertyResponse,
  MyPermissionsResponse,
  RemoteLinkList,
  StatusList,
} from './schemas';
import {
  JiraError,
  type BulkPermissionCheck,
  type JiraClient,
  type JiraClientStats,
  type PermissionGrants,
  type SearchOptions,
  type SearchPage,
  type Transport,
} from './types';

export interface JiraClientOptions {
  /** Requests in flight at once, across every method of this client (default 4). */
  concurrency?: number;
  /** Retries after the first try, for 429, 503 and network errors (default 5). */
  maxRetries?: number;
  /** First backoff ceiling (default 500 ms); it doubles per retry up to `maxDelayMs` (default 30 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Give up at once when `Retry-After` asks for longer than this (default: no limit). */
  maxWaitMs?: number;
  /** Retries after a timeout, within `maxRetries` (default 2). */
  maxTimeoutRetries?: number;
  /** Most pages of one listing before it fails (default `MAX_PAGES`, 10,000). */
  maxPages?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  /** Issues asked per search page (default 100, Jira's most with fields). */
  pageSize?: number;
}

/** A client that reports what it has cost: the bench and the CLI's progress read these. */
export type CountingClient = JiraClient & { stats(): JiraClientStats };

/** Fields the `JiraIssue` shape requires: always asked for, so any answer can be parsed. */
const REQUIRED_FIELDS = ['issuetype', 'status', 'project', 'created'];

const AGILE_PAGE = 50;

type OffsetPage<T> = { values: T[]; isLast?: boolean | null | undefined; total?: number | null | undefined };

function fieldList(fields: readonly string[]): string[] {
  const bad = fields.find((f) => f.startsWith('*'));
  if (bad) throw new Error(`ask for fields by id, not ${bad}: every returned field costs quota`);
  return [...new Set([...REQUIRED_FIELDS, ...fields])];
}

/** Jira's ceiling for one bulk permission check: 1,000 projects and 1,000 issues. */
export const PERMISSION_CHECK_CHUNK = 1000;

/** Distinct numeric ids, in the order given; anything else is a caller's mistake (a key, say). */
function numericIds(kind: string, ids: readonly string[]): string[] {
  const bad = ids.find((id) => !/^\d+$/.test(id));
  if (bad !== undefined) throw new Error(`bulkPermissions: the ${kind} id '${bad}' is not numeric: Jira checks ${kind}s by id`);
  return [...new Set(ids)];
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createJiraClient(transport: Transport, options: JiraClientOptions = {}): CountingClient {
  const requester = new Requester(transport, {
    concurrency: options.concurrency ?? 4,
    maxRetries: options.maxRetries ?? 5,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxWaitMs: options.maxWaitMs ?? Number.POSITIVE_INFINITY,
    maxTimeoutRetries: options.maxTimeoutRetries ?? 2,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
  });
  const defaultPageSize = options.pageSize ?? 100;
  const maxPages = options.maxPages ?? MAX_PAGES;

  // The field list is needed at most once per client (changelog fallback); share one request.
  let fieldsOnce: Promise<JiraField[]> | null = null;
  const fields = (): Promise<JiraField[]> => requester.call({ method: 'GET', template: '/rest/api/3/field', schema: FieldList });
  const cachedFields = () => {
    fieldsOnce ??= fields().catch((e: unknown) => {
      fieldsOnce = null;
      throw e;
    });
    return fieldsOnce;
  };
  const changelogs = new ChangelogFetcher(requester, cachedFields, undefined, maxPages);

  async function search(jql: string, opts: SearchOptions): Promise<JiraIssue[]> {
    const template = '/rest/api/3/search/jql';
    const maxResults = opts.pageSize ?? defaultPageSize;
    const wanted = fieldList(opts.fields);
    const limit = opts.limit ?? Number.POSITIVE_INFINITY;
    let fetched = 0;
    const found = await collectPages(
      `POST ${template}`,
      '',
      async (token: string) => {
        const body: Record<string, unknown> = { jql, fields: wanted, maxResults: Math.min(maxResults, limit - fetched) };
        if (opts.expandChangelog) body.expand = 'changelog';
        if (opts.properties && opts.properties.length > 0) body.properties = [...opts.properties];
        if (token !== '') body.nextPageToken = token;
        const page = await requester.call({ method: 'POST', template, body, schema: SearchJqlPage });
        requester.counters.issues += page.issues.length;
        fetched += page.issues.length;
        // A page without issues ends the search, whatever token it carries: a next page cannot
        // follow an empty one, and a server that keeps sending empty pages would never end.
        return { items: page.issues, next: fetched >= limit || page.issues.length === 0 ? null : nextToken(page) };
      },
      { ...(opts.onPage ? { onPage: opts.onPage } : {}), maxPages },
    );
    const issues = found.length > limit ? found.slice(0, limit) : found;
    if (opts.expandChangelog) await completeChangelogs(issues, opts.completeChangelogs ?? true);
    return issues;
  }

  /** One page of a search: where a long read checkpoints between pages (the sync). */
  async function searchPage(jql: string, opts: { fields: readonly string[]; pageSize?: number }, pageToken: string | null): Promise<SearchPage> {
    const template = '/rest/api/3/search/jql';
    const body: Record<string, unknown> = { jql, fields: fieldList(opts.fields), maxResults: opts.pageSize ?? defaultPageSize };
    if (pageToken !== null) body.nextPageToken = pageToken;
    const page = await requester.call({ method: 'POST', template, body, schema: SearchJqlPage });
    requester.counters.issues += page.issues.length;
    // A page without issues ends the search, whatever token it carries (see `search`).
    return { issues: page.issues, nextPageToken: page.issues.length === 0 ? null : nextToken(page) };
  }

  /** One page of ids only (up to 5,000 a page): what a check of a board's whole scope costs least. */
  async function searchIds(jql: string, pageToken: string | null): Promise<{ ids: string[]; nextPageToken: string | null }> {
    const template = '/rest/api/3/search/jql';
    const body: Record<string, unknown> = { jql, fields: ['id'], maxResults: 5000 };
    if (pageToken !== null) body.nextPageToken = pageToken;
    const page = await requester.call({ method: 'POST', template, body, schema: IdsPage });
    requester.counters.issues += page.issues.length;
    return { ids: page.issues.map((i) => i.id), nextPageToken: page.issues.length === 0 ? null : nextToken(page) };
  }

  /** Sort every expanded changelog oldest first, and replace the truncated ones by complete ones. */
  async function completeChangelogs(issues: JiraIssue[], complete: boolean): Promise<void> {
    const truncated = issues.filter((i) => i.changelog && i.changelog.total != null && i.changelog.total > i.changelog.histories.length);
    const full = complete && truncated.length > 0 ? await changelogs.changelogs(truncated, []) : new Map<string, ChangelogHistory[]>();
    for (const issue of issues) {
      if (!issue.changelog) continue;
      const histories = full.get(issue.id);
      if (histories) {
        issue.changelog = { ...issue.changelog, startAt: 0, maxResults: histories.length, total: histories.length, histories };
      } else {
        sortHistories(issue.changelog.histories);
      }
    }
  }

  async function bulkPermissions(check: BulkPermissionCheck): Promise<Record<string, PermissionGrants>> {
    const permissions = [...new Set(check.permissions.filter((p) => p !== ''))];
    const projectIds = numericIds('project', check.projectIds);
    const issueIds = numericIds('issue', check.issueIds);
    const granted = new Map(permissions.map((p) => [p, { projects: new Set<string>(), issues: new Set<string>() }]));
    // Request k carries the k-th thousand of the projects and of the issues; nothing to check, no request.
    const chunks = permissions.length === 0 ? 0 : Math.max(Math.ceil(projectIds.length / PERMISSION_CHECK_CHUNK), Math.ceil(issueIds.length / PERMISSION_CHECK_CHUNK));
    const answers = await Promise.all(
      Array.from({ length: chunks }, (_, k) => {
        const window = (ids: string[]) => ids.slice(k * PERMISSION_CHECK_CHUNK, (k + 1) * PERMISSION_CHECK_CHUNK).map(Number);
        const entry: Record<string, unknown> = { permissions };
        const projects = window(projectIds);
        const issues = window(issueIds);
        if (projects.length > 0) entry.projects = projects;
        if (issues.length > 0) entry.issues = issues;
        const body = { ...(check.accountId !== undefined ? { accountId: check.accountId } : {}), projectPermissions: [entry] };
        return requester.call({ method: 'POST', template: '/rest/api/3/permissions/check', body, schema: BulkPermissionsResponse });
      }),
    );
    for (const answer of answers) {
      for (const grant of answer.projectPermissions ?? []) {
        const into = granted.get(grant.permission);
        if (!into) continue;
        for (const id of grant.projects ?? []) into.projects.add(id);
        for (const id of grant.issues ?? []) into.issues.add(id);
      }
    }
    // Only ids that were asked for, in the order asked, whatever order the answers came in.
    return Object.fromEntries(
      [...granted].map(([p, g]) => [p, { projectIds: projectIds.filter((id) => g.projects.has(id)), issueIds: issueIds.filter((id) => g.issues.has(id)) }]),
    );
  }

  /** An agile list (`startAt` / `isLast` paging), every page. */
  async function agileList<T>(
    template: string,
    params: Record<string, string | number>,
    query: Record<string, string | undefined>,
    schema: z.ZodType<OffsetPage<T>>,
  ): Promise<T[]> {
    return collectPages(`GET ${template}`, 0, async (startAt: number) => {
      const page = await requester.call({ method: 'GET', template, params, query: { ...query, startAt, maxResults: AGILE_PAGE }, schema });
      return { items: page.values, next: nextOffset(startAt, page, page.values.length) };
    }, { maxPages });
  }

  return {
    maxPages,
    stats: () => ({ ...requester.counters }),

    myself: () => requester.call({ method: 'GET', template: '/rest/api/3/myself', schema: JiraUser }),
    fields,
    statuses: () => requester.call({ method: 'GET', template: '/rest/api/3/status', schema: StatusList }),

    board: (boardId) => requester.call({ method: 'GET', template: '/rest/agile/1.0/board/{id}', params: { id: boardId }, schema: JiraBoard }),
    boardConfiguration: (boardId) =>
      requester.call({ method: 'GET', template: '/rest/agile/1.0/board/{id}/configuration', params: { id: boardId }, schema: BoardConfiguration }),
    boards: (filter) => agileList<JiraBoard>('/rest/agile/1.0/board', {}, { projectKeyOrId: filter?.projectKeyOrId }, BoardPage),
    sprints: (boardId, states) =>
      agileList<JiraSprint>('/rest/agile/1.0/board/{id}/sprint', { id: boardId }, { state: states && states.length > 0 ? states.join(',') : undefined }, SprintPage),
    filter: (filterId) => requester.call({ method: 'GET', template: '/rest/api/3/filter/{id}', params: { id: filterId }, schema: JiraFilter }),

    search,
    searchPage,
    searchIds,
    async approximateCount(jql) {
      const answer = await requester.call({ method: 'POST', template: '/rest/api/3/search/approximate-count', body: { jql }, schema: ApproximateCountResponse });
      return answer.count;
    },
    changelogs: (issues, fieldIds) => changelogs.changelogs(issues, fieldIds),
    issueChangelog: (issueKey) => changelogs.issueChangelog(issueKey),

    async issueProperty(issueKey, propertyKey) {
      try {
        const answer = await requester.call({
          method: 'GET',
          template: '/rest/api/3/issue/{key}/properties/{property}',
          params: { key: issueKey, property: propertyKey },
          schema: IssuePropertyResponse,
        });
        return answer.value ?? null;
      } catch (e) {
        if (e instanceof JiraError && e.status === 404) return null;
        throw e;
      }
    },
    async setIssueProperty(issueKey, propertyKey, value) {
      await requester.call({
        method: 'PUT',
        template: '/rest/api/3/issue/{key}/properties/{property}',
        params: { key: issueKey, property: propertyKey },
        body: value,
        schema: Ignored,
      });
    },

    async editIssue(issueKey, edit) {
      await requester.call({
        method: 'PUT',
        template: '/rest/api/3/issue/{key}',
        params: { key: issueKey },
        body: edit,
        schema: Ignored,
      });
    },

    async myPermissions(permissions, scope = {}) {
      const answer = await requester.call({
        method: 'GET',
        template: '/rest/api/3/mypermissions',
        query: { permissions, projectKey: scope.projectKey, issueKey: scope.issueKey },
        schema: MyPermissionsResponse,
      });
      return Object.fromEntries(permissions.map((p) => [p, answer.permissions[p]?.havePermission ?? false]));
    },

    bulkPermissions,

    async issue(issueKey, wantedFields) {
      const issue = await requester.call({
        method: 'GET',
        template: '/rest/api/3/issue/{key}',
        params: { key: issueKey },
        query: { fields: fieldList(wantedFields) },
        schema: JiraIssue,
      });
      requester.counters.issues++;
      return issue;
    },

    projects: async () =>
      collectPages(`GET /rest/api/3/project/search`, 0, async (startAt: number) => {
        const page = await requester.call({ method: 'GET', template: '/rest/api/3/project/search', query: { startAt, maxResults: AGILE_PAGE }, schema: ProjectPage });
        return { items: page.values, next: nextOffset(startAt, page, page.values.length) };
      }, { maxPages }),
    projectComponents: (projectKey) =>
      requester.call({ method: 'GET', template: '/rest/api/3/project/{key}/components', params: { key: projectKey }, schema: ComponentList }),
    priorities: () => requester.call({ method: 'GET', template: '/rest/api/3/priority', schema: PriorityList }),
    issueTypes: () => requester.call({ method: 'GET', template: '/rest/api/3/issuetype', schema: IssueTypeList }),
    searchUsers: (query, maxResults = 20) =>
      requester.call({ method: 'GET', template: '/rest/api/3/user/search', query: { query, maxResults }, schema: UserList }),
    async user(accountId) {
      try {
        return await requester.call({ method: 'GET', template: '/rest/api/3/user', query: { accountId }, schema: JiraUser });
      } catch (e) {
        if (e instanceof JiraError && e.status === 404) return null;
        throw e;
      }
    },
    remoteLinks: (issueKey) =>
      requester.call({ method: 'GET', template: '/rest/api/3/issue/{key}/remotelink', params: { key: issueKey }, schema: RemoteLinkList }),
  };
}
