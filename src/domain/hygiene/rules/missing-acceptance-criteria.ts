import { hasAcceptanceCriteria } from '../../adf';
import { isDone, type HygieneRule } from '../rule';

/** A story not done that says nowhere how it will be accepted. Type names compare case-insensitively, as Jira's do. */
export const missingAcceptanceCriteria: HygieneRule = {
  id: 'missing-acceptance-criteria',
  severity: 'medium',
  params: (config) => ({
    acceptanceCriteriaTypes: config.hygiene.acceptanceCriteriaTypes,
    acceptanceCriteriaField: config.hygiene.acceptanceCriteriaField,
  }),
  violates: (p, { config }) => {
    const type = p.typeName.toLowerCase();
    if (!config.hygiene.acceptanceCriteriaTypes.some((t) => t.toLowerCase() === type)) return false;
    return !isDone(p.issue) && !hasAcceptanceCriteria(p.issue, config.hygiene.acceptanceCriteriaField);
  },
  fix: {
    en: 'Add acceptance criteria: a line starting with "Acceptance criteria", or fill in the acceptance criteria field.',
    ru: 'Добавьте критерии приёмки: строку, начинающуюся с «Критерии приёмки», или заполните поле критериев приёмки.',
  },
};
