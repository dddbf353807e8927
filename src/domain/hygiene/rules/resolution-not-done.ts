import { isDone, type HygieneRule, noParams } from '../rule';

/** A resolution on an open issue: Jira's filters and reports take it for resolved. */
export const resolutionNotDone: HygieneRule = {
  id: 'resolution-not-done',
  severity: 'medium',
  params: noParams,
  violates: ({ issue }) => !!issue.fields.resolution && !isDone(issue),
  fix: {
    en: 'Clear the resolution when the issue is reopened (a post function on the reopen transition), or move it to done.',
    ru: 'Очищайте резолюцию при переоткрытии (post function в переходе) или переведите задачу в «Готово».',
  },
};
