import type { StatusCategoryKey } from '../../jira';
import { type HygieneRule, isDone, noParams } from '../rule';

/**
 * Done while a sub-task is still open. A sub-task's status comes from the parent's `subtasks`
 * field (Jira includes it with its category); failing that, from the sub-task itself when it was
 * fetched. A sub-task whose status is unknown is not counted as open.
 */
export const openSubtasksUnderDoneParent: HygieneRule = {
  id: 'open-subtasks-under-done-parent',
  severity: 'medium',
  params: noParams,
  violates: ({ issue }, ctx) => {
    if (!isDone(issue)) return false;
    return (issue.fields.subtasks ?? []).some((s) => {
      const category: StatusCategoryKey | undefined =
        s.fields?.status?.statusCategory.key ?? ctx.issuesByKey?.get(s.key)?.fields.status.statusCategory.key;
      return category !== undefined && category !== 'done';
    });
  },
  fix: {
    en: 'Close the open sub-tasks, or reopen the parent until they are done.',
    ru: 'Закройте открытые подзадачи или переоткройте родительскую задачу, пока они не выполнены.',
  },
};
