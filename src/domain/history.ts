/**
 * Replaying a field's history from a Jira changelog (METRICS.md §0).
 *
 * The value of field F at instant t is the `to` of the last change of F at or before t; else the
 * `from` of the first change; else F's current value. Before the issue's `created` instant the
 * issue does not exist (no value at all). Several changes at one instant collapse to the last one
 * (in `created`, then history-id order), so a value that held only between them never holds.
 */
import type { ChangelogHistory, ChangelogItem } from './jira';
import { parseInstant } from './jira';

/** How a changelog item names a field: by `fieldId` when present, else by `field` name. */
export interface FieldRef {
  readonly id: string;
  /** Names the field may carry in `field` when `fieldId` is absent (compared case-insensitively). */
  readonly names: readonly string[];
}

export const STATUS_FIELD: FieldRef = { id: 'status', names: ['status'] };
export const ASSIGNEE_FIELD: FieldRef = { id: 'assignee', names: ['assignee'] };
export const PRIORITY_FIELD: FieldRef = { id: 'priority', names: ['priority'] };

export function fieldRef(id: string, ...names: string[]): FieldRef {
  return { id, names: names.map((n) => n.toLowerCase()) };
}

export function itemMatches(item: ChangelogItem, ref: FieldRef): boolean {
  if (item.fieldId) return item.fieldId === ref.id;
  const name = item.field.toLowerCase();
  return ref.names.includes(name) || name === ref.id.toLowerCase();
}

/** An item's raw value on one side: `to` (or `from`), else its string form; `null` is "no value". */
export function itemTo(item: ChangelogItem): string | null {
  return item.to ?? item.toString ?? null;
}
export function itemFrom(item: ChangelogItem): string | null {
  return item.from ?? item.fromString ?? null;
}

/** A history with its instant parsed once. */
export interface TimedHistory {
  readonly at: number;
  readonly id: number;
  readonly history: ChangelogHistory;
}

/** Histories in the order Jira applied them: by `created`, then by history id as a number. */
export function orderHistories(histories: readonly ChangelogHistory[]): TimedHistory[] {
  const timed: TimedHistory[] = new Array(histories.length);
  let sorted = true;
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i] as ChangelogHistory;
    const t: TimedHistory = { at: parseInstant(h.created), id: Number(h.id), history: h };
    timed[i] = t;
    if (i > 0) {
      const p = timed[i - 1] as TimedHistory;
      if (p.at > t.at || (p.at === t.at && p.id > t.id)) sorted = false;
    }
  }
  if (!sorted) timed.sort((a, b) => a.at - b.at || a.id - b.id);
  return timed;
}

/**
 * A field's value over time. `changeAt` is strictly increasing; `values[i]` holds from
 * `changeAt[i]` (inclusive) until the next change. `initial` holds from `created` until the first
 * change. Before `created` there is no value.
 */
export interface Timeline<T> {
  readonly created: number;
  readonly initial: T;
  readonly changeAt: readonly number[];
  readonly values: readonly T[];
}

/**
 * Builds a field's timeline from ordered histories. `current` is the field's value now (used only
 * when the field never changed); `convert` turns a raw changelog value into the domain value.
 */
export function buildTimeline<T>(
  ordered: readonly TimedHistory[],
  ref: FieldRef,
  created: number,
  current: T,
  convert: (raw: string | null) => T,
  /**
   * Which side of an item is the value: `value` (`to`, else `toString`: METRICS §0), `ids` (only
   * `from`/`to`: the Sprint field, whose names contain commas) or `names` (`toString` first: a
   * priority, configured by name).
   */
  read: 'value' | 'ids' | 'names' = 'value',
): Timeline<T> {
  const fromOf = read === 'ids' ? (i: ChangelogItem) => i.from ?? null : read === 'names' ? (i: ChangelogItem) => i.fromString ?? i.from ?? null : itemFrom;
  const toOf = read === 'ids' ? (i: ChangelogItem) => i.to ?? null : read === 'names' ? (i: ChangelogItem) => i.toString ?? i.to ?? null : itemTo;
  const changeAt: number[] = [];
  const values: T[] = [];
  let initial = current;
  let first = true;
  for (const h of ordered) {
    for (const item of h.history.items) {
      if (!itemMatches(item, ref)) continue;
      if (first) {
        initial = convert(fromOf(item));
        first = false;
      }
      const value = convert(toOf(item));
      const last = changeAt.length - 1;
      if (last >= 0 && changeAt[last] === h.at) values[last] = value;
      else {
        changeAt.push(h.at);
        values.push(value);
      }
    }
  }
  return { created, initial, changeAt, values };
}

/** Index of the last change at or before t, or -1 (binary search). */
export function lastChangeIndex(changeAt: readonly number[], t: number): number {
  let lo = 0;
  let hi = changeAt.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((changeAt[mid] as number) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The value at instant t; `undefined` when the issue did not exist yet. */
export function valueAt<T>(tl: Timeline<T>, t: number): T | undefined {
  if (t < tl.created) return undefined;
  const i = lastChangeIndex(tl.changeAt, t);
  return i < 0 ? tl.initial : (tl.values[i] as T);
}

/**
 * The instants in (from, to] at which the value may differ from the value at `from`: every change in
 * that interval, and `created` when the issue came into existence inside it.
 */
export function changePointsIn(tl: Timeline<unknown>, from: number, to: number): number[] {
  const points: number[] = [];
  if (tl.created > from && tl.created <= to) points.push(tl.created);
  let i = lastChangeIndex(tl.changeAt, from) + 1;
  for (; i < tl.changeAt.length; i++) {
    const at = tl.changeAt[i] as number;
    if (at > to) break;
    if (at > tl.created) points.push(at);
  }
  return points;
}

/** The last value a timeline takes (its value now, as the changelog tells it). */
export function finalValue<T>(tl: Timeline<T>): T {
  return tl.values.length ? (tl.values[tl.values.length - 1] as T) : tl.initial;
}

/** Parses the Sprint field's changelog value: sprint ids separated by commas ("12, 13"). */
export function parseSprintIds(raw: string | null): readonly number[] {
  if (raw === null || raw === '') return EMPTY_IDS;
  const ids: number[] = [];
  for (const part of raw.split(',')) {
    const s = part.trim();
    if (s === '') continue;
    const n = Number(s);
    if (Number.isInteger(n)) ids.push(n);
  }
  return ids;
}
const EMPTY_IDS: readonly number[] = Object.freeze([]);

/** A number field's changelog value: its string parsed as a number; empty or null is no value. */
export function parseNumberValue(raw: string | null): number | null {
  if (raw === null) return null;
  const s = raw.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
