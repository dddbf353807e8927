import { HYGIENE_CATALOGUE } from '../catalogue';
import { type HygieneRule, noParams, statusCategory } from '../rule';

/** Work in progress that nobody is named for: nobody answers for it at the stand-up. */
export const unassignedInProgress: HygieneRule = {
  id: 'unassigned-in-progress',
  severity: 'high',
  params: noParams,
  violates: ({ issue }) => statusCategory(issue) === 'indeterminate' && !issue.fields.assignee,
  fix: HYGIENE_CATALOGUE['unassigned-in-progress'].fix,
};
