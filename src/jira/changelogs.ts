/**
 * Complete changelogs for many issues: bulk fetch where Jira has it, the per-issue changelog where
 * it does not. Both end the same way: per issue id, histories oldest first (Jira promises no order
 * on real sites), each history once, holding only the items of the wanted fields.
 */
import { ChangelogHistory, IssueChangelogPage, parseInstant, type ChangelogItem, type JiraField } from '../domain/jira';
import { collectPages, MAX_PAGES, nextOffset, nextToken } from './pager';
import type { Requester } from './request';
import { BulkChangelogAnswer } from './schemas';
import { JiraError } from './types';

export const BULK_ISSUES_MAX = 1000;
export const BULK_FIELDS_MAX = 10;
const BULK = '/rest/api/3/changelog/bulkfetch';
const ISSUE_CHANGELOG = '/rest/api/3/issue/{key}/changelog';
/** Statuses meaning "this site has no bulk fetch" rather than "your request was wrong". */
const BULK_UNAVAILABLE: ReadonlySet<number | null> = new Set([404, 405, 501]);

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Oldest first: by `created`, then by id as a number (ids grow with time within an instant). Sorts
 * in place; each timestamp is parsed once, not once per comparison.
 */
export function sortHistories(histories: ChangelogHistory[]): ChangelogHistory[] {
  if (inOrder(histories)) return histories;
  const keyed = histories.map((h) => ({ h, t: parseInstant(h.created), n: /^\d+$/.test(h.id) ? Number(h.id) : Number.NaN }));
  keyed.sort((a, b) => {
    const t = a.t - b.t;
    if (t !== 0 && !Number.isNaN(t)) return t;
    return Number.isNaN(a.n) || Number.isNaN(b.n) ? a.h.id.localeCompare(b.h.id) : a.n - b.n;
  });
  keyed.forEach((k, i) => (histories[i] = k.h));
  return histories;
}

/**
 * The offset of an instant written as Jira writes them (`2026-03-02T09:15:00.000+0300`, `…+03:00`
 * or `…Z`), or null for any other way of writing one. Two instants of this form with the same
 * offset compare as text: every part before the offset has a fixed width.
 */
function offsetOf(s: string): string | null {
  const n = s.length;
  if (s.charCodeAt(19) !== 46 /* . */) return null;
  if (n === 24) return s.charCodeAt(23) === 90 /* Z */ ? 'Z' : null;
  const sign = s.charCodeAt(23);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return null;
  if (n === 28 || (n === 29 && s.charCodeAt(26) === 58 /* : */)) return s.slice(23);
  return null;
}

/**
 * Whether the histories are already oldest first, told without parsing an instant where it can:
 * two instants written alike (same form, same offset) compare as text, and an equal instant by
 * id. Bulk fetch sends each issue's histories oldest first, so this is the usual answer; any pair
 * it cannot tell this way says no, and the histories are sorted.
 */
function inOrder(histories: readonly ChangelogHistory[]): boolean {
  for (let i = 1; i < histories.length; i++) {
    const a = histories[i - 1] as ChangelogHistory;
    const b = histories[i] as ChangelogHistory;
    const x = a.created;
    const y = b.created;
    const offset = offsetOf(x);
    if (offset === null || x.length !== y.length || offsetOf(y) !== offset) return false;
    if (x > y) return false;
    if (x === y && !(/^\d+$/.test(a.id) && /^\d+$/.test(b.id) && Number(a.id) < Number(b.id))) return false;
  }
  return true;
}

/**
 * Collects histories per issue, merging the items of a history met twice (two field groups, or a
 * page read again). A history is kept as parsed, not copied: the parsed page is the client's own,
 * and only a history met twice gets a new object (with the items of both).
 */
class HistoryMerger {
  private readonly byIssue = new Map<string, ChangelogHistory[]>();
  /** Every history id met (ids are unique on a site): a history not in it is new, without a look at its issue's. */
  private readonly seen = new Set<string>();

  add(issueId: string, history: ChangelogHistory): void {
    let histories = this.byIssue.get(issueId);
    if (!histories) this.byIssue.set(issueId, (histories = []));
    if (!this.seen.has(history.id)) {
      this.seen.add(history.id);
      histories.push(history);
      return;
    }
    const i = histories.findIndex((h) => h.id === history.id);
    if (i < 0) {
      histories.push(history);
      return;
    }
    const known = histories[i] as ChangelogHistory;
    const keys = new Set(known.items.map(itemKey));
    const added = history.items.filter((item) => !keys.has(itemKey(item)));
    if (added.length > 0) histories[i] = { ...known, items: [...known.items, ...added] };
  }

  into(result: Map<string, ChangelogHistory[]>): void {
    for (const [issueId, histories] of this.byIssue) result.set(issueId, sortHistories(histories));
    this.byIssue.clear();
    this.seen.clear();
  }
}

const itemKey = (i: ChangelogItem) => JSON.stringify([i.fieldId ?? i.field, i.from, i.to, i.fromString, i.toString]);

/**
 * A value of an item's property, written so that a run of them reads back one way only: a string
 * with its length before it, `n` for null, `u` for anything else (absent). Equal keys are equal lists.
 */
function part(v: unknown): string {
  if (typeof v === 'string') return `${v.length}:${v}`;
  return v === null ? 'n' : 'u';
}

/** The seven properties of a changelog item (the schema strips any other). */
const ITEM_PROPERTIES = ['field', 'fieldtype', 'fieldId', 'from', 'fromString', 'to', 'toString'] as const;

/** The list's key: its items' seven properties, in order (an item's values are strings or null). */
function itemsKey(items: readonly ChangelogItem[]): string {
  let key = '';
  for (const item of items) {
    for (const p of ITEM_PROPERTIES) key += part((item as Readonly<Record<string, unknown>>)[p]);
    key += ';';
  }
  return key;
}

/** Equal property by property, as a reader sees them (an absent property reads as undefined). */
function sameItem(a: ChangelogItem, b: ChangelogItem): boolean {
  for (const p of ITEM_PROPERTIES) if ((a as Readonly<Record<string, unknown>>)[p] !== (b as Readonly<Record<string, unknown>>)[p]) return false;
  return true;
}

/** Slots of the quick look-up of one-item lists (a power of two). */
const SLOTS = 1024;

/** A slot for an item, from its values' lengths and two of their characters: only where to look. */
function slotOf(item: ChangelogItem): number {
  let h = 0;
  for (const p of ITEM_PROPERTIES) {
    const v = (item as Readonly<Record<string, unknown>>)[p];
    if (typeof v === 'string') {
      const n = v.length;
      h = (h * 31 + n * 131 + (n > 0 ? v.charCodeAt(n - 1) : 0) + (n > 1 ? v.charCodeAt(n >> 1) : 0)) | 0;
    } else h = (h * 31 + (v === null ? 1 : 2)) | 0;
  }
  return h & (SLOTS - 1);
}

/**
 * One list for each distinct list of changelog items a read meets. A board's changes repeat: the
 * same status transitions, the same sprint moves, the same estimates, in thousands of histories
 * (a recorded 20,000-issue board: 400,000 histories, 231 distinct items). Kept by the histories
 * until their issues are prepared, each parsed copy would outlive several garbage collections and
 * be copied by each; shared, the copies die with their page. Lists are shared only when equal item
 * by item (property by property, the same value or both absent), and frozen: nothing downstream
 * writes a history's items (a merge makes a new list). A one-item list, the usual one, is looked
 * for first in a small table by a cheap sum of its values (then compared property by property);
 * any other, or one not found there, by its exact key.
 */
export class SharedItems {
  private readonly known = new Map<string, readonly ChangelogItem[]>();
  private readonly slots: (readonly ChangelogItem[] | undefined)[] = new Array<readonly ChangelogItem[] | undefined>(SLOTS).fill(undefined);
  constructor(private readonly most = 20_000) {}

  share(items: ChangelogItem[]): ChangelogItem[] {
    if (items.length !== 1) return this.byKey(items);
    const item = items[0] as ChangelogItem;
    const slot = slotOf(item);
    const quick = this.slots[slot];
    if (quick !== undefined && sameItem(quick[0] as ChangelogItem, item)) return quick as ChangelogItem[];
    const shared = this.byKey(items);
    if (Object.isFrozen(shared)) this.slots[slot] = shared;
    return shared;
  }

  private byKey(items: ChangelogItem[]): ChangelogItem[] {
    if (items.length === 0) return items;
    const key = itemsKey(items);
    const known = this.known.get(key);
    if (known !== undefined) return known as ChangelogItem[];
    if (this.known.size >= this.most) return items;
    for (const i of items) Object.freeze(i);
    this.known.set(key, Object.freeze(items));
    return items;
  }
}

export class ChangelogFetcher {
  /** Remembered once seen, so a site without bulk fetch costs one failed request, not one per call. */
  private bulkUnavailable = false;
  /** Item lists met in bulk pages, shared by every history that repeats one (for this client's life). */
  private readonly sharedItems = new SharedItems();

  constructor(
    private readonly requester: Requester,
    private readonly fields: () => Promise<JiraField[]>,
    private readonly pageSize = { bulk: 1000, issue: 100 },
    /** Most pages of one listing (`MAX_PAGES` by default). */
    private readonly maxPages = MAX_PAGES,
  ) {}

  async changelogs(issues: readonly { id: string; key: string }[], fieldIds: readonly string[]): Promise<Map<string, ChangelogHistory[]>> {
    const unique = [...new Map(issues.map((i) => [i.id, i])).values()];
    const wanted = [...new Set(fieldIds)];
    if (!this.bulkUnavailable && unique.length > 0) {
      try {
        return await this.bulk(unique, wanted);
      } catch (e) {
        if (!(e instanceof JiraError) || !BULK_UNAVAILABLE.has(e.status)) throw e;
        this.bulkUnavailable = true;
      }
    }
    return this.perIssue(unique, wanted);
  }

  /** `GET /rest/api/3/issue/{key}/changelog`, every page, oldest first. */
  async issueChangelog(issueKey: string): Promise<ChangelogHistory[]> {
    const endpoint = `GET ${ISSUE_CHANGELOG}`;
    const values = await collectPages(endpoint, 0, async (startAt: number) => {
      const page = await this.requester.call({
        method: 'GET',
        template: ISSUE_CHANGELOG,
        params: { key: issueKey },
        query: { startAt, maxResults: this.pageSize.issue },
        schema: IssueChangelogPage,
      });
      this.requester.counters.histories += page.values.length;
      return { items: page.values, next: nextOffset(startAt, page, page.values.length) };
    }, { maxPages: this.maxPages });
    return sortHistories(values);
  }

  private emptyResult(issues: readonly { id: string }[]): Map<string, ChangelogHistory[]> {
    return new Map(issues.map((i) => [i.id, []]));
  }

  private async bulk(issues: readonly { id: string }[], fieldIds: string[]): Promise<Map<string, ChangelogHistory[]>> {
    const merger = new HistoryMerger();
    const fieldGroups = fieldIds.length === 0 ? [[]] : chunk(fieldIds, BULK_FIELDS_MAX);
    const jobs = chunk(issues.map((i) => i.id), BULK_ISSUES_MAX).flatMap((ids) => fieldGroups.map((group) => ({ ids, group })));
    await Promise.all(
      jobs.map(({ ids, group }) =>
        collectPages(`POST ${BULK}`, '', async (token: string) => {
          const body: Record<string, unknown> = { issueIdsOrKeys: ids, maxResults: this.pageSize.bulk };
          if (group.length > 0) body.fieldIds = group;
          if (token !== '') body.nextPageToken = token;
          // The authors are left unparsed: the schema drops them (no replay reads one), and they are
          // most of a page's bytes.
          const page = await this.requester.call({ method: 'POST', template: BULK, body, schema: BulkChangelogAnswer, unread: 'author' });
          for (const log of page.issueChangeLogs) {
            this.requester.counters.histories += log.changeHistories.length;
            for (const h of log.changeHistories) {
              // The history is the client's own, just parsed: its items are replaced by an equal shared list.
              h.items = this.sharedItems.share(h.items);
              merger.add(log.issueId, h);
            }
          }
          return { items: [], next: nextToken(page) };
        }, { maxPages: this.maxPages }),
      ),
    );
    const result = this.emptyResult(issues);
    merger.into(result);
    return result;
  }

  private async perIssue(issues: readonly { id: string; key: string }[], fieldIds: string[]): Promise<Map<string, ChangelogHistory[]>> {
    const result = this.emptyResult(issues);
    await Promise.all(
      issues.map(async (issue) => {
        try {
          result.set(issue.id, await this.issueChangelog(issue.key));
        } catch (e) {
          // Bulk fetch leaves out issues the user cannot see; so does the fallback.
          if (!(e instanceof JiraError) || e.status !== 404) throw e;
        }
      }),
    );
    if (fieldIds.length === 0) return result;
    const keep = await this.itemFilter(fieldIds, [...result.values()].flat());
    for (const [id, histories] of result) {
      result.set(
        id,
        histories.map((h) => ({ ...h, items: h.items.filter(keep) })).filter((h) => h.items.length > 0),
      );
    }
    return result;
  }

  /**
   * Bulk fetch filters by field id on the server; here the client does it. Custom-field items often
   * lack `fieldId`: those match on the field's name, looked up in the site's fields only if needed.
   */
  private async itemFilter(fieldIds: string[], histories: ChangelogHistory[]): Promise<(item: ChangelogItem) => boolean> {
    const ids = new Set(fieldIds);
    const names = new Set(fieldIds.map((f) => f.toLowerCase()));
    if (histories.some((h) => h.items.some((i) => !i.fieldId))) {
      for (const f of await this.fields()) if (ids.has(f.id)) names.add(f.name.toLowerCase());
    }
    return (item) => (item.fieldId ? ids.has(item.fieldId) : names.has(item.field.toLowerCase()));
  }
}
