/**
 * Histories oldest first: the quick path (instants compared as text when written alike) gives the
 * order the full sort gives (instants parsed, then ids), whatever the offsets, forms and ties.
 */
import fc from 'fast-check';
import { parseInstant, type ChangelogHistory } from '../../src/domain/jira';
import { jiraTime } from '../../src/domain/testing/generate';
import { sortHistories } from '../../src/jira/changelogs';

/** The order by definition: instant, then id as a number (ids of digits), else as text. */
function reference(histories: readonly ChangelogHistory[]): string[] {
  return [...histories]
    .sort((a, b) => {
      const t = parseInstant(a.created) - parseInstant(b.created);
      if (t !== 0) return t;
      return /^\d+$/.test(a.id) && /^\d+$/.test(b.id) ? Number(a.id) - Number(b.id) : a.id.localeCompare(b.id);
    })
    .map((h) => h.id);
}

const BASE = Date.parse('2026-03-02T09:00:00Z');
const written = fc.tuple(fc.integer({ min: 0, max: 4 * 3600_000 }), fc.constantFrom(0, 180, -300, 330), fc.constantFrom('plain', 'colon', 'z')).map(([ms, offset, form]) => {
  const t = BASE + ms;
  if (form === 'z') return new Date(t).toISOString();
  const s = jiraTime(t, offset);
  return form === 'colon' ? `${s.slice(0, 26)}:${s.slice(26)}` : s;
});

describe('sortHistories', () => {
  it('orders like the full sort, histories given in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(written, fc.integer({ min: 1, max: 50 })), { maxLength: 30 }), fc.boolean(), (spec, presort) => {
        const ids = new Set<number>();
        const histories: ChangelogHistory[] = spec.filter(([, id]) => !ids.has(id) && ids.add(id) !== undefined).map(([created, id]) => ({ id: String(id), created, items: [] }));
        const input = presort ? reference(histories).map((id) => histories.find((h) => h.id === id) as ChangelogHistory) : histories;
        expect(sortHistories([...input]).map((h) => h.id)).toEqual(reference(histories));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps histories already in order as they are (same array), and sorts one out of order', () => {
    const inOrder: ChangelogHistory[] = [
      { id: '7', created: '2026-03-02T09:00:00.000+0300', items: [] },
      { id: '8', created: '2026-03-02T09:00:00.000+0300', items: [] },
      { id: '3', created: '2026-03-02T09:00:01.000+0300', items: [] },
    ];
    expect(sortHistories(inOrder)).toBe(inOrder);
    expect(inOrder.map((h) => h.id)).toEqual(['7', '8', '3']);
    // The same instant written in two offsets: told apart only by parsing.
    const mixed: ChangelogHistory[] = [
      { id: '1', created: '2026-03-02T09:00:00.000+0300', items: [] },
      { id: '2', created: '2026-03-02T05:59:00.000+0000', items: [] },
    ];
    expect(sortHistories(mixed).map((h) => h.id)).toEqual(['2', '1']);
  });
});
