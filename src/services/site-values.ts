/**
 * What the settings page's pickers offer, read from the site (as the administrator): projects and
 * their components, labels and custom-field values seen on recent issues, custom fields,
 * priorities, statuses and issue types. Every issue search is a bounded sample, newest first: a
 * picker needs the common values, and a large site is never read whole here. (How many issues each
 * mapping rule matches is counted over every stored issue: `store-ownership.ts`.)
 *
 * Priorities, statuses and issue types come with their ids (what the configuration stores) and
 * their names as the administrator reads them: Jira names them in each user's language.
 */
import type { SiteNames } from '../domain/config-migration';
import { fieldValues } from '../domain/ownership';
import type { JiraClient } from '../jira/types';
import { jqlDateBefore } from './jql';
import type { SampleInfo as Sample, SiteValues } from '../shared/ownership-protocol';

const DAY = 86_400_000;
/** Value pickers read issues updated in this many days before now… */
export const SAMPLE_DAYS = 365;
/** …at most this many, newest first. */
export const SAMPLE_LIMIT = 2000;
/** Field values come from fewer issues: a picker needs the common values, not every one. */
export const FIELD_SAMPLE_LIMIT = 1000;
/** Components are read per project for at most this many projects (the rest come from the sample). */
export const COMPONENT_PROJECTS_LIMIT = 50;

/** The shapes the settings page receives (`settings/site-values`), shared with the UI. */
export type { SampleInfo as Sample, SiteValues } from '../shared/ownership-protocol';

const recentJql = (now: number) => `updated >= ${jqlDateBefore(now - SAMPLE_DAYS * DAY)} ORDER BY updated DESC`;

const byName = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base' });
const byId = (a: string, b: string) => Number(a) - Number(b) || a.localeCompare(b);

/** Names once each (the first spelling wins when two differ only in case), sorted. */
function distinct(values: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const v of values) {
    const k = v.trim().toLowerCase();
    if (k !== '' && !seen.has(k)) seen.set(k, v.trim());
  }
  return [...seen.values()].sort(byName);
}

export async function siteValues(client: JiraClient, now: number): Promise<SiteValues> {
  const [projects, fields, priorities, statuses, issueTypes, issues] = await Promise.all([
    client.projects(),
    client.fields(),
    client.priorities(),
    client.statuses(),
    client.issueTypes(),
    client.search(recentJql(now), { fields: ['labels', 'components'], limit: SAMPLE_LIMIT }),
  ]);
  const componentProjects = new Map<string, { name: string; projects: Set<string> }>();
  const addComponent = (name: string, project: string) => {
    const k = name.trim().toLowerCase();
    const entry = componentProjects.get(k) ?? { name: name.trim(), projects: new Set<string>() };
    entry.projects.add(project);
    componentProjects.set(k, entry);
  };
  const listed = projects.slice(0, COMPONENT_PROJECTS_LIMIT);
  const perProject = await Promise.all(listed.map(async (p) => ({ key: p.key, components: await client.projectComponents(p.key).catch(() => []) })));
  for (const p of perProject) for (const c of p.components) addComponent(c.name, p.key);
  for (const issue of issues) for (const c of issue.fields.components ?? []) addComponent(c.name, issue.fields.project.key);

  return {
    projects: projects.map((p) => ({ key: p.key, name: p.name })).sort((a, b) => byName(a.key, b.key)),
    components: [...componentProjects.values()].map((c) => ({ name: c.name, projects: [...c.projects].sort() })).sort((a, b) => byName(a.name, b.name)),
    labels: distinct(issues.flatMap((i) => i.fields.labels ?? [])),
    customFields: fields
      .filter((f) => f.custom === true || f.id.startsWith('customfield_'))
      .map((f) => ({ id: f.id, name: f.name, type: f.schema?.custom?.split(':').pop() ?? f.schema?.type ?? null }))
      .sort((a, b) => byName(a.name, b.name)),
    // Jira's order (highest first): the SLA targets offer them as Jira lists them.
    priorities: priorities.map((p) => ({ id: p.id, name: p.name })),
    statuses: statuses
      .map((s) => ({ id: s.id, name: s.name, untranslatedName: s.untranslatedName ?? null, category: s.statusCategory.key }))
      .sort((a, b) => byName(a.name, b.name) || byId(a.id, b.id)),
    // Every type by id: team-managed projects have types of their own, often with the same name.
    issueTypes: issueTypes
      .map((t) => ({ id: t.id, name: t.name, untranslatedName: t.untranslatedName ?? null, subtask: t.subtask === true }))
      .sort((a, b) => byName(a.name, b.name) || byId(a.id, b.id)),
    sample: { size: issues.length, limit: SAMPLE_LIMIT, truncated: issues.length >= SAMPLE_LIMIT },
  };
}

/**
 * Jira Cloud's default priorities keep these ids on every site, and these are their English names:
 * what a configuration of schema version 1 wrote for them (its defaults were these names).
 */
const DEFAULT_PRIORITY_NAMES: readonly { id: string; name: string }[] = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
];

/**
 * What the site calls its issue types, priorities and statuses, as the administrator reads them:
 * the names a configuration of schema version 1 is resolved against. Types and statuses carry the
 * English name Jira keeps in every language (`untranslatedName`), so an English name resolves for
 * a Russian-speaking administrator too. Priorities have none: Jira's default priorities are
 * also known by their default English names, after the site's own names (a priority the site now
 * calls `High` wins over the default one), so both administrators resolve `High` to the same id.
 */
export async function siteNames(client: JiraClient): Promise<SiteNames> {
  const [issueTypes, priorities, statuses] = await Promise.all([client.issueTypes(), client.priorities(), client.statuses()]);
  const site = priorities.map((p) => ({ id: p.id, name: p.name }));
  const defaults = DEFAULT_PRIORITY_NAMES.filter((d) => site.some((p) => p.id === d.id));
  return {
    issueTypes: issueTypes.map((t) => ({ id: t.id, name: t.name, untranslatedName: t.untranslatedName ?? null })),
    priorities: [...site, ...defaults],
    statuses: statuses.map((s) => ({ id: s.id, name: s.name, untranslatedName: s.untranslatedName ?? null })),
  };
}

export interface FieldValues {
  fieldId: string;
  values: { value: string; count: number }[];
  sample: Sample;
}

/** The values of one custom field on recent issues that have it, most common first. */
export async function customFieldValues(client: JiraClient, fieldId: string): Promise<FieldValues> {
  const number = /^customfield_(\d+)$/.exec(fieldId)?.[1];
  if (!number) throw new RangeError(`${fieldId} is not a custom field id such as customfield_10050`);
  const issues = await client.search(`cf[${number}] is not EMPTY ORDER BY updated DESC`, { fields: [fieldId], limit: FIELD_SAMPLE_LIMIT });
  const counts = new Map<string, { value: string; count: number }>();
  for (const issue of issues) {
    const seen = new Set<string>();
    for (const v of fieldValues((issue.fields as Record<string, unknown>)[fieldId])) {
      const k = v.trim().toLowerCase();
      if (k === '' || seen.has(k)) continue;
      seen.add(k);
      const entry = counts.get(k) ?? { value: v.trim(), count: 0 };
      entry.count++;
      counts.set(k, entry);
    }
  }
  const values = [...counts.values()].sort((a, b) => b.count - a.count || byName(a.value, b.value));
  return { fieldId, values, sample: { size: issues.length, limit: FIELD_SAMPLE_LIMIT, truncated: issues.length >= FIELD_SAMPLE_LIMIT } };
}
