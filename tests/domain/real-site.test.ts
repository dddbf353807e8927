/**
 * What real Jira Cloud data does that a tidy site does not (docs/metrics.md, "Backlog convergence": Shared sprints; the
 * estimate rule, §5 "as of now"), on histories shaped like real ones: foreign sprints in a board's
 * listing (`originBoardId`), `""` for an empty Sprint value, a Sprint set at creation with no
 * changelog item, a sub-task created after `now`, a negative story-point value, statuses the site
 * no longer has, issues in a status no column of the board shows.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import { defaultConfig, type GovernanceConfig } from '../../src/domain/config';
import { convergenceNotes, indexBySprint, selectSprints, sprintConvergence, sprintHasMember, sprintWindow, type SprintConvergenceArgs } from '../../src/domain/convergence';
import { doneStatusIds } from '../../src/domain/done';
import { hygieneContext, hygieneReport, issueViolations } from '../../src/domain/hygiene';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog } from '../../src/domain/issue';
import type { JiraSprint } from '../../src/domain/jira';
import {
  ALL_STATUSES,
  at,
  type Change,
  FIELDS,
  generateBoardConfiguration,
  generateHistory,
  generateIssue,
  generateSprint,
  type IssueOverrides,
  STATUSES,
} from '../../src/domain/testing/generate';
import type { LoadedBoards } from '../../src/services/board-data';
import { computeReport } from '../../src/services/report';

const { todo, inProgress, done } = STATUSES;
const fields = discoverFields(FIELDS);
const catalog = statusCatalog(ALL_STATUSES);
const DONE = doneStatusIds(generateBoardConfiguration(), catalog);
const BOARD = 1;
const OTHER_BOARD = 2;

let historyId = 1;
function issue(o: IssueOverrides & { changes?: Change[] }): PreparedIssue {
  const histories = (o.changes ?? []).map((c) => generateHistory([c], historyId++));
  return prepareIssue(generateIssue({ created: '2026-01-01T09:00:00.000Z', ...o, histories: o.histories ?? histories }), fields);
}
const sprint = (id: number, completeDay: number, originBoardId = BOARD): JiraSprint =>
  generateSprint({
    id,
    originBoardId,
    startDate: new Date(Date.UTC(2026, 2, completeDay - 14, 9)).toISOString(),
    completeDate: new Date(Date.UTC(2026, 2, completeDay, 9)).toISOString(),
    name: `${originBoardId === BOARD ? 'PAY' : 'WEB'} Sprint ${id}`,
  });

describe('shared sprints (docs/metrics.md, Backlog convergence)', () => {
  // Own sprints 1–3 completed on 17, 21 and 25 March; foreign 91 on 23 March (with our issue), 92 on 27 March (without).
  const own = [sprint(1, 17), sprint(2, 21), sprint(3, 25)];
  const foreignWithOurs = sprint(91, 23, OTHER_BOARD);
  const foreignWithout = sprint(92, 27, OTHER_BOARD);
  const now = at('2026-04-01T00:00:00.000Z');
  // Our issue joined the other board's sprint 91 during it (a Sprint change from "" to "91").
  const ours = issue({ key: 'PAY-1', sprints: [91], changes: [{ at: '2026-03-12T10:00:00.000Z', field: 'sprint', from: '', to: '91' }] });
  const bySprint = indexBySprint([ours]);
  const reporting = { boardId: BOARD, hasMember: (s: JiraSprint, w: NonNullable<ReturnType<typeof sprintWindow>>) => sprintHasMember(bySprint.get(s.id) ?? [], s.id, w, now) };

  it("reports another board's sprint only when one of this board's issues was in it, and it counts among the newest N", () => {
    const listing = [...own, foreignWithOurs, foreignWithout];
    expect(selectSprints(listing, 3, now, reporting).map((s) => s.id)).toEqual([3, 91, 2]);
    // Without the board, every listed sprint would be reported and the foreign one with none of our issues would push ours out.
    expect(selectSprints(listing, 3, now).map((s) => s.id)).toEqual([92, 3, 91]);
  });

  it('marks the shared sprint in its figures, and counts only this board\'s issues in it', () => {
    const r = sprintConvergence({ boardId: BOARD, sprint: foreignWithOurs, issues: [ours], doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'issues' });
    expect(r.shared).toBe(true);
    expect(r.added.issues).toEqual(['PAY-1']);
    const mine = sprintConvergence({ boardId: BOARD, sprint: own[0] as JiraSprint, issues: [], doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'issues' });
    expect(mine.shared).toBe(false);
  });

  it('takes a sprint without originBoardId (older data) as the board\'s own', () => {
    const legacy = { ...sprint(5, 29), originBoardId: null };
    expect(selectSprints([legacy], 3, now, reporting).map((s) => s.id)).toEqual([5]);
  });

  it('reads a Sprint set at creation (no changelog item) as membership from the creation instant', () => {
    const created = issue({ key: 'PAY-2', created: '2026-03-10T12:00:00.000Z', sprints: [91] });
    const w = sprintWindow(foreignWithOurs, now);
    if (!w) throw new Error('sprint not reported');
    expect(sprintHasMember([created], 91, w, now)).toBe(true);
    const r = sprintConvergence({ boardId: BOARD, sprint: foreignWithOurs, issues: [created], doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'issues' });
    expect(r.added.issues).toEqual(['PAY-2']);
  });
});

describe('the estimate rule', () => {
  const s7 = generateSprint({ id: 7, startDate: '2026-03-02T09:00:00.000Z', completeDate: '2026-03-16T10:00:00.000Z' });
  const now = at('2026-04-01T00:00:00.000Z');
  const converge = (issues: PreparedIssue[], o: Partial<SprintConvergenceArgs> = {}) =>
    sprintConvergence({ boardId: BOARD, sprint: s7, issues, doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'points', ...o });

  it('counts a negative or non-finite estimate as no value (0 points), and notes the issue', () => {
    const negative = issue({ key: 'PAY-1', sprints: [7], estimate: -5 });
    const infinite = issue({ key: 'PAY-2', sprints: [7], changes: [{ at: '2026-02-01T00:00:00.000Z', field: 'estimate', fromString: null, toString: 'Infinity' }] });
    const fine = issue({ key: 'PAY-3', sprints: [7], estimate: 3 });
    const notes = convergenceNotes();
    const r = converge([negative, infinite, fine], { notes });
    expect(r.committed.points).toBe(3);
    expect(r.convergence.points).toBe(0);
    expect([...notes.invalidEstimates].sort()).toEqual(['PAY-1', 'PAY-2']);
  });

  it('keeps an estimate of 0 as a value (not unusable)', () => {
    const notes = convergenceNotes();
    const r = converge([issue({ key: 'PAY-1', sprints: [7], estimate: 0 })], { notes });
    expect(r.committed).toEqual({ count: 1, points: 0, issues: ['PAY-1'] });
    expect(notes.invalidEstimates.size).toBe(0);
  });
});

describe('not completed: moved to the next sprint, or back to the backlog', () => {
  const s7 = generateSprint({ id: 7, startDate: '2026-03-02T09:00:00.000Z', completeDate: '2026-03-16T10:00:00.000Z' });
  const now = at('2026-04-01T00:00:00.000Z');
  it('tells the issues Jira moved to the next sprint at the completion from those returned to the backlog', () => {
    const moved = issue({ key: 'PAY-1', sprints: [7, 8], changes: [{ at: '2026-03-16T10:00:01.000Z', field: 'sprint', from: '7', to: '7, 8' }] });
    const backlog = issue({ key: 'PAY-2', sprints: [7] });
    const laterPlanned = issue({ key: 'PAY-3', sprints: [7, 9], changes: [{ at: '2026-03-20T10:00:00.000Z', field: 'sprint', from: '7', to: '7, 9' }] });
    const r = sprintConvergence({ boardId: BOARD, sprint: s7, issues: [moved, backlog, laterPlanned], doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'issues' });
    expect(r.notCompleted.issues).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(r.movedToNextSprint.issues).toEqual(['PAY-1']);
  });
});

describe('as of now (docs/metrics.md)', () => {
  const now = at('2026-03-10T12:00:00.000Z');
  const ctx = (config: GovernanceConfig = defaultConfig(), byKey: Map<string, PreparedIssue> = new Map()) =>
    hygieneContext({ now, config, catalog, issuesByKey: byKey, sprintFieldId: null, estimationFieldId: null });

  it('does not count a sub-task created after now as open under its done parent', () => {
    const later = issue({ key: 'PAY-9', subtask: true, created: '2026-03-12T09:00:00.000Z', status: todo });
    const parent = issue({
      key: 'PAY-8',
      status: done,
      resolution: 'Done',
      changes: [{ at: '2026-03-05T10:00:00.000Z', field: 'status', from: todo.id, to: done.id }],
      subtasks: [{ key: 'PAY-9', status: todo }],
    });
    expect(issueViolations(parent, ctx(defaultConfig(), new Map([['PAY-9', later]]))).map((v) => v.id)).not.toContain('open-subtasks-under-done-parent');
    // Had the sub-task existed at now, open, the parent would break the rule.
    const earlier = issue({ key: 'PAY-9', subtask: true, created: '2026-03-06T09:00:00.000Z', status: todo });
    expect(issueViolations(parent, ctx(defaultConfig(), new Map([['PAY-9', earlier]]))).map((v) => v.id)).toContain('open-subtasks-under-done-parent');
  });

  it('judges an issue as it stood at now, not as it is after', () => {
    // In progress and unassigned at now; assigned and done only later.
    const x = issue({
      key: 'PAY-1',
      status: done,
      assignee: 'u-1',
      resolution: 'Done',
      description: 'Acceptance criteria: the payment is sent.',
      updated: '2026-03-20T09:00:00.000Z',
      changes: [
        { at: '2026-03-05T09:00:00.000Z', field: 'status', from: todo.id, to: inProgress.id },
        { at: '2026-03-15T09:00:00.000Z', field: 'assignee', from: null, to: 'u-1' },
        { at: '2026-03-20T09:00:00.000Z', field: 'status', from: inProgress.id, to: done.id },
      ],
    });
    const ids = issueViolations(x, ctx()).map((v) => v.id);
    expect(ids).toContain('unassigned-in-progress');
    expect(ids).not.toContain('done-without-resolution');
    const report = hygieneReport({ issues: [x], ctx: ctx() });
    expect(report.rules.filter((r) => r.count > 0).map((r) => [r.id, r.issues])).toEqual([['unassigned-in-progress', ['PAY-1']]]);
  });

  it('leaves out an issue created after now everywhere', () => {
    const future = issue({ key: 'PAY-7', created: '2026-03-11T09:00:00.000Z', status: inProgress });
    expect(issueViolations(future, ctx())).toEqual([]);
    expect(hygieneReport({ issues: [future], ctx: ctx() }).scanned).toBe(0);
  });
});

describe('the report says what it could not classify', () => {
  const now = at('2026-04-01T00:00:00.000Z');
  const s7 = generateSprint({ id: 7, startDate: '2026-03-02T09:00:00.000Z', completeDate: '2026-03-16T10:00:00.000Z', originBoardId: BOARD });
  const configuration = generateBoardConfiguration();
  function loaded(issues: PreparedIssue[]): LoadedBoards {
    return {
      boards: [{ board: { id: BOARD, name: 'PAY board' }, configuration, sprints: [s7], fields, issueIds: new Set(issues.map((i) => i.id)) }],
      issues: new Map(issues.map((i) => [i.id, i])),
      catalog: new Map(catalog),
      siteStatusIds: new Set(ALL_STATUSES.map((s) => s.id)),
      siteFields: FIELDS,
    };
  }
  const request = (config: GovernanceConfig = defaultConfig()) => ({ boardIds: [BOARD], sprints: 6, now, from: now - 30 * 86_400_000, to: now, config });

  it('counts issues whose history passes through a status the site no longer has', () => {
    const gone = issue({
      key: 'PAY-1',
      sprints: [7],
      status: done,
      changes: [
        { at: '2026-03-05T09:00:00.000Z', field: 'status', from: todo.id, to: '10999', toString: 'Ready for QA' },
        { at: '2026-03-10T09:00:00.000Z', field: 'status', from: '10999', to: done.id },
      ],
    });
    const w = computeReport(loaded([gone, issue({ key: 'PAY-2', sprints: [7] })]), request()).warnings;
    expect(w.deletedStatuses).toEqual({ count: 1, issues: ['PAY-1'], statusIds: ['10999'] });
  });

  it('counts members at a sprint end whose status is in no column of the board', () => {
    const unmapped = issue({ key: 'PAY-3', sprints: [7], status: { id: '10500', name: 'Blocked', statusCategory: { key: 'indeterminate' } } });
    const w = computeReport(loaded([unmapped]), request()).warnings;
    expect(w.unmappedStatuses).toEqual({ count: 1, issues: ['PAY-3'], statusIds: ['10500'] });
  });

  it('counts defects whose priority has no target, in any language', () => {
    const blocker = issue({ key: 'PAY-4', type: 'Ошибка', untranslatedType: 'Bug', typeId: '10004', priority: 'Блокирующий', priorityId: '10000', created: '2026-03-25T09:00:00.000Z' });
    const r = computeReport(loaded([blocker]), request());
    expect(r.defects.noSlaOpen).toBe(1);
    expect(r.warnings.unknownPriorities).toEqual({ count: 1, issues: ['PAY-4'], priorityIds: ['10000'] });
  });

  it('gives the same figures for a Russian-speaking and an English-speaking reader', () => {
    const shaped = (russian: boolean) => [
      issue({ key: 'PAY-5', id: '5', sprints: [7], type: russian ? 'История' : 'Story', untranslatedType: 'Story', typeId: '10001', priority: russian ? 'Высокий' : 'High', priorityId: '2' }),
      issue({ key: 'PAY-6', id: '6', type: russian ? 'Ошибка' : 'Bug', untranslatedType: 'Bug', typeId: '10004', priority: russian ? 'Наивысший' : 'Highest', priorityId: '1', created: '2026-03-25T09:00:00.000Z' }),
    ];
    const config = bankExampleConfig();
    expect(computeReport(loaded(shaped(true)), request(config))).toEqual(computeReport(loaded(shaped(false)), request(config)));
    expect(computeReport(loaded(shaped(true)), request(config)).defects.total.open).toBe(1);
  });
});
