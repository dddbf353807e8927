/**
 * Each board's own sprints at a glance (`boardHeadlines`): what the convergence gadget shows per
 * board instead of one blended "current sprint".
 */
import type { SprintConvergence } from '../../src/domain/report';
import { boardHeadlines } from '../../src/forge/convergence';

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-27T12:00:00.000Z');
const SETTINGS = { basis: 'issues' as const, target: 0.95 };
const NEAR = 0.1;

function set(count: number, points = count): SprintConvergence['committed'] {
  return { count, points, issues: Array.from({ length: count }, (_, i) => `X-${i + 1}`) };
}

function sprint(over: Partial<SprintConvergence> & Pick<SprintConvergence, 'boardId' | 'sprintId'>, done: number, committed: number, points?: { done: number; committed: number }): SprintConvergence {
  const ratio = committed === 0 ? null : done / committed;
  return {
    name: `Sprint ${over.sprintId}`,
    state: 'closed',
    shared: false,
    start: new Date(NOW - 20 * DAY).toISOString(),
    end: new Date(NOW - 6 * DAY).toISOString(),
    provisional: false,
    committed: set(committed, points?.committed),
    added: set(0),
    removed: set(0),
    completed: set(done, points?.done),
    completedCommitted: set(done, points?.done),
    notCompleted: set(committed - done),
    movedToNextSprint: set(0),
    convergence: { issues: ratio, points: points ? (points.committed === 0 ? null : points.done / points.committed) : ratio },
    scopeChange: 0,
    status: null,
    ...over,
  };
}

const running = (boardId: number, sprintId: number, done: number, committed: number, extra: Partial<SprintConvergence> = {}) =>
  sprint({ boardId, sprintId, state: 'active', provisional: true, start: new Date(NOW - 3 * DAY).toISOString(), end: new Date(NOW).toISOString(), ...extra }, done, committed);

describe('boardHeadlines', () => {
  it('keeps every board apart: its running sprint measured so far, its last closed sprint judged', () => {
    const sprints = [
      running(1, 30, 1, 14),
      running(2, 40, 15, 15),
      sprint({ boardId: 1, sprintId: 29, end: new Date(NOW - 4 * DAY).toISOString() }, 11, 13),
      sprint({ boardId: 1, sprintId: 28, end: new Date(NOW - 18 * DAY).toISOString() }, 14, 14),
      sprint({ boardId: 2, sprintId: 39 }, 10, 11),
    ];
    const ends = new Map([
      [30, new Date(NOW + 2.5 * DAY).toISOString()],
      [40, new Date(NOW + 9 * DAY).toISOString()],
    ]);
    const heads = boardHeadlines([1, 2], sprints, SETTINGS, NEAR, ends, NOW);
    expect(heads.map((h) => h.boardId)).toEqual([1, 2]);
    const [one, two] = heads;
    // 1 of 14 done so far is not "missed": a running sprint carries no status at all.
    expect(one!.running).toEqual([
      {
        sprintId: 30,
        name: 'Sprint 30',
        committed: { count: 14, points: 14 },
        completedCommitted: { count: 1, points: 1 },
        doneSoFar: 1 / 14,
        plannedEnd: new Date(NOW + 2.5 * DAY).toISOString(),
        daysLeft: 3,
      },
    ]);
    expect(one!.running[0]).not.toHaveProperty('status');
    expect(one!.last).toEqual({ sprintId: 29, name: 'Sprint 29', convergence: 11 / 13, status: 'missed' });
    expect(one!.closed).toEqual({ sprints: 2, convergence: 25 / 27, status: 'near' });
    expect(two!.running.map((r) => [r.sprintId, r.doneSoFar, r.daysLeft])).toEqual([[40, 1, 9]]);
    expect(two!.last).toEqual({ sprintId: 39, name: 'Sprint 39', convergence: 10 / 11, status: 'near' });
  });

  it('never takes another board’s shared sprint as a board’s current or last one, but counts it among its closed sprints', () => {
    const sprints = [
      running(1, 50, 2, 4, { shared: true, name: 'Other Sprint 50' }),
      sprint({ boardId: 1, sprintId: 49, shared: true, name: 'Other Sprint 49', end: new Date(NOW - 1 * DAY).toISOString() }, 0, 2),
      sprint({ boardId: 1, sprintId: 12, end: new Date(NOW - 5 * DAY).toISOString() }, 4, 4),
    ];
    const [head] = boardHeadlines([1], sprints, SETTINGS, NEAR, new Map(), NOW);
    expect(head!.running).toEqual([]);
    expect(head!.last?.sprintId).toBe(12);
    expect(head!.closed).toEqual({ sprints: 2, convergence: 4 / 6, status: 'missed' });
  });

  it('counts story points on the points basis, and says when a planned end is missing or passed', () => {
    const sprints = [
      running(1, 61, 1, 2, { convergence: { issues: 0.5, points: 0.25 }, committed: set(2, 8), completedCommitted: set(1, 2) }),
      running(1, 60, 0, 0, { start: new Date(NOW - 10 * DAY).toISOString() }),
    ];
    const ends = new Map([[61, new Date(NOW - 0.5 * DAY).toISOString()]]);
    const [head] = boardHeadlines([1], sprints, { basis: 'points', target: 0.9 }, NEAR, ends, NOW);
    // Newest start first; nothing committed: no share; no planned end: no days left.
    expect(head!.running.map((r) => [r.sprintId, r.doneSoFar, r.daysLeft, r.plannedEnd])).toEqual([
      [61, 0.25, 0, new Date(NOW - 0.5 * DAY).toISOString()],
      [60, null, null, null],
    ]);
    expect(head!.last).toBeNull();
    expect(head!.closed).toEqual({ sprints: 0, convergence: null, status: null });
  });

  it('answers a board with nothing to show', () => {
    expect(boardHeadlines([7], [], SETTINGS, NEAR, new Map(), NOW)).toEqual([{ boardId: 7, running: [], last: null, closed: { sprints: 0, convergence: null, status: null } }]);
  });
});
