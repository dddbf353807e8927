/**
 * The issue lists of a sprint in Jira's key order (by project key, then number) when the issues come
 * in an order that is wrong in a single place: the order is checked pair by pair before the issues
 * are sorted, and one wrong pair must be enough to sort them.
 */
import { convergenceReport, isForeignSprint, sprintConvergence, sprintHasMember } from '../../src/domain/convergence';
import { doneStatusIds } from '../../src/domain/done';
import { discoverFields, prepareIssue, statusCatalog } from '../../src/domain/issue';
import { ALL_STATUSES, at, FIELDS, generateBoardConfiguration, generateHistory, generateIssue, generateSprint } from '../../src/domain/testing/generate';

const fields = discoverFields(FIELDS);
const DONE = doneStatusIds(generateBoardConfiguration(), statusCatalog(ALL_STATUSES));
const START = '2026-03-02T09:00:00.000Z';
const sprint = generateSprint({ id: 7, startDate: START, completeDate: '2026-03-16T10:00:00.000Z' });

const committed = (keys: readonly string[]): string[] =>
  sprintConvergence({
    boardId: 1,
    sprint,
    issues: keys.map((key) =>
      prepareIssue(generateIssue({ key, created: '2026-02-20T09:00:00.000Z', sprints: [7], histories: [generateHistory([{ at: START, field: 'sprint', from: '', to: '7' }])] }), fields),
    ),
    doneStatusIds: DONE,
    now: at('2026-04-01T00:00:00.000Z'),
    target: 0.95,
    nearBand: 0.1,
    basis: 'issues',
  }).committed.issues;

describe('issues of a sprint given in an order wrong in one place', () => {
  it('are sorted when two projects of the same key length come in the wrong order, their numbers ascending', () => {
    expect(committed(['PA-1', 'AB-2'])).toEqual(['AB-2', 'PA-1']);
    expect(committed(['AB-1', 'PB-2', 'PA-3'])).toEqual(['AB-1', 'PA-3', 'PB-2']);
  });

  it('are sorted when two issues of one project come in the wrong order of their numbers', () => {
    expect(committed(['PAY-10', 'PAY-9'])).toEqual(['PAY-9', 'PAY-10']);
    expect(committed(['PAY-2', 'PAY-3', 'PAY-1'])).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
  });

  it('are sorted when a longer project key that the shorter one prefixes comes first', () => {
    expect(committed(['PAYM-1', 'PAY-2'])).toEqual(['PAY-2', 'PAYM-1']);
    expect(committed(['PAY-2', 'PAYM-1'])).toEqual(['PAY-2', 'PAYM-1']);
  });
});

describe('sprints at their edges', () => {
  const NOW = at('2026-04-01T00:00:00.000Z');
  const converge = (s: ReturnType<typeof generateSprint>, boardId = 1) =>
    sprintConvergence({ boardId, sprint: s, issues: [], doneStatusIds: DONE, now: NOW, target: 0.95, nearBand: 0.1, basis: 'issues' });

  it('takes a sprint that names no origin board as the board\'s own', () => {
    const { originBoardId: _none, ...withoutOrigin } = generateSprint({ id: 8, startDate: START });
    expect(isForeignSprint(withoutOrigin, 1)).toBe(false);
    expect(isForeignSprint({ ...withoutOrigin, originBoardId: null }, 1)).toBe(false);
    expect(isForeignSprint({ ...withoutOrigin, originBoardId: 2 }, 1)).toBe(true);
    expect(isForeignSprint({ ...withoutOrigin, originBoardId: 1 }, 1)).toBe(false);
  });

  it('refuses to report a sprint that had not started, naming it and the instant', () => {
    expect(() => converge(generateSprint({ id: 9, state: 'future', startDate: null }))).toThrow(new RangeError('sprint 9 (future) is not reported at 2026-04-01T00:00:00.000Z'));
  });

  it('lists active sprints first, the newest start first, then closed ones by their end', () => {
    const activeOld = converge(generateSprint({ id: 1, state: 'active', startDate: '2026-03-01T00:00:00.000Z', completeDate: null }), 1);
    const activeNew = converge(generateSprint({ id: 2, state: 'active', startDate: '2026-03-20T00:00:00.000Z', completeDate: null }), 2);
    const closed = converge(generateSprint({ id: 3, startDate: '2026-03-02T00:00:00.000Z', completeDate: '2026-03-25T00:00:00.000Z' }), 3);
    const order = (list: typeof closed[]) => convergenceReport({ sprints: list, target: 0.95, nearBand: 0.1, basis: 'issues' }).sprints.map((s) => s.sprintId);
    expect(order([closed, activeOld, activeNew])).toEqual([2, 1, 3]);
    expect(order([activeOld, closed, activeNew])).toEqual([2, 1, 3]);
  });
});

describe('whether a sprint of another board holds one of this board\'s issues', () => {
  const window = { state: 'closed' as const, start: at(START), end: at('2026-03-16T10:00:00.000Z') };
  const NOW = at('2026-04-01T00:00:00.000Z');
  const member = (o: { key: string; created?: string; subtask?: boolean; changes: { at: string; from: string; to: string }[] }) =>
    prepareIssue(
      generateIssue({ key: o.key, created: o.created ?? '2026-02-20T09:00:00.000Z', subtask: o.subtask ?? false, histories: o.changes.map((c) => generateHistory([{ at: c.at, field: 'sprint', from: c.from, to: c.to }])) }),
      fields,
    );

  it('does not for issues that were members only before the sprint started or after it ended', () => {
    const before = member({ key: 'PAY-1', changes: [{ at: '2026-02-25T00:00:00.000Z', from: '', to: '7' }, { at: '2026-03-01T00:00:00.000Z', from: '7', to: '' }] });
    const after = member({ key: 'PAY-2', changes: [{ at: '2026-03-20T00:00:00.000Z', from: '', to: '7' }] });
    expect(sprintHasMember([before, after], 7, window, NOW)).toBe(false);
  });

  it('does for an issue that was a member at the start, or joined inside, but not for a sub-task or an issue created after now', () => {
    const atStart = member({ key: 'PAY-3', changes: [{ at: '2026-02-25T00:00:00.000Z', from: '', to: '7' }] });
    const inside = member({ key: 'PAY-4', changes: [{ at: '2026-03-05T00:00:00.000Z', from: '', to: '7' }] });
    const subtask = member({ key: 'PAY-5', subtask: true, changes: [{ at: '2026-03-05T00:00:00.000Z', from: '', to: '7' }] });
    const later = member({ key: 'PAY-6', created: '2026-03-03T00:00:00.000Z', changes: [{ at: '2026-03-05T00:00:00.000Z', from: '', to: '7' }] });
    expect(sprintHasMember([atStart], 7, window, NOW)).toBe(true);
    expect(sprintHasMember([inside], 7, window, NOW)).toBe(true);
    expect(sprintHasMember([subtask], 7, window, NOW)).toBe(false);
    expect(sprintHasMember([later], 7, window, at('2026-03-02T23:00:00.000Z'))).toBe(false);
    expect(sprintHasMember([later], 7, window, NOW)).toBe(true);
  });
});
