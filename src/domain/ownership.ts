/**
 * Ownership mapping (docs/metrics.md, "Ownership"): which products, channels and segments an issue belongs to.
 *
 * An entry's rule matches when ANY of its criteria matches: a component, a label, a project, or a
 * value of one custom field. A rule with no criteria matches nothing.
 *
 * Comparison is case-insensitive everywhere (after trimming), as JQL compares: `labels = Payments`
 * finds `payments`, `component = web` finds "Web", `project = pay` finds PAY, and a select field's
 * `cf[10050] = "retail"` finds the option "Retail". Jira stores labels case-sensitively, but an admin
 * writing a mapping thinks in JQL terms, and two labels differing only in case are the same intent.
 */
import type { Channel, GovernanceConfig, MatchRule, Product, Segment } from './config';
import type { JiraIssue } from './jira';

export interface OwnershipMapping {
  products: Product[];
  channels: Channel[];
  segments: Segment[];
}

export type OwnershipDimension = 'product' | 'channel' | 'segment';

const fold = (s: string): string => s.trim().toLowerCase();

/**
 * The comparable values of a custom field, whatever its type: a text or number; a select option
 * (`{value}`, and a cascading select's `child.value` too); a named object such as a version, group
 * or component (`{name}`); a project or issue (`{key}`); a user (`{accountId}`); or a list of any of
 * these (multi-select, labels-type and multi-user fields). Option ids are not compared: an admin
 * writes what Jira shows.
 */
export function fieldValues(value: unknown): string[] {
  const out: string[] = [];
  collect(value, out, 0);
  return out;
}

function collect(value: unknown, out: string[], depth: number): void {
  if (depth > 4 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    out.push(value);
  } else if (typeof value === 'number') {
    if (Number.isFinite(value)) out.push(String(value));
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const k of ['value', 'name', 'key', 'accountId'] as const) {
      if (typeof o[k] === 'string') out.push(o[k] as string);
    }
    if (o.child !== undefined) collect(o.child, out, depth + 1);
  }
}

/**
 * What a mapping rule reads of an issue: its project, components, labels and custom fields. A
 * `JiraIssue` is one; so is the part of a stored issue the settings page's counts keep.
 */
export interface MappableIssue {
  readonly fields: {
    readonly project: { readonly key: string };
    readonly components?: readonly { readonly name: string }[] | null | undefined;
    readonly labels?: readonly string[] | null | undefined;
    readonly [field: string]: unknown;
  };
}

/** A rule turned into a predicate once, so that mapping thousands of issues folds each term once. */
export function compileRule(rule: MatchRule): (issue: MappableIssue) => boolean {
  const components = new Set(rule.components.map(fold));
  const labels = new Set(rule.labels.map(fold));
  const projects = new Set(rule.projects.map(fold));
  const field = rule.field ? { id: rule.field.id, values: new Set(rule.field.values.map(fold)) } : null;
  return (issue) => {
    const f = issue.fields;
    if (projects.size > 0 && projects.has(fold(f.project.key))) return true;
    // Plain loops: this runs for every rule of every issue mapped, and a closure per test adds up.
    if (components.size > 0 && f.components) for (const c of f.components) if (components.has(fold(c.name))) return true;
    if (labels.size > 0 && f.labels) for (const l of f.labels) if (labels.has(fold(l))) return true;
    if (field !== null) {
      const raw = f[field.id];
      if (fieldValues(raw).some((v) => field.values.has(fold(v)))) return true;
    }
    return false;
  };
}

/** Whether an issue matches a mapping rule (any of its criteria). */
export function matches(rule: MatchRule, issue: JiraIssue): boolean {
  return compileRule(rule)(issue);
}

const mappers = new WeakMap<GovernanceConfig, (issue: JiraIssue) => OwnershipMapping>();

/** A mapper for one configuration: every rule compiled once (and remembered for that config object). */
export function ownershipMapper(config: GovernanceConfig): (issue: JiraIssue) => OwnershipMapping {
  const cached = mappers.get(config);
  if (cached) return cached;
  const products = config.products.map((p) => [p, compileRule(p.match)] as const);
  const channels = config.channels.map((c) => [c, compileRule(c.match)] as const);
  const segments = config.segments.map((s) => [s, compileRule(s.match)] as const);
  const mapper = (issue: JiraIssue): OwnershipMapping => ({
    products: products.filter(([, m]) => m(issue)).map(([p]) => p),
    channels: channels.filter(([, m]) => m(issue)).map(([c]) => c),
    segments: segments.filter(([, m]) => m(issue)).map(([s]) => s),
  });
  mappers.set(config, mapper);
  return mapper;
}

const productTests = new WeakMap<GovernanceConfig, (issue: JiraIssue) => boolean>();

/**
 * Whether an issue maps to at least one product (as `ownershipMapper(config)(issue).products.length
 * > 0`), without building the mapping: the no-product rule asks it of every issue scanned.
 */
export function mapsToSomeProduct(config: GovernanceConfig): (issue: JiraIssue) => boolean {
  const cached = productTests.get(config);
  if (cached) return cached;
  const rules = config.products.map((p) => compileRule(p.match));
  const test = (issue: JiraIssue): boolean => {
    for (const m of rules) if (m(issue)) return true;
    return false;
  };
  productTests.set(config, test);
  return test;
}

/** Every product, channel and segment an issue maps to, in the configuration's order. */
export function mapIssue(issue: JiraIssue, config: GovernanceConfig): OwnershipMapping {
  return ownershipMapper(config)(issue);
}

function entries(config: GovernanceConfig, dim: OwnershipDimension): readonly { key: string; match: MatchRule }[] {
  return dim === 'product' ? config.products : dim === 'channel' ? config.channels : config.segments;
}

/**
 * The issues of a product, channel or segment roll-up. An unknown key is a caller's mistake (a
 * stale link or a renamed entry), so it throws rather than silently reporting an empty roll-up.
 */
export function rollupPredicate(config: GovernanceConfig, dim: OwnershipDimension, key: string): (issue: JiraIssue) => boolean {
  const entry = entries(config, dim).find((e) => e.key === key);
  if (!entry) throw new RangeError(`no ${dim} "${key}" in the configuration`);
  return compileRule(entry.match);
}

export interface MatchCount {
  key: string;
  count: number;
}

export interface MatchCounts {
  /** Issues counted. */
  total: number;
  products: MatchCount[];
  channels: MatchCount[];
  segments: MatchCount[];
  /** Issues that map to no product (the `no-product` hygiene rule's candidates). */
  withoutProduct: number;
}

/** How many issues each entry's rule matches, for previewing a mapping before saving it. */
export function matchCounts(issues: Iterable<MappableIssue>, config: GovernanceConfig): MatchCounts {
  const counters = (dim: OwnershipDimension) =>
    entries(config, dim).map((e) => ({ key: e.key, match: compileRule(e.match), count: 0 }));
  const products = counters('product');
  const channels = counters('channel');
  const segments = counters('segment');
  let total = 0;
  let withoutProduct = 0;
  for (const issue of issues) {
    total++;
    let anyProduct = false;
    for (const p of products) {
      if (!p.match(issue)) continue;
      p.count++;
      anyProduct = true;
    }
    for (const c of channels) if (c.match(issue)) c.count++;
    for (const s of segments) if (s.match(issue)) s.count++;
    if (!anyProduct) withoutProduct++;
  }
  const strip = (list: { key: string; count: number }[]): MatchCount[] => list.map(({ key, count }) => ({ key, count }));
  return { total, products: strip(products), channels: strip(channels), segments: strip(segments), withoutProduct };
}
