/** Hygiene at its edges: an inactive rule, done as the board says, carried-over sprints, sub-tasks and the scan's boundaries. */
import { defaultConfig } from '../../src/domain/config';
import { mappedStatusIds } from '../../src/domain/done';
import { carriedOverSprints, hygieneReport, hygieneRule, hygieneScope } from '../../src/domain/hygiene';
import { generateBoardConfiguration, generateHistories, generateIssue, SPRINT_FIELD_ID, STATUSES } from '../../src/domain/testing/generate';
import { ctx, issue, NOW, SPRINTS } from './hygiene-fixtures';

describe('no product configured', () => {
  it('leaves the no-product rule out altogether: not listed, not scored', () => {
    const r = hygieneReport({ issues: [issue({ key: 'PAY-1', labels: [] })], ctx: ctx({}, defaultConfig()) });
    expect(r.rules.map((x) => x.id)).not.toContain('no-product');
    expect(r.violating).toBe(0);
  });
});

describe('carried-over sprints', () => {
  // In sprint 1 (completed 2 Mar 10:00) from its start; Done (category done) on 1 Mar.
  const p = issue({
    key: 'PAY-5',
    status: STATUSES.done,
    sprints: [1],
    fields: { [SPRINT_FIELD_ID]: [{ id: 1, name: 'S1', state: 'closed' }] },
    histories: generateHistories([
      { at: '2026-02-16T10:00:00Z', field: 'sprint', from: '', to: '1' },
      { at: '2026-03-01T10:00:00Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.done.id },
    ]),
  });

  it('judges done by the board’s done statuses where it has them, else by the status category', () => {
    expect(carriedOverSprints(p, ctx({ doneStatusIds: null }))).toEqual([]);
    // A board whose last column holds only "Closed": Done is not done there.
    expect(carriedOverSprints(p, ctx({ doneStatusIds: new Set([STATUSES.closed.id]) }))).toEqual([1]);
  });

  it('counts a sprint completed at now, not one completed after it', () => {
    const board = ctx({ doneStatusIds: new Set([STATUSES.closed.id]) });
    const completed = Date.parse(SPRINTS[0]?.completeDate as string);
    expect(carriedOverSprints(p, ctx({ doneStatusIds: board.doneStatusIds, now: completed }))).toEqual([1]);
    expect(carriedOverSprints(p, ctx({ doneStatusIds: board.doneStatusIds, now: completed - 1 }))).toEqual([]);
  });
});

describe('open sub-tasks under a done parent', () => {
  const rule = hygieneRule('open-subtasks-under-done-parent');
  const parent = (subtaskKey: string) => issue({ key: 'PAY-20', status: STATUSES.done, subtasks: [{ key: subtaskKey, status: STATUSES.inProgress }] });

  it('does not count a sub-task read with the issues that did not exist yet at now', () => {
    const later = issue({ key: 'PAY-21', subtask: true, status: STATUSES.inProgress, created: NOW + 1, updated: NOW + 1 });
    expect(rule.violates(parent('PAY-21'), ctx({ issuesByKey: new Map([['PAY-21', later]]) }))).toBe(false);
    const atNow = issue({ key: 'PAY-21', subtask: true, status: STATUSES.inProgress, created: NOW, updated: NOW });
    expect(rule.violates(parent('PAY-21'), ctx({ issuesByKey: new Map([['PAY-21', atNow]]) }))).toBe(true);
  });

  it('takes a known sub-task’s status at now, not its current one', () => {
    // Done now, but only since after now: open at now.
    const sub = issue({
      key: 'PAY-22',
      subtask: true,
      status: STATUSES.done,
      histories: generateHistories([{ at: NOW + 3_600_000, field: 'status', from: STATUSES.inProgress.id, to: STATUSES.done.id }]),
    });
    expect(rule.violates(parent('PAY-22'), ctx({ issuesByKey: new Map([['PAY-22', sub]]) }))).toBe(true);
    const doneBefore = issue({
      key: 'PAY-23',
      subtask: true,
      status: STATUSES.done,
      histories: generateHistories([{ at: NOW - 3_600_000, field: 'status', from: STATUSES.inProgress.id, to: STATUSES.done.id }]),
    });
    expect(rule.violates(parent('PAY-23'), ctx({ issuesByKey: new Map([['PAY-23', doneBefore]]) }))).toBe(false);
  });
});

describe('the scan’s boundaries', () => {
  const jira = (o: Parameters<typeof generateIssue>[0]) => generateIssue({ created: '2026-01-05T09:00:00Z', ...o });
  it('scans an issue created at the very instant of now', () => {
    expect(hygieneScope(jira({ created: NOW, updated: NOW, status: STATUSES.todo }), NOW)).toBe(true);
  });
  it('does not scan a done issue whose last update is after now', () => {
    expect(hygieneScope(jira({ status: STATUSES.done, updated: NOW + 1 }), NOW)).toBe(false);
  });
});

describe('statuses on the board', () => {
  it('says nothing for a board without columns', () => {
    expect(mappedStatusIds(null)).toBeNull();
    const empty = generateBoardConfiguration();
    expect(mappedStatusIds({ ...empty, columnConfig: { ...empty.columnConfig, columns: [] } })).toBeNull();
    expect(mappedStatusIds(empty)?.size).toBeGreaterThan(0);
  });
});
