/**
 * The one loader of issues, shared by the sync and the command: it pages a search, gathers the
 * issues of a few pages into a group, reads the group's complete changelogs in bulk (filtered to the
 * replayed fields) while the search goes on, prepares each issue as its changelog arrives, and
 * hands every group over in order, with the page token that resumes the search after it. No more
 * than two groups are held at once, so memory stays flat however large the board; raw issues and
 * histories are dropped as soon as their issues are prepared. What the prepared issues keep is cut
 * to what the figures read: a description is kept as what the rules ask of it (`compactDescription`),
 * and equal repeated values (a status, a person, a Sprint value) are one object for all issues.
 */
import { compactDescription } from '../domain/adf';
import { prepareIssue, type PreparedIssue, type SiteFields } from '../domain/issue';
import type { JiraIssue } from '../domain/jira';
import { MAX_PAGES, PageGuard } from '../jira/pager';
import type { JiraClient } from '../jira/types';
import { fillUntranslatedTypeName } from './issue-types';

/**
 * One object for each distinct value the issues of a read repeat: a status, a type, a project, a
 * priority, a person, a Sprint value. Every issue of a board carries its own copy of these as
 * parsed; kept with the prepared issues for the whole read, the copies would be a good part of what
 * a large board holds. Values are shared only when equal as JSON (same properties, same order), and
 * nothing downstream writes them (the type's untranslated name is filled in before).
 */
export class SharedValues {
  private readonly known = new Map<string, unknown>();
  constructor(private readonly most = 50_000) {}

  share<T>(value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const key = handleOf(value);
    if (key === undefined) return value;
    const known = this.known.get(key);
    if (known !== undefined) return equalJson(known, value) ? (known as T) : value;
    if (this.known.size < this.most) this.known.set(key, value);
    return value;
  }

  /** The issue's repeated values, shared (in place: the issue is the reader's own, just parsed). */
  shareFields(issue: JiraIssue, arrayFields: readonly string[]): void {
    const f = issue.fields as Record<string, unknown>;
    for (const k of SHARED_FIELDS) if (f[k] !== undefined) f[k] = this.share(f[k]);
    for (const k of arrayFields) {
      const v = f[k];
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) v[i] = this.share(v[i]);
        f[k] = this.share(v);
      }
    }
  }
}

/**
 * Where to look for an equal value already seen: an object by its id (or account id, or key) and
 * name, an array by its elements' ids or values. Only a hint: a value is shared only if equal.
 */
function handleOf(value: object): string | undefined {
  if (Array.isArray(value)) {
    let key = 'a';
    for (const x of value as unknown[]) {
      if (x !== null && typeof x === 'object') {
        const id = (x as Record<string, unknown>).id ?? (x as Record<string, unknown>).accountId;
        if (typeof id !== 'string' && typeof id !== 'number') return undefined;
        key += `\u0001${id}`;
      } else key += `\u0001${String(x)}`;
    }
    return key;
  }
  const o = value as Record<string, unknown>;
  const id = o.id ?? o.accountId ?? o.key;
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return `o${id}\u0001${typeof o.name === 'string' ? o.name : ''}`;
}

/** Equal as JSON would write them: the same properties in the same order, equal values. */
export function equalJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!equalJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !equalJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}

const SHARED_FIELDS = ['issuetype', 'status', 'project', 'priority', 'assignee', 'reporter', 'resolution', 'labels', 'components'] as const;

/** Issues per changelog group: one bulk-fetch call takes up to 1,000 issues. */
export const GROUP_SIZE = 1000;

export interface ReadPlan {
  readonly jql: string;
  /** Issue fields to return. */
  readonly fields: readonly string[];
  /** Fields whose changelog items are replayed (at most 10, bulk fetch's limit). */
  readonly changelogFields: readonly string[];
  readonly siteFields: SiteFields;
  /** Issue type id → untranslated name, written into issues that lack it. */
  readonly typeNames: ReadonlyMap<string, string>;
  /** Resume the search at this page (null: from its start). */
  readonly pageToken?: string | null;
  /** An issue this returns true for needs no changelog and is not handed over (already stored as it is). */
  readonly unchanged?: (issue: JiraIssue) => boolean;
  readonly groupSize?: number;
  readonly pageSize?: number;
  /** Array-valued custom fields whose values repeat across issues (the Sprint field): shared too. */
  readonly sharedArrayFields?: readonly string[];
}

export interface ReadGroup {
  /** The group's issues, prepared, in the search's order (the unchanged ones left out). */
  readonly issues: readonly PreparedIssue[];
  /** Every issue id the group's pages returned (unchanged ones included). */
  readonly seen: readonly string[];
  /** The token of the page after the group (null: the search is over). */
  readonly nextPageToken: string | null;
  /** Issues the search has returned so far. */
  readonly read: number;
}

/**
 * Reads every issue the plan's search returns, calling `onGroup` for each group in order (and
 * awaiting it before handing over the next). Returns the number of issues the search returned.
 */
export async function readIssues(client: JiraClient, plan: ReadPlan, onGroup: (group: ReadGroup) => Promise<void>): Promise<number> {
  const groupSize = plan.groupSize ?? GROUP_SIZE;
  let token: string | null = plan.pageToken ?? null;
  let read = 0;
  let first = true;
  let ended = false;
  const guard = new PageGuard<string | null>('POST /rest/api/3/search/jql', client.maxPages ?? MAX_PAGES);
  /** The group before this one: its changelogs and its handing over, in flight while the search goes on. */
  let pending: Promise<void> | null = null;
  const shared = new SharedValues();
  const arrayFields = plan.sharedArrayFields ?? [];
  while (!ended) {
    // Gather the pages of one group.
    const raw: JiraIssue[] = [];
    const seen: string[] = [];
    while (raw.length < groupSize) {
      if (!first && token === null) {
        ended = true;
        break;
      }
      first = false;
      guard.reading(token);
      const page = await client.searchPage(plan.jql, { fields: plan.fields, ...(plan.pageSize ? { pageSize: plan.pageSize } : {}) }, token);
      guard.announced(page.nextPageToken);
      read += page.issues.length;
      for (const issue of page.issues) {
        seen.push(issue.id);
        fillUntranslatedTypeName(issue, plan.typeNames);
        if (plan.unchanged?.(issue)) continue;
        shared.shareFields(issue, arrayFields);
        // The description as what the rules ask of it (the store keeps it so too): a rich-text
        // document of every issue of a board would be most of what a read holds.
        if (issue.fields.description !== undefined) issue.fields.description = compactDescription(issue.fields.description);
        raw.push(issue);
      }
      token = page.nextPageToken;
      if (token === null) {
        ended = true;
        break;
      }
    }
    // The group before is handed over first (in order); at most two groups are held at once.
    if (pending) await pending;
    const group = { raw, seen, next: ended ? null : token, read };
    pending = (async () => {
      const histories = group.raw.length === 0 ? new Map() : await client.changelogs(group.raw.map((i) => ({ id: i.id, key: i.key })), plan.changelogFields);
      const prepared = group.raw.map((issue) => prepareIssue(issue, plan.siteFields, histories.get(issue.id) ?? []));
      histories.clear();
      await onGroup({ issues: prepared, seen: group.seen, nextPageToken: group.next, read: group.read });
    })();
    // Awaited above or below; a failure while the next pages are read must not go unheard meanwhile.
    pending.catch(() => undefined);
  }
  if (pending) await pending;
  return read;
}
