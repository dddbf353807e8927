/**
 * What a JQL field name means on a site: which value of an issue it reads, how that value compares
 * (by id or name, as a number, as an instant, as text), and which values exist for it.
 */
import { parseInstant, type JiraField } from '../domain/jira';
import { JqlError } from './jql-parse';
import type { SiteIssue } from './site';
import type { SiteIndex } from './site-index';

/** One value of a field (a multi-value field has several): the strings it answers to, lowercased. */
export interface Element {
  names: string[];
  number?: number;
  time?: number;
}

export type FieldKind = 'named' | 'number' | 'date' | 'text';

export interface JqlField {
  /** The name as written, for messages. */
  label: string;
  kind: FieldKind;
  read(issue: SiteIssue): Element[];
  /** The values that exist, for Jira's "The value 'X' does not exist for the field 'Y'." (lowercased). */
  known?(): Set<string>;
  /** `resolution = Unresolved` means EMPTY. */
  emptyAlias?: string;
  /** Sprint and the like: functions that stand for values of this field. */
  sprintField?: boolean;
  userField?: boolean;
  issueTypeField?: boolean;
  /** Entity properties: named values that also compare as numbers (`score >= 3`). */
  comparable?: boolean;
}

const lower = (xs: unknown[]): string[] => xs.filter((x): x is string | number => typeof x === 'string' || typeof x === 'number').map((x) => String(x).toLowerCase());

/** The strings a JSON value answers to: itself, or an object's id / key / name / value / accountId. */
export function elementsOf(value: unknown): Element[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.flatMap(elementsOf);
  if (typeof value === 'number') return [{ names: [String(value)], number: value }];
  if (typeof value === 'string' || typeof value === 'boolean') {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    return [{ names: [String(value).toLowerCase()], ...(Number.isNaN(n) ? {} : { number: n }) }];
  }
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return [{ names: lower([o.id, o.key, o.name, o.value, o.accountId, o.displayName, o.emailAddress]) }];
  }
  return [];
}

function dateElements(value: unknown): Element[] {
  if (typeof value !== 'string') return [];
  const t = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : parseInstant(value);
  return Number.isNaN(t) ? [] : [{ names: [value.toLowerCase()], time: t }];
}

/** Plain text of a string or of an Atlassian document (ADF) description. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(plainText).join(' ');
  if (value && typeof value === 'object') {
    const o = value as { text?: unknown; content?: unknown };
    return [typeof o.text === 'string' ? o.text : '', plainText(o.content)].join(' ');
  }
  return '';
}

const get = (id: string) => (issue: SiteIssue) => issue.fields[id];

export function resolveField(name: string, index: SiteIndex): JqlField {
  const site = index.site;
  const n = name.toLowerCase();
  const named = (read: (i: SiteIssue) => unknown, extra: Partial<JqlField> = {}): JqlField => ({
    label: name,
    kind: 'named',
    read: (i) => elementsOf(read(i)),
    ...extra,
  });
  const knownFrom = (xs: readonly Record<string, unknown>[], keys: string[]) => () =>
    new Set(xs.flatMap((x) => lower(keys.map((k) => x[k]))));

  switch (n) {
    case 'project':
      return named(get('project'), { known: knownFrom(site.projects as unknown as Record<string, unknown>[], ['id', 'key', 'name']) });
    case 'issuetype':
    case 'type':
      return named(get('issuetype'), { known: knownFrom(site.issueTypes as unknown as Record<string, unknown>[], ['id', 'name']), issueTypeField: true });
    case 'status':
      return named(get('status'), { known: knownFrom(site.statuses as unknown as Record<string, unknown>[], ['id', 'name']) });
    case 'statuscategory': {
      const cat = (i: SiteIssue) => (i.fields.status as { statusCategory?: unknown } | null)?.statusCategory;
      const known = () => new Set(['1', '2', '3', '4', 'undefined', 'new', 'indeterminate', 'done', 'no category', 'to do', 'in progress']);
      return named(cat, { known });
    }
    case 'priority':
      return named(get('priority'), { known: knownFrom(site.priorities as unknown as Record<string, unknown>[], ['id', 'name']) });
    case 'resolution':
      return named(get('resolution'), { emptyAlias: 'unresolved' });
    case 'component':
    case 'components':
      return named(get('components'));
    case 'labels':
    case 'label':
      return named(get('labels'));
    case 'assignee':
    case 'reporter':
    case 'creator':
      return named(get(n), { userField: true });
    case 'parent':
      return named(get('parent'));
    case 'level': {
      // The issue security level, by id or name; the values are the levels the site's issues use.
      const levels = () => new Set(site.issues.flatMap((i) => elementsOf(i.fields.security).flatMap((e) => e.names)));
      return named(get('security'), { known: levels });
    }
    case 'sprint':
      return sprintField(name, index.sprintFieldId, index);
    case 'key':
    case 'issuekey':
    case 'issue':
    case 'id':
      return { label: name, kind: 'named', read: (i) => [{ names: [i.key.toLowerCase(), i.id], number: Number(i.id) }] };
    case 'created':
    case 'createddate':
      return { label: name, kind: 'date', read: (i) => dateElements(i.fields.created) };
    case 'updated':
    case 'updateddate':
      return { label: name, kind: 'date', read: (i) => dateElements(i.fields.updated) };
    case 'resolved':
    case 'resolutiondate':
      return { label: name, kind: 'date', read: (i) => dateElements(i.fields.resolutiondate) };
    case 'due':
    case 'duedate':
      return { label: name, kind: 'date', read: (i) => dateElements(i.fields.duedate) };
    case 'summary':
    case 'description':
      return { label: name, kind: 'text', read: (i) => [{ names: [plainText(i.fields[n]).toLowerCase()] }] };
    case 'text':
      return { label: name, kind: 'text', read: (i) => [{ names: [`${plainText(i.fields.summary)} ${plainText(i.fields.description)}`.toLowerCase()] }] };
  }
  const cf = /^cf\[(\d+)\]$/i.exec(name);
  const field: JiraField | undefined = cf
    ? site.fields.find((f) => f.id === `customfield_${cf[1]}`)
    : (site.fields.find((f) => f.id.toLowerCase() === n) ?? site.fields.find((f) => f.name.toLowerCase() === n));
  if (!field) throw new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
  if (!field.custom && field.id.toLowerCase() !== n) return resolveField(field.id, index); // "Summary" → summary
  if (field.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint') return sprintField(name, field.id, index);
  const type = field.schema?.type;
  if (type === 'number') return { label: name, kind: 'number', read: (i) => elementsOf(i.fields[field.id]).filter((e) => e.number !== undefined) };
  if (type === 'date' || type === 'datetime') return { label: name, kind: 'date', read: (i) => dateElements(i.fields[field.id]) };
  if (type === 'string' && !field.schema?.custom?.includes('select')) {
    return { label: name, kind: 'text', read: (i) => [{ names: [plainText(i.fields[field.id]).toLowerCase()] }] };
  }
  return named(get(field.id), { userField: type === 'user' });
}

function sprintField(label: string, fieldId: string, index: SiteIndex): JqlField {
  return {
    label,
    kind: 'named',
    read: (i) => elementsOf(i.fields[fieldId]),
    known: () => new Set(index.site.sprints.flatMap((s) => [String(s.id), s.name.toLowerCase()])),
    sprintField: true,
  };
}

/** An `issue.property[key].path` clause reads a value inside an entity property. */
export function propertyField(name: string): JqlField | null {
  const m = /^issue\.property\[([^\]]+)\](?:\.(.+))?$/i.exec(name);
  if (!m) return null;
  const [, key, path] = m as unknown as [string, string, string | undefined];
  return {
    label: name,
    kind: 'named',
    comparable: true,
    read: (issue) => {
      let v: unknown = issue.properties[key];
      for (const part of path ? path.split('.') : []) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
      return elementsOf(v);
    },
  };
}
