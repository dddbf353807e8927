/**
 * Where the app keeps Atlassian account ids, as `PersonalDataSource`s of the reporting cycle
 * (`privacy.ts`):
 * - the governance configuration (app storage): each product's Business PO and Digital PO, each
 *   channel's leader;
 * - the Readiness checklists' audit trails (each issue's readiness state in the app's storage and
 *   its archived parts): who ticked each item, who changed it, who wrote last, and who claims
 *   imported from an earlier version's issue property name.
 * Neither keeps a name, an e-mail or an avatar: those are read from Jira whenever they are shown,
 * so an updated profile needs nothing refreshed; a closed account's id is erased.
 */
import { z } from 'zod';
import { ArchivedHistory, type HistoryEntry, type ItemMark, READINESS_PROPERTY_KEY, ReadinessState } from '../domain/checklists';
import { stateKey } from './checklists';
import type { JiraClient } from '../jira/types';
import { CONFIG_DOCUMENT } from './config';
import type { PersonalDataSource } from './privacy';

/** What stands in an audit trail where a closed account's id was. Not an account id Atlassian issues. */
export const ERASED_ACCOUNT = 'erased-closed-account';

const OWNER_FIELDS: Record<'products' | 'channels', readonly string[]> = { products: ['businessOwner', 'digitalOwner'], channels: ['leader'] };

/** The configuration document's storage: the app's `Store` fits. */
export interface ConfigStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false }>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every owner slot of a stored configuration (either schema version: both name owners the same way). */
function ownerSlots(doc: unknown): { entry: Record<string, unknown>; field: string }[] {
  if (!isRecord(doc)) return [];
  const slots: { entry: Record<string, unknown>; field: string }[] = [];
  for (const [list, fields] of Object.entries(OWNER_FIELDS)) {
    const entries = doc[list];
    if (!Array.isArray(entries)) continue;
    for (const entry of entries) if (isRecord(entry)) for (const field of fields) if (typeof entry[field] === 'string') slots.push({ entry, field });
  }
  return slots;
}

/** The owners named in the configuration. A closed account's slot is emptied: the product or channel then has no owner, as if never set. */
export function configOwnersSource(store: ConfigStore): PersonalDataSource {
  return {
    name: 'configuration owners',
    async accounts() {
      const doc = await store.get(CONFIG_DOCUMENT);
      return new Map(ownerSlots(doc?.value).map((s) => [s.entry[s.field] as string, null]));
    },
    async erase(ids) {
      // Saved over the version read: an administrator's save in between is re-read, never overwritten.
      for (let attempt = 0; attempt < 5; attempt++) {
        const doc = await store.get(CONFIG_DOCUMENT);
        if (!doc) return;
        const value = structuredClone(doc.value);
        const slots = ownerSlots(value).filter((s) => ids.has(s.entry[s.field] as string));
        if (slots.length === 0) return;
        for (const s of slots) s.entry[s.field] = null;
        if ((await store.compareAndSet(CONFIG_DOCUMENT, value, doc.version)).ok) return;
      }
      throw new Error('the configuration kept changing while a closed account was being removed from it; the next run tries again');
    },
    // Only the id is kept; the name and avatar are read from Jira each time they are shown.
    async refresh() {},
  };
}

/** The storage the readiness trails live in (the app's `Store` fits). */
export interface TrailStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false }>;
}

type Seen = Map<string, string>;

const note = (out: Seen, id: string | null | undefined, at: string) => {
  if (id === null || id === undefined || id === ERASED_ACCOUNT) return;
  const seen = out.get(id);
  if (!seen || Date.parse(at) > Date.parse(seen)) out.set(id, at);
};

const historyAccounts = (out: Seen, entries: readonly HistoryEntry[]) => {
  for (const e of entries) if (e.change === 'state') note(out, e.by, e.at);
};

/** The account ids of one issue's readiness state, each with the latest instant it appears at. */
export function accountsOfState(state: ReadinessState): Seen {
  const out: Seen = new Map();
  note(out, state.updatedBy, state.updatedAt);
  for (const list of [state.lists.dor, state.lists.dod]) for (const mark of Object.values(list?.items ?? {})) note(out, mark.by, mark.at);
  historyAccounts(out, state.history);
  if (state.imported) {
    // Claims imported from an earlier version's property: who they name is kept too.
    note(out, state.imported.claimedUpdatedBy, state.imported.claimedUpdatedAt);
    for (const marks of [state.imported.marks.dor, state.imported.marks.dod]) for (const mark of Object.values(marks)) note(out, mark.by, mark.at);
    historyAccounts(out, state.imported.history);
  }
  return out;
}

const swapIn = (ids: ReadonlySet<string>) => (id: string) => (ids.has(id) ? ERASED_ACCOUNT : id);
const eraseHistory = (entries: readonly HistoryEntry[], swap: (id: string) => string): HistoryEntry[] => entries.map((e) => (e.change === 'state' ? { ...e, by: swap(e.by) } : e));
const eraseMarks = (marks: Record<string, ItemMark>, swap: (id: string) => string) => Object.fromEntries(Object.entries(marks).map(([k, m]) => [k, { ...m, by: swap(m.by) }]));

/** The state with every id in `ids` replaced by ERASED_ACCOUNT; the ticks, their times and so the DoR/DoD gate stay as they were. */
export function eraseAccounts(state: ReadinessState, ids: ReadonlySet<string>): ReadinessState {
  const swap = swapIn(ids);
  const list = (l: ReadinessState['lists']['dor']) => (l ? { ...l, items: eraseMarks(l.items, swap) } : null);
  return {
    ...state,
    updatedBy: state.updatedBy === null ? null : swap(state.updatedBy),
    lists: { dor: list(state.lists.dor), dod: list(state.lists.dod) },
    history: eraseHistory(state.history, swap),
    imported: state.imported
      ? {
          ...state.imported,
          claimedUpdatedBy: state.imported.claimedUpdatedBy === null ? null : swap(state.imported.claimedUpdatedBy),
          marks: { dor: eraseMarks(state.imported.marks.dor, swap), dod: eraseMarks(state.imported.marks.dod, swap) },
          history: eraseHistory(state.imported.history, swap),
        }
      : null,
  };
}

/** JQL for every issue with readiness: the app mirrors a summary (with `updatedAt`) for each into an issue property. */
export const READINESS_JQL = `issue.property[${READINESS_PROPERTY_KEY}].updatedAt IS NOT EMPTY`;

/** Rewrites a stored document by compare-and-set on the version read; false when it kept changing. */
async function rewrite<T>(store: TrailStore, key: string, schema: z.ZodType<T>, change: (doc: T) => T | null): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const stored = await store.get(key);
    if (!stored) return true;
    const parsed = schema.safeParse(stored.value);
    if (!parsed.success) return true;
    const next = change(parsed.data);
    if (next === null) return true;
    if ((await store.compareAndSet(key, next, stored.version)).ok) return true;
  }
  return false;
}

/**
 * The Readiness audit trails, in the app's storage: each issue's state (`readiness:<issue id>`:
 * who ticked, who changed, claims imported from earlier versions) and its archived parts. The
 * issues are found through the JQL mirror, read as the app (the cycle has no user). A closed
 * account's id is replaced by ERASED_ACCOUNT by compare-and-set on the version read, so a panel
 * saving at the same moment is never overwritten (it re-reads and retries); ticks, times and the
 * gate do not change. A deleted issue's readiness leaves the store with the issue (the sync's
 * deleted-issue event).
 */
export function readinessTrailSource(client: JiraClient, store: TrailStore): PersonalDataSource {
  /** Where each account appears: account id → the storage keys holding it. Filled by `accounts()`. */
  let where = new Map<string, Set<string>>();
  const place = (id: string, key: string) => where.set(id, (where.get(id) ?? new Set()).add(key));
  return {
    name: 'readiness audit trails',
    async accounts() {
      const found: Seen = new Map();
      where = new Map();
      const issueIds: string[] = [];
      let token: string | null = null;
      do {
        const page = await client.searchIds(READINESS_JQL, token);
        issueIds.push(...page.ids);
        token = page.nextPageToken;
      } while (token !== null);
      for (const issueId of issueIds) {
        const state = ReadinessState.safeParse((await store.get(stateKey(issueId)))?.value);
        if (!state.success) continue;
        for (const [id, at] of accountsOfState(state.data)) {
          note(found, id, at);
          place(id, stateKey(issueId));
        }
        for (const key of state.data.archive) {
          const part = ArchivedHistory.safeParse((await store.get(key))?.value);
          if (!part.success) continue;
          const inPart: Seen = new Map();
          historyAccounts(inPart, part.data.entries);
          for (const [id, at] of inPart) {
            note(found, id, at);
            place(id, key);
          }
        }
      }
      return found;
    },
    async erase(ids) {
      const keys = new Set<string>();
      for (const id of ids) for (const key of where.get(id) ?? []) keys.add(key);
      const swap = swapIn(ids);
      for (const key of keys) {
        const done = key.startsWith('readiness:')
          ? await rewrite(store, key, ReadinessState, (state) => ([...accountsOfState(state).keys()].some((id) => ids.has(id)) ? ReadinessState.parse(eraseAccounts(state, ids)) : null))
          : await rewrite(store, key, ArchivedHistory, (part) => (part.entries.some((e) => e.change === 'state' && ids.has(e.by)) ? { ...part, entries: eraseHistory(part.entries, swap) } : null));
        if (!done) throw new Error(`the readiness of ${key} kept changing while a closed account was being removed from it; the next run tries again`);
      }
    },
    async refresh() {},
  };
}
