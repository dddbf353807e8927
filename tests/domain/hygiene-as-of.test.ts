/** An issue and a sprint as they stood at an earlier instant (the hygiene score a week ago), and the CSV export's cells. */
import { sprintAsOf, timelineAt } from '../../src/domain/hygiene/as-of';
import { toCsv } from '../../static/src/components/governance/csv';

const t = (iso: string) => Date.parse(iso);

describe('as of an earlier instant', () => {
  const sprint = { id: 7, name: 'S7', state: 'closed' as const, startDate: '2026-11-02T09:00:00.000Z', completeDate: '2026-11-16T09:00:00.000Z' };

  it('puts a sprint back to future before its start, active until its completion, closed after', () => {
    expect(sprintAsOf(sprint, t('2026-11-01T00:00:00Z'))).toMatchObject({ state: 'future' });
    expect(sprintAsOf(sprint, t('2026-11-10T00:00:00Z'))).toMatchObject({ state: 'active' });
    expect(sprintAsOf(sprint, t('2026-11-10T00:00:00Z')).completeDate).toBeUndefined();
    expect(sprintAsOf(sprint, t('2026-11-16T09:00:00Z'))).toBe(sprint);
  });

  it('cuts a timeline to the changes at or before the instant', () => {
    const tl = { created: 0, initial: 'a', changeAt: [10, 20, 30], values: ['b', 'c', 'd'] };
    expect(timelineAt(tl, 20)).toEqual({ created: 0, initial: 'a', changeAt: [10, 20], values: ['b', 'c'] });
    expect(timelineAt(tl, 5)).toEqual({ created: 0, initial: 'a', changeAt: [], values: [] });
    expect(timelineAt(tl, 30)).toBe(tl);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, neutralises formulas, and starts with a BOM for spreadsheets', () => {
    const csv = toCsv([['Issue', 'Summary'], ['PAY-1', 'Fix "A", then B'], ['PAY-2', '=HYPERLINK("x")'], ['PAY-3', null]]);
    expect(csv).toBe('\uFEFFIssue,Summary\r\nPAY-1,"Fix ""A"", then B"\r\nPAY-2,"\'=HYPERLINK(""x"")"\r\nPAY-3,\r\n');
  });
});
