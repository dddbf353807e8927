import fc from 'fast-check';
import { workingMillisBetween } from '../../src/domain/calendar';
import type { BusinessCalendar } from '../../src/domain/config';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string): number => Date.parse(iso);
const hours = (cal: BusinessCalendar | null, from: string, to: string): number => workingMillisBetween(cal, at(from), at(to)) / HOUR;

const calendar = (o: Partial<BusinessCalendar> = {}): BusinessCalendar => ({
  timeZone: 'UTC',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: [],
  ...o,
});

describe('workingMillisBetween', () => {
  it('counts every millisecond without a calendar', () => {
    expect(hours(null, '2026-03-06T16:00:00Z', '2026-03-09T11:00:00Z')).toBe(67);
  });

  it('is 0 when the interval is empty or reversed', () => {
    expect(hours(calendar(), '2026-03-03T10:00:00Z', '2026-03-03T10:00:00Z')).toBe(0);
    expect(hours(calendar(), '2026-03-03T12:00:00Z', '2026-03-03T10:00:00Z')).toBe(0);
    expect(hours(null, '2026-03-03T12:00:00Z', '2026-03-03T10:00:00Z')).toBe(0);
  });

  it('skips the weekend: Friday 16:00 to Monday 11:00 is 1 h + 2 h', () => {
    expect(hours(calendar(), '2026-03-06T16:00:00Z', '2026-03-09T11:00:00Z')).toBe(3);
  });

  it('counts the working days the calendar lists, whatever they are', () => {
    // A Sunday-to-Thursday week: Friday and Saturday are off.
    const week = calendar({ workingDays: [7, 1, 2, 3, 4] });
    expect(hours(week, '2026-03-06T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(8); // Fri, Sat, Sun
  });

  it('skips a holiday', () => {
    const may = calendar({ holidays: ['2026-05-01'] });
    // Thursday 30 April to Monday 4 May: only Thursday counts.
    expect(hours(may, '2026-04-30T00:00:00Z', '2026-05-04T00:00:00Z')).toBe(8);
    expect(hours(calendar(), '2026-04-30T00:00:00Z', '2026-05-04T00:00:00Z')).toBe(16);
  });

  it("reads a holiday as a date in the calendar's time zone", () => {
    const tokyo = calendar({ timeZone: 'Asia/Tokyo', holidays: ['2026-05-01'], workingHours: { start: '09:00', end: '18:00' } });
    // 1 May in Tokyo runs from 30 April 15:00 UTC.
    expect(hours(tokyo, '2026-04-30T15:00:00Z', '2026-05-01T15:00:00Z')).toBe(0);
    expect(hours({ ...tokyo, holidays: [] }, '2026-04-30T15:00:00Z', '2026-05-01T15:00:00Z')).toBe(9);
  });

  it('counts working hours up to their boundaries and nothing outside them', () => {
    const cal = calendar();
    expect(hours(cal, '2026-03-03T08:00:00Z', '2026-03-03T09:00:00Z')).toBe(0);
    expect(hours(cal, '2026-03-03T09:00:00Z', '2026-03-03T17:00:00Z')).toBe(8);
    expect(hours(cal, '2026-03-03T17:00:00Z', '2026-03-03T23:59:59Z')).toBe(0);
    expect(workingMillisBetween(cal, at('2026-03-03T16:59:00Z'), at('2026-03-03T17:01:00Z'))).toBe(MINUTE);
    expect(workingMillisBetween(cal, at('2026-03-03T08:59:59.999Z'), at('2026-03-03T09:00:00.001Z'))).toBe(1);
  });

  it('takes working hours in local time: Berlin 09:00–18:00 is 08:00–17:00 UTC in winter', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin', workingHours: { start: '09:00', end: '18:00' } });
    expect(hours(berlin, '2026-03-03T07:00:00Z', '2026-03-03T08:00:00Z')).toBe(0);
    expect(hours(berlin, '2026-03-03T08:00:00Z', '2026-03-03T17:00:00Z')).toBe(9);
  });

  it('works until midnight when the day ends at 24:00', () => {
    const late = calendar({ workingHours: { start: '20:00', end: '24:00' } });
    expect(hours(late, '2026-03-03T00:00:00Z', '2026-03-04T00:00:00Z')).toBe(4);
  });

  it('follows the clocks when Berlin moves to summer time', () => {
    const berlin = calendar({ timeZone: 'Europe/Berlin', workingHours: { start: '09:00', end: '18:00' } });
    // Friday 27 March 18:00 CET to Monday 30 March 10:00 CEST: Monday started at 07:00 UTC.
    expect(hours(berlin, '2026-03-27T17:00:00Z', '2026-03-30T08:00:00Z')).toBe(1);
    // The whole week across the change still has five 9-hour days.
    expect(hours(berlin, '2026-03-23T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(45);
    // A round-the-clock calendar: Sunday 29 March lasted 23 hours in Berlin.
    const always = calendar({ timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7], workingHours: { start: '00:00', end: '24:00' } });
    expect(hours(always, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toBe(23);
    expect(hours({ ...always, workingDays: [1, 2, 3, 4, 5, 6] }, '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z')).toBe(0);
  });

  it('follows the clocks when New York goes back to standard time', () => {
    const always = calendar({ timeZone: 'America/New_York', workingDays: [7], workingHours: { start: '00:00', end: '24:00' } });
    // Sunday 1 November 2026 lasted 25 hours in New York: 04:00 UTC to 05:00 UTC the next day.
    expect(hours(always, '2026-10-31T00:00:00Z', '2026-11-03T00:00:00Z')).toBe(25);
    // 01:00–02:00 happened twice that night; a day starting at 01:30 starts at its first occurrence.
    const night = calendar({ timeZone: 'America/New_York', workingDays: [7], workingHours: { start: '01:30', end: '03:00' } });
    expect(hours(night, '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z')).toBe(2.5);
  });

  it('starts a working day that begins inside the spring-forward gap at the end of the gap', () => {
    const night = calendar({ timeZone: 'Europe/Berlin', workingDays: [7], workingHours: { start: '02:30', end: '04:00' } });
    // 29 March 2026: clocks jump from 02:00 to 03:00; work runs 03:00–04:00 CEST (01:00–02:00 UTC).
    expect(hours(night, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(1);
    // A day ending inside the gap ends at the jump too.
    const early = calendar({ timeZone: 'Europe/Berlin', workingDays: [7], workingHours: { start: '01:00', end: '02:30' } });
    expect(hours(early, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(1);
  });

  it('counts a whole year of weekdays (2026 has 261)', () => {
    expect(hours(calendar(), '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')).toBe(261 * 8);
  });

  it('answers the same whatever was asked before it (the index grows in both directions)', () => {
    const cal = calendar({ timeZone: 'Europe/Berlin' });
    const early = hours(cal, '2001-03-05T00:00:00Z', '2001-03-12T00:00:00Z');
    const late = hours(cal, '2031-03-03T00:00:00Z', '2031-03-10T00:00:00Z');
    const span = hours(cal, '2001-03-05T00:00:00Z', '2031-03-10T00:00:00Z');
    const fresh = calendar({ timeZone: 'Europe/Berlin' });
    expect([early, late]).toEqual([40, 40]);
    expect(span).toBe(hours(fresh, '2001-03-05T00:00:00Z', '2031-03-10T00:00:00Z'));
    expect(hours(fresh, '2001-03-05T00:00:00Z', '2001-03-12T00:00:00Z')).toBe(40);
  });
});

/**
 * An independent oracle: walks the interval in quarter hours and asks Intl for each step's local
 * date and time, counting a step when the clock then shows a working time. Exact when every boundary
 * (working hours, DST changes, ends) is on a quarter hour, and when no working-hours boundary falls
 * inside an hour the clocks repeat (there the calendar counts from the first occurrence on).
 */
function oracle(cal: BusinessCalendar, from: number, to: number): number {
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: cal.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
  });
  const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
  const toMinute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
  const start = toMinute(cal.workingHours.start);
  const end = toMinute(cal.workingHours.end);
  let total = 0;
  for (let t = from; t < to; t += 15 * MINUTE) {
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(t)) p[part.type] = part.value;
    const date = `${p.year}-${p.month}-${p.day}`;
    const minute = Number(p.hour) * 60 + Number(p.minute);
    const day = weekdays[p.weekday as string] as number;
    if (cal.workingDays.includes(day) && !cal.holidays.includes(date) && minute >= start && minute < end) total += 15 * MINUTE;
  }
  return total;
}

describe('workingMillisBetween against a quarter-hour walk', () => {
  const quarter = (n: number) => `${String(Math.floor(n / 4)).padStart(2, '0')}:${String((n % 4) * 15).padStart(2, '0')}`;
  // Hours repeated when these zones go back: 01:00–03:00 covers Berlin, New York and Lord Howe,
  // 23:00–24:00 Santiago (which changes clocks at midnight).
  const repeated = (q: number) => (q > 4 && q < 12) || (q > 92 && q < 96);
  const arbCalendar = fc
    .record({
      timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Santiago'),
      workingDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      hours: fc
        .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
        .filter(([a, b]) => a !== b && !repeated(a) && !repeated(b)),
      holidays: fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 3 }),
    })
    .map(({ timeZone, workingDays, hours: [a, b], holidays }): BusinessCalendar => ({
      timeZone,
      workingDays,
      workingHours: { start: quarter(Math.min(a, b)), end: quarter(Math.max(a, b)) },
      // Holidays around the DST changes of March and October.
      holidays: holidays.map((d) => new Date(at('2026-03-15T00:00:00Z') + d * 86_400_000).toISOString().slice(0, 10)),
    }));
  // Quarter hours between early March and mid April 2026 (both hemispheres change clocks then).
  const arbInstant = fc.integer({ min: 0, max: 4 * 24 * 45 }).map((q) => at('2026-03-01T00:00:00Z') + q * 15 * MINUTE);

  it('agrees on random calendars and intervals, across DST changes', () => {
    fc.assert(
      fc.property(arbCalendar, arbInstant, fc.integer({ min: 0, max: 4 * 24 * 8 }), (cal, from, length) => {
        const to = from + length * 15 * MINUTE;
        expect(workingMillisBetween(cal, from, to)).toBe(oracle(cal, from, to));
      }),
      { numRuns: 80 },
    );
  });

  it('adds up: the time from a to c is the time from a to b plus from b to c', () => {
    fc.assert(
      fc.property(arbCalendar, fc.array(fc.integer({ min: at('2020-01-01T00:00:00Z'), max: at('2032-01-01T00:00:00Z') }), { minLength: 3, maxLength: 3 }), (cal, xs) => {
        const [a, b, c] = [...xs].sort((x, y) => x - y) as [number, number, number];
        expect(workingMillisBetween(cal, a, c)).toBe(workingMillisBetween(cal, a, b) + workingMillisBetween(cal, b, c));
      }),
      { numRuns: 40 },
    );
  });
});

describe('workingMillisBetween: one calendar asked about far-apart periods, in any order', () => {
  it('answers for earlier and later periods than it was first asked about', () => {
    const cal = calendar();
    expect(hours(cal, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toBe(8); // a Monday
    expect(hours(cal, '2019-01-07T00:00:00Z', '2019-01-08T00:00:00Z')).toBe(8); // years before
    expect(hours(cal, '2019-01-05T00:00:00Z', '2019-01-07T00:00:00Z')).toBe(0); // that weekend
    expect(hours(cal, '2031-01-06T00:00:00Z', '2031-01-07T00:00:00Z')).toBe(8); // years after
    expect(hours(cal, '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z')).toBe(8); // and the first again
    // Across all of it: each week of 2019-01-07 … 2019-01-14 has 5 days of 8 h.
    expect(hours(cal, '2019-01-07T00:00:00Z', '2019-01-14T00:00:00Z')).toBe(40);
  });

  it('counts exactly from and to the edges of the working hours', () => {
    const cal = calendar();
    expect(hours(cal, '2026-03-03T09:00:00Z', '2026-03-03T17:00:00Z')).toBe(8);
    expect(hours(cal, '2026-03-03T17:00:00Z', '2026-03-04T09:00:00Z')).toBe(0);
    expect(hours(cal, '2026-03-03T16:59:00Z', '2026-03-04T09:01:00Z') * 60).toBeCloseTo(2, 9);
    expect(hours(cal, '2026-03-03T00:00:00Z', '2026-03-03T09:00:00Z')).toBe(0);
  });

  it('has no working time on days off, on holidays, or when the working hours end before they start', () => {
    expect(hours(calendar(), '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toBe(0);
    expect(hours(calendar({ holidays: ['2026-03-09'] }), '2026-03-09T00:00:00Z', '2026-03-10T00:00:00Z')).toBe(0);
    expect(hours(calendar({ workingHours: { start: '18:00', end: '09:00' } }), '2026-03-09T00:00:00Z', '2026-03-11T00:00:00Z')).toBe(0);
  });

  it('refuses an end that is no instant, and working hours that are not HH:MM', () => {
    expect(() => workingMillisBetween(calendar(), 0, Number.POSITIVE_INFINITY)).toThrow(RangeError);
    for (const bad of ['x09:00', '09:00x', '9h'])
      expect(() => workingMillisBetween(calendar({ workingHours: { start: bad, end: '17:00' } }), at('2026-03-02T00:00:00Z'), at('2026-03-03T00:00:00Z'))).toThrow(/not a time HH:MM/);
  });
});
