/**
 * What the convergence tests share: sprint 7 and the instants around it, issues with hand-written
 * changelogs (each change in its own history, ids in the order given), and one sprint's figures.
 */
import { sprintConvergence, type SprintConvergenceArgs } from '../../src/domain/convergence';
import { doneStatusIds } from '../../src/domain/done';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog } from '../../src/domain/issue';
import type { SprintConvergence } from '../../src/domain/report';
import { ALL_STATUSES, at, type Change, FIELDS, generateBoardConfiguration, generateHistory, generateIssue, generateSprint, type IssueOverrides } from '../../src/domain/testing/generate';

export const fields = discoverFields(FIELDS);
export const DONE = doneStatusIds(generateBoardConfiguration(), statusCatalog(ALL_STATUSES));

// Sprint 7 runs from START to COMPLETE.
export const START = '2026-03-02T09:00:00.000Z';
export const MID = '2026-03-09T12:00:00.000Z';
export const LATE = '2026-03-12T12:00:00.000Z';
export const COMPLETE = '2026-03-16T10:00:00.000Z';
export const AFTER = '2026-04-01T00:00:00.000Z';
export const BEFORE = '2026-02-20T09:00:00.000Z';
export const S7 = generateSprint({ id: 7, startDate: START, completeDate: COMPLETE });

let historyId = 1;
/** An issue whose changes each sit in their own history, with ids in the order given. */
export function issue(o: IssueOverrides & { changes?: Change[] }): PreparedIssue {
  const histories = (o.changes ?? []).map((c) => generateHistory([c], historyId++));
  return prepareIssue(generateIssue({ created: BEFORE, ...o, histories: o.histories ?? histories }), fields);
}
export const moves = (when: string, from: string, to: string): Change => ({ at: when, field: 'status', from, to });
export const estimates = (when: string, from: number | null, to: number | null): Change => ({
  at: when,
  field: 'estimate',
  fromString: from === null ? null : String(from),
  toString: to === null ? null : String(to),
});

/** Sprint 7 judged after its end, on issues, against 95% with a 10% band; `o` changes any of it. */
export function convergeArgs(issues: PreparedIssue[], o: Partial<SprintConvergenceArgs> = {}): SprintConvergenceArgs {
  return { boardId: 1, sprint: S7, issues, doneStatusIds: DONE, now: at(AFTER), target: 0.95, nearBand: 0.1, basis: 'issues', ...o };
}
export const converge = (issues: PreparedIssue[], o: Partial<SprintConvergenceArgs> = {}): SprintConvergence => sprintConvergence(convergeArgs(issues, o));
