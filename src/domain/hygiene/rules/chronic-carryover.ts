import { HYGIENE_CATALOGUE } from '../catalogue';
import { valueAt } from '../../history';
import type { PreparedIssue } from '../../issue';
import { type HygieneContext, type HygieneRule, isDone } from '../rule';
import { issueSprints } from '../sprints';

/** Whether a status is done for a sprint: by its origin board's done statuses, else the context's, else category `done`. */
function isDoneStatus(ctx: HygieneContext, boardId: number | null, statusId: string): boolean {
  const set = (boardId !== null ? ctx.doneStatusIdsByBoard?.get(boardId) : undefined) ?? ctx.doneStatusIds;
  return set ? set.has(statusId) : ctx.catalog.get(statusId) === 'done';
}

/**
 * The closed sprints (completed at or before `now`) whose end found the issue still in the sprint
 * and not done (§0: status at `completeDate` not among the board's done statuses).
 */
export function carriedOverSprints(p: PreparedIssue, ctx: HygieneContext): number[] {
  const sprints = issueSprints(p, ctx);
  const carried: number[] = [];
  for (const id of sprints.ever) {
    const s = sprints.facts(id);
    if (s.state !== 'closed' || s.completedAt === null || s.completedAt > ctx.now) continue;
    const members = valueAt(p.sprints, s.completedAt);
    if (!members?.includes(id)) continue;
    const status = valueAt(p.status, s.completedAt);
    if (status && isDoneStatus(ctx, s.boardId, status)) continue;
    carried.push(id);
  }
  return carried;
}

/** Carried over from sprint to sprint at least `carryoverSprints` times and still not done. */
export const chronicCarryover: HygieneRule = {
  id: 'chronic-carryover',
  severity: 'high',
  params: (config) => ({ carryoverSprints: config.hygiene.carryoverSprints }),
  violates: (p, ctx) => !isDone(p.issue) && carriedOverSprints(p, ctx).length >= ctx.config.hygiene.carryoverSprints,
  fix: HYGIENE_CATALOGUE['chronic-carryover'].fix,
};
