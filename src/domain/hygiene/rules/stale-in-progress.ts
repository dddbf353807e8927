import { HYGIENE_CATALOGUE } from '../catalogue';
import { parseInstant } from '../../jira';
import { DAY_MS, type HygieneRule, statusCategory } from '../rule';

/**
 * In progress and untouched for longer than `staleDays`: "older than N days" is strictly before
 * now − N×24 h (docs/metrics.md, "How history is read"), so an issue updated exactly at that instant is not stale. Jira
 * always returns `updated`; were it missing, `created` is the last time the issue is known to change.
 */
export const staleInProgress: HygieneRule = {
  id: 'stale-in-progress',
  severity: 'medium',
  params: (config) => ({ staleDays: config.hygiene.staleDays }),
  violates: ({ issue }, { now, config }) => {
    if (statusCategory(issue) !== 'indeterminate') return false;
    const updated = parseInstant(issue.fields.updated ?? issue.fields.created);
    return updated < now - config.hygiene.staleDays * DAY_MS;
  },
  fix: HYGIENE_CATALOGUE['stale-in-progress'].fix,
};
