/**
 * What hygiene needs to know about an issue's sprints. The boards' sprint lists are the source;
 * where a sprint is not among them (another team's board), the Sprint field's own value on the
 * issue still carries each sprint's state and dates, as Jira returns them.
 */
import { finalValue } from '../history';
import { parseInstant } from '../jira';
import type { PreparedIssue } from '../issue';
import type { JiraSprint } from '../jira';
import type { HygieneContext } from './rule';

export interface SprintFacts {
  readonly id: number;
  /** `closed`, `active` or `future` (lower-cased); null when unknown. */
  readonly state: string | null;
  /** Epoch ms of the sprint's completion; null when not closed or unknown. */
  readonly completedAt: number | null;
  readonly boardId: number | null;
}

function fromFieldValue(value: unknown): Map<number, SprintFacts> {
  const out = new Map<number, SprintFacts>();
  if (!Array.isArray(value)) return out;
  for (const v of value) {
    if (typeof v !== 'object' || v === null) continue;
    const s = v as Record<string, unknown>;
    if (typeof s.id !== 'number') continue;
    const complete = typeof s.completeDate === 'string' ? parseInstant(s.completeDate) : Number.NaN;
    out.set(s.id, {
      id: s.id,
      state: typeof s.state === 'string' ? s.state.toLowerCase() : null,
      completedAt: Number.isNaN(complete) ? null : complete,
      boardId: typeof s.boardId === 'number' ? s.boardId : null,
    });
  }
  return out;
}

/**
 * The facts of the boards' sprints, parsed once per `sprintsById` map (not once per issue and rule:
 * several rules ask about every sprint of every issue). The objects are shared, and never changed.
 */
const knownFactsBy = new WeakMap<ReadonlyMap<number, JiraSprint>, Map<number, SprintFacts>>();
let lastKnown: { sprintsById: ReadonlyMap<number, JiraSprint>; facts: Map<number, SprintFacts> } | null = null;
function knownFacts(sprintsById: ReadonlyMap<number, JiraSprint>): Map<number, SprintFacts> {
  // Every issue of a report asks with the same map: the last one answers without a WeakMap look-up.
  // Stryker disable next-line ConditionalExpression: a cache of facts parsed from the same map
  if (lastKnown !== null && lastKnown.sprintsById === sprintsById) return lastKnown.facts;
  let facts = knownFactsBy.get(sprintsById);
  // Stryker disable next-line ConditionalExpression: a cache; parsing the map again gives the same facts
  if (!facts) {
    facts = new Map();
    for (const [id, known] of sprintsById) {
      const complete = known.completeDate ? parseInstant(known.completeDate) : Number.NaN;
      facts.set(id, { id, state: known.state, completedAt: Number.isNaN(complete) ? null : complete, boardId: known.originBoardId ?? null });
    }
    knownFactsBy.set(sprintsById, facts);
  }
  lastKnown = { sprintsById, facts };
  return facts;
}

/** What the rules ask about one issue's sprints, computed once for all of them (see `issueSprints`). */
export interface IssueSprints {
  /** Facts about a sprint: from the boards' sprint list when known, else from the issue's field. */
  facts(id: number): SprintFacts;
  /** The sprint ids the issue is a member of now (as `currentSprintIds`). */
  readonly current: readonly number[];
  /** Every sprint id the issue was ever in (as `everSprintIds`). */
  readonly ever: readonly number[];
}

/** Adds `id` unless already there: the lists are a few sprints long, so a scan beats a Set. */
function addOnce(ids: number[], id: number): void {
  if (!ids.includes(id)) ids.push(id);
}

function computeIssueSprints(issue: PreparedIssue, ctx: HygieneContext): IssueSprints {
  const value = ctx.sprintFieldId ? (issue.issue.fields as Record<string, unknown>)[ctx.sprintFieldId] : undefined;
  const known = knownFacts(ctx.sprintsById);
  // In the order a Set of the replayed value, then the field's ids, would give.
  const current: number[] = [];
  for (const id of finalValue(issue.sprints)) addOnce(current, id);
  if (Array.isArray(value)) {
    for (const v of value) {
      if (typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'number') addOnce(current, (v as { id: number }).id);
    }
  }
  const ever: number[] = [...issue.everSprints];
  for (const id of current) addOnce(ever, id);
  // The field's facts are only wanted for a sprint the boards do not list: read them then.
  let field: Map<number, SprintFacts> | null = null;
  return {
    facts: (id) => known.get(id) ?? (field ??= fromFieldValue(value)).get(id) ?? { id, state: null, completedAt: null, boardId: null },
    current,
    ever,
  };
}

/**
 * The last issue asked about, with its context. Rules judge one issue after another, and two of
 * them (missing estimate, chronic carry-over) read the same sprint facts: remembering the last
 * issue's computes them once per issue. Prepared issues and contexts are never changed, so the
 * same pair of objects always gives the same answer.
 */
let last: { issue: PreparedIssue; ctx: HygieneContext; sprints: IssueSprints } | null = null;

/** The issue's sprint facts and ids, shared by the rules that judge it (read them, do not change them). */
export function issueSprints(issue: PreparedIssue, ctx: HygieneContext): IssueSprints {
  if (last !== null && last.issue === issue && last.ctx === ctx) return last.sprints;
  const sprints = computeIssueSprints(issue, ctx);
  last = { issue, ctx, sprints };
  return sprints;
}

/** Facts about a sprint: from the boards' sprint list when known, else from the issue's field. */
export function sprintFacts(issue: PreparedIssue, ctx: HygieneContext): (id: number) => SprintFacts {
  return issueSprints(issue, ctx).facts;
}

/** The sprint ids the issue is a member of now: its Sprint field, as replayed and as returned. */
export function currentSprintIds(issue: PreparedIssue, ctx: HygieneContext): number[] {
  return [...issueSprints(issue, ctx).current];
}

/** Every sprint id the issue was ever in (history and current field value). */
export function everSprintIds(issue: PreparedIssue, ctx: HygieneContext): number[] {
  return [...issueSprints(issue, ctx).ever];
}
