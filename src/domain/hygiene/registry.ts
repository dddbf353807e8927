/** The hygiene rules, in the order of the table in docs/metrics.md, "Jira hygiene", and the configuration's say over them. */
import { type GovernanceConfig, HYGIENE_RULE_IDS, type HygieneRuleId, type Severity } from '../config';
import type { HygieneRule } from './rule';
import { chronicCarryover } from './rules/chronic-carryover';
import { doneWithoutResolution } from './rules/done-without-resolution';
import { missingAcceptanceCriteria } from './rules/missing-acceptance-criteria';
import { missingDescription } from './rules/missing-description';
import { missingEstimate } from './rules/missing-estimate';
import { noProduct } from './rules/no-product';
import { openSubtasksUnderDoneParent } from './rules/open-subtasks-under-done-parent';
import { overdue } from './rules/overdue';
import { resolutionNotDone } from './rules/resolution-not-done';
import { staleInProgress } from './rules/stale-in-progress';
import { unassignedInProgress } from './rules/unassigned-in-progress';

const BY_ID: Record<HygieneRuleId, HygieneRule> = {
  'unassigned-in-progress': unassignedInProgress,
  'missing-estimate': missingEstimate,
  'missing-description': missingDescription,
  'missing-acceptance-criteria': missingAcceptanceCriteria,
  'stale-in-progress': staleInProgress,
  'done-without-resolution': doneWithoutResolution,
  'resolution-not-done': resolutionNotDone,
  overdue,
  'no-product': noProduct,
  'chronic-carryover': chronicCarryover,
  'open-subtasks-under-done-parent': openSubtasksUnderDoneParent,
};

/** Every rule, in the order of `HYGIENE_RULE_IDS`. */
export const HYGIENE_RULES: readonly HygieneRule[] = HYGIENE_RULE_IDS.map((id) => BY_ID[id]);

export function hygieneRule(id: HygieneRuleId): HygieneRule {
  return BY_ID[id];
}

/** A rule as the configuration has it: enabled, with its effective severity. */
export interface ActiveRule {
  readonly rule: HygieneRule;
  readonly severity: Severity;
}

/** The enabled rules, in order, each with its severity (the configuration's override, else the default). */
export function activeRules(config: GovernanceConfig): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const rule of HYGIENE_RULES) {
    const setting = config.hygiene.rules[rule.id];
    if (setting && !setting.enabled) continue;
    // Inactive, not merely unbroken, where no product is configured (docs/metrics.md, "Jira hygiene"): not listed at all.
    if (rule.id === 'no-product' && config.products.length === 0) continue;
    out.push({ rule, severity: setting?.severity ?? rule.severity });
  }
  return out;
}
