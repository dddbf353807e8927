/**
 * Backlog convergence, the cases mutation testing found untested (docs/metrics.md, "Backlog
 * convergence"): keys that differ only inside the project part, a sprint completed before it was
 * started, parallel sprints, an issue returned to the backlog rather than moved on, other boards'
 * sprints held only by sub-tasks or only before they started, sprints from older Jira data without
 * an `originBoardId`, and what the warnings say about an issue met in several sprints.
 */
import { candidateSprints, convergenceNotes, convergenceReport, MEMBER, selectSprints, sprintHasMember, sprintMemberRows, sprintWindow } from '../../src/domain/convergence';
import type { PreparedIssue } from '../../src/domain/issue';
import type { JiraSprint } from '../../src/domain/jira';
import type { SprintConvergence } from '../../src/domain/report';
import { at, type Change, generateSprint, STATUSES } from '../../src/domain/testing/generate';
import { AFTER, BEFORE, COMPLETE, converge, convergeArgs, estimates, issue, MID, moves, S7, START } from './convergence-fixtures';

const { todo, inProgress, done } = STATUSES;
const sprintChange = (when: string, from: string, to: string): Change => ({ at: when, field: 'sprint', from, to });
const args = convergeArgs;

describe('issue lists in key order', () => {
  const committed = (keys: readonly string[]) => keys.map((key) => issue({ key, sprints: [7], changes: [sprintChange(BEFORE, '', '7')] }));

  it('sort keys whose projects differ inside an equally long project part, with equal numbers', () => {
    // Same project length and number: only the project's letters tell them apart.
    expect(converge(committed(['AC-1', 'AB-1'])).committed.issues).toEqual(['AB-1', 'AC-1']);
    expect(converge(committed(['PAZ-7', 'PAY-7', 'PAX-7'])).committed.issues).toEqual(['PAX-7', 'PAY-7', 'PAZ-7']);
    expect(converge(committed(['B-5', 'A-5'])).committed.issues).toEqual(['A-5', 'B-5']);
  });
});

describe('a sprint reported at a now it does not cover', () => {
  it('is refused with its id and state named', () => {
    const future = generateSprint({ id: 42, state: 'future', startDate: null, completeDate: null });
    expect(() => converge([], { sprint: future })).toThrow(/^sprint 42 \(future\) is not reported at 2026-04-01T00:00:00\.000Z$/);
  });
});

describe('a sprint completed before it was started (dates edited in Jira)', () => {
  // Completed on 2026-03-02, started on 2026-03-09: the window (start, end] is empty.
  const odd = generateSprint({ id: 7, startDate: MID, completeDate: START });

  it('judges membership at the completion, not at the start', () => {
    // A member at both instants stays; one that joined between the completion and the start was
    // committed at the start but was no member at the completion: removed.
    const stayed = issue({ key: 'PAY-1', sprints: [7], changes: [sprintChange(BEFORE, '', '7')] });
    const joinedBetween = issue({ key: 'PAY-2', sprints: [7], changes: [sprintChange('2026-03-05T00:00:00.000Z', '', '7')] });
    const r = converge([stayed, joinedBetween], { sprint: odd });
    expect(r.committed.issues).toEqual(['PAY-1', 'PAY-2']);
    expect(r.removed.issues).toEqual(['PAY-2']);
    expect(r.notCompleted.issues).toEqual(['PAY-1']);
    expect(r.added.count).toBe(0);
  });
});

describe('not completed, moved to the next sprint or not', () => {
  it('does not count an issue returned to the backlog at the completion as moved, though Jira keeps the closed sprint in its Sprint field', () => {
    // Carried from sprint 5 into 7, then sent to the backlog: its Sprint value stays "5, 7".
    const toBacklog = issue({ key: 'PAY-3', sprints: [5, 7], changes: [sprintChange(BEFORE, '5', '5, 7')] });
    const r = converge([toBacklog]);
    expect(r.notCompleted.issues).toEqual(['PAY-3']);
    expect(r.movedToNextSprint.count).toBe(0);
  });

  it('counts an issue added during the sprint and moved on at the completion as moved', () => {
    // Created straight into the running sprint: it had no Sprint value at the sprint's start.
    const late = issue({
      key: 'PAY-4',
      created: MID,
      sprints: [7, 8],
      changes: [sprintChange(MID, '', '7'), sprintChange(COMPLETE, '7', '7, 8')],
    });
    const r = converge([late]);
    expect(r.added.issues).toEqual(['PAY-4']);
    expect(r.notCompleted.issues).toEqual(['PAY-4']);
    expect(r.movedToNextSprint.issues).toEqual(['PAY-4']);
  });

  it('never counts an issue of a running sprint as moved, even one also put in a parallel sprint', () => {
    const running = generateSprint({ id: 7, state: 'active', startDate: START, completeDate: null });
    const parallel = issue({ key: 'PAY-5', sprints: [7, 8], changes: [sprintChange(BEFORE, '', '7'), sprintChange(MID, '7', '7, 8')] });
    const r = converge([parallel], { sprint: running, now: at('2026-03-12T00:00:00.000Z') });
    expect(r.state).toBe('active');
    expect(r.notCompleted.issues).toEqual(['PAY-5']);
    expect(r.movedToNextSprint.count).toBe(0);
  });
});

describe('warnings about estimates and statuses', () => {
  it('does not warn about the estimate an issue removed mid-sprint had at the end, which no figure reads', () => {
    // Committed with 3 points, removed mid-sprint with 3, and given a negative estimate afterwards.
    const removed = issue({
      key: 'PAY-6',
      sprints: [7],
      estimate: -1,
      changes: [sprintChange(BEFORE, '', '7'), estimates(BEFORE, null, 3), sprintChange(MID, '7', ''), estimates('2026-03-12T00:00:00.000Z', 3, -1)],
    });
    const notes = convergenceNotes();
    const r = converge([removed], { basis: 'points', notes });
    expect(r.removed).toEqual({ count: 1, points: 3, issues: ['PAY-6'] });
    expect([...notes.invalidEstimates]).toEqual([]);
  });

  it('carries on each row the status no column shows, and names the first one met for an issue in several sprints', () => {
    const S8 = generateSprint({ id: 8, startDate: '2026-03-16T11:00:00.000Z', completeDate: '2026-03-30T10:00:00.000Z' });
    // Not done at either completion, in a status no column of the board shows each time (a different one).
    const wandering = issue({
      key: 'PAY-7',
      sprints: [7, 8],
      status: inProgress,
      changes: [
        sprintChange(BEFORE, '', '7'),
        moves('2026-03-10T00:00:00.000Z', todo.id, '90001'),
        sprintChange(COMPLETE, '7', '7, 8'),
        moves('2026-03-20T00:00:00.000Z', '90001', '90002'),
        moves('2026-04-02T00:00:00.000Z', '90002', inProgress.id),
      ],
    });
    const mapped = new Set([todo.id, inProgress.id, done.id]);
    const notes = convergenceNotes();
    const now = at('2026-04-05T00:00:00.000Z');
    const r7 = sprintMemberRows(args([wandering], { now, notes, mappedStatusIds: mapped }));
    const r8 = sprintMemberRows(args([wandering], { sprint: S8, now, notes, mappedStatusIds: mapped }));
    expect(r7.rows.map((r) => r.unmappedStatus)).toEqual(['90001']);
    expect(r8.rows.map((r) => r.unmappedStatus)).toEqual(['90002']);
    expect([...notes.unmappedStatuses]).toEqual([['PAY-7', '90001']]);
  });
});

describe('other boards\' sprints', () => {
  const now = at(AFTER);
  const theirs = generateSprint({ id: 20, startDate: START, completeDate: COMPLETE, originBoardId: 2 });
  const window = sprintWindow(theirs, now);
  if (!window) throw new Error('sprint 20 is reported');
  const hasMember = (issues: PreparedIssue[]) => ({ boardId: 1, hasMember: (s: JiraSprint, w: typeof window) => sprintHasMember(issues, s.id, w, now) });

  it('are not reported for a board whose only member of them was a sub-task', () => {
    const sub = issue({ key: 'PAY-8', subtask: true, sprints: [20], changes: [sprintChange(BEFORE, '', '20')] });
    expect(sprintHasMember([sub], 20, window, now)).toBe(false);
    expect(selectSprints([theirs], 3, now, hasMember([sub]))).toEqual([]);
  });

  it('are not reported for a board whose issue was planned into them but taken out before they started', () => {
    const planned = issue({ key: 'PAY-9', sprints: [20], changes: [sprintChange(BEFORE, '', '20'), sprintChange('2026-02-25T00:00:00.000Z', '20', '')] });
    expect(sprintHasMember([planned], 20, window, now)).toBe(false);
    const member = issue({ key: 'PAY-10', sprints: [20], changes: [sprintChange(BEFORE, '', '20')] });
    expect(selectSprints([theirs], 3, now, hasMember([planned, member])).map((s) => s.id)).toEqual([20]);
  });

  it('do not include a sprint of older Jira data (no originBoardId at all), which is the board\'s own', () => {
    const { originBoardId: _dropped, ...older } = generateSprint({ id: 30, startDate: START, completeDate: COMPLETE });
    const nobody = { boardId: 1, hasMember: () => false };
    expect(selectSprints([older], 3, now, nobody).map((s) => s.id)).toEqual([30]);
    expect(sprintMemberRows(args([], { sprint: older })).head.shared).toBe(false);
  });

  it('are candidates back to the first when the board has fewer closed sprints of its own than it reports, a running one aside', () => {
    const own = [
      generateSprint({ id: 11, state: 'active', startDate: '2026-03-20T00:00:00.000Z', completeDate: null }),
      generateSprint({ id: 10, startDate: START, completeDate: COMPLETE }),
    ];
    const older = generateSprint({ id: 21, startDate: '2026-01-01T00:00:00.000Z', completeDate: '2026-01-15T00:00:00.000Z', originBoardId: 2 });
    // Two closed sprints asked for, one of its own: every other board's sprint could be the second.
    expect(candidateSprints([...own, older], 2, now, 1).map((s) => s.id)).toEqual([11, 10, 21]);
  });

  it('are candidates when completed at the very instant the oldest reported sprint of the board\'s own was', () => {
    const own = [generateSprint({ id: 10, startDate: START, completeDate: COMPLETE })];
    const sameEnd = generateSprint({ id: 22, startDate: BEFORE, completeDate: COMPLETE, originBoardId: 2 });
    const earlier = generateSprint({ id: 23, startDate: BEFORE, completeDate: '2026-03-16T09:59:59.999Z', originBoardId: 2 });
    expect(candidateSprints([...own, sameEnd, earlier], 1, now, 1).map((s) => s.id)).toEqual([10, 22]);
  });
});

describe('the report\'s sprint order', () => {
  const reported = (id: number, state: 'closed' | 'active', start: string, end: string): SprintConvergence => ({
    ...converge([]),
    sprintId: id,
    name: `Sprint ${id}`,
    state,
    provisional: state === 'active',
    start,
    end,
  });

  it('puts the running sprint that started last first, whatever their ids, and ends every running sprint now', () => {
    const now = '2026-03-20T00:00:00.000Z';
    const r = convergenceReport({
      sprints: [reported(10, 'active', '2026-03-10T00:00:00.000Z', now), reported(20, 'active', '2026-03-01T00:00:00.000Z', now)],
      target: 0.95,
      nearBand: 0.1,
      basis: 'issues',
    });
    expect(r.sprints.map((s) => s.sprintId)).toEqual([10, 20]);
  });

  it('orders closed sprints by completion, newest first, from any order given', () => {
    const ends = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01', '2026-05-01'];
    const sprints = ends.map((d, i) => reported(i + 1, 'closed', '2025-12-01T00:00:00.000Z', `${d}T00:00:00.000Z`));
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 3, 0, 4, 2]]) {
      const r = convergenceReport({ sprints: order.map((i) => sprints[i] as SprintConvergence), target: 0.95, nearBand: 0.1, basis: 'issues' });
      expect(r.sprints.map((s) => s.sprintId)).toEqual([5, 4, 3, 2, 1]);
    }
  });
});

describe('member rows', () => {
  it('have flags only for the sets an issue is in, and none for an issue that was never a member in the window', () => {
    const late = issue({ key: 'PAY-11', sprints: [7], changes: [sprintChange('2026-03-20T00:00:00.000Z', '', '7')] });
    const doneIn = issue({ key: 'PAY-12', sprints: [7], status: done, changes: [sprintChange(BEFORE, '', '7'), moves(MID, todo.id, done.id)] });
    const { rows } = sprintMemberRows(args([late, doneIn]));
    expect(rows.map((r) => [r.key, r.flags])).toEqual([['PAY-12', MEMBER.committed | MEMBER.completed | MEMBER.completedCommitted]]);
  });
});
