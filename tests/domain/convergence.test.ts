/**
 * Backlog convergence (docs/metrics.md, "Backlog convergence"), one behaviour a manager would notice per test, on issues
 * with hand-written changelogs.
 */
import { candidateSprints, convergenceReport, indexBySprint, selectSprints } from '../../src/domain/convergence';
import { doneStatusIds } from '../../src/domain/done';
import { statusCatalog } from '../../src/domain/issue';
import type { JiraSprint } from '../../src/domain/jira';
import type { SprintConvergence } from '../../src/domain/report';
import { ALL_STATUSES, at, type Change, generateBoardConfiguration, generateHistory, generateSprint, STATUSES } from '../../src/domain/testing/generate';
import { AFTER, BEFORE, COMPLETE, converge, DONE, estimates, fields, issue, LATE, MID, moves, S7, START } from './convergence-fixtures';

const { todo, inProgress, review, done, closed } = STATUSES;
const joins = (when: string, from = '', to = '7'): Change => ({ at: when, field: 'sprint', from, to });
const leaves = (when: string, from = '7', to = ''): Change => ({ at: when, field: 'sprint', from, to });

describe('issue lists', () => {
  // Keys as Jira orders them: by project key, then by number (PAY-9 before PAY-10), a project that is
  // another's prefix first (A before AB, PAY before PAYM), whatever order the issues come in.
  const keys = ['PAYM-1', 'PAY-10', 'AB-2', 'PAY-9', 'A-10', 'A-9', 'PAY-100', 'B-1'];
  const sorted = ['A-9', 'A-10', 'AB-2', 'B-1', 'PAY-9', 'PAY-10', 'PAY-100', 'PAYM-1'];
  const committedIssues = (order: readonly string[]) => order.map((key) => issue({ key, sprints: [7], changes: [joins(START)] }));

  it('come out in key order from issues given in any order', () => {
    expect(converge(committedIssues(keys)).committed.issues).toEqual(sorted);
    expect(converge(committedIssues([...keys].reverse())).committed.issues).toEqual(sorted);
  });

  it('stay in key order when the issues come sorted already, or sorted but for one pair', () => {
    expect(converge(committedIssues(sorted)).committed.issues).toEqual(sorted);
    const swapped = [...sorted];
    [swapped[4], swapped[5]] = [swapped[5] as string, swapped[4] as string];
    expect(converge(committedIssues(swapped)).committed.issues).toEqual(sorted);
    const projects = ['AB-2', 'A-9', 'B-1'];
    expect(converge(committedIssues(projects)).committed.issues).toEqual(['A-9', 'AB-2', 'B-1']);
  });
});

describe('committed', () => {
  it('counts an issue that joined exactly at the start instant as committed, not added', () => {
    const r = converge([issue({ key: 'PAY-1', sprints: [7], changes: [joins(START)] })]);
    expect(r.committed.issues).toEqual(['PAY-1']);
    expect(r.added.issues).toEqual([]);
  });

  it('counts an issue that joined one millisecond after the start as added', () => {
    const r = converge([issue({ key: 'PAY-1', sprints: [7], changes: [joins('2026-03-02T09:00:00.001Z')] })]);
    expect(r.committed.issues).toEqual([]);
    expect(r.added.issues).toEqual(['PAY-1']);
  });

  it('leaves out an issue already done at the start', () => {
    const r = converge([issue({ key: 'PAY-1', sprints: [7], status: done, changes: [joins(BEFORE), moves('2026-02-25T00:00:00.000Z', todo.id, done.id)] })]);
    expect(r.committed.count).toBe(0);
    expect(r.completed.count).toBe(0);
    expect(r.convergence.issues).toBeNull();
  });
});

describe('added', () => {
  it('counts an issue created straight into the running sprint as added at its creation', () => {
    const created = issue({ key: 'PAY-2', created: MID, sprints: [7], status: done, estimate: 3, changes: [moves(LATE, todo.id, done.id)] });
    const r = converge([created]);
    expect(r.added).toEqual({ count: 1, points: 3, issues: ['PAY-2'] });
    expect(r.completed.issues).toEqual(['PAY-2']);
    expect(r.committed.count).toBe(0);
  });

  it('ignores an issue created after now', () => {
    const r = converge([issue({ key: 'PAY-2', created: LATE, sprints: [7] })], { now: at(MID), sprint: { ...S7, state: 'active' } });
    expect(r.added.count).toBe(0);
    expect(r.notCompleted.count).toBe(0);
  });
});

describe('completed', () => {
  it('does not credit an issue that was done before it joined the sprint', () => {
    const r = converge([issue({ key: 'PAY-3', sprints: [7], status: done, changes: [moves('2026-03-05T00:00:00.000Z', todo.id, done.id), joins(MID)] })]);
    expect(r.added.issues).toEqual(['PAY-3']);
    expect(r.completed.count).toBe(0);
    expect(r.notCompleted.count).toBe(0);
  });

  it('credits an issue done inside the sprint, and closed (another done status) counts as done', () => {
    const r = converge([
      issue({ key: 'PAY-4', sprints: [7], status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] }),
      issue({ key: 'PAY-5', sprints: [7], status: closed, changes: [joins(BEFORE), moves(MID, inProgress.id, closed.id)] }),
    ]);
    expect(r.completed.issues).toEqual(['PAY-4', 'PAY-5']);
    expect(r.completedCommitted.issues).toEqual(['PAY-4', 'PAY-5']);
    expect(r.convergence.issues).toBe(1);
  });

  it('does not credit an issue done while out of the sprint and then re-added', () => {
    const r = converge([
      issue({
        key: 'PAY-6',
        sprints: [7],
        status: done,
        changes: [joins(BEFORE), leaves('2026-03-04T00:00:00.000Z'), moves('2026-03-05T00:00:00.000Z', todo.id, done.id), joins(MID)],
      }),
    ]);
    expect(r.committed.issues).toEqual(['PAY-6']);
    expect(r.completed.count).toBe(0);
    expect(r.removed.count).toBe(0);
    expect(r.convergence.issues).toBe(0);
  });

  it('counts an issue reopened before the end as carried over, not completed', () => {
    const r = converge([
      issue({ key: 'PAY-7', sprints: [7], status: review, changes: [joins(BEFORE), moves(MID, todo.id, done.id), moves(LATE, done.id, review.id)] }),
    ]);
    expect(r.completed.count).toBe(0);
    expect(r.notCompleted.issues).toEqual(['PAY-7']);
  });
});

describe('removed', () => {
  it('counts an issue that left and came back as still committed and not removed', () => {
    const r = converge([issue({ key: 'PAY-8', sprints: [7], changes: [joins(BEFORE), leaves(MID), joins(LATE)] })]);
    expect(r.committed.issues).toEqual(['PAY-8']);
    expect(r.removed.count).toBe(0);
    expect(r.added.count).toBe(0);
    expect(r.notCompleted.issues).toEqual(['PAY-8']);
  });

  it('counts an issue added and removed inside the sprint as both added and removed', () => {
    const r = converge([issue({ key: 'PAY-9', sprints: [], changes: [joins(MID), leaves(LATE)] })]);
    expect(r.added.issues).toEqual(['PAY-9']);
    expect(r.removed.issues).toEqual(['PAY-9']);
    expect(r.scopeChange).toBeNull(); // nothing committed
  });

  it('takes the points of a removed issue at the instant it last left, not at the end', () => {
    const r = converge([
      issue({
        key: 'PAY-10',
        sprints: [],
        estimate: 13,
        changes: [
          joins(BEFORE),
          estimates(BEFORE, null, 2),
          leaves('2026-03-04T00:00:00.000Z'),
          joins('2026-03-05T00:00:00.000Z'),
          estimates(MID, 2, 5), // stamped exactly when it leaves again: counts as at or before it
          leaves(MID),
          estimates(LATE, 5, 13),
        ],
      }),
    ]);
    expect(r.committed).toEqual({ count: 1, points: 2, issues: ['PAY-10'] });
    expect(r.removed).toEqual({ count: 1, points: 5, issues: ['PAY-10'] });
    expect(r.scopeChange).toBe(1);
  });
});

describe('carry-over', () => {
  const S8 = generateSprint({ id: 8, startDate: '2026-03-16T11:00:00.000Z', completeDate: '2026-03-30T10:00:00.000Z' });
  const S9 = generateSprint({ id: 9, startDate: '2026-03-30T11:00:00.000Z', completeDate: '2026-04-13T10:00:00.000Z' });
  const carried = issue({
    key: 'PAY-11',
    sprints: [7, 8, 9],
    status: done,
    changes: [
      joins(BEFORE),
      { at: COMPLETE, field: 'sprint', from: '7', to: '7, 8' }, // Jira keeps the closed sprint
      { at: '2026-03-30T10:00:00.000Z', field: 'sprint', from: '7, 8', to: '7, 8, 9' },
      moves('2026-04-07T00:00:00.000Z', todo.id, done.id),
    ],
  });
  const later = at('2026-05-01T00:00:00.000Z');

  it('counts an issue carried over twice as not completed in the first two sprints and completed in the third', () => {
    const r7 = converge([carried], { now: later });
    const r8 = converge([carried], { sprint: S8, now: later });
    const r9 = converge([carried], { sprint: S9, now: later });
    expect(r7.notCompleted.issues).toEqual(['PAY-11']);
    expect(r7.removed.count).toBe(0);
    expect(r8.committed.issues).toEqual(['PAY-11']);
    expect(r8.notCompleted.issues).toEqual(['PAY-11']);
    expect(r8.completed.count).toBe(0);
    expect(r9.completedCommitted.issues).toEqual(['PAY-11']);
    expect([r7.convergence.issues, r8.convergence.issues, r9.convergence.issues]).toEqual([0, 0, 1]);
  });

  it('finds the issue under each sprint it was ever a member of', () => {
    const index = indexBySprint([carried]);
    expect([...index.keys()].sort()).toEqual([7, 8, 9]);
  });
});

describe('points', () => {
  it('takes committed points at the start and completed points at the end when re-estimated mid-sprint', () => {
    const r = converge(
      [issue({ key: 'PAY-12', sprints: [7], status: done, estimate: 8, changes: [joins(BEFORE), estimates(BEFORE, null, 3), estimates(MID, 3, 8), moves(LATE, todo.id, done.id)] })],
      { basis: 'points' },
    );
    expect(r.committed.points).toBe(3);
    expect(r.completedCommitted.points).toBe(3);
    expect(r.completed.points).toBe(8);
    expect(r.convergence).toEqual({ issues: 1, points: 1 });
  });

  it('counts an estimate of 0 and no estimate both as 0 points, and has no points ratio when nothing was estimated', () => {
    const r = converge(
      [
        issue({ key: 'PAY-13', sprints: [7], estimate: 0, changes: [joins(BEFORE)] }),
        issue({ key: 'PAY-14', sprints: [7], estimate: null, status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] }),
      ],
      { basis: 'points' },
    );
    expect(r.committed).toEqual({ count: 2, points: 0, issues: ['PAY-13', 'PAY-14'] });
    expect(r.convergence).toEqual({ issues: 0.5, points: null });
    expect(r.status).toBeNull();
  });

  it('judges points convergence on the points delivered of the points committed', () => {
    const r = converge(
      [
        issue({ key: 'PAY-15', sprints: [7], estimate: 1, status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] }),
        issue({ key: 'PAY-16', sprints: [7], estimate: 3, changes: [joins(BEFORE)] }),
      ],
      { basis: 'points' },
    );
    expect(r.convergence).toEqual({ issues: 0.5, points: 0.25 });
    expect(r.status).toBe('missed');
  });
});

describe('scope', () => {
  it('excludes sub-tasks everywhere, even when handed in', () => {
    const sub = issue({ key: 'PAY-17', subtask: true, sprints: [7], changes: [joins(BEFORE)] });
    expect(converge([sub]).committed.count).toBe(0);
    expect(indexBySprint([sub]).size).toBe(0);
  });

  it('matches Sprint items without a fieldId by name', () => {
    const r = converge([issue({ key: 'PAY-18', sprints: [7], changes: [{ ...joins(MID), omitFieldId: true }] })]);
    expect(r.added.issues).toEqual(['PAY-18']);
  });

  it('never counts a membership that held only between two changes at the same instant, whatever the order Jira sends them in', () => {
    const h1 = generateHistory([joins(MID)], 501);
    const h2 = generateHistory([leaves(MID)], 502);
    const r = converge([issue({ key: 'PAY-19', sprints: [], histories: [h2, h1] })]);
    expect(r.added.count).toBe(0);
    expect(r.removed.count).toBe(0);
  });

  it('applies the later history id when two changes share an instant', () => {
    const h1 = generateHistory([joins(MID, '', '8')], 601);
    const h2 = generateHistory([joins(MID, '8', '7')], 602); // sent first, applied last
    const r = converge([issue({ key: 'PAY-20', sprints: [7], histories: [h2, h1] })]);
    expect(r.added.issues).toEqual(['PAY-20']);
    expect(r.notCompleted.issues).toEqual(['PAY-20']);
  });

  it('restricts every set to the issues a roll-up includes', () => {
    const a = issue({ key: 'PAY-21', sprints: [7], labels: ['payments'], changes: [joins(BEFORE)] });
    const b = issue({ key: 'PAY-22', sprints: [7], status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] });
    const r = converge([a, b], { include: (i) => (i.issue.fields.labels ?? []).includes('payments') });
    expect(r.committed.issues).toEqual(['PAY-21']);
    expect(r.completed.count).toBe(0);
    expect(r.convergence.issues).toBe(0);
  });

  it('lists keys by project, then issue number, and counts an issue handed in twice once', () => {
    const mk = (key: string) => issue({ key, sprints: [7], changes: [joins(BEFORE)] });
    const ten = mk('PAY-10');
    const r = converge([ten, mk('PAY-9'), mk('APP-100'), ten]);
    expect(r.committed.issues).toEqual(['APP-100', 'PAY-9', 'PAY-10']);
    expect(r.committed.count).toBe(3);
  });
});

describe('done statuses', () => {
  const catalog = statusCatalog(ALL_STATUSES);

  it('are the statuses of the rightmost column of the board', () => {
    const board = generateBoardConfiguration({
      columnConfig: {
        columns: [
          { name: 'To Do', statuses: [{ id: todo.id }] },
          { name: 'In Progress', statuses: [{ id: inProgress.id }, { id: done.id }] },
          { name: 'Accepted', statuses: [{ id: closed.id }] },
        ],
      },
    });
    expect([...doneStatusIds(board, catalog)]).toEqual([closed.id]);
    const finished = issue({ key: 'PAY-23', sprints: [7], status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] });
    expect(converge([finished], { doneStatusIds: doneStatusIds(board, catalog) }).notCompleted.issues).toEqual(['PAY-23']);
  });

  it('are the statuses of category done when the board configuration is not available', () => {
    expect(new Set(doneStatusIds(null, catalog))).toEqual(new Set([done.id, closed.id]));
  });

  it('are none when the rightmost column has no status', () => {
    const board = generateBoardConfiguration({
      columnConfig: { columns: [{ name: 'To Do', statuses: [{ id: todo.id }] }, { name: 'Done', statuses: [] }] },
    });
    expect(doneStatusIds(board, catalog).size).toBe(0);
  });
});

describe('active sprint', () => {
  it('is judged up to now and marked provisional', () => {
    const active: JiraSprint = { ...S7, state: 'active', completeDate: null };
    const late = issue({ key: 'PAY-24', sprints: [7], status: done, changes: [joins(BEFORE), moves(LATE, todo.id, done.id)] });
    const r = converge([late], { sprint: active, now: at(MID) });
    expect(r).toMatchObject({ state: 'active', provisional: true, start: START, end: MID });
    expect(r.notCompleted.issues).toEqual(['PAY-24']);
    expect(r.completed.count).toBe(0);
  });

  it('reports a closed sprint at a past now, before its completion, as active', () => {
    const r = converge([], { now: at(MID) });
    expect(r).toMatchObject({ state: 'active', provisional: true, end: MID });
  });

  it('refuses a sprint that had not started at now', () => {
    expect(() => converge([], { sprint: { ...S7, state: 'future' } })).toThrow(RangeError);
  });
});

describe('status against the target', () => {
  const withConvergence = (completedOf4: number) =>
    converge(
      ['PAY-30', 'PAY-31', 'PAY-32', 'PAY-33'].map((key, i) =>
        i < completedOf4
          ? issue({ key, sprints: [7], status: done, changes: [joins(BEFORE), moves(MID, todo.id, done.id)] })
          : issue({ key, sprints: [7], changes: [joins(BEFORE)] }),
      ),
      { target: 0.75, nearBand: 0.25 },
    );

  it('is met at the target, near within the band below it, missed under the band, and null with no commitment', () => {
    expect(withConvergence(4).status).toBe('met');
    expect(withConvergence(3).status).toBe('met');
    expect(withConvergence(2).status).toBe('near');
    expect(withConvergence(1).status).toBe('missed');
    expect(converge([]).status).toBeNull();
  });
});

describe('report over several sprints', () => {
  const sprint = (id: number, state: 'closed' | 'active', committed: number, completedCommitted: number, end: string): SprintConvergence => ({
    boardId: 1,
    sprintId: id,
    name: `Sprint ${id}`,
    state,
    shared: false,
    start: '2026-01-01T00:00:00.000Z',
    end,
    provisional: state === 'active',
    committed: { count: committed, points: committed * 2, issues: [] },
    added: { count: 0, points: 0, issues: [] },
    removed: { count: 0, points: 0, issues: [] },
    completed: { count: completedCommitted, points: 0, issues: [] },
    completedCommitted: { count: completedCommitted, points: completedCommitted * 2, issues: [] },
    notCompleted: { count: 0, points: 0, issues: [] },
    movedToNextSprint: { count: 0, points: 0, issues: [] },
    convergence: { issues: completedCommitted / committed, points: completedCommitted / committed },
    scopeChange: 0,
    status: null,
  });

  it('is the ratio of the sums over closed sprints, not the mean of their ratios, and ignores active sprints', () => {
    const r = convergenceReport({
      sprints: [sprint(1, 'closed', 1, 1, '2026-02-01T00:00:00.000Z'), sprint(2, 'closed', 3, 1, '2026-03-01T00:00:00.000Z'), sprint(3, 'active', 10, 0, '2026-03-05T00:00:00.000Z')],
      target: 0.95,
      nearBand: 0.1,
      basis: 'issues',
    });
    expect(r.overall.committed).toEqual({ count: 4, points: 8 });
    expect(r.overall.completedCommitted).toEqual({ count: 2, points: 4 });
    expect(r.overall.convergence).toEqual({ issues: 0.5, points: 0.5 }); // mean of ratios would be 0.667
    expect(r.overall.status).toBe('missed');
    expect(r.sprints.map((s) => s.sprintId)).toEqual([3, 2, 1]);
    expect(r.target).toBe(0.95);
  });

  it('lists running sprints first by start, newest first, then closed ones by end; equal instants by board, then by sprint, newest first', () => {
    const on = (board: number, id: number, state: 'closed' | 'active', start: string, end: string): SprintConvergence => ({ ...sprint(id, state, 1, 1, end), boardId: board, start });
    const r = convergenceReport({
      sprints: [
        on(1, 1, 'closed', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'),
        on(2, 5, 'closed', '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
        on(1, 2, 'closed', '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
        on(1, 3, 'closed', '2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z'),
        // A running sprint started long ago still comes before every closed one; running ones by start.
        on(2, 6, 'active', '2026-01-10T00:00:00.000Z', '2026-03-20T00:00:00.000Z'),
        on(1, 4, 'active', '2026-03-02T00:00:00.000Z', '2026-03-20T00:00:00.000Z'),
      ],
      target: 0.95,
      nearBand: 0.1,
      basis: 'issues',
    });
    expect(r.sprints.map((x) => `${x.boardId}:${x.sprintId}`)).toEqual(['1:4', '2:6', '1:3', '1:2', '2:5', '1:1']);
  });

  it('has no ratio and no status when no closed sprint committed anything', () => {
    const r = convergenceReport({ sprints: [sprint(3, 'active', 10, 0, AFTER)], target: 0.95, nearBand: 0.1, basis: 'points' });
    expect(r.overall).toEqual({
      committed: { count: 0, points: 0 },
      completedCommitted: { count: 0, points: 0 },
      convergence: { issues: null, points: null },
      status: null,
    });
  });
});

describe('sprints reported', () => {
  const closedAt = (id: number, completeDate: string | null) => generateSprint({ id, startDate: '2026-01-01T00:00:00.000Z', completeDate });
  const now = at('2026-06-01T00:00:00.000Z');

  it('are the active ones, then the newest N closed by completeDate, and never future ones', () => {
    const sprints: JiraSprint[] = [
      closedAt(1, '2026-02-01T00:00:00.000Z'),
      closedAt(2, '2026-04-01T00:00:00.000Z'),
      closedAt(3, '2026-03-01T00:00:00.000Z'), // completed before 2 though its id is higher
      generateSprint({ id: 4, state: 'active', startDate: '2026-05-20T00:00:00.000Z', completeDate: null }),
      generateSprint({ id: 5, state: 'future', startDate: '2026-05-01T00:00:00.000Z', completeDate: null }),
    ];
    expect(selectSprints(sprints, 2, now).map((s) => s.id)).toEqual([4, 2, 3]);
    expect(selectSprints(sprints, 0, now).map((s) => s.id)).toEqual([4]);
  });

  it('leave out sprints that start after now and closed sprints without a completeDate', () => {
    const sprints: JiraSprint[] = [
      closedAt(1, null),
      generateSprint({ id: 2, state: 'active', startDate: '2026-07-01T00:00:00.000Z', completeDate: null }),
      closedAt(3, '2026-05-01T00:00:00.000Z'),
    ];
    expect(selectSprints(sprints, 6, now).map((s) => s.id)).toEqual([3]);
  });

  it('treat a sprint completed after now as active at now', () => {
    const sprints = [closedAt(1, '2026-07-01T00:00:00.000Z'), closedAt(2, '2026-05-01T00:00:00.000Z')];
    expect(selectSprints(sprints, 1, now).map((s) => s.id)).toEqual([1, 2]);
  });

  it('list a sprint once however often the listing repeats it, and order equal ends by id, newest first', () => {
    const sprints = [closedAt(1, '2026-04-01T00:00:00.000Z'), closedAt(2, '2026-04-01T00:00:00.000Z'), closedAt(1, '2026-04-01T00:00:00.000Z'), closedAt(3, '2026-03-01T00:00:00.000Z')];
    expect(selectSprints(sprints, 3, now).map((s) => s.id)).toEqual([2, 1, 3]);
    const actives = [
      generateSprint({ id: 7, state: 'active', startDate: '2026-05-01T00:00:00.000Z', completeDate: null }),
      generateSprint({ id: 8, state: 'active', startDate: '2026-05-20T00:00:00.000Z', completeDate: null }),
      generateSprint({ id: 6, state: 'active', startDate: '2026-05-01T00:00:00.000Z', completeDate: null }),
    ];
    expect(selectSprints(actives, 0, now).map((s) => s.id)).toEqual([8, 7, 6]);
  });

  describe('on a board whose listing holds other boards\' sprints (originBoardId)', () => {
    const own = (id: number, completeDate: string) => ({ ...closedAt(id, completeDate), originBoardId: 1 });
    const foreign = (id: number, completeDate: string | null, state: 'closed' | 'active' | 'future' = 'closed') => ({
      ...generateSprint({ id, state, startDate: state === 'future' ? '2026-07-01T00:00:00.000Z' : '2026-01-01T00:00:00.000Z', completeDate }),
      originBoardId: 2,
    });
    const listing: JiraSprint[] = [
      own(10, '2026-02-01T00:00:00.000Z'),
      own(11, '2026-03-01T00:00:00.000Z'),
      own(12, '2026-04-01T00:00:00.000Z'),
      foreign(20, '2026-01-15T00:00:00.000Z'), // completed before the oldest own sprint reported
      foreign(21, '2026-03-15T00:00:00.000Z'),
      foreign(22, null, 'active'),
      foreign(23, null, 'future'),
      foreign(21, '2026-03-15T00:00:00.000Z'), // listed twice
      { ...closedAt(13, '2026-05-01T00:00:00.000Z'), originBoardId: null }, // older data: taken as the board's own
    ];

    it('read the members of its own reported sprints and of every other board\'s sprint that could be among them', () => {
      // Own reported (newest 2 closed): 13 and 12; the oldest of them ended 2026-04-01, so only
      // other boards' sprints running, or completed no earlier than that, are candidates: 22 (active).
      expect(candidateSprints(listing, 2, now, 1).map((s) => s.id)).toEqual([13, 12, 22]);
      // Newest 3: the oldest own reported ends 2026-03-01, so 21 (2026-03-15) is a candidate too, once.
      expect(candidateSprints(listing, 3, now, 1).map((s) => s.id)).toEqual([13, 12, 11, 21, 22]);
      // More sprints asked than the board has closed: every other board's started sprint could count.
      expect(candidateSprints(listing, 9, now, 1).map((s) => s.id)).toEqual([13, 12, 11, 10, 20, 21, 22]);
    });

    it('report another board\'s sprint only when it held one of this board\'s issues, and never let one that did not push out its own', () => {
      const held = new Set([21]);
      const board = { boardId: 1, hasMember: (s: JiraSprint) => held.has(s.id) };
      expect(selectSprints(listing, 3, now, board).map((s) => s.id)).toEqual([13, 12, 21]);
      expect(selectSprints(listing, 5, now, board).map((s) => s.id)).toEqual([13, 12, 21, 11, 10]);
      // The same listing seen from board 2: its own sprints always (13, without an originBoardId, is
      // taken as any board's own), board 1's only when they held its issues.
      const fromTwo = { boardId: 2, hasMember: () => false };
      expect(selectSprints(listing, 5, now, fromTwo).map((s) => s.id)).toEqual([22, 13, 21, 20]);
    });
  });
});
