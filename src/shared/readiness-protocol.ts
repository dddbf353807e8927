/**
 * Payloads and results of the Readiness panel's resolvers. Type-only apart from the resolver
 * names: `protocol.ts` re-exports these, so the UI still shares one module with the backend.
 */
import type { AutoCheck, ChecklistKind } from '../domain/config';
import type { AutoDetail, AutoResult, ChecklistItemView, ChecklistView, ItemState } from '../domain/checklists';
import type { ReadinessHistoryEntry, ReadinessImportView, ReadinessIncident, ReadinessPerson, ReadinessView } from '../services/checklists';

export type {
  AutoCheck,
  AutoDetail,
  AutoResult,
  ChecklistItemView,
  ChecklistKind,
  ChecklistView,
  ItemState,
  ReadinessHistoryEntry,
  ReadinessImportView,
  ReadinessIncident,
  ReadinessPerson,
  ReadinessView,
};

export const READINESS_RESOLVER = {
  readinessGet: 'readiness/get',
  readinessUpdate: 'readiness/update',
} as const;

/** One change to one item of the issue in the Forge context (never an issue named in the payload). */
export interface ReadinessUpdatePayload {
  /** The version the change was made on (`ReadinessView.version`); a stale one is refused with CONFLICT. */
  version: number;
  change: {
    list: ChecklistKind;
    item: string;
    state: ItemState;
    /** Required with `notApplicable`, and only there. */
    reason?: string;
  };
}

export interface ReadinessResolverTypes {
  'readiness/get': { payload: Record<string, never>; data: ReadinessView };
  'readiness/update': { payload: ReadinessUpdatePayload; data: ReadinessView };
}
