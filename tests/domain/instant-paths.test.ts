/**
 * The two paths of `parseInstant`: the shape Jira writes millions of times is read by hand
 * (a sync or a report parses every changelog history's instant, so it is the loader's hot path),
 * everything else by a regular expression. Both must give the same instant, and the hot path must
 * take every string of its shape (or a big board's replay quietly slows to the general path's pace)
 * and no string of any other shape (or it would read one wrongly).
 */
import { parseInstant, readInstantGeneral, readJiraInstantFast } from '../../src/domain/jira';

/** `Date.parse` as an independent reference, for instants that exist (offset given with a colon). */
const reference = (s: string): number => Date.parse(s.length === 28 ? `${s.slice(0, 26)}:${s.slice(26)}` : s);

/** Jira's shape, with every digit position holding a 0 and a 9 somewhere, and every offset form. */
const SHAPES = [
  '2026-03-02T09:15:42.123+0300',
  '2026-03-02T09:15:42.123+03:00',
  '1999-12-31T23:59:59.999Z',
  '2000-01-01T00:00:00.000+1400',
  '9999-09-29T19:39:59.909-0959',
  '0990-10-19T20:49:09.990-09:09',
  '1909-01-09T09:09:09.009+2359',
];
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];
const SEPARATORS = [4, 7, 10, 13, 16, 19];
/** The offset's digit positions: none after `Z`, four after `+0300` or `+03:00` (around the colon). */
const offsetDigits = (s: string): number[] => (s.length === 24 ? [] : s.length === 28 ? [24, 25, 26, 27] : [24, 25, 27, 28]);
const withChar = (s: string, i: number, c: string): string => s.slice(0, i) + c + s.slice(i + 1);

describe("the hot path reads Jira's own shape", () => {
  it('takes every instant of the shape, in every offset form, and gives the instant Date.parse gives', () => {
    for (const s of SHAPES) {
      const t = readJiraInstantFast(s);
      expect([s, t]).toEqual([s, reference(s)]);
      expect([s, readInstantGeneral(s)]).toEqual([s, t]);
      expect(parseInstant(s)).toBe(t);
    }
  });

  it('takes every digit 0-9 in every position of the date, the time and the offset, even where the value is out of range', () => {
    for (const base of SHAPES) {
      for (const i of [...DIGITS, ...offsetDigits(base)])
        for (let d = 0; d <= 9; d++) {
          const s = withChar(base, i, String(d));
          const fast = readJiraInstantFast(s);
          expect([s, fast === undefined]).toEqual([s, false]);
          expect([s, fast]).toEqual([s, readInstantGeneral(s)]);
        }
    }
  });

  it('leaves every other shape to the general path: a non-digit where a digit belongs, another separator, another length', () => {
    const refused: string[] = [];
    for (const base of SHAPES) {
      // '/' and ':' are the characters on either side of the digits in the character table.
      for (const i of [...DIGITS, ...offsetDigits(base)]) for (const c of ['/', ':', 'x', ' ', '.']) refused.push(withChar(base, i, c));
      for (const i of SEPARATORS) for (const c of ['5', 'x', '/']) refused.push(withChar(base, i, c));
    }
    refused.push(
      '2026-03-02T09:15:42.123*0300',
      '2026-03-02T09:15:42.123 0300',
      '2026-03-02T09:15:42.123+03-00',
      '2026-03-02T09:15:42.123+030',
      '2026-03-02T09:15:42.123+0300Z',
      '2026-03-02T09:15:42.123X',
      '2026-03-02T09:15:42.123Z0',
      '2026-03-02T09:15:42.1234Z',
      '2026-03-02T09:15:42.12Z',
      '2026-03-02T09:15:42+0300',
      '2026-03-02T09:15:42.123',
    );
    for (const s of refused) expect([s, readJiraInstantFast(s)]).toEqual([s, undefined]);
  });
});

describe('the general path', () => {
  it('reads the other shapes Jira may write as Date.parse does', () => {
    for (const s of [
      '2026-03-02T09:15:42+03:00',
      '2026-03-02T09:15:42Z',
      '2026-03-02T09:15Z',
      '2026-03-02T09:15-09:45',
      '2026-03-02T09:15:42.5Z',
      '2026-03-02T09:15:42.12+03:00',
      '2026-03-02T09:15:42.123456789-01:00',
      '2024-02-29T23:59:59.999+14:00',
      '1999-12-31T23:59:59.9999Z',
    ])
      expect([s, readInstantGeneral(s)]).toEqual([s, Date.parse(s)]);
    expect(readInstantGeneral('2026-03-02T09:15:42+0300')).toBe(Date.parse('2026-03-02T09:15:42+03:00'));
    expect(readInstantGeneral('2026-03-02T09:15-0945')).toBe(Date.parse('2026-03-02T09:15-09:45'));
  });

  it('refuses offsets and times out of range, where Date.parse would guess', () => {
    for (const s of ['2026-03-02T09:15:42+24:00', '2026-03-02T09:15:42-0960', '2026-03-02T24:00Z', '2026-03-02T09:15:42.123+2400', '2026-03-02T09:15:42.123-00:60'])
      expect([s, parseInstant(s)]).toEqual([s, Number.NaN]);
    expect(new Date(parseInstant('2026-03-02T09:15:42.000+2359')).toISOString()).toBe('2026-03-01T09:16:42.000Z');
    expect(new Date(parseInstant('2026-03-02T09:15:42-23:59')).toISOString()).toBe('2026-03-03T09:14:42.000Z');
  });
});
