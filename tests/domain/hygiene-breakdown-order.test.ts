/**
 * The order of the hygiene breakdown's lists, whatever order the issues come in: projects by key,
 * assignees by account id with the unassigned last; and every enabled rule listed for a group even
 * when none of its issues breaks it.
 */
import { hygieneBreakdown } from '../../src/domain/hygiene';
import { STATUSES } from '../../src/domain/testing/generate';
import { ctx, issue } from './hygiene-fixtures';

describe('the hygiene breakdown', () => {
  const breakdown = (keys: [string, string | null][]) => hygieneBreakdown({ issues: keys.map(([key, assignee]) => issue({ key, assignee, status: STATUSES.inProgress })), ctx: ctx() });

  it('lists projects by key and assignees by account id, the unassigned last, from any order', () => {
    for (const order of [
      [['PAY-1', 'zed'], ['CARD-1', null], ['ABC-1', 'amy'], ['LOAN-1', 'bob']],
      [['ABC-1', 'amy'], ['LOAN-1', 'bob'], ['CARD-1', null], ['PAY-1', 'zed']],
      [['LOAN-1', 'bob'], ['CARD-1', null], ['PAY-1', 'zed'], ['ABC-1', 'amy']],
    ] as [string, string | null][][]) {
      const b = breakdown(order);
      expect(b.projects.map((p) => p.projectKey)).toEqual(['ABC', 'CARD', 'LOAN', 'PAY']);
      expect(b.assignees.map((a) => a.accountId)).toEqual(['amy', 'bob', 'zed', null]);
    }
  });

  it('lists every enabled rule for a group, with no issues where none breaks it', () => {
    const b = breakdown([['PAY-1', 'amy']]);
    const overall = b.overall.rules;
    expect(b.projects[0]?.rules.map((r) => r.id)).toEqual(overall.map((r) => r.id));
    const unbroken = overall.find((r) => r.id === 'unassigned-in-progress');
    expect(unbroken).toMatchObject({ count: 0, issues: [] });
  });
});
