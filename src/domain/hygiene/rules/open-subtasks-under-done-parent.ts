import { HYGIENE_CATALOGUE } from '../catalogue';
import { valueAt } from '../../history';
import type { StatusCategoryKey } from '../../jira';
import { type HygieneRule, isDone, noParams } from '../rule';

/**
 * Done while a sub-task is still open, at `now` (docs/metrics.md: "as of now"). A sub-task read with the issues
 * (its own history known) counts only if it existed at `now`, with its status at `now`; otherwise
 * its status comes from the parent's `subtasks` field (Jira includes it with its category). A
 * sub-task whose status is unknown is not counted as open.
 */
export const openSubtasksUnderDoneParent: HygieneRule = {
  id: 'open-subtasks-under-done-parent',
  severity: 'medium',
  params: noParams,
  violates: ({ issue }, ctx) => {
    if (!isDone(issue)) return false;
    return (issue.fields.subtasks ?? []).some((s) => {
      const known = ctx.issuesByKey?.get(s.key);
      let category: StatusCategoryKey | undefined;
      if (known) {
        if (known.created > ctx.now) return false;
        const status = valueAt(known.status, ctx.now);
        const current = known.issue.fields.status;
        category = status === null || status === undefined ? undefined : status === current.id ? current.statusCategory.key : ctx.catalog.get(status);
      } else category = s.fields?.status?.statusCategory.key;
      return category !== undefined && category !== 'done';
    });
  },
  fix: HYGIENE_CATALOGUE['open-subtasks-under-done-parent'].fix,
};
