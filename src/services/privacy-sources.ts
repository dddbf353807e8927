/**
 * Where the app keeps Atlassian account ids, as `PersonalDataSource`s of the reporting cycle
 * (`privacy.ts`):
 * - the governance configuration (app storage): each product's Business PO and Digital PO, each
 *   channel's leader;
 * - the Readiness checklists' audit trails (the `governance-readiness` issue property the app
 *   writes in Jira): who ticked each item, who changed it, who wrote last.
 * Neither keeps a name, an e-mail or an avatar: those are read from Jira whenever they are shown,
 * so an updated profile needs nothing refreshed; a closed account's id is erased.
 */
import { READINESS_PROPERTY_KEY, ReadinessDocument, readStoredReadiness } from '../domain/checklists';
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

/** The claim the Readiness panel takes before writing the property (src/services/checklists.ts): the same key, so the two never write over each other. */
const claimKey = (issueId: string) => `readiness-claim:${issueId.replace(/[^a-zA-Z0-9._-]/g, '_')}`;

export interface ClaimStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null, options?: { ttlSeconds?: number }): Promise<{ ok: true; version: number } | { ok: false }>;
}

/** The account ids of one readiness document, each with the latest instant it appears at. */
function accountsOf(doc: ReadinessDocument): Map<string, string> {
  const out = new Map<string, string>();
  const add = (id: string | null, at: string) => {
    if (id === null || id === ERASED_ACCOUNT) return;
    const seen = out.get(id);
    if (!seen || Date.parse(at) > Date.parse(seen)) out.set(id, at);
  };
  add(doc.updatedBy, doc.updatedAt);
  for (const list of [doc.lists.dor, doc.lists.dod]) for (const mark of Object.values(list?.items ?? {})) add(mark.by, mark.at);
  for (const entry of doc.history) if (entry.change === 'state') add(entry.by, entry.at);
  return out;
}

/** The document with every id in `ids` replaced by ERASED_ACCOUNT; the ticks, their times and the summary stay as they were. */
export function eraseAccounts(doc: ReadinessDocument, ids: ReadonlySet<string>): ReadinessDocument {
  const swap = (id: string) => (ids.has(id) ? ERASED_ACCOUNT : id);
  const list = (l: ReadinessDocument['lists']['dor']) => (l ? { ...l, items: Object.fromEntries(Object.entries(l.items).map(([k, m]) => [k, { ...m, by: swap(m.by) }])) } : null);
  return {
    ...doc,
    updatedBy: doc.updatedBy === null ? null : swap(doc.updatedBy),
    lists: { dor: list(doc.lists.dor), dod: list(doc.lists.dod) },
    history: doc.history.map((e) => (e.change === 'state' ? { ...e, by: swap(e.by) } : e)),
  };
}

/** JQL for every issue that has a readiness document (the `updatedAt` value Jira indexes). */
export const READINESS_JQL = `issue.property[${READINESS_PROPERTY_KEY}].updatedAt IS NOT EMPTY`;

/**
 * The Readiness audit trails. Jira is read and written as the app (the cycle has no user). A closed
 * account's id is replaced by ERASED_ACCOUNT in place: the checklists' states, and so the DoR/DoD
 * gate, do not change; the document's version moves on, so an open panel re-reads before saving.
 */
export function readinessTrailSource(client: JiraClient, store: ClaimStore, now: () => number): PersonalDataSource {
  /** Where each account appears: account id → issues (id, key). Filled by `accounts()`. */
  let where = new Map<string, Map<string, string>>();
  return {
    name: 'readiness audit trails',
    async accounts() {
      const issues = await client.search(READINESS_JQL, { fields: ['project'], properties: [READINESS_PROPERTY_KEY], pageSize: 100 });
      const found = new Map<string, string>();
      where = new Map();
      for (const issue of issues) {
        const read = readStoredReadiness(issue.properties?.[READINESS_PROPERTY_KEY]);
        if (read.kind !== 'ok') continue;
        for (const [id, at] of accountsOf(read.document)) {
          const seen = found.get(id);
          if (!seen || Date.parse(at) > Date.parse(seen)) found.set(id, at);
          const issuesOf = where.get(id) ?? new Map<string, string>();
          issuesOf.set(issue.id, issue.key);
          where.set(id, issuesOf);
        }
      }
      return new Map([...found].map(([id, at]) => [id, at]));
    },
    async erase(ids) {
      const issues = new Map<string, string>();
      for (const id of ids) for (const [issueId, key] of where.get(id) ?? []) issues.set(issueId, key);
      for (const [issueId, key] of issues) {
        const read = readStoredReadiness(await client.issueProperty(key, READINESS_PROPERTY_KEY));
        if (read.kind !== 'ok') continue;
        const doc = read.document;
        if (![...accountsOf(doc).keys()].some((id) => ids.has(id))) continue;
        const claim = await store.get(claimKey(issueId));
        const claimed = (claim?.value as { version?: unknown } | undefined)?.version;
        const version = Math.max(doc.version, typeof claimed === 'number' ? claimed : 0) + 1;
        // Someone saving the checklists right now holds the claim: this issue waits for the next run.
        const cas = await store.compareAndSet(claimKey(issueId), { version, at: now() }, claim?.version ?? null, { ttlSeconds: 24 * 3600 });
        if (!cas.ok) continue;
        const next = ReadinessDocument.parse({ ...eraseAccounts(doc, ids), version });
        await client.setIssueProperty(key, READINESS_PROPERTY_KEY, next);
      }
    },
    async refresh() {},
  };
}
