/**
 * An issue's checklists as they stand: the stored marks reconciled with today's templates, each
 * item's state (auto items from the issue), readiness and progress, and the summary values Jira
 * indexes.
 *
 * Template migration: marks are matched to the template's items by id, whichever template they
 * were made under (a changed template, or the issue moved to a project with its own). An item that
 * left the template takes its mark into the history ("removed"); a new item starts open. When no
 * template of a kind applies any more, the stored marks are kept as they are, unused, so that
 * nothing is lost if one applies again.
 *
 * Readiness: ready when no required item is open. Progress: the share of all items (required and
 * optional) done or not applicable, in whole percent rounded down, so 100 means every item.
 */
import type { AutoCheck, ChecklistKind, ChecklistTemplate, LocalizedText } from '../config';
import type { AutoResult, AutoResults } from './auto-checks';
import {
  type ChecklistRecord,
  type ChecklistSummary,
  type HistoryEntry,
  isoSeconds,
  type ItemMark,
  type ItemState,
  type ReadinessDocument,
  READINESS_SCHEMA_VERSION,
} from './document';
import { fitToLimit } from './size';
import { type IssueKind, templateFor } from './templates';

export const CHECKLIST_KINDS: readonly ChecklistKind[] = ['dor', 'dod'];

export interface ChecklistItemView {
  id: string;
  text: LocalizedText;
  required: boolean;
  allowNotApplicable: boolean;
  /** Checked from the issue; null for an item ticked by hand. */
  auto: AutoCheck | null;
  state: ItemState;
  reason: string | null;
  /** Who set the item's mark and when (ISO); null for an untouched item or a passing auto-check. */
  by: string | null;
  at: string | null;
  /** The auto-check's outcome and evidence (auto items only). */
  autoResult: AutoResult | null;
}

export interface ChecklistView {
  kind: ChecklistKind;
  templateId: string;
  name: LocalizedText;
  ready: boolean;
  progress: number;
  openRequired: number;
  required: number;
  total: number;
  /** Items done or not applicable. */
  complete: number;
  items: ChecklistItemView[];
}

/** The body of a readiness document, before a write gives it a version and an author. */
export type ReadinessBody = Omit<ReadinessDocument, 'schemaVersion' | 'version' | 'updatedAt' | 'updatedBy'>;

export interface Evaluation {
  /** The stored document's version; 0 when the issue has none yet. */
  version: number;
  body: ReadinessBody;
  lists: Record<ChecklistKind, ChecklistView | null>;
  /** The template of each kind that applies to the issue. */
  templates: Record<ChecklistKind, ChecklistTemplate | null>;
  /** Whether the stored document differs from `body` (absent, summaries out of date, template changed). */
  stale: boolean;
}

export interface EvaluationInput {
  templates: readonly ChecklistTemplate[];
  issue: IssueKind;
  auto: AutoResults;
  stored: ReadinessDocument | null;
  now: number;
}

/** The state an item has now: a not-applicable mark wins; an auto item follows its check. */
export function effectiveState(item: ChecklistTemplate['items'][number], mark: ItemMark | undefined, auto: AutoResults): ItemState {
  if (mark?.state === 'notApplicable') return 'notApplicable';
  if (item.auto !== null) return auto[item.auto].passed ? 'done' : 'open';
  return mark?.state ?? 'open';
}

export const NOT_APPLICABLE_SUMMARY: ChecklistSummary = { ready: 'true', applies: 'false', progress: 100, openRequired: 0, required: 0, total: 0 };

function reconcile(template: ChecklistTemplate, record: ChecklistRecord | null, kind: ChecklistKind, now: number): { record: ChecklistRecord; removed: HistoryEntry[] } {
  const marks = record?.items ?? {};
  const ids = new Set(template.items.map((i) => i.id));
  const items: Record<string, ItemMark> = {};
  const removed: HistoryEntry[] = [];
  for (const [id, mark] of Object.entries(marks)) {
    if (ids.has(id)) items[id] = mark;
    else if (mark.state !== 'open') {
      removed.push({ change: 'removed', at: isoSeconds(now), list: kind, item: id, text: mark.text, last: mark.state, ...(mark.reason ? { reason: mark.reason } : {}) });
    }
  }
  return { record: { templateId: template.id, items }, removed };
}

function view(kind: ChecklistKind, template: ChecklistTemplate, record: ChecklistRecord, auto: AutoResults): ChecklistView {
  const items = template.items.map((item): ChecklistItemView => {
    const mark = record.items[item.id];
    const state = effectiveState(item, mark, auto);
    // An auto item shows who marked it only while that mark is what decides its state.
    const manual = mark !== undefined && (item.auto === null || mark.state === 'notApplicable');
    return {
      id: item.id,
      text: item.text,
      required: item.required,
      allowNotApplicable: item.allowNotApplicable,
      auto: item.auto,
      state,
      reason: state === 'notApplicable' ? (mark?.reason ?? null) : null,
      by: manual ? mark.by : null,
      at: manual ? mark.at : null,
      autoResult: item.auto !== null ? auto[item.auto] : null,
    };
  });
  const required = items.filter((i) => i.required);
  const openRequired = required.filter((i) => i.state === 'open').length;
  const complete = items.filter((i) => i.state !== 'open').length;
  return {
    kind,
    templateId: template.id,
    name: template.name,
    ready: openRequired === 0,
    progress: items.length === 0 ? 100 : Math.floor((100 * complete) / items.length),
    openRequired,
    required: required.length,
    total: items.length,
    complete,
    items,
  };
}

export function summaryOf(v: ChecklistView | null): ChecklistSummary {
  if (!v) return NOT_APPLICABLE_SUMMARY;
  return { ready: v.ready ? 'true' : 'false', applies: 'true', progress: v.progress, openRequired: v.openRequired, required: v.required, total: v.total };
}

/** Comparable form of what a write would store, without the write's own stamp. */
function persisted(body: ReadinessBody): string {
  return JSON.stringify([body.dor, body.dod, body.lists, body.history]);
}

export function evaluate(input: EvaluationInput): Evaluation {
  const stored = input.stored;
  const lists = { dor: null, dod: null } as Record<ChecklistKind, ChecklistView | null>;
  const records = { dor: stored?.lists.dor ?? null, dod: stored?.lists.dod ?? null } as Record<ChecklistKind, ChecklistRecord | null>;
  const history: HistoryEntry[] = [...(stored?.history ?? [])];
  const templates = { dor: null, dod: null } as Record<ChecklistKind, ChecklistTemplate | null>;
  for (const kind of CHECKLIST_KINDS) {
    const template = templateFor(input.templates, kind, input.issue);
    templates[kind] = template;
    if (!template) continue;
    const r = reconcile(template, records[kind], kind, input.now);
    records[kind] = r.record;
    history.push(...r.removed);
    lists[kind] = view(kind, template, r.record, input.auto);
  }
  const body: ReadinessBody = { dor: summaryOf(lists.dor), dod: summaryOf(lists.dod), lists: records, history };
  const stale = stored === null || persisted(body) !== persisted(stored);
  return { version: stored?.version ?? 0, body, lists, templates, stale };
}

/** The document a write stores: the body stamped with its new version, author and instant. */
export function stamp(body: ReadinessBody, version: number, by: string | null, now: number): ReadinessDocument {
  return { schemaVersion: READINESS_SCHEMA_VERSION, version, updatedAt: isoSeconds(now), updatedBy: by, ...body };
}

/**
 * The document a write stores after `body` changed: summaries recomputed, stamped, and fitted to
 * Jira's size limit (history trimmed first; ReadinessTooLargeError when it still does not fit).
 */
export function nextDocument(input: Omit<EvaluationInput, 'stored'>, body: ReadinessBody, version: number, by: string | null): { document: ReadinessDocument; evaluation: Evaluation } {
  const recomputed = evaluate({ ...input, stored: stamp(body, version, by, input.now) });
  const document = fitToLimit(stamp(recomputed.body, version, by, input.now));
  return { document, evaluation: evaluate({ ...input, stored: document }) };
}
