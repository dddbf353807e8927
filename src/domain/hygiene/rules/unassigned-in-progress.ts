import { type HygieneRule, noParams, statusCategory } from '../rule';

/** Work in progress that nobody is named for: nobody answers for it at the stand-up. */
export const unassignedInProgress: HygieneRule = {
  id: 'unassigned-in-progress',
  severity: 'high',
  params: noParams,
  violates: ({ issue }) => statusCategory(issue) === 'indeterminate' && !issue.fields.assignee,
  fix: {
    en: 'Assign the issue to the person working on it, or move it back to To Do.',
    ru: 'Назначьте исполнителя, который над ней работает, или верните задачу в «К выполнению».',
  },
};
