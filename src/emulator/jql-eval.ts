/**
 * Evaluates parsed JQL against a site, for one user: a predicate over issues and an order. Values
 * are checked against the site as Jira checks them (an unknown project, status, issue type, sprint
 * or filter is a 400, and so is a project the user may not browse).
 */
import { parseInstant } from '../domain/jira';
import { propertyField, resolveField, type Element, type JqlField } from './jql-fields';
import { JqlError, parseJql, type JqlNode, type JqlQuery, type Operand, type SortKey } from './jql-parse';
import type { SiteIssue, SiteUser } from './site';
import type { SiteIndex } from './site-index';

export interface JqlContext {
  index: SiteIndex;
  user: SiteUser;
  /** For relative dates (`-30d`) and `now()`. */
  now: number;
}

export interface CompiledJql {
  matches(issue: SiteIssue): boolean;
  compare(a: SiteIssue, b: SiteIssue): number;
}

/** A resolved operand value: a string to compare, an instant, or EMPTY. */
type Value = { text: string; time?: number } | { empty: true };

const DAY = 86_400_000;
const UNIT_MS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

export function compileJql(jql: string, ctx: JqlContext, depth = 0): CompiledJql {
  const query: JqlQuery = parseJql(jql);
  const predicate = query.where ? compileNode(query.where, ctx, depth) : () => true;
  return { matches: predicate, compare: comparator(query.orderBy, ctx) };
}

function compileNode(node: JqlNode, ctx: JqlContext, depth: number): (i: SiteIssue) => boolean {
  switch (node.kind) {
    case 'and': {
      const parts = node.items.map((n) => compileNode(n, ctx, depth));
      return (i) => parts.every((p) => p(i));
    }
    case 'or': {
      const parts = node.items.map((n) => compileNode(n, ctx, depth));
      return (i) => parts.some((p) => p(i));
    }
    case 'not': {
      const inner = compileNode(node.item, ctx, depth);
      return (i) => !inner(i);
    }
    case 'clause':
      return compileClause(node, ctx, depth);
  }
}

function compileClause(clause: Extract<JqlNode, { kind: 'clause' }>, ctx: JqlContext, depth: number): (i: SiteIssue) => boolean {
  const { op, operand } = clause;
  if (/^(filter|request|savedfilter|searchrequest)$/i.test(clause.field)) return filterClause(clause, ctx, depth);
  const field = propertyField(clause.field) ?? resolveField(clause.field, ctx.index);
  const unsupported = () => new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${field.label}' field.`);

  if (op === 'is' || op === 'is not') {
    const empty = (i: SiteIssue) => field.read(i).length === 0;
    return op === 'is' ? empty : (i) => !empty(i);
  }
  if (op === '~' || op === '!~') {
    if (field.kind !== 'text') throw unsupported();
    const words = values(operand, field, ctx).flatMap((v) => ('text' in v ? v.text.toLowerCase().replace(/[*?]/g, ' ').split(/\s+/) : []));
    const has = (i: SiteIssue) => field.read(i).some((e) => words.every((w) => (e.names[0] ?? '').includes(w)));
    return op === '~' ? has : (i) => !has(i);
  }
  if (field.kind === 'text') throw unsupported();
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    if (field.kind === 'named' && !field.comparable) throw unsupported();
    const [v] = values(operand, field, ctx);
    if (!v || !('text' in v)) throw new JqlError(`The operator '${op}' does not accept EMPTY for the '${field.label}' field.`);
    const bound = field.kind === 'date' ? (v.time as number) : Number(v.text);
    const test = { '<': (x: number) => x < bound, '<=': (x: number) => x <= bound, '>': (x: number) => x > bound, '>=': (x: number) => x >= bound }[op];
    return (i) => field.read(i).some((e) => test(measure(e, field)));
  }
  if ((op === 'in' || op === 'not in') !== (operand.kind === 'list' || operand.kind === 'fn')) {
    if (op === 'in' || op === 'not in') throw new JqlError(`The operator '${op.toUpperCase()}' is only supported with a list of values or a function for the '${field.label}' field.`);
    if (operand.kind === 'list') throw new JqlError(`The operator '${op}' does not support the list of values for the '${field.label}' field.`);
  }
  const wanted = values(operand, field, ctx);
  const wantsEmpty = wanted.some((v) => 'empty' in v);
  const texts = wanted.filter((v): v is { text: string; time?: number } => 'text' in v);
  const hit = (e: Element) =>
    texts.some((v) => (field.kind === 'named' ? e.names.includes(v.text.toLowerCase()) : measure(e, field) === (field.kind === 'date' ? v.time : Number(v.text))));
  const positive = op === '=' || op === 'in';
  return (i) => {
    const elements = field.read(i);
    if (elements.length === 0) return positive && wantsEmpty;
    const any = elements.some(hit);
    // As in Jira, `!=` and `NOT IN` never match an empty field.
    return positive ? any : !any && !wantsEmpty;
  };
}

function measure(e: Element, field: JqlField): number {
  return (field.kind === 'date' ? e.time : e.number) ?? Number.NaN;
}

/** Operand → values, with functions evaluated and values checked against what exists. */
function values(operand: Operand, field: JqlField, ctx: JqlContext): Value[] {
  switch (operand.kind) {
    case 'empty':
      return [{ empty: true }];
    case 'list':
      return operand.items.flatMap((o) => values(o, field, ctx));
    case 'fn':
      return callFunction(operand.name, operand.args, field, ctx);
    case 'value': {
      const text = operand.text;
      if (field.emptyAlias && text.toLowerCase() === field.emptyAlias) return [{ empty: true }];
      if (field.kind === 'date') return [{ text, time: parseDate(text, field, ctx.now) }];
      if (field.kind === 'number' && Number.isNaN(Number(text))) throw new JqlError(`The value '${text}' is not a valid number for the field '${field.label}'.`);
      if (field.known && !field.known().has(text.toLowerCase())) throw new JqlError(`The value '${text}' does not exist for the field '${field.label}'.`);
      if (field.label.toLowerCase() === 'project') checkBrowse(text, ctx);
      return [{ text }];
    }
  }
}

/** Jira answers a project the user may not browse exactly as one that does not exist. */
function checkBrowse(text: string, ctx: JqlContext): void {
  const project = ctx.index.project(text) ?? ctx.index.site.projects.find((p) => p.name.toLowerCase() === text.toLowerCase());
  if (!project || !ctx.index.canBrowse(ctx.user, project.key)) throw new JqlError(`The value '${text}' does not exist for the field 'project'.`);
}

function callFunction(name: string, args: string[], field: JqlField, ctx: JqlContext): Value[] {
  const fn = name.toLowerCase();
  const sprintsIn = (state: string) => ctx.index.site.sprints.filter((s) => s.state === state).map((s) => ({ text: String(s.id) }));
  if (field.sprintField && fn === 'opensprints') return sprintsIn('active');
  if (field.sprintField && fn === 'closedsprints') return sprintsIn('closed');
  if (field.sprintField && fn === 'futuresprints') return sprintsIn('future');
  if (field.userField && fn === 'currentuser') return [{ text: ctx.user.accountId }];
  if (field.issueTypeField && (fn === 'standardissuetypes' || fn === 'subtaskissuetypes')) {
    const subtask = fn === 'subtaskissuetypes';
    return ctx.index.site.issueTypes.filter((t) => t.subtask === subtask).map((t) => ({ text: t.id }));
  }
  if (field.kind === 'date' && ['now', 'startofday', 'endofday'].includes(fn)) {
    const shift = args[0] ? relative(args[0]) : 0;
    if (shift === null) throw new JqlError(`Invalid argument '${args[0]}' for the function '${name}'.`);
    const day = Math.floor(ctx.now / DAY) * DAY;
    const base = fn === 'now' ? ctx.now : fn === 'startofday' ? day : day + DAY - 1;
    return [{ text: name, time: base + shift }];
  }
  throw new JqlError(`Unable to find JQL function '${name}(${args.join(', ')})' for the field '${field.label}'.`);
}

/** `-30d`, `4w 2d`, `+1h`: milliseconds, or null when not a period. */
function relative(text: string): number | null {
  const m = /^([+-])?\s*((?:\d+\s*[wdhm]\s*)+)$/i.exec(text.trim());
  if (!m) return null;
  let ms = 0;
  for (const [, n, unit] of (m[2] as string).matchAll(/(\d+)\s*([wdhm])/gi)) ms += Number(n) * (UNIT_MS[(unit as string).toLowerCase()] as number);
  return m[1] === '-' ? -ms : ms;
}

/** JQL dates are in the user's zone; every emulated user is on UTC. */
function parseDate(text: string, field: JqlField, now: number): number {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(text.trim());
  if (m) return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  const shift = relative(text);
  if (shift !== null) return now + shift;
  const instant = parseInstant(text);
  if (!Number.isNaN(instant)) return instant;
  throw new JqlError(
    `Date value '${text}' for field '${field.label}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}

/** `filter = 10000`, `filter in (A, "Team board")`: the saved filter's own JQL, without its order. */
function filterClause(clause: Extract<JqlNode, { kind: 'clause' }>, ctx: JqlContext, depth: number): (i: SiteIssue) => boolean {
  if (depth > 5) throw new JqlError('Saved filters refer to each other in a loop.');
  const names = clause.operand.kind === 'list' ? clause.operand.items : [clause.operand];
  const predicates = names.map((o) => {
    if (o.kind !== 'value') throw new JqlError(`The operator '${clause.op.toUpperCase()}' is not supported by the '${clause.field}' field.`);
    const filter = ctx.index.filtersById.get(o.text) ?? [...ctx.index.filtersById.values()].find((f) => f.name?.toLowerCase() === o.text.toLowerCase());
    if (!filter) throw new JqlError(`A value with ID '${o.text}' does not exist for the field '${clause.field}'.`);
    return compileJql(filter.jql, ctx, depth + 1).matches;
  });
  const any = (i: SiteIssue) => predicates.some((p) => p(i));
  if (clause.op === '=' || clause.op === 'in') return any;
  if (clause.op === '!=' || clause.op === 'not in') return (i) => !any(i);
  throw new JqlError(`The operator '${clause.op.toUpperCase()}' is not supported by the '${clause.field}' field.`);
}

/** Issue keys in Jira's order: by project key, then by number (PAY-9 before PAY-10). */
export function compareKeys(a: string, b: string): number {
  const [pa, na] = splitKey(a);
  const [pb, nb] = splitKey(b);
  return pa < pb ? -1 : pa > pb ? 1 : na - nb;
}

function splitKey(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

/**
 * ORDER BY. Rank is the order issues were created in (the emulator has no board ranking); empty
 * values sort after all others ascending, before them descending. Without ORDER BY: by key.
 */
function comparator(orderBy: SortKey[], ctx: JqlContext): (a: SiteIssue, b: SiteIssue) => number {
  const keys = orderBy.map((k) => ({ ...k, value: sortValue(k.field, ctx) }));
  return (a, b) => {
    for (const k of keys) {
      const [x, y] = [k.value(a), k.value(b)];
      let c: number;
      if (x === null || y === null) c = x === y ? 0 : x === null ? 1 : -1;
      else if (typeof x === 'number' && typeof y === 'number') c = x - y;
      else c = String(x).localeCompare(String(y));
      if (c !== 0) return k.descending ? -c : c;
    }
    return compareKeys(a.key, b.key);
  };
}

function sortValue(name: string, ctx: JqlContext): (i: SiteIssue) => string | number | null {
  const n = name.toLowerCase();
  if (n === 'key' || n === 'issuekey') return (i) => splitKey(i.key)[0].padEnd(20) + String(splitKey(i.key)[1]).padStart(12, '0');
  if (n === 'id' || n === 'rank') return (i) => Number(i.id);
  if (n === 'priority') {
    const order = ctx.index.site.priorities.map((p) => p.name.toLowerCase());
    return (i) => {
      const p = (i.fields.priority as { name?: string } | null)?.name;
      return p ? order.indexOf(p.toLowerCase()) : null;
    };
  }
  const field = resolveField(name, ctx.index);
  return (i) => {
    const [e] = field.read(i);
    if (!e) return null;
    return field.kind === 'date' ? (e.time ?? null) : field.kind === 'number' ? (e.number ?? null) : (e.names.at(-1) ?? e.names[0] ?? null);
  };
}
