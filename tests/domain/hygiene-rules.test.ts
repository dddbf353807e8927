import type { HygieneRuleId } from '../../src/domain/config';
import { carriedOverSprints, type HygieneContext, hygieneRule } from '../../src/domain/hygiene';
import { prepareIssue, type PreparedIssue } from '../../src/domain/issue';
import { generateHistories, generateIssue, SPRINT_FIELD_ID, STATUSES } from '../../src/domain/testing/generate';
import { ctx, issue, NOW, withConfig } from './hygiene-fixtures';

const DAY = 24 * 60 * 60 * 1000;
const breaks = (id: HygieneRuleId, p: PreparedIssue, c: HygieneContext = ctx()) => hygieneRule(id).violates(p, c);

describe('unassigned-in-progress', () => {
  it('flags work in progress with no assignee', () => {
    expect(breaks('unassigned-in-progress', issue({ status: STATUSES.inProgress, assignee: null }))).toBe(true);
    expect(breaks('unassigned-in-progress', issue({ status: STATUSES.review, assignee: null }))).toBe(true);
  });
  it('leaves assigned work and unassigned to-do or done issues alone', () => {
    expect(breaks('unassigned-in-progress', issue({ status: STATUSES.inProgress, assignee: 'anna' }))).toBe(false);
    expect(breaks('unassigned-in-progress', issue({ status: STATUSES.todo, assignee: null }))).toBe(false);
    expect(breaks('unassigned-in-progress', issue({ status: STATUSES.done, assignee: null, resolution: 'Done' }))).toBe(false);
  });
});

describe('missing-estimate', () => {
  it('flags an unestimated issue in the active or a future sprint', () => {
    expect(breaks('missing-estimate', issue({ sprints: [4], estimate: null }))).toBe(true);
    expect(breaks('missing-estimate', issue({ sprints: [5], estimate: null }))).toBe(true);
  });
  it('takes an estimate of 0 as a value', () => {
    expect(breaks('missing-estimate', issue({ sprints: [4], estimate: 0 }))).toBe(false);
  });
  it('exempts sub-tasks, done issues, the backlog and closed sprints', () => {
    expect(breaks('missing-estimate', issue({ sprints: [4], subtask: true }))).toBe(false);
    expect(breaks('missing-estimate', issue({ sprints: [4], status: STATUSES.done, resolution: 'Done' }))).toBe(false);
    expect(breaks('missing-estimate', issue({ sprints: [] }))).toBe(false);
    expect(breaks('missing-estimate', issue({ sprints: [3] }))).toBe(false);
  });
  it("reads the sprint's state from the issue's own Sprint field when the boards do not list it", () => {
    const otherBoard = (state: string) => issue({ fields: { [SPRINT_FIELD_ID]: [{ id: 99, name: 'Other team 7', state }] } });
    expect(breaks('missing-estimate', otherBoard('future'))).toBe(true);
    expect(breaks('missing-estimate', otherBoard('ACTIVE'))).toBe(true);
    expect(breaks('missing-estimate', otherBoard('closed'))).toBe(false);
  });
  it('does not apply where the board has no estimation field', () => {
    expect(breaks('missing-estimate', issue({ sprints: [4] }), ctx({ estimationFieldId: null }))).toBe(false);
  });
});

describe('missing-description', () => {
  it('flags an empty ADF doc and a blank string', () => {
    expect(breaks('missing-description', issue({ description: { type: 'doc', version: 1, content: [] } }))).toBe(true);
    expect(breaks('missing-description', issue({ description: ' \n ' }))).toBe(true);
  });
  it('exempts sub-tasks and accepts any text', () => {
    expect(breaks('missing-description', issue({ description: null, subtask: true }))).toBe(false);
    expect(breaks('missing-description', issue({ description: 'x' }))).toBe(false);
  });
});

describe('missing-acceptance-criteria', () => {
  const noAc = { description: 'Pay by phone.' };
  it('flags a story not done without acceptance criteria', () => {
    expect(breaks('missing-acceptance-criteria', issue(noAc))).toBe(true);
  });
  it('exempts done stories and other types', () => {
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, status: STATUSES.done, resolution: 'Done' }))).toBe(false);
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'Bug' }))).toBe(false);
  });
  it('accepts the criteria in the description or the configured field', () => {
    expect(breaks('missing-acceptance-criteria', issue({ description: 'Критерии приёмки:\n- работает' }))).toBe(false);
    const config = withConfig((c) => {
      c.hygiene.acceptanceCriteriaField = 'customfield_10060';
    });
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, fields: { customfield_10060: 'Given…' } }), ctx({}, config))).toBe(false);
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, fields: { customfield_10060: '' } }), ctx({}, config))).toBe(true);
  });
  it('applies to the configured types, by untranslated name compared case-insensitively, or by id', () => {
    const config = withConfig((c) => {
      c.hygiene.acceptanceCriteriaTypes = [{ untranslatedName: 'story' }, { id: '10002', name: 'Task' }];
    });
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'Task' }), ctx({}, config))).toBe(true);
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'Story' }), ctx({}, config))).toBe(true);
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'Epic' }), ctx({}, config))).toBe(false);
    // A Russian-speaking reader's story is still a story; a task of the same name under another id is not the configured one.
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'История', untranslatedType: 'Story' }), ctx({}, config))).toBe(true);
    expect(breaks('missing-acceptance-criteria', issue({ ...noAc, type: 'Task', typeId: '10300', untranslatedType: 'Chore' }), ctx({}, config))).toBe(false);
  });
});

describe('stale-in-progress', () => {
  const updated = (ms: number) => issue({ status: STATUSES.inProgress, assignee: 'anna', updated: ms });
  it('is not stale when updated exactly staleDays ago', () => {
    expect(breaks('stale-in-progress', updated(NOW - 14 * DAY))).toBe(false);
  });
  it('is stale when updated a moment before that', () => {
    expect(breaks('stale-in-progress', updated(NOW - 14 * DAY - 1))).toBe(true);
  });
  it('follows the configured staleDays', () => {
    const config = withConfig((c) => {
      c.hygiene.staleDays = 7;
    });
    expect(breaks('stale-in-progress', updated(NOW - 8 * DAY), ctx({}, config))).toBe(true);
    expect(breaks('stale-in-progress', updated(NOW - 8 * DAY))).toBe(false);
  });
  it('only concerns issues in progress', () => {
    expect(breaks('stale-in-progress', issue({ status: STATUSES.todo, updated: NOW - 100 * DAY }))).toBe(false);
  });
});

describe('done-without-resolution and resolution-not-done', () => {
  it('flags a done issue without a resolution', () => {
    expect(breaks('done-without-resolution', issue({ status: STATUSES.done, resolution: null }))).toBe(true);
    expect(breaks('done-without-resolution', issue({ status: STATUSES.done, resolution: 'Done' }))).toBe(false);
    expect(breaks('done-without-resolution', issue({ status: STATUSES.inProgress, resolution: null }))).toBe(false);
  });
  it('flags a resolution on an issue not done', () => {
    expect(breaks('resolution-not-done', issue({ status: STATUSES.review, resolution: 'Done' }))).toBe(true);
    expect(breaks('resolution-not-done', issue({ status: STATUSES.closed, resolution: 'Done' }))).toBe(false);
    expect(breaks('resolution-not-done', issue({ status: STATUSES.todo, resolution: null }))).toBe(false);
  });
});

describe('overdue', () => {
  // 22:30 UTC on 10 March is already 11 March in Moscow (UTC+3).
  const late = ctx({ now: Date.parse('2026-03-10T22:30:00Z') });
  const moscow = ctx(
    { now: Date.parse('2026-03-10T22:30:00Z') },
    withConfig((c) => {
      c.timeZone = 'Europe/Moscow';
    }),
  );
  it('is not overdue on its due date', () => {
    expect(breaks('overdue', issue({ duedate: '2026-03-10' }), late)).toBe(false);
    expect(breaks('overdue', issue({ duedate: '2026-03-11' }), moscow)).toBe(false);
  });
  it("is overdue from the next day in the configuration's time zone", () => {
    expect(breaks('overdue', issue({ duedate: '2026-03-10' }), moscow)).toBe(true);
    expect(breaks('overdue', issue({ duedate: '2026-03-09' }), late)).toBe(true);
  });
  it('exempts done issues and issues without a due date', () => {
    expect(breaks('overdue', issue({ duedate: '2026-03-01', status: STATUSES.done, resolution: 'Done' }), late)).toBe(false);
    expect(breaks('overdue', issue({ duedate: null }), late)).toBe(false);
  });
});

describe('no-product', () => {
  it('flags an issue that maps to no configured product', () => {
    expect(breaks('no-product', issue({ labels: ['web'] }))).toBe(true);
    expect(breaks('no-product', issue({ labels: [], components: ['Loans'] }))).toBe(false);
  });
  it('is inactive when no product is configured', () => {
    const config = withConfig((c) => {
      c.products = [];
    });
    expect(breaks('no-product', issue({ labels: [] }), ctx({}, config))).toBe(false);
  });
});

describe('chronic-carryover', () => {
  /** In sprint 1 from 16 Feb, carried into 2 and 3 (closed sprints stay in the field), now in 4. */
  const carried = (extra: Parameters<typeof generateHistories>[0] = [], status = STATUSES.inProgress) =>
    issue({
      status,
      assignee: 'anna',
      sprints: [1, 2, 3, 4],
      estimate: 3,
      histories: generateHistories([
        { at: '2026-02-16T09:00:00Z', field: 'sprint', from: '', to: '1' },
        { at: '2026-02-17T09:00:00Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.inProgress.id },
        { at: '2026-03-02T11:00:00Z', field: 'sprint', from: '1', to: '1, 2' },
        { at: '2026-03-16T11:00:00Z', field: 'sprint', from: '1, 2', to: '1, 2, 3' },
        { at: '2026-03-30T11:00:00Z', field: 'sprint', from: '1, 2, 3', to: '1, 2, 3, 4' },
        ...extra,
      ]),
    });

  it('flags an issue not done at the end of three closed sprints and not done now', () => {
    expect(carriedOverSprints(carried(), ctx())).toEqual([1, 2, 3]);
    expect(breaks('chronic-carryover', carried())).toBe(true);
  });

  it('does not flag it once it is done now', () => {
    const done = carried([{ at: '2026-03-31T09:00:00Z', field: 'status', from: STATUSES.inProgress.id, to: STATUSES.done.id }], STATUSES.done);
    expect(breaks('chronic-carryover', done)).toBe(false);
  });

  it('does not count a sprint at whose end the issue was done', () => {
    const doneAtEndOf2 = carried([
      { at: '2026-03-15T09:00:00Z', field: 'status', from: STATUSES.inProgress.id, to: STATUSES.done.id },
      { at: '2026-03-17T09:00:00Z', field: 'status', from: STATUSES.done.id, to: STATUSES.inProgress.id },
    ]);
    expect(carriedOverSprints(doneAtEndOf2, ctx())).toEqual([1, 3]);
    expect(breaks('chronic-carryover', doneAtEndOf2)).toBe(false);
  });

  it("judges done at a sprint's end by the board's done statuses", () => {
    const inReviewSince = carried([{ at: '2026-02-20T09:00:00Z', field: 'status', from: STATUSES.inProgress.id, to: STATUSES.review.id }], STATUSES.review);
    expect(breaks('chronic-carryover', inReviewSince)).toBe(true);
    // A board whose last column holds "In Review" counts the issue done at every sprint's end.
    const reviewIsDone = ctx({ doneStatusIds: new Set([STATUSES.review.id, STATUSES.done.id]) });
    expect(breaks('chronic-carryover', inReviewSince, reviewIsDone)).toBe(false);
    // Without a board configuration, category done decides: "In Review" is not done.
    expect(breaks('chronic-carryover', inReviewSince, ctx({ doneStatusIds: null }))).toBe(true);
  });

  it('follows the configured number of sprints, and ignores sprints completed after now', () => {
    const four = withConfig((c) => {
      c.hygiene.carryoverSprints = 4;
    });
    expect(breaks('chronic-carryover', carried(), ctx({}, four))).toBe(false);
    expect(breaks('chronic-carryover', carried(), ctx({ now: Date.parse('2026-03-20T00:00:00Z') }))).toBe(false);
  });

  it('does not count a sprint the issue left before its end', () => {
    const leftSprint1 = carried([]);
    const p = issue({
      status: STATUSES.inProgress,
      sprints: [2, 3, 4],
      histories: generateHistories([
        { at: '2026-02-16T09:00:00Z', field: 'sprint', from: '', to: '1' },
        { at: '2026-03-01T09:00:00Z', field: 'sprint', from: '1', to: '' },
        { at: '2026-03-02T11:00:00Z', field: 'sprint', from: '', to: '2' },
        { at: '2026-03-16T11:00:00Z', field: 'sprint', from: '2', to: '2, 3' },
        { at: '2026-03-30T11:00:00Z', field: 'sprint', from: '2, 3', to: '2, 3, 4' },
      ]),
    });
    expect(carriedOverSprints(leftSprint1, ctx())).toHaveLength(3);
    expect(carriedOverSprints(p, ctx())).toEqual([2, 3]);
    expect(breaks('chronic-carryover', p)).toBe(false);
  });
});

describe('open-subtasks-under-done-parent', () => {
  const done = { status: STATUSES.done, resolution: 'Done' };
  it('flags a done parent with a sub-task not done', () => {
    const p = issue({ ...done, subtasks: [{ key: 'PAY-901', status: STATUSES.done }, { key: 'PAY-902', status: STATUSES.inProgress }] });
    expect(breaks('open-subtasks-under-done-parent', p)).toBe(true);
  });
  it('accepts a done parent whose sub-tasks are all done, and ignores open parents', () => {
    expect(breaks('open-subtasks-under-done-parent', issue({ ...done, subtasks: [{ key: 'PAY-903', status: STATUSES.closed }] }))).toBe(false);
    expect(breaks('open-subtasks-under-done-parent', issue({ status: STATUSES.inProgress, subtasks: [{ key: 'PAY-904', status: STATUSES.todo }] }))).toBe(false);
    expect(breaks('open-subtasks-under-done-parent', issue(done))).toBe(false);
  });
  it("falls back to the sub-task's own status when the parent's field omits it", () => {
    const p = issue({ ...done, fields: { subtasks: [{ key: 'PAY-905' }] } });
    const open = generateIssue({ key: 'PAY-905', subtask: true, status: STATUSES.todo });
    expect(breaks('open-subtasks-under-done-parent', p)).toBe(false);
    const prepared = prepareIssue(open, { sprint: null, estimation: null });
    expect(breaks('open-subtasks-under-done-parent', p, ctx({ issuesByKey: new Map([['PAY-905', prepared]]) }))).toBe(true);
  });
});
