/**
 * Jira timestamps at the edges: every character of the usual shape checked, offsets with and
 * without a colon or milliseconds, days that do not exist. A wrong instant is worse than none: it
 * would move a defect's SLA clock or an issue's sprint membership.
 */
import { JiraInstant, parseInstant } from '../../src/domain/jira';

const iso = (s: string): string => new Date(parseInstant(s)).toISOString();
const GOOD = '2026-03-02T09:15:42.123+0300';

describe('a Jira timestamp of the usual shape', () => {
  it('is read to the millisecond in any offset, with or without a colon', () => {
    expect(iso(GOOD)).toBe('2026-03-02T06:15:42.123Z');
    expect(iso('2026-03-02T09:15:42.123+03:00')).toBe('2026-03-02T06:15:42.123Z');
    expect(iso('2026-03-02T09:15:42.987-0945')).toBe('2026-03-02T19:00:42.987Z');
    expect(iso('2026-03-02T09:15:42.987-09:45')).toBe('2026-03-02T19:00:42.987Z');
    expect(iso('1999-12-31T23:59:59.999Z')).toBe('1999-12-31T23:59:59.999Z');
    expect(iso('2000-01-01T00:00:00.000+1400')).toBe('1999-12-31T10:00:00.000Z');
    expect(iso('1600-03-01T00:00:00.000Z')).toBe('1600-03-01T00:00:00.000Z');
    expect(iso('2400-02-29T12:00:00.000Z')).toBe('2400-02-29T12:00:00.000Z');
  });

  it('is not an instant when any date or time character is not a digit', () => {
    for (const i of [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22, 24, 25, 26, 27]) {
      for (const c of ['x', ':', '/']) {
        const s = GOOD.slice(0, i) + c + GOOD.slice(i + 1);
        expect([s, parseInstant(s)]).toEqual([s, Number.NaN]);
      }
    }
    for (const i of [24, 25, 27, 28]) {
      const s = '2026-03-02T09:15:42.123+03:00'.slice(0, i) + 'x' + '2026-03-02T09:15:42.123+03:00'.slice(i + 1);
      expect([s, parseInstant(s)]).toEqual([s, Number.NaN]);
    }
  });

  it('is not an instant when a separator is another character', () => {
    for (const i of [4, 7, 10, 13, 16, 19, 23]) {
      const s = GOOD.slice(0, i) + '5' + GOOD.slice(i + 1);
      expect([s, parseInstant(s)]).toEqual([s, Number.NaN]);
    }
    expect(parseInstant('2026-03-02T09:15:42.123+03-00')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42.123*0300')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42.123X')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42.123+030')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42.123+0300Z')).toBeNaN();
  });

  it('is not an instant when a month, day, hour, minute or second is out of range', () => {
    for (const s of [
      '2026-00-02T09:15:42.123Z',
      '2026-13-02T09:15:42.123Z',
      '2026-03-00T09:15:42.123Z',
      '2026-03-32T09:15:42.123Z',
      '2026-04-31T09:15:42.123Z',
      '2026-03-02T09:60:42.123Z',
      '2026-03-02T09:15:60.123Z',
      '2026-03-02T30:15:42.123Z',
    ])
      expect([s, parseInstant(s)]).toEqual([s, Number.NaN]);
    expect(iso('2026-03-31T23:59:59.000Z')).toBe('2026-03-31T23:59:59.000Z');
    expect(iso('2026-12-31T00:00:00.000Z')).toBe('2026-12-31T00:00:00.000Z');
  });

  it('has 29 February only in leap years: every fourth, not every hundredth, but every four hundredth', () => {
    expect(iso('2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(iso('2000-02-29T00:00:00.000Z')).toBe('2000-02-29T00:00:00.000Z');
    expect(parseInstant('2100-02-29T00:00:00.000Z')).toBeNaN();
    expect(parseInstant('1900-02-29T00:00:00.000Z')).toBeNaN();
    expect(parseInstant('2026-02-29T00:00:00.000Z')).toBeNaN();
    expect(iso('2026-02-28T00:00:00.000Z')).toBe('2026-02-28T00:00:00.000Z');
  });
});

describe('a Jira timestamp of another shape', () => {
  it('is read without milliseconds or seconds, or with more digits of a second, in any offset', () => {
    expect(iso('2026-03-02T09:15:42+0300')).toBe('2026-03-02T06:15:42.000Z');
    expect(iso('2026-03-02T09:15:42+03:00')).toBe('2026-03-02T06:15:42.000Z');
    expect(iso('2026-03-02T09:15:42.5Z')).toBe('2026-03-02T09:15:42.500Z');
    expect(iso('2026-03-02T09:15:42.123456-0100')).toBe('2026-03-02T10:15:42.123Z');
    expect(iso('2026-03-02T09:15-01:00')).toBe('2026-03-02T10:15:00.000Z');
  });

  it('is not an instant without an offset, or on a day that does not exist', () => {
    expect(parseInstant('2026-03-02T09:15:42')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42.123456')).toBeNaN();
    expect(parseInstant('2026-02-30T09:15:42Z')).toBeNaN();
    expect(parseInstant('2025-02-29T09:15+0300')).toBeNaN();
    expect(parseInstant(' 2026-03-02T09:15:42Z')).toBeNaN();
    expect(parseInstant('2026-03-02T09:15:42Z ')).toBeNaN();
  });

  it('is refused by the schema that reads Jira responses, naming the problem', () => {
    expect(JiraInstant.safeParse(GOOD).success).toBe(true);
    const r = JiraInstant.safeParse('2026-02-30T09:15:42Z');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('is not a Jira timestamp');
  });
});
