/**
 * An issue made ready for replay: the Jira issue as returned by search and the timelines of the
 * fields the metrics read, built once from its complete changelog (from bulk fetch). The changelog
 * itself is not kept: a 20,000-issue board's histories would outweigh everything else.
 */
import type { ChangelogHistory, JiraField, JiraIssue, JiraStatus, StatusCategoryKey } from './jira';
import { parseInstant } from './jira';
import {
  ASSIGNEE_FIELD,
  PRIORITY_FIELD,
  compileReplay,
  type FieldReplay,
  type ReplayField,
  type FieldRef,
  fieldRef,
  parseEstimate,
  type Estimate,
  parseSprintIds,
  STATUS_FIELD,
  type Timeline,
} from './history';

/** The site-specific fields the metrics replay, found from `GET /rest/api/3/field`. */
export interface SiteFields {
  /** The Sprint field (schema custom `com.pyxis.greenhopper.jira:gh-sprint`); null if the site has none. */
  readonly sprint: FieldRef | null;
  /** The board's estimation field; null where the board estimates nothing. */
  readonly estimation: FieldRef | null;
}

/** Status id → status category key, from `GET /rest/api/3/status` and the issues' own statuses. */
export type StatusCatalog = ReadonlyMap<string, StatusCategoryKey>;

export function statusCatalog(statuses: readonly JiraStatus[]): Map<string, StatusCategoryKey> {
  const m = new Map<string, StatusCategoryKey>();
  for (const s of statuses) m.set(s.id, s.statusCategory.key);
  return m;
}

const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';
const STORY_POINTS_SCHEMA = 'com.pyxis.greenhopper.jira:jsw-story-points';

/** The system fields of an issue that the metrics read; custom fields are added per site and configuration. */
export const METRIC_FIELDS = [
  'summary',
  'issuetype',
  'status',
  'project',
  'created',
  'updated',
  'priority',
  'assignee',
  'resolution',
  'resolutiondate',
  'duedate',
  'description',
  'labels',
  'components',
  'parent',
  'subtasks',
] as const;

/**
 * Finds the Sprint and estimation fields by schema, not by hard-coded id. The estimation field is
 * the board configuration's when given; else the story-points schema; else a number field named
 * "Story Points" or "Story point estimate".
 */
export function discoverFields(fields: readonly JiraField[], boardEstimationFieldId?: string | null): SiteFields {
  const sprint = fields.find((f) => f.schema?.custom === SPRINT_SCHEMA);
  let est: JiraField | undefined;
  if (boardEstimationFieldId) {
    est = fields.find((f) => f.id === boardEstimationFieldId);
    if (!est) return { sprint: sprint ? fieldRef(sprint.id, sprint.name) : null, estimation: fieldRef(boardEstimationFieldId) };
  }
  est ??= fields.find((f) => f.schema?.custom === STORY_POINTS_SCHEMA);
  est ??= fields.find(
    (f) => f.schema?.type === 'number' && ['story points', 'story point estimate'].includes(f.name.toLowerCase()),
  );
  return {
    sprint: sprint ? fieldRef(sprint.id, sprint.name) : null,
    estimation: est ? fieldRef(est.id, est.name) : null,
  };
}

export interface PreparedIssue {
  readonly issue: JiraIssue;
  readonly id: string;
  readonly key: string;
  readonly projectKey: string;
  /** The number after the dash in the key, for sorting PAY-9 before PAY-10. */
  readonly number: number;
  readonly created: number;
  readonly subtask: boolean;
  /** The issue type's id, its name as the reader sees it, and its untranslated (English) name where known. */
  readonly typeId: string;
  readonly typeName: string;
  readonly typeUntranslatedName: string | null;
  /** Status id over time. */
  readonly status: Timeline<string | null>;
  /** Sprint ids the issue is a member of, over time (empty when the site has no Sprint field). */
  readonly sprints: Timeline<readonly number[]>;
  /** Estimation-field value over time (null: no value; NaN: an unusable value, see `parseEstimate`). */
  readonly estimate: Timeline<Estimate>;
  /** Assignee account id over time. */
  readonly assignee: Timeline<string | null>;
  /** Priority id over time (null: no priority); names change with the reader's language, ids do not. */
  readonly priority: Timeline<string | null>;
  /**
   * Every sprint id the issue was ever a member of, each once, in the order the history first names
   * them. An array, not a Set: an issue visits a few sprints, and a scan of a few numbers is quicker
   * than hashing them (and a Set per issue weighs more than the issue's timelines).
   */
  readonly everSprints: readonly number[];
}

/** The current value of the Sprint field on an issue: sprint ids. */
export function currentSprintIds(issue: JiraIssue, sprint: FieldRef | null): readonly number[] {
  if (!sprint) return [];
  const v = (issue.fields as Record<string, unknown>)[sprint.id];
  if (!Array.isArray(v)) return [];
  const ids: number[] = [];
  for (const s of v) {
    if (typeof s === 'number') ids.push(s);
    else if (s && typeof s === 'object' && typeof (s as { id?: unknown }).id === 'number') ids.push((s as { id: number }).id);
  }
  return ids;
}

/** The current value of the estimation field on an issue: see `parseEstimate` (null: no value; NaN: unusable). */
export function currentEstimate(issue: JiraIssue, field: FieldRef | null): Estimate {
  if (!field) return null;
  const v = (issue.fields as Record<string, unknown>)[field.id];
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : Number.NaN;
  if (typeof v === 'string') return parseEstimate(v);
  return null;
}

export function issueNumber(key: string): number {
  const dash = key.lastIndexOf('-');
  const n = Number(key.slice(dash + 1));
  return Number.isFinite(n) ? n : 0;
}

/** Orders issue keys by project key, then by issue number (PAY-9 before PAY-10). */
export function compareKeys(a: string, b: string): number {
  const pa = a.slice(0, a.lastIndexOf('-'));
  const pb = b.slice(0, b.lastIndexOf('-'));
  if (pa !== pb) return pa < pb ? -1 : 1;
  return issueNumber(a) - issueNumber(b);
}

export function sortKeys(keys: Iterable<string>): string[] {
  return [...keys].sort(compareKeys);
}

/** The replay of a site's fields, compiled once per `SiteFields` object. */
const replays = new WeakMap<SiteFields, FieldReplay>();
/** The last fields and their replay: a board's issues all come with the same `SiteFields`, so most issues skip the WeakMap. */
let lastReplay: { fields: SiteFields; replay: FieldReplay } | null = null;
function replayOf(fields: SiteFields): FieldReplay {
  if (lastReplay !== null && lastReplay.fields === fields) return lastReplay.replay;
  let r = replays.get(fields);
  if (!r) {
    const replayed: ReplayField<unknown>[] = [
      { ref: STATUS_FIELD, convert: nullableString },
      { ref: ASSIGNEE_FIELD, convert: nullableString },
      { ref: PRIORITY_FIELD, convert: nullableString, read: 'ids' },
    ];
    if (fields.sprint) replayed.push({ ref: fields.sprint, convert: parseSprintIds, read: 'ids' });
    if (fields.estimation) replayed.push({ ref: fields.estimation, convert: parseEstimate });
    r = compileReplay(replayed);
    replays.set(fields, r);
  }
  lastReplay = { fields, replay: r };
  return r;
}

/** Every sprint id a Sprint timeline names, each once, in the order it first names them. */
export function distinctSprintIds(sprints: Timeline<readonly number[]>): readonly number[] {
  const distinct: number[] = [];
  for (const id of sprints.initial) if (!distinct.includes(id)) distinct.push(id);
  for (const v of sprints.values) for (let i = 0; i < v.length; i++) if (!distinct.includes(v[i] as number)) distinct.push(v[i] as number);
  // Exact size: kept with the issue for the whole report (see `compileReplay`).
  return distinct.slice();
}

/** The timeline of a field the site does not have: its value never changes. */
function noChanges<T>(created: number, initial: T): Timeline<T> {
  return { created, initial, changeAt: [], values: [] };
}

const nullableString = (raw: string | null): string | null => (raw === '' ? null : raw);

/**
 * Prepares an issue for replay. `histories` is its complete changelog (any order); when omitted,
 * the (possibly truncated) `changelog` embedded in the issue is used.
 */
export function prepareIssue(issue: JiraIssue, fields: SiteFields, histories?: readonly ChangelogHistory[]): PreparedIssue {
  const f = issue.fields;
  const created = parseInstant(f.created);
  const currents: unknown[] = [f.status.id, f.assignee?.accountId ?? null, f.priority?.id ?? null];
  if (fields.sprint) currents.push(currentSprintIds(issue, fields.sprint));
  if (fields.estimation) currents.push(currentEstimate(issue, fields.estimation));
  const built = replayOf(fields).build(histories ?? issue.changelog?.histories ?? [], created, currents);
  const status = built[0] as Timeline<string | null>;
  const assignee = built[1] as Timeline<string | null>;
  const priority = built[2] as Timeline<string | null>;
  const sprints = fields.sprint ? (built[3] as Timeline<readonly number[]>) : noChanges<readonly number[]>(created, []);
  const estimate = fields.estimation ? (built[fields.sprint ? 4 : 3] as Timeline<Estimate>) : noChanges<Estimate>(created, null);
  const everSprints = distinctSprintIds(sprints);
  return {
    issue,
    id: issue.id,
    key: issue.key,
    projectKey: f.project.key,
    number: issueNumber(issue.key),
    created,
    subtask: f.issuetype.subtask === true,
    typeId: f.issuetype.id,
    typeName: f.issuetype.name,
    typeUntranslatedName: f.issuetype.untranslatedName ?? null,
    status,
    sprints,
    estimate,
    assignee,
    priority,
    everSprints,
  };
}
