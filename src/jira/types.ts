/**
 * The Jira client's contract: one typed client over an injected transport, so the same client
 * runs on Forge (`requestJira`), on Node's fetch with an API token, and against the emulator.
 */
import type {
  BoardConfiguration,
  ChangelogHistory,
  JiraBoard,
  JiraField,
  JiraFilter,
  JiraIssue,
  JiraSprint,
  JiraStatus,
  JiraUser,
} from '../domain/jira';
import type { JiraComponent, JiraIssueType, JiraPriority, JiraProject } from './directory';
import type { RemoteLink } from './schemas';

/** One HTTP request to Jira, path relative to the site (`/rest/api/3/field?x=1`). */
export interface JiraRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface JiraResponse {
  status: number;
  headers: { get(name: string): string | null };
  /** The body as text (JSON for every endpoint the client uses). */
  text(): Promise<string>;
}

export type Transport = (request: JiraRequest) => Promise<JiraResponse>;

/**
 * Why a transport got no usable answer. `refused`, `dns`, `tls`, `blocked` and `too-large` are
 * final (another try meets the same wall); `timeout` is retried a few times; `reset` and `other`
 * are retried like a 503.
 */
export type NetworkFailure = 'refused' | 'dns' | 'tls' | 'blocked' | 'too-large' | 'timeout' | 'reset' | 'other';

/** What a transport throws when it gets no usable answer; any other thrown error counts as `other`. */
export class NetworkError extends Error {
  constructor(
    /** Says what went wrong, for a person: `connection refused`, `host not found (ENOTFOUND)`, `TLS: …`. */
    message: string,
    readonly kind: NetworkFailure = 'other',
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Raised after the last try, or at once for a response that is not worth retrying. */
export class JiraError extends Error {
  constructor(
    /** `GET /rest/agile/1.0/board/{id}` — the endpoint template, never a credential. */
    readonly endpoint: string,
    /** HTTP status, or null for a network error or an unreadable body. */
    readonly status: number | null,
    message: string,
    /** For an unreadable body: the path of the bad value (`issues[3].fields.status.id`). */
    readonly valuePath?: string,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

/** An issue edit: `fields` set values; `update` applies operations (`labels: [{ add: 'payments' }]`). */
export interface IssueEdit {
  fields?: Record<string, unknown>;
  update?: Record<string, ({ add: unknown } | { set: unknown } | { remove: unknown })[]>;
}

export interface SearchPage {
  issues: JiraIssue[];
  nextPageToken: string | null;
}

export interface SearchOptions {
  /** Field ids to return (`summary`, `status`, `customfield_10020`, …); never `*all`. */
  fields: readonly string[];
  /**
   * `expand=changelog`. Jira truncates it to the newest 20 histories per issue; the client then
   * completes every truncated changelog through bulk fetch (oldest first), unless
   * `completeChangelogs` is false.
   */
  expandChangelog?: boolean;
  /** Complete truncated expanded changelogs (default true; only with `expandChangelog`). */
  completeChangelogs?: boolean;
  /** Issues per page asked for (Jira may return fewer). */
  pageSize?: number;
  /** Called after each page with the running count, for progress on stderr. */
  onPage?: (fetched: number) => void;
  /** Stop after this many issues (a bounded sample, in the JQL's order); default: every page. */
  limit?: number;
  /** Issue property keys to return with each issue (`issue.properties`). */
  properties?: readonly string[];
}

/** `bulkPermissions`: which of these projects and issues (numeric ids) a user holds each project permission in. */
export interface BulkPermissionCheck {
  /** Project permission keys (`BROWSE_PROJECTS`, `EDIT_ISSUES`, …). */
  permissions: readonly string[];
  /** Numeric project ids (`10000`), never keys. */
  projectIds: readonly string[];
  /** Numeric issue ids (`10042`), never keys. */
  issueIds: readonly string[];
  /**
   * Whose permissions: absent for the caller. Jira answers for another user only to a Jira
   * administrator or to an app calling as itself (403 otherwise).
   */
  accountId?: string;
}

/** Where one permission is held: the asked ids it is granted in, in the order asked. */
export interface PermissionGrants {
  projectIds: string[];
  issueIds: string[];
}

/** What a client has cost so far: every HTTP attempt, every retry, every issue returned. */
export interface JiraClientStats {
  requests: number;
  issues: number;
  /** Changelog histories returned (Jira counts each as an object). */
  histories: number;
  retries: number;
}

export interface JiraClient {
  /** Most pages one listing may take before it fails (the REST client's setting; a reader paging itself keeps to it). */
  readonly maxPages?: number;
  /** Running counters (the REST client has them; wrappers and fakes may not). */
  stats?(): JiraClientStats;
  /** `GET /rest/api/3/myself` */
  myself(): Promise<JiraUser>;
  /** `GET /rest/api/3/field` */
  fields(): Promise<JiraField[]>;
  /** `GET /rest/api/3/status` */
  statuses(): Promise<JiraStatus[]>;
  /** `GET /rest/agile/1.0/board/{id}`; a 404 is a JiraError with status 404. */
  board(boardId: number): Promise<JiraBoard>;
  /** `GET /rest/agile/1.0/board/{id}/configuration` */
  boardConfiguration(boardId: number): Promise<BoardConfiguration>;
  /** `GET /rest/agile/1.0/board` (paged), for pickers; `projectKeyOrId`: the boards located in that project. */
  boards(filter?: { projectKeyOrId?: string }): Promise<JiraBoard[]>;
  /** `GET /rest/api/3/filter/{id}` */
  filter(filterId: string): Promise<JiraFilter>;
  /** `GET /rest/agile/1.0/board/{id}/sprint` (all pages), optionally by state. */
  sprints(boardId: number, states?: readonly ('active' | 'closed' | 'future')[]): Promise<JiraSprint[]>;
  /**
   * `POST /rest/api/3/search/approximate-count`: how many issues a JQL query returns, in one cheap
   * request (no issue is returned). Optional: wrappers and fakes may not have it.
   */
  approximateCount?(jql: string): Promise<number>;
  /** `POST /rest/api/3/search/jql`, one page: its issues and the token of the next (null after the last). */
  searchPage(jql: string, options: { fields: readonly string[]; pageSize?: number }, pageToken: string | null): Promise<SearchPage>;
  /** `POST /rest/api/3/search/jql` for ids only, one page (up to 5,000 ids). */
  searchIds(jql: string, pageToken: string | null): Promise<{ ids: string[]; nextPageToken: string | null }>;
  /** `POST /rest/api/3/search/jql`, every page (nextPageToken). */
  search(jql: string, options: SearchOptions): Promise<JiraIssue[]>;
  /**
   * Complete changelogs: `POST /rest/api/3/changelog/bulkfetch` (≤ 1,000 issues a call, filtered by
   * field ids, paged), keyed by issue id. Falls back to `GET /rest/api/3/issue/{key}/changelog`
   * where bulk fetch is unavailable.
   */
  changelogs(issues: readonly { id: string; key: string }[], fieldIds: readonly string[]): Promise<Map<string, ChangelogHistory[]>>;
  /** `GET /rest/api/3/issue/{key}/changelog`, every page. */
  issueChangelog(issueKey: string): Promise<ChangelogHistory[]>;
  /** `GET /rest/api/3/issue/{key}/properties/{propertyKey}`; null when not set. */
  issueProperty(issueKey: string, propertyKey: string): Promise<unknown | null>;
  /** `PUT /rest/api/3/issue/{key}/properties/{propertyKey}` */
  setIssueProperty(issueKey: string, propertyKey: string, value: unknown): Promise<void>;
  /**
   * `PUT /rest/api/3/issue/{key}`: changes fields of the issue as the caller (Jira checks Edit issues
   * and the field being on the edit screen). The only issue write the app makes: a hygiene fix the
   * viewer asked for (docs/hygiene-and-sla.md).
   */
  editIssue(issueKey: string, edit: IssueEdit): Promise<void>;
  /** `GET /rest/api/3/mypermissions?permissions=…&projectKey|issueKey=…` → permission key → have it. */
  myPermissions(permissions: readonly string[], scope?: { projectKey?: string; issueKey?: string }): Promise<Record<string, boolean>>;
  /**
   * `POST /rest/api/3/permissions/check` (Get bulk permissions), in requests of at most 1,000
   * projects and 1,000 issues (Jira's ceiling): per permission asked, the projects and issues it is
   * granted in. Ids Jira does not know, and issues the user may not see (a project they may not
   * browse, a security level that does not grant them), are never granted.
   */
  bulkPermissions(check: BulkPermissionCheck): Promise<Record<string, PermissionGrants>>;
  /** `GET /rest/api/3/issue/{key}` with the given fields. */
  issue(issueKey: string, fields: readonly string[]): Promise<JiraIssue>;
  /** `GET /rest/api/3/project/search` (every page): the projects the caller may browse. */
  projects(): Promise<JiraProject[]>;
  /** `GET /rest/api/3/project/{key}/components` */
  projectComponents(projectKey: string): Promise<JiraComponent[]>;
  /** `GET /rest/api/3/priority` */
  priorities(): Promise<JiraPriority[]>;
  /** `GET /rest/api/3/issuetype` */
  issueTypes(): Promise<JiraIssueType[]>;
  /** `GET /rest/api/3/user/search?query=…`: users whose name or e-mail starts with the query. */
  searchUsers(query: string, maxResults?: number): Promise<JiraUser[]>;
  /** `GET /rest/api/3/user?accountId=…`; null when Jira does not know (or will not show) the user. */
  user(accountId: string): Promise<JiraUser | null>;
  /** `GET /rest/api/3/issue/{key}/remotelink`: the issue's remote links (design mock-ups, documents). */
  remoteLinks(issueKey: string): Promise<RemoteLink[]>;
}
