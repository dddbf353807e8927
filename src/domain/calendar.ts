/**
 * Working time inside a business calendar (docs/metrics.md, "Defects and SLA"): only the working hours of working days
 * in the calendar's time zone count, holidays excluded. Without a calendar every millisecond counts.
 *
 * Each local day's working interval is converted to UTC instants once (through Intl, so DST is the
 * time zone database's) and kept with a running total; the working time between two instants is then
 * the difference of two look-ups, O(1) however long the interval.
 */
import type { BusinessCalendar } from './config';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The working time in milliseconds between two instants; 0 when `to` is not after `from`. */
export function workingMillisBetween(calendar: BusinessCalendar | null, from: number, to: number): number {
  // Stryker disable next-line EqualityOperator: from = to gives 0 either way
  if (!(to > from)) return 0;
  if (calendar === null) return to - from;
  return Math.max(0, calendarIndex(calendar).workingMillis(from, to));
}

/**
 * One calendar's working intervals, by local day number (days since 1970-01-01 in the calendar's
 * zone). Intervals are disjoint and in order, so `workStart` never decreases: a day without work has
 * an empty interval at its local midnight.
 */
class CalendarIndex {
  private readonly offsets: ZoneOffsets;
  private readonly workingDays: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly startMinute: number;
  private readonly endMinute: number;
  /** Local day number of index 0. */
  private firstDay = 0;
  private workStart: number[] = [];
  private workLength: number[] = [];
  /** Working time of the days before index i (relative to index 0). */
  private workBefore: number[] = [];

  constructor(calendar: BusinessCalendar) {
    this.offsets = zoneOffsets(calendar.timeZone);
    this.workingDays = new Set(calendar.workingDays);
    this.holidays = new Set(calendar.holidays);
    this.startMinute = minuteOfDay(calendar.workingHours.start);
    this.endMinute = minuteOfDay(calendar.workingHours.end);
  }

  workingMillis(from: number, to: number): number {
    if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`not instants: ${from}, ${to}`);
    // A local day's interval lies within about ±14 h of the same UTC day, so the local day holding
    // t is within one of t's UTC day, and the last interval starting by t within two.
    // Both ends are covered before either is looked up: growing the index shifts the running totals.
    // Stryker disable next-line ArithmeticOperator: the margin only grows the index; the look-ups read the same days
    this.cover(Math.floor(from / DAY_MS) - 2, Math.floor(to / DAY_MS) + 2);
    return this.workedBefore(to) - this.workedBefore(from);
  }

  /** Working time from the start of the index up to instant t, which the index covers. */
  private workedBefore(t: number): number {
    let i = Math.floor(t / DAY_MS) - this.firstDay;
    while (i + 1 < this.workStart.length && (this.workStart[i + 1] as number) <= t) i++;
    while (i > 0 && (this.workStart[i] as number) > t) i--;
    const into = Math.min(Math.max(t - (this.workStart[i] as number), 0), this.workLength[i] as number);
    return (this.workBefore[i] as number) + into;
  }

  /** Makes the index hold local days [from, to], growing by at least a year at a time. */
  private cover(from: number, to: number): void {
    const n = this.workStart.length;
    if (n === 0) {
      this.firstDay = from - 183;
      // Stryker disable next-line ArithmeticOperator: a day more or less of index ahead; the next look-up grows it as needed
      this.append(to + 183 - this.firstDay + 1);
      return;
    }
    const last = this.firstDay + n - 1;
    // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: growing by at least a year ahead; too much or a day too little is grown again when needed
    if (to > last) this.append(Math.max(to - last, 366));
    if (from < this.firstDay) this.prepend(Math.max(this.firstDay - from, 366));
  }

  private append(count: number): void {
    let total = this.workStart.length ? (this.workBefore.at(-1) as number) + (this.workLength.at(-1) as number) : 0;
    const startDay = this.firstDay + this.workStart.length;
    // Stryker disable next-line EqualityOperator: one day more of index
    for (let d = startDay; d < startDay + count; d++) {
      const [start, length] = this.dayInterval(d);
      this.workStart.push(start);
      this.workLength.push(length);
      this.workBefore.push(total);
      total += length;
    }
  }

  private prepend(count: number): void {
    const firstDay = this.firstDay - count;
    const starts: number[] = [];
    const lengths: number[] = [];
    const before: number[] = [];
    let total = 0;
    for (let d = firstDay; d < this.firstDay; d++) {
      const [start, length] = this.dayInterval(d);
      starts.push(start);
      lengths.push(length);
      before.push(total);
      total += length;
    }
    this.workStart = starts.concat(this.workStart);
    this.workLength = lengths.concat(this.workLength);
    this.workBefore = before.concat(this.workBefore.map((w) => w + total));
    this.firstDay = firstDay;
  }

  /** The UTC start and the length of local day d's working interval (length 0 on a day off). */
  private dayInterval(day: number): [number, number] {
    const date = new Date(day * DAY_MS);
    const isoWeekday = date.getUTCDay() === 0 ? 7 : date.getUTCDay();
    const working = this.workingDays.has(isoWeekday) && !this.holidays.has(date.toISOString().slice(0, 10));
    if (!working || this.endMinute <= this.startMinute) {
      return [this.offsets.toInstant(day * DAY_MS), 0];
    }
    const start = this.offsets.toInstant(day * DAY_MS + this.startMinute * MINUTE_MS);
    const end = this.offsets.toInstant(day * DAY_MS + this.endMinute * MINUTE_MS);
    // On a DST day the interval is as long as the clocks say it lasted (an hour more or less).
    return [start, Math.max(0, end - start)];
  }
}

// Calendars come from a parsed configuration and are not mutated, so an index is kept per object.
const indexes = new WeakMap<BusinessCalendar, CalendarIndex>();
function calendarIndex(calendar: BusinessCalendar): CalendarIndex {
  let index = indexes.get(calendar);
  // Stryker disable next-line ConditionalExpression: a cache; a new index answers the same
  if (!index) {
    index = new CalendarIndex(calendar);
    indexes.set(calendar, index);
  }
  return index;
}

function minuteOfDay(hhmm: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new RangeError(`not a time HH:MM: ${hhmm}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** A time zone's UTC offsets, read from Intl. */
interface ZoneOffsets {
  /** Offset (local − UTC, ms) in force at an instant. */
  offsetAt(t: number): number;
  /**
   * The instant a local wall-clock time (given as ms since 1970-01-01T00:00 local) is reached, so that
   * a working day lasts as long as the clocks say: a time repeated when the clocks go back is reached
   * at its first occurrence; a time skipped when they go forward is reached when the clocks jump past
   * it (work from 02:30 on a night that jumps from 02:00 to 03:00 starts at 03:00).
   */
  toInstant(wall: number): number;
}

const zones = new Map<string, ZoneOffsets>();
function zoneOffsets(timeZone: string): ZoneOffsets {
  let z = zones.get(timeZone);
  // Stryker disable next-line ConditionalExpression: a cache; the same zone's offsets again
  if (!z) {
    z = makeZoneOffsets(timeZone);
    zones.set(timeZone, z);
  }
  return z;
}

function makeZoneOffsets(timeZone: string): ZoneOffsets {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    era: 'short',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const exactOffsetAt = (t: number): number => {
    const seconds = Math.floor(t / 1000) * 1000;
    const p: Record<string, string> = {};
    for (const part of format.formatToParts(seconds)) p[part.type] = part.value;
    // Stryker disable next-line ConditionalExpression,StringLiteral: years BC: no Jira instant is that old
    const year = p.era === 'BC' ? 1 - Number(p.year) : Number(p.year);
    const local = new Date(Date.UTC(year, Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)));
    // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: years 0–99: no Jira instant is that old
    if (year >= 0 && year < 100) local.setUTCFullYear(year);
    return local.getTime() - seconds;
  };
  // Offsets at UTC midnights, by UTC day number. Zones change offset a few times a year at most, never
  // twice within a day, so where a day starts and ends with one offset it holds the whole day and
  // Intl is asked once per day instead of at every look-up.
  const midnightOffsets = new Map<number, number>();
  const midnightOffset = (day: number): number => {
    let o = midnightOffsets.get(day);
    // Stryker disable next-line ConditionalExpression: a cache; Intl gives the same offset again
    if (o === undefined) {
      o = exactOffsetAt(day * DAY_MS);
      midnightOffsets.set(day, o);
    }
    return o;
  };
  const offsetAt = (t: number): number => {
    const day = Math.floor(t / DAY_MS);
    const start = midnightOffset(day);
    // Stryker disable next-line ConditionalExpression: the shortcut for a day of one offset; asking Intl gives the same offset
    return start === midnightOffset(day + 1) ? start : exactOffsetAt(t);
  };
  const toInstant = (wall: number): number => {
    // Real zones change offset at most once in any two days, so the offsets a day either side are
    // the only candidates.
    const before = offsetAt(wall - DAY_MS);
    const after = offsetAt(wall + DAY_MS);
    const early = wall - Math.max(before, after);
    const late = wall - Math.min(before, after);
    const earlyValid = offsetAt(early) === wall - early;
    const lateValid = offsetAt(late) === wall - late;
    if (earlyValid) return early;
    if (lateValid) return late;
    // In a gap: the instant of the jump, between `early` (old offset) and `late` (new offset).
    let lo = early;
    let hi = late;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid) === before) lo = mid;
      else hi = mid;
    }
    return hi;
  };
  return { offsetAt, toInstant };
}
