/**
 * The hygiene report (docs/metrics.md, "Jira hygiene"; the report's `hygiene` in src/domain/report.ts): which issues break which rule, and the
 * hygiene score = 1 − violating / scanned, overall and per team, project, product and assignee.
 */
import type { GovernanceConfig, HygieneRuleId, LocalizedText, Severity } from '../config';
import type { PreparedIssue } from '../issue';
import { issueNumber } from '../issue';
import { ownershipMapper } from '../ownership';
import type { HygieneReport, HygieneRuleResult } from '../report';
import { asOfNow } from './as-of';
import { type ActiveRule, activeRules } from './registry';
import type { HygieneContext } from './rule';

export interface HygieneViolation {
  id: HygieneRuleId;
  severity: Severity;
  fix: LocalizedText;
}

function violationsOf(issue: PreparedIssue, active: readonly ActiveRule[], ctx: HygieneContext): ActiveRule[] {
  return active.filter((a) => a.rule.violates(issue, ctx));
}

/** The issue as it stood at the context's `now`, or null when it did not exist yet (docs/metrics.md: "as of now"). */
export function atContextNow(issue: PreparedIssue, ctx: HygieneContext): PreparedIssue | null {
  return asOfNow(issue, ctx.now, ctx.catalog, { sprintFieldId: ctx.sprintFieldId, estimationFieldId: ctx.estimationFieldId });
}

/** The enabled rules one issue breaks at `now`, in rule order (for the issue panel). */
export function issueViolations(issue: PreparedIssue, ctx: HygieneContext): HygieneViolation[] {
  const at = atContextNow(issue, ctx);
  if (at === null) return [];
  return violationsOf(at, activeRules(ctx.config), ctx).map(({ rule, severity }) => ({ id: rule.id, severity, fix: rule.fix }));
}

/** An issue as hygiene judged it: the issue, and the enabled rules it breaks (in no order). */
interface Judged {
  readonly issue: PreparedIssue;
  readonly violated: ReadonlySet<HygieneRuleId>;
}

/** What a summary reads of a judged issue. */
interface Verdict {
  readonly key: string;
  readonly violated: ReadonlySet<HygieneRuleId>;
}
const verdict = (j: Judged): Verdict => ({ key: j.issue.key, violated: j.violated });

/** One scanned issue and the rules it breaks at `now`, in rule order: what a hygiene report is aggregated from. */
export interface HygieneRow {
  readonly id: string;
  readonly key: string;
  readonly rules: readonly HygieneRuleId[];
}

/** The rows of the given issues, each judged once as it stood at `now` (see `hygieneReport`). */
export function hygieneRows(issues: readonly PreparedIssue[], ctx: HygieneContext): HygieneRow[] {
  const active = activeRules(ctx.config);
  return judge(issues, active, ctx).map((j) => ({ id: j.issue.id, key: j.issue.key, rules: active.filter((a) => j.violated.has(a.rule.id)).map((a) => a.rule.id) }));
}

/** The hygiene report over rows (in the order given), with the configuration's enabled rules. */
export function hygieneFromRows(rows: readonly HygieneRow[], config: GovernanceConfig): HygieneReport {
  const active = activeRules(config);
  const enabled = new Set(active.map((a) => a.rule.id));
  return summarise(
    rows.map((r) => ({ key: r.key, violated: new Set(r.rules.filter((id) => enabled.has(id))) })),
    active,
  );
}

const NO_VIOLATION: ReadonlySet<HygieneRuleId> = new Set();

/**
 * Judges each issue once, as it stood at `now`. Issues created after `now` do not exist yet and are
 * left out.
 */
function judge(issues: readonly PreparedIssue[], active: readonly ActiveRule[], ctx: HygieneContext): Judged[] {
  const out: Judged[] = [];
  for (const original of issues) {
    const issue = atContextNow(original, ctx);
    if (issue === null) continue;
    // A loop rather than filter/map, and one shared empty set: most issues break no rule.
    let violated: Set<HygieneRuleId> | null = null;
    for (const a of active) {
      if (!a.rule.violates(issue, ctx)) continue;
      violated ??= new Set();
      violated.add(a.rule.id);
    }
    out.push({ issue, violated: violated ?? NO_VIOLATION });
  }
  return out;
}

/**
 * Keys in `compareKeys` order, each key's project and number taken once rather than at every
 * comparison (the sort is stable, as `sort(compareKeys)` is, so ties keep their order).
 */
function sortKeysOnce(keys: readonly string[]): string[] {
  // Stryker disable next-line ConditionalExpression: a shortcut; sorting fewer than two keys gives them as they are
  if (keys.length < 2) return [...keys];
  const decorated = keys.map((key) => ({ key, project: key.slice(0, key.lastIndexOf('-')), number: issueNumber(key) }));
  // Stryker disable next-line EqualityOperator: the projects differ in that branch, so < and <= agree
  decorated.sort((a, b) => (a.project !== b.project ? (a.project < b.project ? -1 : 1) : a.number - b.number));
  return decorated.map((d) => d.key);
}

/** The report over a set of judged issues; every enabled rule is listed, with a count of 0 if need be. */
function summarise(judged: readonly Verdict[], active: readonly ActiveRule[]): HygieneReport {
  // One pass over the issues (not one per rule): each issue's keys go to the rules it breaks.
  const keysByRule = new Map<HygieneRuleId, string[]>(active.map(({ rule }) => [rule.id, []]));
  let violating = 0;
  for (const j of judged) {
    if (j.violated.size === 0) continue;
    violating++;
    for (const id of j.violated) keysByRule.get(id)?.push(j.key);
  }
  const rules: HygieneRuleResult[] = active.map(({ rule, severity }) => {
    const issues = sortKeysOnce(keysByRule.get(rule.id) ?? []);
    return { id: rule.id, severity, count: issues.length, issues };
  });
  return { scanned: judged.length, violating, score: judged.length === 0 ? null : 1 - violating / judged.length, rules };
}

export interface HygieneArgs {
  /** The issues to scan (the caller chooses them; see `hygieneScope`). */
  readonly issues: readonly PreparedIssue[];
  readonly ctx: HygieneContext;
}

/** The overall hygiene report over the given issues. */
export function hygieneReport({ issues, ctx }: HygieneArgs): HygieneReport {
  const active = activeRules(ctx.config);
  return summarise(judge(issues, active, ctx).map(verdict), active);
}

export interface HygieneBoard {
  readonly boardId: number;
  /** The keys of the board's issues (those its filter returns). */
  readonly issueKeys: ReadonlySet<string>;
}

export type HygieneTeamRow = HygieneReport & { boardId: number };
export type HygieneProjectRow = HygieneReport & { projectKey: string };
export type HygieneProductRow = HygieneReport & { productKey: string };
export type HygieneAssigneeRow = HygieneReport & { accountId: string | null };

export interface HygieneBreakdown {
  overall: HygieneReport;
  /** One row per board given, in that order. */
  teams: HygieneTeamRow[];
  /** By project key. */
  projects: HygieneProjectRow[];
  /** Every configured product, in the configuration's order; an issue counts in each product it maps to. */
  products: HygieneProductRow[];
  /** By current assignee account id; unassigned issues (null) last. */
  assignees: HygieneAssigneeRow[];
}

function groupBy<K>(judged: readonly Judged[], keyOf: (j: Judged) => K): Map<K, Judged[]> {
  const groups = new Map<K, Judged[]>();
  for (const j of judged) {
    const k = keyOf(j);
    const g = groups.get(k);
    if (g) g.push(j);
    else groups.set(k, [j]);
  }
  return groups;
}

/** The score and the per-rule counts and keys, overall and per team, project, product and assignee. */
export function hygieneBreakdown({ issues, ctx, boards = [] }: HygieneArgs & { readonly boards?: readonly HygieneBoard[] }): HygieneBreakdown {
  const active = activeRules(ctx.config);
  const judged = judge(issues, active, ctx);
  const mapper = ownershipMapper(ctx.config);

  const projects = [...groupBy(judged, (j) => j.issue.projectKey)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([projectKey, js]) => ({ projectKey, ...summarise(js.map(verdict), active) }));

  const assignees = [...groupBy(judged, (j) => j.issue.issue.fields.assignee?.accountId ?? null)]
    .sort(([a], [b]) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1))
    .map(([accountId, js]) => ({ accountId, ...summarise(js.map(verdict), active) }));

  const productKeys = judged.map((j) => new Set(mapper(j.issue.issue).products.map((p) => p.key)));
  const products = ctx.config.products.map((p) => ({
    productKey: p.key,
    ...summarise(
      judged.filter((_, i) => productKeys[i]?.has(p.key)).map(verdict),
      active,
    ),
  }));

  const teams = boards.map((b) => ({ boardId: b.boardId, ...summarise(judged.filter((j) => b.issueKeys.has(j.issue.key)).map(verdict), active) }));

  return { overall: summarise(judged.map(verdict), active), teams, projects, products, assignees };
}
