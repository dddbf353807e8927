/** How the emulator renders site data in Jira's REST shapes. */
import type { ChangelogHistory } from '../domain/jira';
import { parseInstant } from '../domain/jira';
import { localizeFields } from './locale';
import type { SiteIssue, SiteTranslations, SiteUser } from './site';
import type { SiteIndex } from './site-index';

/** A user as Jira shows one: never the token or the permission grants. */
export function publicUser(user: SiteUser, baseUrl: string) {
  return {
    self: `${baseUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
    accountId: user.accountId,
    accountType: user.app ? 'app' : 'atlassian',
    emailAddress: user.emailAddress,
    displayName: user.displayName,
    active: user.active ?? true,
    timeZone: 'UTC',
    locale: user.locale ?? 'en_US',
    avatarUrls: user.avatarUrls ?? {},
  };
}

/** Field ids every Jira site has, returned as null when asked for and not set. */
const SYSTEM_FIELDS = [
  'summary', 'issuetype', 'status', 'project', 'created', 'updated', 'priority', 'assignee', 'reporter',
  'creator', 'resolution', 'resolutiondate', 'duedate', 'description', 'labels', 'components', 'parent',
  'subtasks', 'fixVersions', 'versions', 'issuelinks', 'environment', 'timetracking', 'statuscategorychangedate',
  'security',
];

/**
 * The `fields` of an issue for a field list as Jira reads it: ids, `*all` / `*navigable`, and
 * `-id` to leave one out. An empty list means the default (`defaultAll`: every field; else none).
 * Returns null when only `id` / `key` were asked for (Jira then returns no `fields`).
 */
export function selectFields(issue: SiteIssue, spec: readonly string[], defaultAll: boolean, index: SiteIndex): Record<string, unknown> | null {
  const requested = spec.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '');
  const all = requested.length === 0 ? defaultAll : requested.some((s) => s === '*all' || s === '*navigable');
  const excluded = new Set(requested.filter((s) => s.startsWith('-')).map((s) => s.slice(1)));
  const named = requested.filter((s) => !s.startsWith('-') && !s.startsWith('*') && s !== 'id' && s !== 'key');
  if (!all && named.length === 0) return null;
  const out: Record<string, unknown> = {};
  if (all) for (const [id, value] of Object.entries(issue.fields)) out[id] = value;
  for (const id of named) {
    if (id in issue.fields) out[id] = issue.fields[id];
    else if (SYSTEM_FIELDS.includes(id) || index.site.fields.some((f) => f.id === id)) out[id] = null;
  }
  for (const id of excluded) delete out[id];
  return out;
}

/** Oldest first by `created`, then by numeric id; each timestamp parsed once. */
export function oldestFirst(histories: readonly ChangelogHistory[]): ChangelogHistory[] {
  return histories
    .map((h) => ({ h, t: parseInstant(h.created), n: Number(h.id) }))
    .sort((a, b) => a.t - b.t || a.n - b.n)
    .map((k) => k.h);
}

/**
 * `expand=changelog`: Jira documents it as "recent updates, sorted by date, starting from the most
 * recent", truncated; `total` still counts every history, which is how a client sees the cut.
 */
export function expandedChangelog(issue: SiteIssue, limit: number) {
  const newestFirst = oldestFirst(issue.histories).reverse();
  return { startAt: 0, maxResults: limit, total: issue.histories.length, histories: newestFirst.slice(0, limit) };
}

export interface RenderOptions {
  fields: readonly string[];
  defaultAll: boolean;
  changelogLimit?: number;
  properties?: readonly string[];
  /** The reader: sub-tasks and links to issues they may not see are left out, as Jira leaves them out. */
  viewer?: SiteUser;
}

/**
 * What the reader may see of fields that name other issues or a security level: `security` gets
 * its `self`, and sub-tasks and issue links the viewer may not see are dropped.
 */
function readerView(fields: Record<string, unknown>, options: RenderOptions, index: SiteIndex, baseUrl: string): Record<string, unknown> {
  const security = fields.security as { id?: unknown; self?: unknown } | null | undefined;
  if (security && typeof security === 'object' && security.self === undefined && typeof security.id === 'string') {
    fields.security = { self: `${baseUrl}/rest/api/3/securitylevel/${security.id}`, ...security };
  }
  const viewer = options.viewer;
  if (!viewer) return fields;
  const seen = (ref: unknown): boolean => {
    const r = ref as { id?: unknown; key?: unknown } | null;
    const idOrKey = typeof r?.key === 'string' ? r.key : typeof r?.id === 'string' ? r.id : null;
    return idOrKey === null || index.findIssue(viewer, idOrKey) !== undefined;
  };
  if (Array.isArray(fields.subtasks)) fields.subtasks = fields.subtasks.filter(seen);
  if (Array.isArray(fields.issuelinks)) {
    fields.issuelinks = fields.issuelinks.filter((link: { inwardIssue?: unknown; outwardIssue?: unknown }) => seen(link.inwardIssue ?? link.outwardIssue ?? null));
  }
  return fields;
}

export function renderIssue(issue: SiteIssue, options: RenderOptions, index: SiteIndex, baseUrl: string, names: SiteTranslations | null = null): Record<string, unknown> {
  const out: Record<string, unknown> = { id: issue.id };
  const selected = selectFields(issue, options.fields, options.defaultAll, index);
  const fields = selected === null ? null : readerView(localizeFields(selected, names), options, index, baseUrl);
  const wantsKey = options.fields.some((f) => f.split(',').some((x) => x.trim() === 'key'));
  if (fields || wantsKey || options.changelogLimit !== undefined) {
    out.self = `${baseUrl}/rest/api/3/issue/${issue.id}`;
    out.key = issue.key;
  }
  if (fields) out.fields = fields;
  if (options.changelogLimit !== undefined) out.changelog = expandedChangelog(issue, options.changelogLimit);
  if (options.properties && options.properties.length > 0) {
    out.properties = Object.fromEntries(options.properties.filter((p) => p in issue.properties).map((p) => [p, issue.properties[p]]));
  }
  return out;
}

/** Comma-separated and repeated query parameters alike (`fields=a,b&fields=c`). */
export function listParam(query: URLSearchParams, name: string): string[] {
  return query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
