/**
 * The one pager. Jira pages two ways: by token (`nextPageToken`, search and bulk changelogs) and by
 * offset (`startAt`, agile lists and issue changelogs). Both reduce to "fetch the page at a cursor,
 * get its items and the next cursor", and both are guarded against a server that never ends.
 */
import { JiraError } from './types';

export interface Page<C, T> {
  items: T[];
  /** The cursor of the next page, or null after the last one. */
  next: C | null;
}

/**
 * Most pages read of one listing. Generous (10,000 pages is a million issues at 100 a page), so only a
 * server that keeps inventing cursors ever reaches it.
 */
export const MAX_PAGES = 10_000;

export interface PagerOptions {
  /** Called after each page with the running count of items. */
  onPage?: (fetched: number) => void;
  /** Most pages read before the listing fails (default `MAX_PAGES`). */
  maxPages?: number;
}

/**
 * What keeps a listing from running forever, for whoever pages one (the pager here, the issue
 * reader page by page): at most `maxPages` pages, and never a cursor seen before.
 */
export class PageGuard<C> {
  private readonly seen = new Set<C>();
  constructor(
    private readonly endpoint: string,
    private readonly maxPages: number = MAX_PAGES,
  ) {}

  /** Before reading the page at `cursor`: fails past the page cap. */
  reading(cursor: C): void {
    if (this.seen.size >= this.maxPages) {
      throw new JiraError(this.endpoint, null, `${this.endpoint} kept announcing a next page: more than ${this.maxPages} pages, given up`);
    }
    this.seen.add(cursor);
  }

  /** After a page: fails when it names a cursor already read. */
  announced(next: C | null): void {
    if (next !== null && this.seen.has(next)) throw new JiraError(this.endpoint, null, `${this.endpoint} returned the same page cursor twice (${String(next)})`);
  }
}

export async function collectPages<C extends string | number, T>(
  endpoint: string,
  first: C,
  fetchPage: (cursor: C) => Promise<Page<C, T>>,
  options: PagerOptions = {},
): Promise<T[]> {
  const guard = new PageGuard<C>(endpoint, options.maxPages ?? MAX_PAGES);
  const all: T[] = [];
  let cursor: C | null = first;
  while (cursor !== null) {
    guard.reading(cursor);
    const page: Page<C, T> = await fetchPage(cursor);
    for (const item of page.items) all.push(item);
    options.onPage?.(all.length);
    guard.announced(page.next);
    cursor = page.next;
  }
  return all;
}

/** Next cursor of a token-paged answer: none when `isLast`, or when the token is missing or null. */
export function nextToken(page: { isLast?: boolean | null; nextPageToken?: string | null }): string | null {
  if (page.isLast === true) return null;
  return page.nextPageToken ? page.nextPageToken : null;
}

/** Next `startAt` of an offset-paged answer. */
export function nextOffset(startAt: number, page: { isLast?: boolean | null; total?: number | null }, received: number): number | null {
  if (received === 0 || page.isLast === true) return null;
  const next = startAt + received;
  if (page.isLast == null && page.total != null && next >= page.total) return null;
  return next;
}
