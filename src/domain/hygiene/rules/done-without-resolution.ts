import { isDone, type HygieneRule, noParams } from '../rule';

/** Done without a resolution: Jira's own reports and filters (`resolution = Unresolved`) still count it open. */
export const doneWithoutResolution: HygieneRule = {
  id: 'done-without-resolution',
  severity: 'low',
  params: noParams,
  violates: ({ issue }) => isDone(issue) && !issue.fields.resolution,
  fix: {
    en: "Set a resolution: make the workflow's transition to done set it, then reopen and close the issue.",
    ru: 'Установите резолюцию: пусть переход в «Готово» в workflow её ставит, затем переоткройте и закройте задачу.',
  },
};
