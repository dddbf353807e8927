/**
 * The readiness of one issue as Jira stores it: one issue entity property, `governance-readiness`,
 * holding both checklists (DoR and DoD), a short audit trail, and the summary values Jira indexes
 * for JQL and workflow validators read. The document is versioned twice over: `schemaVersion`
 * says how to read it, `version` counts writes (every write carries the version it read).
 *
 * Jira indexes entity-property values as number, string, text, user or date: there is no boolean
 * type, so `ready` and `applies` are the strings "true" and "false" (JQL: `dorReady = false`;
 * a Jira expression: `… .dor.ready == "true"`).
 */
import { z } from 'zod';
import { ChecklistKind, LocalizedText } from '../config';

export const READINESS_PROPERTY_KEY = 'governance-readiness';
export const READINESS_SCHEMA_VERSION = 1;
/** Jira refuses an entity property value longer than this (characters of its JSON). */
export const PROPERTY_MAX_CHARS = 32_768;
/** The audit trail keeps the newest entries; older ones go first when the document grows too big. */
export const HISTORY_MAX = 50;
export const REASON_MAX = 500;

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

export const ReadinessDocument = z
  .object({
    schemaVersion: z.literal(READINESS_SCHEMA_VERSION),
    /** 1 for the first write, +1 (at least) per write. */
    version: z.number().int().min(1),
    updatedAt: Instant,
    /** Who wrote last; null for the app itself (keeping the summary current). */
    updatedBy: AccountId.nullable(),
    dor: ChecklistSummary,
    dod: ChecklistSummary,
    lists: z.object({ dor: ChecklistRecord.nullable(), dod: ChecklistRecord.nullable() }).strict(),
    /** Oldest first. */
    history: z.array(HistoryEntry).max(HISTORY_MAX),
  })
  .strict();
export type ReadinessDocument = z.infer<typeof ReadinessDocument>;

/** An instant in the form Jira's date index accepts (seconds, UTC). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

export type StoredReadiness =
  | { kind: 'absent' }
  | { kind: 'ok'; document: ReadinessDocument }
  | { kind: 'newer'; schemaVersion: number }
  | { kind: 'invalid'; problems: string[] };

/**
 * Reads a stored property value. A document from a newer version of the app, or one that does
 * not validate, is reported, never silently replaced: someone's ticks are in it.
 */
export function readStoredReadiness(value: unknown): StoredReadiness {
  if (value === null || value === undefined) return { kind: 'absent' };
  const sv = typeof value === 'object' ? (value as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof sv === 'number' && sv > READINESS_SCHEMA_VERSION) return { kind: 'newer', schemaVersion: sv };
  const parsed = ReadinessDocument.safeParse(value);
  if (parsed.success) return { kind: 'ok', document: parsed.data };
  return {
    kind: 'invalid',
    problems: parsed.error.issues.slice(0, 5).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`),
  };
}
