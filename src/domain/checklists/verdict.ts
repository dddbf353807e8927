/**
 * What a checklist says at a glance, given where the work is (docs/readiness.md, "What the panel
 * and the summary say"). The Readiness panel's headlines and the context summary both read
 * this, so they never disagree.
 *
 * Where the work is comes from the status category: `new` (To Do) — not started;
 * `indeterminate` (In Progress) — started; `done` — done. A status of no known category counts as
 * not started.
 *
 * - Before work starts, the DoR says "Ready" or names the required items still open; the DoD does
 *   not apply yet and is only counted ("applies once work starts").
 * - While work runs, both say "Ready" or name the required items still open.
 * - Once the issue is done, neither says "Not ready": each says "Done", or "Done — n required items
 *   were left open", naming them. Optional items never count as left open.
 *
 * Type-only imports: the Custom UI bundles this module.
 */
import type { ChecklistKind, LocalizedText } from '../config';
import type { ChecklistView } from './evaluate';

export type WorkStage = 'toDo' | 'inProgress' | 'done';

/** The stage of work of an issue in a status of this category (`new`, `indeterminate`, `done`). */
export function workStage(statusCategory: string | null | undefined): WorkStage {
  if (statusCategory === 'done') return 'done';
  if (statusCategory === 'indeterminate') return 'inProgress';
  return 'toDo';
}

/** A required item still open, by name. */
export interface MissingItem {
  id: string;
  text: LocalizedText;
}

export type ChecklistVerdict =
  | { verdict: 'ready' }
  /** Required items open, named in template order. */
  | { verdict: 'notReady'; missing: MissingItem[] }
  /** The DoD before work starts: it does not apply yet. */
  | { verdict: 'notStarted' }
  | { verdict: 'done' }
  /** The issue is done with required items of this list still open. */
  | { verdict: 'doneLeftOpen'; missing: MissingItem[] };

/** The required items of a list still open, in the template's order. */
export function missingItems(list: Pick<ChecklistView, 'items'>): MissingItem[] {
  return list.items.filter((i) => i.required && i.state === 'open').map((i) => ({ id: i.id, text: i.text }));
}

export function checklistVerdict(kind: ChecklistKind, stage: WorkStage, list: Pick<ChecklistView, 'items'>): ChecklistVerdict {
  const missing = missingItems(list);
  if (stage === 'done') return missing.length === 0 ? { verdict: 'done' } : { verdict: 'doneLeftOpen', missing };
  if (kind === 'dod' && stage === 'toDo') return { verdict: 'notStarted' };
  return missing.length === 0 ? { verdict: 'ready' } : { verdict: 'notReady', missing };
}

/** Whether a panel shows the list's items at first (the rest are one line, opened on demand). */
export function expandedAtFirst(verdict: ChecklistVerdict): boolean {
  return verdict.verdict === 'ready' || verdict.verdict === 'notReady';
}
