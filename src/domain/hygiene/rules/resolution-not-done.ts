import { HYGIENE_CATALOGUE } from '../catalogue';
import { isDone, type HygieneRule, noParams } from '../rule';

/** A resolution on an open issue: Jira's filters and reports take it for resolved. */
export const resolutionNotDone: HygieneRule = {
  id: 'resolution-not-done',
  severity: 'medium',
  params: noParams,
  violates: ({ issue }) => !!issue.fields.resolution && !isDone(issue),
  fix: HYGIENE_CATALOGUE['resolution-not-done'].fix,
};
