/**
 * Generators of Jira data in Jira's own shapes, for tests and benchmarks (`generateX({...overrides})`).
 * Pure: no clock, no randomness unless a seeded `rng` is passed.
 */
import { itemToString, type BoardConfiguration, type ChangelogHistory, type ChangelogItem, type JiraField, type JiraIssue, type JiraSprint, type JiraStatus } from '../jira';

export const SPRINT_FIELD_ID = 'customfield_10020';
export const STORY_POINTS_FIELD_ID = 'customfield_10016';

export const STATUSES: Record<'todo' | 'inProgress' | 'review' | 'done' | 'closed' | 'waiting', JiraStatus> = {
  todo: { id: '10000', name: 'To Do', statusCategory: { id: 2, key: 'new', name: 'To Do' } },
  inProgress: { id: '3', name: 'In Progress', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
  review: { id: '10001', name: 'In Review', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
  waiting: { id: '10002', name: 'Waiting for customer', statusCategory: { id: 4, key: 'indeterminate', name: 'In Progress' } },
  done: { id: '10003', name: 'Done', statusCategory: { id: 3, key: 'done', name: 'Done' } },
  closed: { id: '6', name: 'Closed', statusCategory: { id: 3, key: 'done', name: 'Done' } },
};
export const ALL_STATUSES: JiraStatus[] = Object.values(STATUSES);

/** Issue type ids as a Jira Cloud site gives them, by the types' untranslated (English) names. */
export const TYPE_IDS: Readonly<Record<string, string>> = { Epic: '10000', Story: '10001', Task: '10002', 'Sub-task': '10003', Bug: '10004' };
/** Jira Cloud's default priorities keep these ids on every site. */
export const PRIORITY_IDS: Readonly<Record<string, string>> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

/** What a Russian-speaking user reads where an English-speaking one reads these names. */
export const RUSSIAN_NAMES: Readonly<Record<string, string>> = {
  Epic: 'Эпик',
  Story: 'История',
  Task: 'Задача',
  'Sub-task': 'Подзадача',
  Bug: 'Ошибка',
  Highest: 'Наивысший',
  High: 'Высокий',
  Medium: 'Средний',
  Low: 'Низкий',
  Lowest: 'Самый низкий',
  'To Do': 'К выполнению',
  'In Progress': 'В работе',
  'In Review': 'На проверке',
  'Waiting for customer': 'Ожидает клиента',
  Done: 'Готово',
  Closed: 'Закрыт',
};

export const FIELDS: JiraField[] = [
  { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string' } },
  { id: 'status', name: 'Status', custom: false, schema: { type: 'status' } },
  { id: SPRINT_FIELD_ID, name: 'Sprint', custom: true, schema: { type: 'array', items: 'json', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 } },
  { id: STORY_POINTS_FIELD_ID, name: 'Story point estimate', custom: true, schema: { type: 'number', custom: 'com.pyxis.greenhopper.jira:jsw-story-points', customId: 10016 } },
];

/** `2026-03-02T09:15:00.000+0300`-style timestamp of an epoch instant, in the given offset (minutes). */
export function jiraTime(epochMs: number, offsetMinutes = 0): string {
  const local = new Date(epochMs + offsetMinutes * 60_000).toISOString().replace('Z', '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}${mm}`;
}

/** Epoch ms of an ISO string, for writing tests in readable instants. */
export const at = (iso: string): number => Date.parse(iso);

export interface Change {
  /** ISO instant or epoch ms. */
  at: string | number;
  field: 'status' | 'sprint' | 'estimate' | 'assignee' | 'resolution' | 'priority' | string;
  from?: string | null;
  to?: string | null;
  fromString?: string | null;
  /**
   * Jira's `toString`. Every object literal inherits a `toString` method, so the type admits it and
   * the generator reads only a string (see `itemToString`).
   */
  toString?: string | null | (() => string);
  /** Leave `fieldId` out, as Jira often does for custom fields. */
  omitFieldId?: boolean;
  /** History id (default: sequential). */
  id?: number;
}

let historySeq = 1;

/** One changelog history holding one item per change given. */
export function generateHistory(changes: Change[], id?: number): ChangelogHistory {
  const first = changes[0];
  if (!first) throw new Error('a history needs at least one change');
  const created = typeof first.at === 'number' ? jiraTime(first.at) : jiraTime(Date.parse(first.at));
  return {
    id: String(id ?? first.id ?? historySeq++),
    created,
    author: { accountId: 'u-generator', displayName: 'Generator' },
    items: changes.map(changeItem),
  };
}

function changeItem(c: Change): ChangelogItem {
  const known: Record<string, { field: string; fieldId: string; fieldtype: string }> = {
    status: { field: 'status', fieldId: 'status', fieldtype: 'jira' },
    sprint: { field: 'Sprint', fieldId: SPRINT_FIELD_ID, fieldtype: 'custom' },
    estimate: { field: 'Story point estimate', fieldId: STORY_POINTS_FIELD_ID, fieldtype: 'custom' },
    assignee: { field: 'assignee', fieldId: 'assignee', fieldtype: 'jira' },
    resolution: { field: 'resolution', fieldId: 'resolution', fieldtype: 'jira' },
    priority: { field: 'priority', fieldId: 'priority', fieldtype: 'jira' },
  };
  const k = known[c.field] ?? { field: c.field, fieldId: c.field, fieldtype: 'custom' };
  const item: ChangelogItem = {
    field: k.field,
    fieldtype: k.fieldtype,
    from: c.from ?? null,
    fromString: c.fromString ?? null,
    to: c.to ?? null,
    toString: itemToString(c),
  };
  if (c.field === 'estimate') {
    // Jira writes number fields only in the string form.
    item.fromString = c.fromString ?? c.from ?? null;
    item.toString = itemToString(c) ?? c.to ?? null;
    item.from = null;
    item.to = null;
  }
  if (!c.omitFieldId) item.fieldId = k.fieldId;
  return item;
}

/** Each change in its own history, in the order given. */
export function generateHistories(changes: Change[]): ChangelogHistory[] {
  return changes.map((c) => generateHistory([c]));
}

export interface IssueOverrides {
  id?: string;
  key?: string;
  /** The type's name as the reader sees it (default Story, or Sub-task). */
  type?: string;
  /** The type's id (default: its id in `TYPE_IDS` by `untranslatedType`, else 10001). */
  typeId?: string;
  /** The type's untranslated name (default: `type` when it is one of `TYPE_IDS`; null: Jira gave none). */
  untranslatedType?: string | null;
  /** The priority's id (default: its id in `PRIORITY_IDS` by `priority`, else 10010, a priority the site added). */
  priorityId?: string;
  subtask?: boolean;
  status?: JiraStatus;
  created?: string | number;
  updated?: string | number;
  priority?: string | null;
  assignee?: string | null;
  resolution?: string | null;
  duedate?: string | null;
  description?: unknown;
  labels?: string[];
  components?: string[];
  sprints?: number[];
  estimate?: number | null;
  parent?: string | null;
  subtasks?: { key: string; status: JiraStatus }[];
  histories?: ChangelogHistory[];
  fields?: Record<string, unknown>;
}

let issueSeq = 1;

export function generateIssue(o: IssueOverrides = {}): JiraIssue {
  const n = issueSeq++;
  const key = o.key ?? `PAY-${n}`;
  const project = key.slice(0, key.lastIndexOf('-'));
  const toTime = (v: string | number | undefined, dflt: string) =>
    v === undefined ? dflt : typeof v === 'number' ? jiraTime(v) : jiraTime(Date.parse(v));
  const created = toTime(o.created, '2026-01-05T09:00:00.000+0000');
  const typeName = o.type ?? (o.subtask ? 'Sub-task' : 'Story');
  const untranslated = o.untranslatedType === undefined ? (TYPE_IDS[typeName] !== undefined ? typeName : null) : o.untranslatedType;
  const typeId = o.typeId ?? (untranslated !== null ? TYPE_IDS[untranslated] : undefined) ?? (o.subtask ? '10003' : '10001');
  const priorityName = o.priority ?? 'Medium';
  const fields: Record<string, unknown> = {
    summary: `Issue ${key}`,
    issuetype: { id: typeId, name: typeName, ...(untranslated !== null ? { untranslatedName: untranslated } : {}), subtask: o.subtask ?? false },
    status: o.status ?? STATUSES.todo,
    project: { id: '10000', key: project, name: project },
    created,
    updated: toTime(o.updated, created),
    priority: o.priority === null ? null : { id: o.priorityId ?? PRIORITY_IDS[priorityName] ?? '10010', name: priorityName },
    assignee: o.assignee ? { accountId: o.assignee, displayName: o.assignee } : null,
    resolution: o.resolution ? { id: '1', name: o.resolution } : null,
    duedate: o.duedate ?? null,
    description: o.description ?? null,
    labels: o.labels ?? [],
    components: (o.components ?? []).map((name, i) => ({ id: String(i + 1), name })),
    parent: o.parent ? { key: o.parent } : null,
    subtasks: (o.subtasks ?? []).map((s) => ({ key: s.key, fields: { status: s.status } })),
    [SPRINT_FIELD_ID]: (o.sprints ?? []).map((id) => ({ id, name: `Sprint ${id}`, state: 'closed' })),
    [STORY_POINTS_FIELD_ID]: o.estimate ?? null,
    ...o.fields,
  };
  return {
    id: o.id ?? String(100000 + n),
    key,
    fields: fields as JiraIssue['fields'],
    changelog: { startAt: 0, maxResults: 100, total: o.histories?.length ?? 0, histories: o.histories ?? [] },
  };
}

export function generateSprint(o: Partial<JiraSprint> & { id: number }): JiraSprint {
  return {
    name: `Sprint ${o.id}`,
    state: 'closed',
    startDate: '2026-03-02T09:00:00.000Z',
    endDate: '2026-03-16T09:00:00.000Z',
    completeDate: '2026-03-16T10:00:00.000Z',
    originBoardId: 1,
    ...o,
  };
}

export function generateBoardConfiguration(o: Partial<BoardConfiguration> = {}): BoardConfiguration {
  return {
    id: 1,
    name: 'PAY board',
    filter: { id: '10000' },
    columnConfig: {
      columns: [
        { name: 'To Do', statuses: [{ id: STATUSES.todo.id }] },
        { name: 'In Progress', statuses: [{ id: STATUSES.inProgress.id }, { id: STATUSES.waiting.id }] },
        { name: 'Review', statuses: [{ id: STATUSES.review.id }] },
        { name: 'Done', statuses: [{ id: STATUSES.done.id }, { id: STATUSES.closed.id }] },
      ],
    },
    estimation: { type: 'field', field: { fieldId: STORY_POINTS_FIELD_ID, displayName: 'Story point estimate' } },
    ...o,
  };
}

/** A small deterministic PRNG (mulberry32), for generated sites. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
