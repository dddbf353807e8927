import { HYGIENE_CATALOGUE } from '../catalogue';
import { hasAcceptanceCriteria } from '../../adf';
import { matchesIssueType, refLabel } from '../../config';
import { isDone, type HygieneRule } from '../rule';

/** A story not done that says nowhere how it will be accepted. Types match by id or untranslated name (never by a localized name). */
export const missingAcceptanceCriteria: HygieneRule = {
  id: 'missing-acceptance-criteria',
  severity: 'medium',
  params: (config) => ({
    acceptanceCriteriaTypes: config.hygiene.acceptanceCriteriaTypes.map(refLabel),
    acceptanceCriteriaField: config.hygiene.acceptanceCriteriaField,
  }),
  violates: (p, { config }) => {
    if (!matchesIssueType(config.hygiene.acceptanceCriteriaTypes, { id: p.typeId, name: p.typeName, untranslatedName: p.typeUntranslatedName })) return false;
    return !isDone(p.issue) && !hasAcceptanceCriteria(p.issue, config.hygiene.acceptanceCriteriaField);
  },
  fix: HYGIENE_CATALOGUE['missing-acceptance-criteria'].fix,
};
