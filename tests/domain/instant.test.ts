import fc from 'fast-check';
import { parseInstant } from '../../src/domain/jira';

describe('parseInstant reads Jira timestamps as UTC instants', () => {
  it.each([
    ['2026-03-02T09:15:00.000+0300', '2026-03-02T06:15:00.000Z'],
    ['2026-03-02T09:15:00.000+03:00', '2026-03-02T06:15:00.000Z'],
    ['2015-12-02T07:39:15.000-0800', '2015-12-02T15:39:15.000Z'],
    ['2026-03-02T09:15:00.123Z', '2026-03-02T09:15:00.123Z'],
    ['2026-03-02T09:15:00Z', '2026-03-02T09:15:00.000Z'],
    ['2026-03-02T09:15+0530', '2026-03-02T03:45:00.000Z'],
    ['2024-02-29T00:00:00.000+0000', '2024-02-29T00:00:00.000Z'],
  ])('%s is %s', (jira, utc) => {
    expect(new Date(parseInstant(jira)).toISOString()).toBe(utc);
  });

  it.each(['2026-02-30T00:00:00.000+0000', '2025-02-29T00:00:00.000+0000', '2026-13-01T00:00:00.000+0000', '2026-03-02T09:15:00.000', '2026-03-02', 'yesterday', '2026-03-02T25:00:00.000+0000', '2026-03-02T09:1x:00.000+0300'])(
    '%s is not an instant',
    (s) => expect(parseInstant(s)).toBeNaN(),
  );

  it('agrees with Date.parse on any instant and offset', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), fc.integer({ min: -12 * 60, max: 14 * 60 }), fc.boolean(), (t, off, colon) => {
        const local = new Date(t + off * 60_000).toISOString().slice(0, 23);
        const a = Math.abs(off);
        const hh = String(Math.floor(a / 60)).padStart(2, '0');
        const mm = String(a % 60).padStart(2, '0');
        const s = `${local}${off < 0 ? '-' : '+'}${hh}${colon ? ':' : ''}${mm}`;
        expect(parseInstant(s)).toBe(t);
      }),
    );
  });
});
