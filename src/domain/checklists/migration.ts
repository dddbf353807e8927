/**
 * Upgrading from the property: earlier versions of the app kept the checklists in the issue
 * property `governance-readiness`, which anyone who may edit the issue can write through Jira's
 * REST API, and of which Jira keeps no record of who wrote what. A tick found there cannot be told
 * from a forged one, so none becomes authoritative: each is imported as an unverified claim, shown
 * with the name and time it claims and counting as open, until someone who may edit the issue
 * confirms it (a tick of their own, recorded in the audit trail). The property's history is kept
 * with the import, marked as claimed. Nothing else of the property is trusted: not its summaries,
 * not its version, not its author.
 */
import type { ChecklistKind } from '../config';
import { type ImportedRecord, isoSeconds, type ItemMark, type LegacyReadinessDocument, type ReadinessState, STATE_SCHEMA_VERSION } from './document';

function claims(doc: LegacyReadinessDocument, kind: ChecklistKind): Record<string, ItemMark> {
  const items = doc.lists[kind]?.items ?? {};
  return Object.fromEntries(Object.entries(items).filter(([, mark]) => mark.state !== 'open'));
}

/** The state an issue starts with when its property was written by an earlier version of the app. */
export function importLegacy(doc: LegacyReadinessDocument, issueId: string, now: number): ReadinessState {
  const imported: ImportedRecord = {
    at: isoSeconds(now),
    claimedVersion: doc.version,
    claimedUpdatedAt: doc.updatedAt,
    claimedUpdatedBy: doc.updatedBy,
    marks: { dor: claims(doc, 'dor'), dod: claims(doc, 'dod') },
    history: doc.history,
  };
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    issueId,
    updatedAt: isoSeconds(now),
    updatedBy: null,
    // The templates the property named are kept, with no verified mark.
    lists: {
      dor: doc.lists.dor ? { templateId: doc.lists.dor.templateId, items: {} } : null,
      dod: doc.lists.dod ? { templateId: doc.lists.dod.templateId, items: {} } : null,
    },
    history: [],
    archive: [],
    imported,
  };
}

/** How many unverified claims are left to confirm. */
export function unverifiedCount(imported: ImportedRecord | null): number {
  return imported ? Object.keys(imported.marks.dor).length + Object.keys(imported.marks.dod).length : 0;
}
