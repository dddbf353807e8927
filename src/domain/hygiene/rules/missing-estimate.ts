import { HYGIENE_CATALOGUE } from '../catalogue';
import { currentEstimate } from '../../issue';
import { fieldRef } from '../../history';
import { isDone, type HygieneRule, noParams } from '../rule';
import { issueSprints } from '../sprints';

/**
 * An issue planned into a running or coming sprint without an estimate. Sub-tasks are not
 * estimated on a Scrum board (their parent carries the estimate), so they are exempt. A board
 * without an estimation field (estimating by issue count) has nothing to fill in: never violated.
 */
export const missingEstimate: HygieneRule = {
  id: 'missing-estimate',
  severity: 'medium',
  params: noParams,
  violates: (p, ctx) => {
    if (p.subtask || isDone(p.issue) || ctx.estimationFieldId === null) return false;
    // Cheapest test first: an estimated issue needs no look at its sprints. A negative or
    // non-numeric value is no estimate (the estimate rule of the metrics).
    const estimate = currentEstimate(p.issue, fieldRef(ctx.estimationFieldId));
    if (estimate !== null && !Number.isNaN(estimate)) return false;
    const sprints = issueSprints(p, ctx);
    for (const id of sprints.current) {
      const state = sprints.facts(id).state;
      if (state === 'active' || state === 'future') return true;
    }
    return false;
  },
  fix: HYGIENE_CATALOGUE['missing-estimate'].fix,
};
