/**
 * An issue as the store keeps it: the domain's prepared form (each replayed field's timeline, so no
 * changelog is kept or replayed again) and the current fields the figures read, cut to what they
 * read. A description is kept only as what the rules ask of it (whether it has text, whether a
 * line opens the acceptance criteria), a Sprint field value only as each sprint's id, state, board,
 * start and completion. Decoding gives back a `PreparedIssue` the domain cannot tell from a freshly prepared one.
 */
import { z } from 'zod';
import { compactDescription } from '../domain/adf';
import type { FieldRef, Timeline } from '../domain/history';
import { distinctSprintIds, issueNumber, METRIC_FIELDS, type PreparedIssue, type SiteFields } from '../domain/issue';
import { JiraIssue, parseInstant } from '../domain/jira';
import type { MappableIssue } from '../domain/ownership';

/** A timeline as JSON: the initial value, the change instants and the values from each. */
const TimelineJson = <T extends z.ZodType>(value: T) => z.tuple([value, z.array(z.number()), z.array(value)]);
/** An estimate: a number, null (no value) or "x" (an unusable value; NaN has no JSON). */
const EstimateJson = z.union([z.number(), z.null(), z.literal('x')]);
const NullableId = z.string().nullable();

export const StoredIssueDoc = z.object({
  /** Codec version: a document of another version is read again from Jira, never guessed at. */
  v: z.literal(1),
  id: z.string(),
  key: z.string(),
  /** `fields.updated` as epoch ms: a search answer with the same stamp needs no new changelog. */
  updated: z.number(),
  created: z.number(),
  fields: z.record(z.string(), z.unknown()),
  status: TimelineJson(NullableId),
  assignee: TimelineJson(NullableId),
  priority: TimelineJson(NullableId),
  sprints: TimelineJson(z.array(z.number())),
  estimate: TimelineJson(EstimateJson),
  /** The fields the timelines were replayed for: the board's Sprint and estimation fields. */
  sprintField: z.object({ id: z.string(), names: z.array(z.string()) }).nullable(),
  estimationField: z.object({ id: z.string(), names: z.array(z.string()) }).nullable(),
});
export type StoredIssueDoc = z.infer<typeof StoredIssueDoc>;

/**
 * The current fields kept as Jira sent them (each trimmed below to what is read): the fields the
 * metrics read, but the description (kept compacted, as the rules ask of it), and the security level
 * (the viewer filter reads it).
 */
const KEPT_FIELDS: readonly string[] = [...METRIC_FIELDS.filter((f) => f !== 'description'), 'security'];
type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const pick = (o: unknown, keys: readonly string[]): Obj | null => {
  if (!isObj(o)) return null;
  const out: Obj = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
};

/**
 * A Sprint field value as the rules read it: each sprint's id, state, board, start and completion
 * (what a sprint not on the board's own list is judged by, and its state at an earlier instant).
 * Its planned end is never read: left out, it is some 150 bytes less per stored issue.
 */
function compactSprints(value: unknown): unknown {
  if (!Array.isArray(value)) return value ?? null;
  return value.map((s) => (isObj(s) ? pick(s, ['id', 'state', 'boardId', 'startDate', 'completeDate']) : s));
}

function compactFields(issue: JiraIssue, fields: SiteFields, customFields: readonly string[]): Obj {
  const f = issue.fields as Obj;
  const out: Obj = pick(f, KEPT_FIELDS) ?? {};
  out.issuetype = pick(f.issuetype, ['id', 'name', 'untranslatedName', 'subtask']);
  out.status = isObj(f.status) ? { ...pick(f.status, ['id', 'name']), statusCategory: pick(f.status.statusCategory, ['key']) } : f.status;
  out.project = pick(f.project, ['id', 'key', 'name']);
  if (isObj(f.priority)) out.priority = pick(f.priority, ['id', 'name']);
  if (isObj(f.assignee)) out.assignee = pick(f.assignee, ['accountId', 'displayName']);
  if (isObj(f.resolution)) out.resolution = pick(f.resolution, ['id', 'name']);
  if (isObj(f.security)) out.security = pick(f.security, ['id', 'name']);
  if (isObj(f.parent)) out.parent = pick(f.parent, ['id', 'key']);
  if (Array.isArray(f.components)) out.components = f.components.map((c) => pick(c, ['id', 'name']));
  if (Array.isArray(f.subtasks))
    out.subtasks = f.subtasks.map((s) => (isObj(s) ? { ...pick(s, ['id', 'key']), fields: { status: isObj(s.fields) && isObj(s.fields.status) ? { ...pick(s.fields.status, ['id', 'name']), statusCategory: pick(s.fields.status.statusCategory, ['key']) } : null } } : s));
  out.description = compactDescription(f.description);
  if (fields.sprint) out[fields.sprint.id] = compactSprints(f[fields.sprint.id]);
  if (fields.estimation && f[fields.estimation.id] !== undefined) out[fields.estimation.id] = f[fields.estimation.id];
  for (const id of customFields) if (f[id] !== undefined) out[id] = f[id];
  return out;
}

const tl = <T>(t: Timeline<T>): [T, number[], T[]] => [t.initial, [...t.changeAt], [...t.values]];
const estimateOut = (e: number | null): number | null | 'x' => (e !== null && Number.isNaN(e) ? 'x' : e);
const estimateIn = (e: number | null | 'x'): number | null => (e === 'x' ? Number.NaN : e);

/**
 * The stored form of a prepared issue. `customFields` are the custom fields the configuration reads
 * (mapping fields, the acceptance-criteria field): their values are kept as Jira gave them.
 */
export function encodeIssue(p: PreparedIssue, fields: SiteFields, customFields: readonly string[]): StoredIssueDoc {
  const f = p.issue.fields;
  return {
    v: 1,
    id: p.id,
    key: p.key,
    updated: parseInstant(f.updated ?? f.created),
    created: p.created,
    fields: compactFields(p.issue, fields, customFields),
    status: tl(p.status),
    assignee: tl(p.assignee),
    priority: tl(p.priority),
    sprints: [[...p.sprints.initial], [...p.sprints.changeAt], p.sprints.values.map((v) => [...v])],
    estimate: [estimateOut(p.estimate.initial), [...p.estimate.changeAt], p.estimate.values.map(estimateOut)],
    sprintField: fields.sprint ? { id: fields.sprint.id, names: [...fields.sprint.names] } : null,
    estimationField: fields.estimation ? { id: fields.estimation.id, names: [...fields.estimation.names] } : null,
  };
}

const timeline = <T>(created: number, [initial, changeAt, values]: [T, number[], T[]]): Timeline<T> => ({ created, initial, changeAt, values });

/** The prepared issue a stored document holds; throws a ZodError for a document that is not one. */
export function decodeIssue(doc: unknown): { issue: PreparedIssue; fields: SiteFields } {
  const d = StoredIssueDoc.parse(doc);
  const issue = JiraIssue.parse({ id: d.id, key: d.key, fields: d.fields });
  const sprints = timeline(d.created, d.sprints as [number[], number[], number[][]]);
  const estimate = timeline<number | null>(d.created, [estimateIn(d.estimate[0]), d.estimate[1], d.estimate[2].map(estimateIn)]);
  const f = issue.fields;
  const siteFields: SiteFields = { sprint: d.sprintField as FieldRef | null, estimation: d.estimationField as FieldRef | null };
  return {
    issue: {
      issue,
      id: d.id,
      key: d.key,
      projectKey: f.project.key,
      number: issueNumber(d.key),
      created: d.created,
      subtask: f.issuetype.subtask === true,
      typeId: f.issuetype.id,
      typeName: f.issuetype.name,
      typeUntranslatedName: f.issuetype.untranslatedName ?? null,
      status: timeline(d.created, d.status),
      sprints,
      estimate,
      assignee: timeline(d.created, d.assignee),
      priority: timeline(d.created, d.priority),
      everSprints: distinctSprintIds(sprints),
    },
    fields: siteFields,
  };
}

/** The fields the ownership mapping and a viewer's access read, as `decodeIssue` would give them. */
const MappedFields = z
  .object({
    project: z.object({ id: z.string(), key: z.string() }).passthrough(),
    components: z.array(z.object({ name: z.string() }).passthrough()).nullish(),
    labels: z.array(z.string()).nullish(),
    security: z.object({ id: z.string() }).passthrough().nullish(),
  })
  .passthrough();

/** What `decodeMapped` gives: the issue as the mapping reads it, and what a viewer's access depends on. */
export interface MappedIssue {
  readonly id: string;
  readonly projectId: string;
  /** The issue security level's id; null when it has none. */
  readonly security: string | null;
  readonly issue: MappableIssue;
}

/**
 * Only what the ownership mapping reads of a stored issue (project, components, labels and the
 * given custom fields) and its project and security level, without decoding the rest: counting a
 * draft's rules over every stored issue of a site. Throws a ZodError for a document whose fields are
 * not what `decodeIssue` would accept there.
 */
export function decodeMapped(doc: StoredIssueDoc, customFields: readonly string[]): MappedIssue {
  const f = MappedFields.parse(doc.fields);
  const custom: Record<string, unknown> = {};
  for (const id of customFields) if (f[id] !== undefined) custom[id] = f[id];
  return {
    id: doc.id,
    projectId: f.project.id,
    security: f.security?.id ?? null,
    issue: { fields: { ...custom, project: { key: f.project.key }, components: f.components, labels: f.labels } },
  };
}
