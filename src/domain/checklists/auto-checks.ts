/**
 * Items checked from the issue itself rather than ticked by hand. Each check reads the issue as it
 * is now and says whether it passes and why, so the panel can show the evidence ("5 story points",
 * "a Figma link in the description", "2 of 3 sub-tasks done").
 */
import { AUTO_CHECKS, type AutoCheck } from '../config';
import { hasAcceptanceCriteria, hasFieldValue, hasText, isDesignLink, links } from '../adf';
import { fieldRef } from '../history';
import { currentEstimate } from '../issue';
import type { JiraIssue } from '../jira';

export type AutoDetail =
  | { check: 'estimate'; storyPoints: number | null; originalEstimateSeconds: number | null }
  | { check: 'acceptanceCriteria'; source: 'field' | 'description' | null }
  | { check: 'designLink'; url: string | null; source: 'description' | 'remoteLink' | null }
  | { check: 'subtasksDone'; done: number; total: number }
  | { check: 'description' }
  | { check: 'assignee'; accountId: string | null };

export interface AutoResult {
  passed: boolean;
  detail: AutoDetail;
}

export type AutoResults = Record<AutoCheck, AutoResult>;

export interface AutoCheckInput {
  issue: JiraIssue;
  /** The site's estimation field (story points); null where the site has none. */
  estimationFieldId: string | null;
  /** The configured acceptance-criteria custom field (config.hygiene.acceptanceCriteriaField). */
  acceptanceCriteriaField: string | null;
  /** URLs of the issue's remote links (`GET /rest/api/3/issue/{key}/remotelink`). */
  remoteLinks: readonly string[];
  designHosts?: readonly string[];
}

function estimate(input: AutoCheckInput): AutoResult {
  const value = input.estimationFieldId ? currentEstimate(input.issue, fieldRef(input.estimationFieldId)) : null;
  // A negative or non-numeric estimate is no estimate (the estimate rule of the metrics).
  const storyPoints = value === null || Number.isNaN(value) ? null : value;
  const raw = (input.issue.fields as Record<string, unknown>).timeoriginalestimate;
  const originalEstimateSeconds = typeof raw === 'number' && Number.isFinite(raw) && raw > 0 ? raw : null;
  return { passed: storyPoints !== null || originalEstimateSeconds !== null, detail: { check: 'estimate', storyPoints, originalEstimateSeconds } };
}

function acceptanceCriteria(input: AutoCheckInput): AutoResult {
  const field = input.acceptanceCriteriaField;
  if (field !== null && hasFieldValue((input.issue.fields as Record<string, unknown>)[field]))
    return { passed: true, detail: { check: 'acceptanceCriteria', source: 'field' } };
  const inDescription = hasAcceptanceCriteria(input.issue, null);
  return { passed: inDescription, detail: { check: 'acceptanceCriteria', source: inDescription ? 'description' : null } };
}

function designLink(input: AutoCheckInput): AutoResult {
  const hosts = input.designHosts;
  const isDesign = (u: string) => (hosts ? isDesignLink(u, hosts) : isDesignLink(u));
  const inDescription = links(input.issue.fields.description).find(isDesign);
  if (inDescription) return { passed: true, detail: { check: 'designLink', url: inDescription, source: 'description' } };
  const remote = input.remoteLinks.find(isDesign);
  if (remote) return { passed: true, detail: { check: 'designLink', url: remote, source: 'remoteLink' } };
  return { passed: false, detail: { check: 'designLink', url: null, source: null } };
}

/** Every sub-task done (status category `done`); an issue without sub-tasks passes. */
function subtasksDone(input: AutoCheckInput): AutoResult {
  const subtasks = input.issue.fields.subtasks ?? [];
  const done = subtasks.filter((s) => s.fields?.status?.statusCategory.key === 'done').length;
  return { passed: done === subtasks.length, detail: { check: 'subtasksDone', done, total: subtasks.length } };
}

export function autoCheckResults(input: AutoCheckInput): AutoResults {
  const assignee = input.issue.fields.assignee?.accountId ?? null;
  const results: AutoResults = {
    estimate: estimate(input),
    acceptanceCriteria: acceptanceCriteria(input),
    designLink: designLink(input),
    subtasksDone: subtasksDone(input),
    description: { passed: hasText(input.issue.fields.description), detail: { check: 'description' } },
    assignee: { passed: assignee !== null, detail: { check: 'assignee', accountId: assignee } },
  };
  return results;
}

/** The issue fields the auto-checks read, for a search or `GET /issue` field list. */
export function autoCheckFields(estimationFieldId: string | null, acceptanceCriteriaField: string | null): string[] {
  const fields = ['description', 'assignee', 'subtasks', 'timeoriginalestimate'];
  if (estimationFieldId) fields.push(estimationFieldId);
  if (acceptanceCriteriaField) fields.push(acceptanceCriteriaField);
  return fields;
}

export { AUTO_CHECKS };
