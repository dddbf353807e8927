/** What hygiene knows about an issue's sprints: its current and past sprints, and each sprint's facts from the boards or the issue's own field. */
import { currentSprintIds, everSprintIds, sprintFacts } from '../../src/domain/hygiene/sprints';
import { generateHistories, generateSprint, SPRINT_FIELD_ID } from '../../src/domain/testing/generate';
import { ctx, issue, SPRINTS } from './hygiene-fixtures';

describe('an issue’s sprints', () => {
  // In sprint 1, then 2; now in 2 (replayed) and, per the field Jira returned, in 9 on another team's board.
  const fieldValue = [
    { id: 2, name: 'S2', state: 'closed', completeDate: '2026-03-16T10:00:00.000Z' },
    { id: 9, name: 'Other team', state: 'ACTIVE', boardId: 42, completeDate: '2026-03-31T10:00:00.000Z' },
    null,
    'junk',
    { id: '7', name: 'not an id' },
  ];
  const p = issue({
    key: 'PAY-90',
    sprints: [2],
    fields: { [SPRINT_FIELD_ID]: fieldValue },
    histories: generateHistories([
      { at: '2026-02-17T10:00:00Z', field: 'sprint', from: '', to: '1' },
      { at: '2026-03-02T12:00:00Z', field: 'sprint', from: '1', to: '2' },
    ]),
  });

  it('is a member of the replayed sprints and of every sprint the field names by a numeric id', () => {
    expect(currentSprintIds(p, ctx())).toEqual([2, 9]);
  });

  it('was ever in the sprints of its history and the current ones', () => {
    expect(everSprintIds(p, ctx())).toEqual([1, 2, 9]);
  });

  it('takes a sprint’s facts from the boards first, then from the issue’s field, else knows nothing', () => {
    const facts = sprintFacts(p, ctx());
    expect(facts(2)).toEqual({ id: 2, state: 'closed', completedAt: Date.parse('2026-03-16T10:00:00.000Z'), boardId: SPRINTS[1]?.originBoardId ?? null });
    expect(facts(9)).toEqual({ id: 9, state: 'active', completedAt: Date.parse('2026-03-31T10:00:00.000Z'), boardId: 42 });
    expect(facts(7)).toEqual({ id: 7, state: null, completedAt: null, boardId: null });
  });

  it('answers for the context asked, not for the one asked before', () => {
    const before = ctx();
    expect(sprintFacts(p, before)(2).state).toBe('closed');
    const reopened = new Map(SPRINTS.map((s) => [s.id, s.id === 2 ? generateSprint({ id: 2, state: 'active', startDate: s.startDate ?? null, completeDate: null }) : s]));
    const after = ctx({ sprintsById: reopened });
    expect(sprintFacts(p, after)(2)).toMatchObject({ state: 'active', completedAt: null });
    // Another issue in the same context gets its own sprints.
    const other = issue({ key: 'PAY-91', sprints: [3] });
    expect(currentSprintIds(other, after)).toEqual([3]);
    expect(currentSprintIds(p, after)).toEqual([2, 9]);
  });

  it('has no current sprint from a field that is not a list', () => {
    const odd = issue({ key: 'PAY-92', fields: { [SPRINT_FIELD_ID]: 'Sprint 2' } });
    expect(currentSprintIds(odd, ctx())).toEqual([]);
    expect(sprintFacts(odd, ctx())(99)).toEqual({ id: 99, state: null, completedAt: null, boardId: null });
  });
});
