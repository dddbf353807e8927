/**
 * What hygiene needs to know about an issue's sprints. The boards' sprint lists are the source;
 * where a sprint is not among them (another team's board), the Sprint field's own value on the
 * issue still carries each sprint's state and dates, as Jira returns them.
 */
import { finalValue } from '../history';
import { parseInstant } from '../jira';
import type { PreparedIssue } from '../issue';
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

/** Facts about a sprint: from the boards' sprint list when known, else from the issue's field. */
export function sprintFacts(issue: PreparedIssue, ctx: HygieneContext): (id: number) => SprintFacts {
  const field = ctx.sprintFieldId ? fromFieldValue((issue.issue.fields as Record<string, unknown>)[ctx.sprintFieldId]) : new Map<number, SprintFacts>();
  return (id) => {
    const known = ctx.sprintsById.get(id);
    if (known) {
      const complete = known.completeDate ? parseInstant(known.completeDate) : Number.NaN;
      return {
        id,
        state: known.state,
        completedAt: Number.isNaN(complete) ? null : complete,
        boardId: known.originBoardId ?? null,
      };
    }
    return field.get(id) ?? { id, state: null, completedAt: null, boardId: null };
  };
}

/** The sprint ids the issue is a member of now: its Sprint field, as replayed and as returned. */
export function currentSprintIds(issue: PreparedIssue, ctx: HygieneContext): number[] {
  const ids = new Set<number>(finalValue(issue.sprints));
  if (ctx.sprintFieldId) for (const id of fromFieldValue((issue.issue.fields as Record<string, unknown>)[ctx.sprintFieldId]).keys()) ids.add(id);
  return [...ids];
}

/** Every sprint id the issue was ever in (history and current field value). */
export function everSprintIds(issue: PreparedIssue, ctx: HygieneContext): number[] {
  const ids = new Set<number>(issue.everSprints);
  for (const id of currentSprintIds(issue, ctx)) ids.add(id);
  return [...ids];
}
