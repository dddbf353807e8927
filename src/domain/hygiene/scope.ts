import type { JiraIssue } from '../jira';
import { parseInstant } from '../jira';
import { DAY_MS, isDone } from './rule';

/** How far back a done issue is still worth scanning (docs/metrics.md, "Jira hygiene"). */
export const HYGIENE_RECENT_DAYS = 30;

/**
 * Whether the hygiene report scans an issue (docs/metrics.md, "Jira hygiene"): it exists at `now`, and it is not done,
 * or it was updated in the 30 days before `now` ([now − 30×24 h, now], both ends included). Done
 * is the current status category, as everywhere in hygiene: the fields are those fetched at `now`.
 * `created` is the issue's creation instant when the caller has it parsed already (a prepared issue).
 */
export function hygieneScope(issue: JiraIssue, now: number, created: number = parseInstant(issue.fields.created)): boolean {
  if (created > now) return false;
  if (!isDone(issue)) return true;
  const updated = parseInstant(issue.fields.updated ?? issue.fields.created);
  return updated >= now - HYGIENE_RECENT_DAYS * DAY_MS && updated <= now;
}
