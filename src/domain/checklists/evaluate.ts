/**
 * An issue's checklists as they stand: the stored marks (the app's state) reconciled with today's
 * templates, each item's state (auto items from the issue), readiness and progress, and the
 * summary values Jira indexes. Ticks imported unverified from an earlier version count as open.
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
  type ImportedRecord,
  isoSeconds,
  type ItemMark,
  type ItemState,
  type Lists,
  MIRROR_SCHEMA_VERSION,
  type ReadinessMirror,
  type ReadinessState,
  STATE_SCHEMA_VERSION,
} from './document';
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
  /**
   * A mark imported from an earlier version of the app and not confirmed since: shown, never
   * counted (the item's `state` ignores it). Null when there is none or someone changed the item since.
   */
  imported: { state: ItemState; by: string; at: string; reason: string | null } | null;
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

/** What a state stores of the checklists: the marks, the audit trail, the unverified imports. */
export interface ReadinessBody {
  lists: Lists;
  history: HistoryEntry[];
  imported: ImportedRecord | null;
}

export interface Evaluation {
  body: ReadinessBody;
  lists: Record<ChecklistKind, ChecklistView | null>;
  /** The values Jira indexes, per kind. */
  summary: Record<ChecklistKind, ChecklistSummary>;
  /** The template of each kind that applies to the issue. */
  templates: Record<ChecklistKind, ChecklistTemplate | null>;
  /** Whether a stored state differs from `body` (a template change moved marks into the history). */
  stale: boolean;
}

export interface EvaluationInput {
  templates: readonly ChecklistTemplate[];
  issue: IssueKind;
  auto: AutoResults;
  /** The state's checklists (null: nothing stored yet). */
  stored: ReadinessBody | null;
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

function view(kind: ChecklistKind, template: ChecklistTemplate, record: ChecklistRecord, auto: AutoResults, imported: ImportedRecord | null): ChecklistView {
  const items = template.items.map((item): ChecklistItemView => {
    const mark = record.items[item.id];
    const claim = mark === undefined ? imported?.marks[kind][item.id] : undefined;
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
      imported: claim && claim.state !== 'open' ? { state: claim.state, by: claim.by, at: claim.at, reason: claim.reason ?? null } : null,
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

/** Comparable form of what a write would store of the checklists, without the write's own stamp. */
function persisted(body: ReadinessBody): string {
  return JSON.stringify([body.lists, body.history, body.imported]);
}

export function evaluate(input: EvaluationInput): Evaluation {
  const stored = input.stored;
  const lists = { dor: null, dod: null } as Record<ChecklistKind, ChecklistView | null>;
  const records = { dor: stored?.lists.dor ?? null, dod: stored?.lists.dod ?? null } as Record<ChecklistKind, ChecklistRecord | null>;
  const history: HistoryEntry[] = [...(stored?.history ?? [])];
  const imported = stored?.imported ?? null;
  const templates = { dor: null, dod: null } as Record<ChecklistKind, ChecklistTemplate | null>;
  for (const kind of CHECKLIST_KINDS) {
    const template = templateFor(input.templates, kind, input.issue);
    templates[kind] = template;
    if (!template) continue;
    const r = reconcile(template, records[kind], kind, input.now);
    records[kind] = r.record;
    history.push(...r.removed);
    lists[kind] = view(kind, template, r.record, input.auto, imported);
  }
  const body: ReadinessBody = { lists: { dor: records.dor ?? null, dod: records.dod ?? null }, history, imported };
  const stale = stored !== null && persisted(body) !== persisted(stored);
  return { body, lists, summary: { dor: summaryOf(lists.dor), dod: summaryOf(lists.dod) }, templates, stale };
}

/** The state a write stores: the checklists stamped with their author and instant. */
export function stateOf(body: ReadinessBody, base: { issueId: string; archive: readonly string[] }, by: string | null, now: number): ReadinessState {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    issueId: base.issueId,
    updatedAt: isoSeconds(now),
    updatedBy: by,
    lists: body.lists,
    history: body.history,
    archive: [...base.archive],
    imported: body.imported,
  };
}

/** The property the app writes for JQL: the summaries of the state of `version`, evaluated now. */
export function mirrorOf(evaluation: Pick<Evaluation, 'summary'>, version: number, now: number): ReadinessMirror {
  return { schemaVersion: MIRROR_SCHEMA_VERSION, version, updatedAt: isoSeconds(now), dor: evaluation.summary.dor, dod: evaluation.summary.dod };
}

/** Whether a mirror says what `expected` says (the instant it was written aside). */
export function sameMirror(a: ReadinessMirror, expected: ReadinessMirror): boolean {
  return a.version === expected.version && canonicalJson([a.dor, a.dod]) === canonicalJson([expected.dor, expected.dod]);
}

/** JSON with every object's keys sorted: equal values give equal text, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // The default sort compares UTF-16 code units, as `<` on strings does.
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
