/** Jira hygiene (docs/metrics.md, "Jira hygiene"): the rules, the report and what it scans. */
export { type HygieneContext, hygieneContext, type HygieneParamValue, type HygieneRule, isDone } from './rule';
export { type ActiveRule, activeRules, HYGIENE_RULES, hygieneRule } from './registry';
export {
  type HygieneArgs,
  type HygieneAssigneeRow,
  type HygieneBoard,
  type HygieneBreakdown,
  hygieneBreakdown,
  type HygieneProductRow,
  type HygieneProjectRow,
  hygieneFromRows,
  hygieneReport,
  type HygieneRow,
  hygieneRows,
  type HygieneTeamRow,
  type HygieneViolation,
  issueViolations,
} from './report';
export { HYGIENE_RECENT_DAYS, hygieneScope } from './scope';
export { calendarDate } from './rules/overdue';
export { carriedOverSprints } from './rules/chronic-carryover';
export { HYGIENE_CATALOGUE, hygieneRuleName, type HygieneEditField, type HygieneFixAction, type HygieneRuleEntry } from './catalogue';
