/**
 * The ownership matrix over the site's issues as the viewer may browse them: the issues hygiene
 * scans (not done, or updated in the 30 days before now), newest first and bounded, with their
 * status and sprint histories (for chronic carry-over), judged by the same rules as everywhere.
 */
import { fillUntranslatedTypeName, untranslatedTypeNames } from './issue-types';
import type { GovernanceConfig } from '../domain/config';
import { HYGIENE_RECENT_DAYS, hygieneContext, hygieneScope } from '../domain/hygiene';
import { discoverFields, prepareIssue, statusCatalog } from '../domain/issue';
import { matrixFacts, ownershipMatrix, type OwnershipMatrix } from '../domain/ownership-matrix';
import type { JiraClient } from '../jira/types';
import { jqlDateBefore } from './jql';
import { metricFieldIds } from './board-data';
import type { Sample } from './site-values';

const DAY = 86_400_000;
/** The most issues one matrix reads: about 20 search pages and 2 bulk changelog calls, well inside a resolver's 25 s; the rest of a large site is left out, and the page says so. */
export const MATRIX_LIMIT = 2000;


export interface MatrixResult {
  matrix: OwnershipMatrix;
  sample: Sample;
}

export async function loadOwnershipMatrix(client: JiraClient, config: GovernanceConfig, now: number, limit = MATRIX_LIMIT): Promise<MatrixResult> {
  const [siteFields, statuses, typeNames] = await Promise.all([client.fields(), client.statuses(), untranslatedTypeNames(client)]);
  const fields = discoverFields(siteFields);
  const wanted = new Set(metricFieldIds(config));
  if (fields.sprint) wanted.add(fields.sprint.id);
  if (fields.estimation) wanted.add(fields.estimation.id);
  const jql = `statusCategory != Done OR updated >= ${jqlDateBefore(now - HYGIENE_RECENT_DAYS * DAY)} ORDER BY updated DESC`;
  const issues = await client.search(jql, { fields: [...wanted], limit });
  for (const i of issues) fillUntranslatedTypeName(i, typeNames);

  const catalog = statusCatalog(statuses);
  for (const i of issues) if (!catalog.has(i.fields.status.id)) catalog.set(i.fields.status.id, i.fields.status.statusCategory.key);
  const replayed = ['status', ...(fields.sprint ? [fields.sprint.id] : [])];
  const histories = issues.length > 0 ? await client.changelogs(issues.map((i) => ({ id: i.id, key: i.key })), replayed) : new Map();
  const prepared = issues.map((i) => prepareIssue(i, fields, histories.get(i.id) ?? []));
  const ctx = hygieneContext({
    now,
    config,
    catalog,
    sprintFieldId: fields.sprint?.id ?? null,
    estimationFieldId: fields.estimation?.id ?? null,
    issuesByKey: new Map(prepared.map((p) => [p.key, p] as const)),
  });
  const facts = prepared.filter((p) => hygieneScope(p.issue, now, p.created)).map((p) => matrixFacts(p, ctx));
  return { matrix: ownershipMatrix(facts, config), sample: { size: issues.length, limit, truncated: issues.length >= limit } };
}
