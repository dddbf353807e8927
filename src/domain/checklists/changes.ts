/**
 * A person's change to one item: done, open again, or not applicable with a reason. A change is
 * checked against the template as it is now; a change that cannot apply is refused with a
 * sentence that says why, and the document is left as it was.
 */
import type { ChecklistKind } from '../config';
import type { AutoResults } from './auto-checks';
import { isoSeconds, type HistoryEntry, type ItemMark, type ItemState } from './document';
import { effectiveState, type Evaluation, type ReadinessBody } from './evaluate';

export interface ItemChange {
  list: ChecklistKind;
  item: string;
  state: ItemState;
  /** Required with `notApplicable`, and only there. */
  reason?: string;
}

export type ChangeResult =
  | { ok: true; body: ReadinessBody; changed: boolean }
  | { ok: false; problem: string };

export const LIST_NAMES: Record<ChecklistKind, string> = { dor: 'Definition of Ready', dod: 'Definition of Done' };

/**
 * Applies `change` by `by` at `now` to an evaluated document (`templates` are the ones the
 * evaluation used). A change to the state the item already has (and the same reason) changes
 * nothing: a change re-applied after a conflict is not recorded twice. A change to an item with an
 * unverified imported mark always counts: it confirms (or corrects) the claim as the person's own.
 */
export function applyChange(
  evaluation: Evaluation,
  auto: AutoResults,
  change: ItemChange,
  by: string,
  now: number,
): ChangeResult {
  const template = evaluation.templates[change.list];
  const record = evaluation.body.lists[change.list];
  const listName = LIST_NAMES[change.list];
  if (!template || !record) return { ok: false, problem: `No ${listName} checklist applies to this issue.` };
  const item = template.items.find((i) => i.id === change.item);
  if (!item) return { ok: false, problem: `The ${listName} of this issue has no item "${change.item}" (its template may have changed): reload the panel.` };
  const label = `"${item.text.en}"`;
  const reason = change.reason?.trim();
  if (change.state === 'notApplicable') {
    if (!item.allowNotApplicable) return { ok: false, problem: `${label} cannot be marked not applicable.` };
    if (!reason) return { ok: false, problem: `A reason is required to mark ${label} not applicable.` };
  } else if (change.reason !== undefined) {
    return { ok: false, problem: 'A reason goes only with "not applicable".' };
  }
  if (item.auto !== null && change.state === 'done')
    return { ok: false, problem: `${label} is checked automatically from the issue; it cannot be ticked by hand.` };

  const mark = record.items[item.id];
  const from = effectiveState(item, mark, auto);
  // An unverified imported mark counts as open; any change to the item replaces it with a verified one.
  const claim = evaluation.body.imported?.marks[change.list][item.id];
  if (from === change.state && claim === undefined && (change.state !== 'notApplicable' || mark?.reason === reason)) return { ok: true, body: evaluation.body, changed: false };

  const at = isoSeconds(now);
  const next: ItemMark = { state: change.state, by, at, text: item.text, ...(change.state === 'notApplicable' ? { reason: reason as string } : {}) };
  const items = { ...record.items };
  // An auto item that is no longer not applicable follows its check again: no mark is kept.
  if (item.auto !== null && change.state === 'open') delete items[item.id];
  else items[item.id] = next;
  const entry: HistoryEntry = { change: 'state', at, by, list: change.list, item: item.id, from, to: change.state, ...(next.reason ? { reason: next.reason } : {}) };
  let imported = evaluation.body.imported;
  if (imported && claim !== undefined) {
    const marks = { ...imported.marks[change.list] };
    delete marks[item.id];
    imported = { ...imported, marks: { ...imported.marks, [change.list]: marks } };
  }
  return {
    ok: true,
    changed: true,
    body: {
      ...evaluation.body,
      lists: { ...evaluation.body.lists, [change.list]: { ...record, items } },
      history: [...evaluation.body.history, entry],
      imported,
    },
  };
}
