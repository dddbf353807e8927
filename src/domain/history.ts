/**
 * Replaying a field's history from a Jira changelog (docs/metrics.md, "How history is read").
 *
 * The value of field F at instant t is the `to` of the last change of F at or before t; else the
 * `from` of the first change; else F's current value. Before the issue's `created` instant the
 * issue does not exist (no value at all). Several changes at one instant collapse to the last one
 * (in `created`, then history-id order), so a value that held only between them never holds.
 */
import type { ChangelogHistory, ChangelogItem } from './jira';
import { itemToString, parseInstant } from './jira';

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
  return item.to ?? itemToString(item);
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
  // Stryker disable next-line ArrayDeclaration: a preallocated length only; the array is filled index by index either way
  const timed: TimedHistory[] = new Array(histories.length);
  // Stryker disable next-line BooleanLiteral: starting out unsorted only sorts histories that are in order already
  let sorted = true;
  for (let i = 0; i < histories.length; i++) {
    const h = histories[i] as ChangelogHistory;
    const t: TimedHistory = { at: parseInstant(h.created), id: historyIdNumber(h.id), history: h };
    timed[i] = t;
    if (i > 0) {
      const p = timed[i - 1] as TimedHistory;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a check that finds disorder where there is none only sorts histories already in order
      if (p.at > t.at || (p.at === t.at && p.id > t.id)) sorted = false;
    }
  }
  // Stryker disable next-line ConditionalExpression: sorting histories already in order changes nothing
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
 * Which side of an item is the value: `value` (`to`, else `toString`: docs/metrics.md, "How history is read"), `ids` (only
 * `from`/`to`: the Sprint field, whose names contain commas) or `names` (`toString` first: a
 * priority, configured by name).
 */
export type ReadSide = 'value' | 'ids' | 'names';

/** One field to replay: how items name it, its value now, and how to read a raw value. */
export interface TimelineSpec<T> {
  readonly ref: FieldRef;
  /** The field's value now, used only when it never changed. */
  readonly current: T;
  readonly convert: (raw: string | null) => T;
  readonly read?: ReadSide;
}

function rawFrom(item: ChangelogItem, read: ReadSide): string | null {
  return read === 'ids' ? (item.from ?? null) : read === 'names' ? (item.fromString ?? item.from ?? null) : itemFrom(item);
}
function rawTo(item: ChangelogItem, read: ReadSide): string | null {
  return read === 'ids' ? (item.to ?? null) : read === 'names' ? (itemToString(item) ?? item.to ?? null) : itemTo(item);
}

/** A field a compiled replay reads: how items name it, and how to read a raw value. */
export interface ReplayField<T> {
  readonly ref: FieldRef;
  readonly convert: (raw: string | null) => T;
  readonly read?: ReadSide;
}

/**
 * A replay of several fields, compiled once for a site's fields (the same for every issue): the
 * item → field lookup is built here, not per issue, and histories are ordered without allocating
 * an object per history. This is the engine's hottest loop.
 */
export interface FieldReplay {
  /**
   * Timelines in the order of the compiled fields. `histories` in any order; `currents` are the
   * fields' values now (used only for a field that never changed).
   */
  build(histories: readonly ChangelogHistory[], created: number, currents: readonly unknown[]): Timeline<unknown>[];
}

let scratch = { at: new Float64Array(256), ids: new Float64Array(256) };

/**
 * `Number(id)` for a history id. Jira's ids are decimal digits: read those with arithmetic, which
 * is several times quicker than the general conversion; anything else (or too long to be exact)
 * takes `Number` itself, so the result is always the same.
 */
export function historyIdNumber(id: string): number {
  const n = id.length;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: an id the arithmetic leaves alone takes Number(), which gives the same value
  if (n === 0 || n > 15) return Number(id);
  let v = 0;
  for (let i = 0; i < n; i++) {
    // Stryker disable next-line ArithmeticOperator: a character read wrongly is no digit, and the id takes Number(), which gives the same value
    const d = id.charCodeAt(i) - 48;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: an id the arithmetic leaves alone takes Number(), which gives the same value
    if (d < 0 || d > 9) return Number(id);
    v = v * 10 + d;
  }
  return v;
}

const NO_CHANGES: readonly number[] = Object.freeze([]);
const NO_VALUES: readonly unknown[] = Object.freeze([]);

export function compileReplay(fields: readonly ReplayField<unknown>[]): FieldReplay {
  const byName = new Map<string, number>();
  fields.forEach(({ ref }, i) => {
    byName.set(ref.id.toLowerCase(), i);
    for (const n of ref.names) byName.set(n, i);
  });
  // Stryker disable next-line StringLiteral: any other side reads as 'value' does
  const reads = fields.map((f) => f.read ?? 'value');
  const k = fields.length;
  const seenScratch = new Uint8Array(k);
  const countScratch = new Int32Array(k);
  // Stryker disable next-line ArithmeticOperator,ArrayDeclaration: an initial capacity only; `build` grows it to what an issue needs
  let changeScratch = { times: new Float64Array(k * 64), values: new Array<unknown>(k * 64) };
  // Field ids by index, for a scan from the end: with a handful of fields, comparing strings is
  // quicker than hashing each item's (freshly parsed) fieldId for a map; the last field with an
  // id wins, as a map filled in field order would have it.
  const fieldIds = fields.map((f) => f.ref.id);
  const fieldOf = (item: ChangelogItem): number | undefined => {
    const id = item.fieldId;
    if (!id) return byName.get(item.field.toLowerCase());
    // Stryker disable next-line ArithmeticOperator: starting past the last field only compares an undefined id first
    for (let f = k - 1; f >= 0; f--) if (fieldIds[f] === id) return f;
    return undefined;
  };
  return {
    build(histories, created, currents) {
      const n = histories.length;
      // Stryker disable next-line EqualityOperator,ConditionalExpression: reallocating a buffer that is big enough already changes nothing
      if (n > scratch.at.length) scratch = { at: new Float64Array(n * 2), ids: new Float64Array(n * 2) };
      // Reused across issues: the replay is synchronous, and this saves two allocations per issue.
      const { at, ids } = scratch;
      let sorted = true;
      for (let i = 0; i < n; i++) {
        const h = histories[i] as ChangelogHistory;
        at[i] = parseInstant(h.created);
        ids[i] = historyIdNumber(h.id);
        // Stryker disable next-line ConditionalExpression,EqualityOperator,LogicalOperator: a check that finds disorder where there is none only sorts histories already in order
        if (i > 0 && ((at[i - 1] as number) > (at[i] as number) || ((at[i - 1] as number) === (at[i] as number) && (ids[i - 1] as number) > (ids[i] as number)))) sorted = false;
      }
      let order: number[] | null = null;
      // Stryker disable next-line ConditionalExpression: sorting histories already in order changes nothing
      if (!sorted) {
        order = Array.from({ length: n }, (_, i) => i);
        order.sort((a, b) => (at[a] as number) - (at[b] as number) || (ids[a] as number) - (ids[b] as number));
      }
      const initial = currents.slice();
      // Reused across issues like `scratch` (the replay is synchronous): which fields were seen yet,
      // and each field's changes so far. A field changes at most once per history (items of one
      // history share its instant and collapse), so n slots per field are enough.
      const seen = seenScratch;
      seen.fill(0);
      const counts = countScratch;
      counts.fill(0);
      // Stryker disable next-line EqualityOperator,ConditionalExpression,ArrayDeclaration: reallocating a buffer that is big enough already changes nothing; the values' array is a plain one, which grows as it is written
      if (k * n > changeScratch.times.length) changeScratch = { times: new Float64Array(k * n * 2), values: new Array<unknown>(k * n * 2) };
      const { times, values } = changeScratch;
      for (let j = 0; j < n; j++) {
        const idx = order === null ? j : (order[j] as number);
        const h = histories[idx] as ChangelogHistory;
        const t = at[idx] as number;
        const items = h.items;
        for (let m = 0; m < items.length; m++) {
          const item = items[m] as ChangelogItem;
          const f = fieldOf(item);
          if (f === undefined) continue;
          const field = fields[f] as ReplayField<unknown>;
          const read = reads[f] as ReadSide;
          if (seen[f] === 0) {
            initial[f] = field.convert(rawFrom(item, read));
            seen[f] = 1;
          }
          const value = field.convert(rawTo(item, read));
          const base = f * n;
          const c = counts[f] as number;
          if (c > 0 && times[base + c - 1] === t) values[base + c - 1] = value;
          else {
            times[base + c] = t;
            values[base + c] = value;
            counts[f] = c + 1;
          }
        }
      }
      // Arrays only for fields that changed, and of their exact size: most issues never change
      // most fields (they share one frozen empty timeline), and a board's timelines are kept for
      // the whole report.
      const out: Timeline<unknown>[] = [];
      for (let f = 0; f < k; f++) {
        const c = counts[f] as number;
        // Stryker disable next-line BlockStatement: without the shortcut, an unchanged field gets empty arrays of its own, equal to the shared ones
        if (c === 0) {
          out.push({ created, initial: initial[f], changeAt: NO_CHANGES, values: NO_VALUES });
          continue;
        }
        const base = f * n;
        // Stryker disable next-line ArrayDeclaration: a preallocated length only; filled index by index
        const ts: number[] = new Array<number>(c);
        // Stryker disable next-line ArrayDeclaration: a preallocated length only; filled index by index
        const vs: unknown[] = new Array<unknown>(c);
        for (let i = 0; i < c; i++) {
          ts[i] = times[base + i] as number;
          vs[i] = values[base + i];
          // Stryker disable next-line ArithmeticOperator: clearing the scratch only frees memory; its slots are written before they are read
          values[base + i] = undefined; // the scratch keeps no value alive
        }
        out.push({ created, initial: initial[f], changeAt: ts, values: vs });
      }
      return out;
    },
  };
}

/** Builds the timelines of several fields in one pass over ordered histories. */
export function buildTimelines(ordered: readonly TimedHistory[], created: number, specs: readonly TimelineSpec<unknown>[]): Timeline<unknown>[] {
  return compileReplay(specs).build(
    ordered.map((h) => h.history),
    created,
    specs.map((s) => s.current),
  );
}

/**
 * Builds one field's timeline from ordered histories. `current` is the field's value now (used only
 * when the field never changed); `convert` turns a raw changelog value into the domain value.
 */
export function buildTimeline<T>(
  ordered: readonly TimedHistory[],
  ref: FieldRef,
  created: number,
  current: T,
  convert: (raw: string | null) => T,
  read: ReadSide = 'value',
): Timeline<T> {
  return buildTimelines(ordered, created, [{ ref, current, convert, read }])[0] as Timeline<T>;
}

/** Index of the last change at or before t, or -1 (binary search). */
export function lastChangeIndex(changeAt: readonly number[], t: number): number {
  let lo = 0;
  // Stryker disable next-line ArithmeticOperator: indexes past the end read undefined, which is never <= t, so the search ends the same
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
  // Stryker disable next-line EqualityOperator: one step past the end reads undefined, which is neither after `to` nor after `created`
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

/**
 * Sprint values already read, by their text. The same few values ("101, 102") recur across a
 * board's issues: each is parsed once and its array shared (values are read, never changed), which
 * keeps a board's Sprint timelines small. Emptied when it grows large, so it never holds much.
 */
const sprintValues = new Map<string, readonly number[]>();
const SPRINT_VALUES_KEPT = 4_096;

/** Parses the Sprint field's changelog value: sprint ids separated by commas ("12, 13"). */
export function parseSprintIds(raw: string | null): readonly number[] {
  // Stryker disable next-line StringLiteral: an empty value parses to no ids without the shortcut too
  if (raw === null || raw === '') return EMPTY_IDS;
  const known = sprintValues.get(raw);
  if (known !== undefined) return known;
  const ids = readSprintIds(raw);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied is not observable: a value parses the same, cached or not
  if (sprintValues.size >= SPRINT_VALUES_KEPT) sprintValues.clear();
  sprintValues.set(raw, ids);
  return ids;
}

function readSprintIds(raw: string): number[] {
  const ids: number[] = [];
  let n = 0;
  let digits = 0;
  let bad = false;
  // One pass over the characters: this runs for every Sprint item of every issue.
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw.charCodeAt(i) : 44;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits++;
    } else if (c === 44) {
      if (digits > 0 && !bad) ids.push(n);
      n = 0;
      digits = 0;
      bad = false;
    } else if (c !== 32) bad = true;
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

/**
 * An estimate (docs/metrics.md, "Backlog convergence": Estimates): a number of 0 or more; `null` for no value (empty or
 * null); `NaN` for a value that is there but unusable: negative, not finite, or not a number. An
 * unusable estimate counts as no value, and the report counts the issues that carry one.
 */
export type Estimate = number | null;

export function parseEstimate(raw: string | null): Estimate {
  if (raw === null) return null;
  const s = raw.trim();
  if (s === '') return null;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : Number.NaN;
}

/** An estimate's value for sums: unestimated and unusable count 0. */
export const estimatePoints = (e: Estimate | undefined): number => (e === undefined || e === null || Number.isNaN(e) ? 0 : e);

/** Whether an estimate is present but unusable (negative, not finite, not a number). */
export const isUnusableEstimate = (e: Estimate | undefined): boolean => Number.isNaN(e);
