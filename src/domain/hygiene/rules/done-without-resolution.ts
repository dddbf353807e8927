import { HYGIENE_CATALOGUE } from '../catalogue';
import { isDone, type HygieneRule, noParams } from '../rule';

/** Done without a resolution: Jira's own reports and filters (`resolution = Unresolved`) still count it open. */
export const doneWithoutResolution: HygieneRule = {
  id: 'done-without-resolution',
  severity: 'low',
  params: noParams,
  violates: ({ issue }) => isDone(issue) && !issue.fields.resolution,
  fix: HYGIENE_CATALOGUE['done-without-resolution'].fix,
};
