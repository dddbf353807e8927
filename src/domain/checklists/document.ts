/**
 * The readiness of one issue, in three documents:
 *
 * - **The state** (`ReadinessState`), kept in the app's own storage and authoritative: both
 *   checklists (DoR and DoD) with who set each item and when, the complete audit trail, and the
 *   ticks imported from an earlier version of the app (unverified). Only the app writes it, after
 *   Jira confirmed, as the user, that they may edit the issue. The storage counts its versions:
 *   every write carries the version it read.
 * - **The mirror** (`ReadinessMirror`), the issue entity property `governance-readiness`: the
 *   summary values Jira indexes for JQL (`dorReady = false`), and nothing else. Anyone who may edit
 *   the issue can overwrite an issue property through Jira's REST API, so the mirror is never read
 *   as a source of truth: a mirror that disagrees with the state is reported and rewritten.
 * - **The legacy document** (`LegacyReadinessDocument`, schema 1): what earlier versions of the app
 *   kept in that property (checklists and history included). It is read once, to import it, and its
 *   ticks are imported as unverified claims (docs/readiness.md, "Upgrading from the property").
 *
 * Jira indexes entity-property values as number, string, text, user or date: there is no boolean
 * type, so `ready` and `applies` are the strings "true" and "false" (JQL: `dorReady = false`).
 */
import { z } from 'zod';
import { ChecklistKind, LocalizedText } from '../config';

export const READINESS_PROPERTY_KEY = 'governance-readiness';
/** The schema of the property written by earlier versions of the app (checklists in the property). */
export const LEGACY_SCHEMA_VERSION = 1;
/** The schema of the mirror the app writes to the property now (summaries only). */
export const MIRROR_SCHEMA_VERSION = 2;
/** The schema of the state document in the app's storage. */
export const STATE_SCHEMA_VERSION = 1;
/** Jira refuses an entity property value longer than 32,768 characters; counted here in UTF-8 bytes, which is never fewer. */
export const PROPERTY_MAX_BYTES = 32_768;
/** Forge's key-value store keeps a value of at most 240 KiB. */
export const STORE_VALUE_MAX_BYTES = 240 * 1024;
/** The legacy property kept at most this many history entries. */
export const LEGACY_HISTORY_MAX = 50;
export const REASON_MAX = 500;

/** The size of a value as stored: its JSON in UTF-8 bytes (a Cyrillic letter takes two, an emoji four). */
export function utf8Bytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** `245,760 bytes (240 KiB)`: a limit as people read it. */
export function bytesText(bytes: number): string {
  const kib = bytes / 1024;
  return `${bytes.toLocaleString('en-US')} bytes${Number.isInteger(kib) ? ` (${kib} KiB)` : ''}`;
}

export const ItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be a checklist item id: 1–40 lower-case letters, digits or dashes');
export const AccountId = z.string().min(1).max(128);
/** An instant as Jira's date index reads it: `2026-11-27T12:00:00Z`. */
export const Instant = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/, 'must be a UTC instant such as 2026-11-27T12:00:00Z');

export const ItemState = z.enum(['open', 'done', 'notApplicable']);
export type ItemState = z.infer<typeof ItemState>;

/** A reason as people type it: trimmed, never blank, at most REASON_MAX characters. */
export const Reason = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(REASON_MAX, `must be at most ${REASON_MAX} characters`);

/**
 * What someone set on an item, and who and when. `text` is the item's wording when it was set, so
 * an item later removed from the template can still be named in the history.
 */
export const ItemMark = z
  .object({
    state: ItemState,
    reason: Reason.optional(),
    by: AccountId,
    at: Instant,
    text: LocalizedText,
  })
  .strict()
  .refine((m) => (m.state === 'notApplicable') === (m.reason !== undefined), {
    message: 'a reason goes with, and only with, a not-applicable item',
    path: ['reason'],
  });
export type ItemMark = z.infer<typeof ItemMark>;

export const ChecklistRecord = z
  .object({
    templateId: z.string().min(1).max(40),
    items: z.record(ItemId, ItemMark),
  })
  .strict();
export type ChecklistRecord = z.infer<typeof ChecklistRecord>;

const Flag = z.enum(['true', 'false']);

/** The indexed values of one checklist (`dor.ready`, `dor.progress`, `dor.openRequired`, …). */
export const ChecklistSummary = z
  .object({
    /** "true" when no required item is open (also when no template applies). */
    ready: Flag,
    /** "false" when no template of this kind applies to the issue. */
    applies: Flag,
    /** Share of items done or not applicable, in whole percent rounded down (100 only when all are). */
    progress: z.number().int().min(0).max(100),
    openRequired: z.number().int().min(0),
    required: z.number().int().min(0),
    total: z.number().int().min(0),
  })
  .strict();
export type ChecklistSummary = z.infer<typeof ChecklistSummary>;

export const StateChange = z
  .object({
    change: z.literal('state'),
    at: Instant,
    by: AccountId,
    list: ChecklistKind,
    item: ItemId,
    from: ItemState,
    to: ItemState,
    reason: Reason.optional(),
  })
  .strict();

/** An item that left the template while it held a mark: its last state, kept for the record. */
export const ItemRemoved = z
  .object({
    change: z.literal('removed'),
    at: Instant,
    list: ChecklistKind,
    item: ItemId,
    text: LocalizedText,
    last: ItemState,
    reason: Reason.optional(),
  })
  .strict();

export const HistoryEntry = z.discriminatedUnion('change', [StateChange, ItemRemoved]);
export type HistoryEntry = z.infer<typeof HistoryEntry>;

/** What earlier versions of the app stored in the issue property: checklists, history and summaries. */
export const LegacyReadinessDocument = z
  .object({
    schemaVersion: z.literal(LEGACY_SCHEMA_VERSION),
    /** 1 for the first write, +1 (at least) per write. */
    version: z.number().int().min(1),
    updatedAt: Instant,
    /** Who wrote last; null for the app itself (keeping the summary current). */
    updatedBy: AccountId.nullable(),
    dor: ChecklistSummary,
    dod: ChecklistSummary,
    lists: z.object({ dor: ChecklistRecord.nullable(), dod: ChecklistRecord.nullable() }).strict(),
    /** Oldest first. */
    history: z.array(HistoryEntry).max(LEGACY_HISTORY_MAX),
  })
  .strict();
export type LegacyReadinessDocument = z.infer<typeof LegacyReadinessDocument>;

const Lists = z.object({ dor: ChecklistRecord.nullable(), dod: ChecklistRecord.nullable() }).strict();
export type Lists = z.infer<typeof Lists>;

/**
 * Ticks found in the issue property written by an earlier version of the app, kept as they were
 * found. Jira keeps no record of who wrote an issue property, and anyone who may edit the issue can
 * write it, so these are claims: they are shown as unverified and count as open until someone who
 * may edit the issue confirms them (which records a tick of their own).
 */
export const ImportedRecord = z
  .object({
    /** When the app imported the property. */
    at: Instant,
    /** The property's own `version`, `updatedAt` and `updatedBy`, as claimed by it. */
    claimedVersion: z.number().int().min(1),
    claimedUpdatedAt: Instant,
    claimedUpdatedBy: AccountId.nullable(),
    marks: z.object({ dor: z.record(ItemId, ItemMark), dod: z.record(ItemId, ItemMark) }).strict(),
    /** The property's history, oldest first, as claimed by it. */
    history: z.array(HistoryEntry).max(LEGACY_HISTORY_MAX),
  })
  .strict();
export type ImportedRecord = z.infer<typeof ImportedRecord>;

export const IssueId = z.string().regex(/^\d{1,19}$/, 'must be a Jira issue id (digits)');
/** A key of the app's storage (`readiness-audit:10001:7`). */
const StoreKeyText = z.string().regex(/^[a-zA-Z0-9:._#-]{1,500}$/);

/** The authoritative readiness of one issue, in the app's storage (`readiness:<issue id>`). */
export const ReadinessState = z
  .object({
    schemaVersion: z.literal(STATE_SCHEMA_VERSION),
    issueId: IssueId,
    updatedAt: Instant,
    /** Who made the last change; null for the app itself (an import, a template change). */
    updatedBy: AccountId.nullable(),
    lists: Lists,
    /** The audit trail, oldest first; when the document grows too big the oldest entries move to `archive`. */
    history: z.array(HistoryEntry),
    /** Storage keys of the archived parts of the audit trail, oldest first. */
    archive: z.array(StoreKeyText).max(1000),
    imported: ImportedRecord.nullable(),
  })
  .strict();
export type ReadinessState = z.infer<typeof ReadinessState>;

/** An archived part of an audit trail (`readiness-audit:<issue id>:<n>`), oldest first. */
export const ArchivedHistory = z.object({ issueId: IssueId, entries: z.array(HistoryEntry).min(1) }).strict();
export type ArchivedHistory = z.infer<typeof ArchivedHistory>;

/**
 * The issue property `governance-readiness` as the app writes it now: what JQL searches, nothing a
 * gate or the panel believes. `version` is the version of the state it mirrors (0: none yet).
 */
export const ReadinessMirror = z
  .object({
    schemaVersion: z.literal(MIRROR_SCHEMA_VERSION),
    version: z.number().int().min(0),
    updatedAt: Instant,
    dor: ChecklistSummary,
    dod: ChecklistSummary,
  })
  .strict();
export type ReadinessMirror = z.infer<typeof ReadinessMirror>;

/** An instant in the form Jira's date index accepts (seconds, UTC). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type StoredProperty =
  | { kind: 'absent' }
  | { kind: 'mirror'; mirror: ReadinessMirror }
  | { kind: 'legacy'; document: LegacyReadinessDocument }
  | { kind: 'newer'; schemaVersion: number }
  | { kind: 'invalid'; problems: string[] };

const problemsOf = (error: z.ZodError) => error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);

/** What the issue property holds: the app's mirror, a legacy document, or something else. */
export function readStoredReadiness(value: unknown): StoredProperty {
  if (value === null || value === undefined) return { kind: 'absent' };
  const sv = typeof value === 'object' ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof sv === 'number' && sv > MIRROR_SCHEMA_VERSION) return { kind: 'newer', schemaVersion: sv };
  if (sv === MIRROR_SCHEMA_VERSION) {
    const parsed = ReadinessMirror.safeParse(value);
    return parsed.success ? { kind: 'mirror', mirror: parsed.data } : { kind: 'invalid', problems: problemsOf(parsed.error) };
  }
  const parsed = LegacyReadinessDocument.safeParse(value);
  if (parsed.success) return { kind: 'legacy', document: parsed.data };
  return { kind: 'invalid', problems: problemsOf(parsed.error) };
}

/** The summaries JQL sees in a property value (mirror or legacy), or null when it has none. */
export function propertySummaries(value: unknown): { dor: ChecklistSummary; dod: ChecklistSummary } | null {
  const read = readStoredReadiness(value);
  if (read.kind === 'mirror') return { dor: read.mirror.dor, dod: read.mirror.dod };
  if (read.kind === 'legacy') return { dor: read.document.dor, dod: read.document.dod };
  return null;
}
