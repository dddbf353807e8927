/**
 * The demo site's fixed catalogue: the instant it is built around, statuses, priorities, issue
 * types, resolutions and fields, with the ids a real Jira Cloud site gives them.
 */
import type { JiraField, JiraStatus } from '../domain/jira';
import { parseInstant } from '../domain/jira';
import { SPRINT_FIELD_ID, STATUSES, STORY_POINTS_FIELD_ID } from '../domain/testing/generate';

/** The instant the demo is built around: the active sprints are running, everything was created before. */
export const DEMO_NOW = '2026-11-27T12:00:00.000Z';
export const NOW_MS = parseInstant(DEMO_NOW);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const MINUTE = 60_000;

/** The site renders timestamps in Moscow time, as a Russian bank's site does. */
export const SITE_OFFSET_MINUTES = 180;
export const siteTime = (ms: number): string => `${new Date(ms + SITE_OFFSET_MINUTES * MINUTE).toISOString().slice(0, 23)}+0300`;
/** Agile sprint dates are UTC ISO strings. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

export { SPRINT_FIELD_ID, STORY_POINTS_FIELD_ID };
export const ACCEPTANCE_CRITERIA_FIELD_ID = 'customfield_10050';
export const SEGMENT_FIELD_ID = 'customfield_10060';
export const RANK_FIELD_ID = 'customfield_10019';
export const CLASSIC_STORY_POINTS_FIELD_ID = 'customfield_10028';
export const FLAGGED_FIELD_ID = 'customfield_10021';

export type StatusKey = keyof typeof STATUSES;
export const DEMO_STATUSES = STATUSES;
export const STATUS_LIST: JiraStatus[] = (['todo', 'inProgress', 'review', 'waiting', 'done', 'closed'] as const).map(
  (k) => ({ ...STATUSES[k], statusCategory: { ...STATUSES[k].statusCategory, colorName: colorOf(STATUSES[k]) } }),
);
function colorOf(s: JiraStatus): string {
  return s.statusCategory.key === 'done' ? 'green' : s.statusCategory.key === 'new' ? 'blue-gray' : 'yellow';
}
export const isDoneStatus = (k: StatusKey): boolean => STATUSES[k].statusCategory.key === 'done';

export const PRIORITY_NAMES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;
export type PriorityName = (typeof PRIORITY_NAMES)[number];
export const PRIORITIES: readonly { id: string; name: PriorityName }[] = PRIORITY_NAMES.map((name, i) => ({
  id: String(i + 1),
  name,
}));
export const priorityId = (name: PriorityName): string => String(PRIORITY_NAMES.indexOf(name) + 1);

export type IssueTypeName = 'Epic' | 'Story' | 'Task' | 'Sub-task' | 'Bug';
export const ISSUE_TYPES: readonly { id: string; name: IssueTypeName; subtask: boolean; hierarchyLevel: number }[] = [
  { id: '10000', name: 'Epic', subtask: false, hierarchyLevel: 1 },
  { id: '10001', name: 'Story', subtask: false, hierarchyLevel: 0 },
  { id: '10002', name: 'Task', subtask: false, hierarchyLevel: 0 },
  { id: '10003', name: 'Sub-task', subtask: true, hierarchyLevel: -1 },
  { id: '10004', name: 'Bug', subtask: false, hierarchyLevel: 0 },
];
export function issueType(name: IssueTypeName): { id: string; name: IssueTypeName; subtask: boolean; hierarchyLevel: number } {
  const t = ISSUE_TYPES.find((x) => x.name === name);
  if (!t) throw new Error(`unknown issue type ${name}`);
  return t;
}

export type ResolutionName = 'Done' | "Won't Do" | 'Duplicate' | 'Cannot Reproduce';
export const RESOLUTIONS: readonly { id: string; name: ResolutionName }[] = [
  { id: '10000', name: 'Done' },
  { id: '10001', name: "Won't Do" },
  { id: '10002', name: 'Duplicate' },
  { id: '10003', name: 'Cannot Reproduce' },
];
export function resolution(name: ResolutionName): { id: string; name: ResolutionName } {
  const r = RESOLUTIONS.find((x) => x.name === name);
  if (!r) throw new Error(`unknown resolution ${name}`);
  return r;
}

/** Options of the "Segment" select field, as Jira shows them. */
export const SEGMENT_OPTIONS = {
  mmb: { id: '10100', value: 'ММБ' },
  sb: { id: '10101', value: 'СБ' },
  kib: { id: '10102', value: 'КИБ' },
} as const;
export type SegmentKey = keyof typeof SEGMENT_OPTIONS;

const system = (id: string, name: string, type: string, extra: Partial<JiraField> = {}): JiraField => ({
  id,
  key: id,
  name,
  custom: false,
  orderable: true,
  navigable: true,
  searchable: true,
  clauseNames: [id],
  schema: { type, system: id },
  ...extra,
});
const custom = (id: string, name: string, type: string, customType: string, items?: string): JiraField => {
  const customId = Number(id.slice('customfield_'.length));
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, name],
    schema: items ? { type, items, custom: customType, customId } : { type, custom: customType, customId },
  };
};

/** `GET /rest/api/3/field`: system fields and the custom fields a Jira Software site has. */
export const DEMO_FIELDS: JiraField[] = [
  system('summary', 'Summary', 'string'),
  system('issuetype', 'Issue Type', 'issuetype'),
  system('project', 'Project', 'project'),
  system('status', 'Status', 'status'),
  system('priority', 'Priority', 'priority'),
  system('resolution', 'Resolution', 'resolution'),
  system('resolutiondate', 'Resolved', 'datetime', { orderable: false }),
  system('assignee', 'Assignee', 'user'),
  system('reporter', 'Reporter', 'user'),
  system('creator', 'Creator', 'user', { orderable: false }),
  system('created', 'Created', 'datetime', { orderable: false }),
  system('updated', 'Updated', 'datetime', { orderable: false }),
  system('statuscategorychangedate', 'Status Category Changed', 'datetime', { orderable: false }),
  system('duedate', 'Due date', 'date'),
  system('description', 'Description', 'string'),
  system('labels', 'Labels', 'array', { schema: { type: 'array', items: 'string', system: 'labels' } }),
  system('components', 'Components', 'array', { schema: { type: 'array', items: 'component', system: 'components' } }),
  system('parent', 'Parent', 'issuelink'),
  system('subtasks', 'Sub-tasks', 'array', { orderable: false, schema: { type: 'array', items: 'issuelinks', system: 'subtasks' } }),
  custom(SPRINT_FIELD_ID, 'Sprint', 'array', 'com.pyxis.greenhopper.jira:gh-sprint', 'json'),
  custom(STORY_POINTS_FIELD_ID, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points'),
  // The classic field most old sites still carry; no demo board estimates with it.
  custom(CLASSIC_STORY_POINTS_FIELD_ID, 'Story Points', 'number', 'com.atlassian.jira.plugin.system.customfieldtypes:float'),
  custom(RANK_FIELD_ID, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank'),
  custom(FLAGGED_FIELD_ID, 'Flagged', 'array', 'com.atlassian.jira.plugin.system.customfieldtypes:multicheckboxes', 'option'),
  custom(ACCEPTANCE_CRITERIA_FIELD_ID, 'Acceptance criteria', 'string', 'com.atlassian.jira.plugin.system.customfieldtypes:textarea'),
  custom(SEGMENT_FIELD_ID, 'Segment', 'option', 'com.atlassian.jira.plugin.system.customfieldtypes:select'),
];
