/**
 * Properties of backlog convergence over random changelogs (fast-check).
 *
 * Each generated issue has a *truth*: its initial Sprint/status/estimate values and an ordered list
 * of changes on an hourly grid around one sprint, so changes often collide with each other and with
 * the sprint's start and end. The changelog Jira would return is written from that truth (one
 * history per change, ids in the order applied, current fields equal to the last change, some
 * custom-field items without a fieldId). The figures computed from the changelog are checked
 * against a brute-force model that evaluates the truth at every instant where it can change.
 */
import fc from 'fast-check';
import { indexBySprint, sprintConvergence } from '../../src/domain/convergence';
import { doneStatusIds } from '../../src/domain/done';
import { valueAt } from '../../src/domain/history';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog, sortKeys } from '../../src/domain/issue';
import type { ChangelogHistory, JiraSprint } from '../../src/domain/jira';
import type { IssueSet, SprintConvergence } from '../../src/domain/report';
import {
  ALL_STATUSES,
  type Change,
  FIELDS,
  generateBoardConfiguration,
  generateHistory,
  generateIssue,
  generateSprint,
  jiraTime,
  rng,
  STATUSES,
} from '../../src/domain/testing/generate';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const LENGTH = 40; // hours
const SPRINT_ID = 7;
const fields = discoverFields(FIELDS);
const DONE = doneStatusIds(generateBoardConfiguration(), statusCatalog(ALL_STATUSES));
const STATUS_IDS = ALL_STATUSES.map((s) => s.id);
const { todo, inProgress, review, done, closed } = STATUSES;
// Most issues start open and many reach a done status, so completion cases are common.
const INITIAL_STATUS_IDS = [todo.id, todo.id, inProgress.id, review.id, done.id];
const TARGET_STATUS_IDS = [...STATUS_IDS, done.id, done.id, closed.id];
const ESTIMATES = [null, 0, 1, 2, 2.5, 3, 5, 8] as const;

type Estimate = number | null;
type FieldChange =
  | { field: 'sprint'; to: readonly number[]; omitFieldId: boolean }
  | { field: 'status'; to: string }
  | { field: 'estimate'; to: Estimate; omitFieldId: boolean };
interface TruthChange {
  /** Hours after `created`. */
  dt: number;
  change: FieldChange;
}
interface Truth {
  key: string;
  subtask: boolean;
  /** Hours from the sprint's start. */
  created: number;
  initial: { sprints: readonly number[]; status: string; estimate: Estimate };
  changes: TruthChange[];
}

const sprintSet = fc.subarray([6, SPRINT_ID, 8]);
const fieldChange: fc.Arbitrary<FieldChange> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ field: fc.constant('sprint' as const), to: sprintSet, omitFieldId: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ field: fc.constant('status' as const), to: fc.constantFrom(...TARGET_STATUS_IDS) }) },
  { weight: 2, arbitrary: fc.record({ field: fc.constant('estimate' as const), to: fc.constantFrom(...ESTIMATES), omitFieldId: fc.boolean() }) },
);
const truthArb = (key: string): fc.Arbitrary<Truth> =>
  fc.record({
    key: fc.constant(key),
    subtask: fc.constantFrom(false, false, false, false, false, true),
    created: fc.integer({ min: -20, max: LENGTH + 10 }),
    initial: fc.record({ sprints: sprintSet, status: fc.constantFrom(...INITIAL_STATUS_IDS), estimate: fc.constantFrom(...ESTIMATES) }),
    changes: fc.array(fc.record({ dt: fc.integer({ min: 0, max: 50 }), change: fieldChange }), { maxLength: 8 }),
  });

interface Scenario {
  truths: Truth[];
  active: boolean;
  /** Hours: after the end of a closed sprint, or into an active one. */
  nowOffset: number;
  shuffleSeed: number;
}
const scenarioArb: fc.Arbitrary<Scenario> = fc
  .integer({ min: 0, max: 12 })
  .chain((n) =>
    fc.record({
      truths: fc.tuple(...Array.from({ length: n }, (_, i) => truthArb(`PAY-${i + 1}`))),
      active: fc.boolean(),
      nowOffset: fc.integer({ min: 0, max: LENGTH }),
      shuffleSeed: fc.integer(),
    }),
  );

const ms = (hours: number) => T0 + hours * HOUR;

/** Changes in the order they were applied, with their instants. */
function applied(t: Truth): { at: number; change: FieldChange }[] {
  return t.changes.map((c) => ({ at: ms(t.created + c.dt), change: c.change })).sort((a, b) => a.at - b.at); // stable
}

/** The truth of one field at instant `at` (undefined before the issue exists). */
function truthAt<F extends FieldChange['field']>(t: Truth, field: F, at: number): Truth['initial'][F extends 'sprint' ? 'sprints' : F] | undefined {
  if (at < ms(t.created)) return undefined;
  const name = (field === 'sprint' ? 'sprints' : field) as keyof Truth['initial'];
  let v: unknown = t.initial[name];
  for (const c of applied(t)) if (c.at <= at && c.change.field === field) v = c.change.to;
  return v as never;
}
const finalOf = <F extends FieldChange['field']>(t: Truth, field: F) => truthAt(t, field, Number.POSITIVE_INFINITY);

const idsText = (ids: readonly number[]) => ids.join(', ');
const numText = (n: Estimate) => (n === null ? null : String(n));

/** The changelog Jira would return for a truth, one history per change, ids in applied order. */
function changelog(t: Truth): ChangelogHistory[] {
  const state = { ...t.initial };
  return applied(t).map(({ at, change }, i) => {
    let c: Change;
    if (change.field === 'sprint') {
      c = { at, field: 'sprint', from: idsText(state.sprints), to: idsText(change.to), omitFieldId: change.omitFieldId };
      state.sprints = change.to;
    } else if (change.field === 'status') {
      c = { at, field: 'status', from: state.status, to: change.to };
      state.status = change.to;
    } else {
      c = { at, field: 'estimate', fromString: numText(state.estimate), toString: numText(change.to), omitFieldId: change.omitFieldId };
      state.estimate = change.to;
    }
    const h = generateHistory([c], 1000 + i);
    // Jira writes each instant in the site's zone: the same instant in another offset.
    if (i % 2 === 1) h.created = jiraTime(at, 180);
    return h;
  });
}

function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const r = rng(seed);
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function prepare(t: Truth, histories = changelog(t)): PreparedIssue {
  const status = ALL_STATUSES.find((s) => s.id === finalOf(t, 'status'));
  return prepareIssue(
    generateIssue({
      key: t.key,
      subtask: t.subtask,
      created: ms(t.created),
      status,
      sprints: [...(finalOf(t, 'sprint') ?? [])],
      estimate: finalOf(t, 'estimate') ?? null,
      histories,
    }),
    fields,
  );
}

function sprintOf(s: Scenario): { sprint: JiraSprint; now: number } {
  if (s.active) {
    return { sprint: generateSprint({ id: SPRINT_ID, state: 'active', startDate: jiraTime(T0), completeDate: null }), now: ms(s.nowOffset) };
  }
  return { sprint: generateSprint({ id: SPRINT_ID, startDate: jiraTime(T0), completeDate: jiraTime(ms(LENGTH)) }), now: ms(LENGTH + s.nowOffset) };
}

function compute(s: Scenario, issues: readonly PreparedIssue[]): SprintConvergence {
  const { sprint, now } = sprintOf(s);
  return sprintConvergence({ boardId: 1, sprint, issues, doneStatusIds: DONE, now, target: 0.95, nearBand: 0.1, basis: 'issues' });
}

type Sets = Pick<SprintConvergence, 'committed' | 'added' | 'removed' | 'completed' | 'completedCommitted' | 'notCompleted'>;

/** docs/metrics.md, "Backlog convergence", evaluated by brute force on the truth, at every instant where it can change. */
function model(s: Scenario): Sets {
  const { now } = sprintOf(s);
  const start = T0;
  const end = s.active ? now : ms(LENGTH);
  const sets: Sets = {
    committed: { count: 0, points: 0, issues: [] },
    added: { count: 0, points: 0, issues: [] },
    removed: { count: 0, points: 0, issues: [] },
    completed: { count: 0, points: 0, issues: [] },
    completedCommitted: { count: 0, points: 0, issues: [] },
    notCompleted: { count: 0, points: 0, issues: [] },
  };
  const put = (set: IssueSet, key: string, points: number) => {
    set.count++;
    set.points += points;
    set.issues.push(key);
  };
  const byKey = new Map(s.truths.map((t) => [t.key, t]));
  for (const key of sortKeys(byKey.keys())) {
    const t = byKey.get(key) as Truth;
    if (t.subtask || ms(t.created) > now) continue;
    const member = (at: number) => (truthAt(t, 'sprint', at) ?? []).includes(SPRINT_ID);
    const done = (at: number) => {
      const st = truthAt(t, 'status', at);
      return st !== undefined && DONE.has(st);
    };
    const points = (at: number) => truthAt(t, 'estimate', at) ?? 0;
    // The truth is on an hourly grid: 1 ms before an instant is before every change at it.
    const inside = [ms(t.created), ...applied(t).map((c) => c.at)].filter((at) => at > start && at <= end).sort((a, b) => a - b);
    const joinsInside = inside.filter((at) => member(at) && !member(at - 1));
    const leavesInside = inside.filter((at) => !member(at) && member(at - 1));
    const committed = member(start) && !done(start);
    const added = !member(start) && inside.some(member);
    if (committed) put(sets.committed, key, points(start));
    if (added) put(sets.added, key, points(end));
    if ((member(start) || added) && !member(end)) put(sets.removed, key, points(leavesInside[leavesInside.length - 1] ?? end));
    if (member(end) && !done(end)) put(sets.notCompleted, key, points(end));
    const lastJoin = Math.max(start, ...joinsInside);
    if (member(end) && done(end) && !done(lastJoin)) {
      put(sets.completed, key, points(end));
      if (committed) put(sets.completedCommitted, key, points(start));
    }
  }
  return sets;
}

const keysOf = (set: IssueSet) => new Set(set.issues);
const RUNS = { numRuns: 300 };

describe('convergence over random changelogs', () => {
  it('equals a brute-force evaluation of the definitions on the generated truth', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const issues = s.truths.map((t) => prepare(t));
        const r = compute(s, indexBySprint(issues).get(SPRINT_ID) ?? []);
        const m = model(s);
        for (const name of Object.keys(m) as (keyof Sets)[]) expect({ name, set: r[name] }).toEqual({ name, set: m[name] });
      }),
      RUNS,
    );
  });

  it('keeps its sets consistent: completedCommitted is committed ∩ completed, completed and carried over are members at the end and disjoint', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const issues = s.truths.map((t) => prepare(t));
        const r = compute(s, issues);
        const committed = keysOf(r.committed);
        const completed = keysOf(r.completed);
        const cc = keysOf(r.completedCommitted);
        const { now } = sprintOf(s);
        const end = s.active ? now : ms(LENGTH);
        for (const k of cc) expect(committed.has(k) && completed.has(k)).toBe(true);
        for (const k of committed) if (completed.has(k)) expect(cc.has(k)).toBe(true);
        // committed = completedCommitted ∪ (committed \ completed)
        expect(new Set([...cc, ...[...committed].filter((k) => !completed.has(k))])).toEqual(committed);
        for (const k of r.notCompleted.issues) expect(completed.has(k)).toBe(false);
        const membersAtEnd = new Set(issues.filter((i) => valueAt(i.sprints, end)?.includes(SPRINT_ID)).map((i) => i.key));
        for (const k of [...completed, ...r.notCompleted.issues]) expect(membersAtEnd.has(k)).toBe(true);
      }),
      RUNS,
    );
  });

  it('never reports a negative count or points, and ratios stay in [0, 1] or null', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const r = compute(s, s.truths.map((t) => prepare(t)));
        for (const set of [r.committed, r.added, r.removed, r.completed, r.completedCommitted, r.notCompleted]) {
          expect(set.count).toBe(set.issues.length);
          expect(set.points).toBeGreaterThanOrEqual(0);
          expect(sortKeys(set.issues)).toEqual(set.issues);
        }
        for (const c of [r.convergence.issues, r.convergence.points]) {
          if (c !== null) {
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(1);
          }
        }
        expect(r.convergence.issues === null).toBe(r.committed.count === 0);
        expect(r.convergence.points === null).toBe(r.committed.points === 0);
        expect(r.provisional).toBe(s.active);
      }),
      RUNS,
    );
  });

  it('changes no figure when Jira returns the histories or the issues in another order', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const inOrder = compute(s, s.truths.map((t) => prepare(t)));
        const reordered = shuffled(
          s.truths.map((t, i) => prepare(t, shuffled(changelog(t), s.shuffleSeed + i))),
          s.shuffleSeed,
        );
        expect(compute(s, reordered)).toEqual(inOrder);
      }),
      RUNS,
    );
  });

  it('replays every changelog to the current value of its field', () => {
    fc.assert(
      fc.property(truthArb('PAY-1'), (t) => {
        const issue = prepare(t);
        const afterAll = ms(t.created + 50);
        expect(valueAt(issue.status, afterAll)).toBe(issue.issue.fields.status.id);
        expect(valueAt(issue.sprints, afterAll)).toEqual(finalOf(t, 'sprint'));
        expect(valueAt(issue.estimate, afterAll)).toBe(finalOf(t, 'estimate'));
        // ...and to the truth at every instant the truth can change, and just before it.
        for (const { at } of applied(t)) {
          for (const when of [at - 1, at]) {
            expect(valueAt(issue.status, when)).toBe(truthAt(t, 'status', when));
            expect(valueAt(issue.sprints, when)).toEqual(truthAt(t, 'sprint', when));
            expect(valueAt(issue.estimate, when)).toBe(truthAt(t, 'estimate', when));
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
