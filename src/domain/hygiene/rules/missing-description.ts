import { HYGIENE_CATALOGUE } from '../catalogue';
import { hasText } from '../../adf';
import { type HygieneRule, noParams } from '../rule';

/** No description: the team works from the summary alone. Sub-tasks live off their parent's. */
export const missingDescription: HygieneRule = {
  id: 'missing-description',
  severity: 'low',
  params: noParams,
  violates: (p) => !p.subtask && !hasText(p.issue.fields.description),
  fix: HYGIENE_CATALOGUE['missing-description'].fix,
};
