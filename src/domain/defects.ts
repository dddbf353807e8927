/**
 * Defect SLA (docs/metrics.md, "Defects and SLA"): which issues are defects, their SLA target, the clock that runs while
 * a defect is neither done nor paused (through the business calendar when one is configured), the
 * outcome against the target, and the report per priority.
 */
import { workingMillisBetween } from './calendar';
import { type BusinessCalendar, type DefectTarget, type GovernanceConfig, matchesIssueType, refLabel } from './config';
import { lastChangeIndex, valueAt } from './history';
import type { PreparedIssue, StatusCatalog } from './issue';
import type { DefectFigures, DefectOutcome, DefectPriorityRow, DefectReport } from './report';

/** The part of the configuration the defect SLA reads; a whole `GovernanceConfig` will do. */
export type DefectSettings = Pick<GovernanceConfig, 'defects'>;

const HOUR_MS = 3_600_000;

/**
 * A defect is an issue whose type is one of `defects.issueTypes`: by id, or by untranslated name
 * (docs/metrics.md, "Defects and SLA" and "Configuration: Jira objects by id"), so the same issues are defects whatever language the
 * reader of Jira has.
 */
export function isDefect(issue: PreparedIssue, config: DefectSettings): boolean {
  return defectTypes(config)(issue);
}

/** The defect-type test, remembering the answer per type id: a site has few types and many issues. */
function defectTypes(config: DefectSettings): (issue: PreparedIssue) => boolean {
  const refs = config.defects.issueTypes;
  const seen = new Map<string, boolean>();
  return (issue) => {
    const key = `${issue.typeId}\u0000${issue.typeUntranslatedName ?? ''}\u0000${issue.typeName}`;
    let is = seen.get(key);
    // Stryker disable next-line ConditionalExpression: a cache; answering again gives the same answer
    if (is === undefined) {
      is = matchesIssueType(refs, { id: issue.typeId, name: issue.typeName, untranslatedName: issue.typeUntranslatedName });
      seen.set(key, is);
    }
    return is;
  };
}

/** The configured target of a priority id, or null when none is configured for it. */
export function configuredTarget(priorityId: string | null, config: DefectSettings): DefectTarget | null {
  // Stryker disable next-line ConditionalExpression: no target has a null id, so the loop finds none either
  if (priorityId === null) return null;
  for (const t of config.defects.targets) if (t.priority.id === priorityId) return t;
  return null;
}

/** The SLA target in hours: the target of the priority (by id), else `defaultTargetHours`; null: no SLA. */
export function defectTarget(priorityId: string | null, config: DefectSettings): number | null {
  return configuredTarget(priorityId, config)?.hours ?? config.defects.defaultTargetHours;
}

/**
 * The priority id at `now`, replayed as docs/metrics.md ("How history is read") replays any field (the changelog's `from`/`to`
 * carry priority ids). An issue whose priority never changed has its current `fields.priority.id`.
 * Null: no priority.
 */
export function priorityAt(issue: PreparedIssue, now: number): string | null {
  return valueAt(issue.priority, now) ?? null;
}

/**
 * How a priority reads in a report: the configured target's name, else the name Jira gives the
 * issue's current priority when it is the same one, else its id.
 */
export function priorityLabel(priorityId: string | null, issue: PreparedIssue, config: DefectSettings): string | null {
  if (priorityId === null) return null;
  const configured = configuredTarget(priorityId, config);
  if (configured) return refLabel(configured.priority);
  const current = issue.issue.fields.priority;
  return current && current.id === priorityId ? current.name : `#${priorityId}`;
}

const RUNNING = 0;
const PAUSED = 1;
const DONE = 2;
type StatusClass = typeof RUNNING | typeof PAUSED | typeof DONE;

/**
 * Classifies status ids for the clock, caching each answer: done (category `done`), paused (one of
 * `pauseStatuses`, by id) or running. A status of unknown category (one the site no longer has,
 * say), or no status, is not done (the clock must not stop on a status nobody can see as done), so
 * it runs unless it is a pause status.
 */
function statusClassifier(catalog: StatusCatalog, config: DefectSettings): (statusId: string | null) => StatusClass {
  const pause = new Set(config.defects.pauseStatuses.map((s) => s.id));
  const cache = new Map<string | null, StatusClass>();
  return (statusId) => {
    let c = cache.get(statusId);
    // Stryker disable next-line ConditionalExpression: a cache; classifying again gives the same class
    if (c === undefined) {
      if (statusId !== null && catalog.get(statusId) === 'done') c = DONE;
      else if (statusId !== null && pause.has(statusId)) c = PAUSED;
      else c = RUNNING;
      cache.set(statusId, c);
    }
    return c;
  };
}

export interface DefectClock {
  /** Working time (through the calendar, if any) the defect spent neither done nor paused, up to now. */
  elapsedMs: number;
  /** Its status category at `now` is `done`. */
  done: boolean;
  /** The last instant it entered a done status, if done now; else null. */
  resolvedAt: number | null;
}

const NOT_YET: DefectClock = Object.freeze({ elapsedMs: 0, done: false, resolvedAt: null });

function runClock(
  issue: PreparedIssue,
  classify: (statusId: string | null) => StatusClass,
  calendar: BusinessCalendar | null,
  now: number,
): DefectClock {
  const tl = issue.status;
  if (now < tl.created) return NOT_YET;
  // Changes stamped at or before `created` give the status the issue was created in.
  let j = lastChangeIndex(tl.changeAt, tl.created);
  let state = classify(j < 0 ? tl.initial : (tl.values[j] as string | null));
  // Before `created` the issue is not done (§0), so one created straight into a done status
  // entered done at `created`.
  // Stryker disable next-line ConditionalExpression: read only when the clock ends done, and a move into done overwrites it
  let resolvedAt = state === DONE ? tl.created : null;
  let since = tl.created;
  let elapsedMs = 0;
  for (j++; j < tl.changeAt.length; j++) {
    const at = tl.changeAt[j] as number;
    if (at > now) break;
    const next = classify(tl.values[j] as string | null);
    if (next === state) continue;
    if (state === RUNNING) elapsedMs += workingMillisBetween(calendar, since, at);
    // Stryker disable next-line ConditionalExpression: read only when the clock ends done, i.e. after the last move, which was into done
    if (next === DONE) resolvedAt = at;
    state = next;
    since = at;
  }
  if (state === RUNNING) elapsedMs += workingMillisBetween(calendar, since, now);
  const done = state === DONE;
  return { elapsedMs, done, resolvedAt: done ? resolvedAt : null };
}

/** The SLA clock of a defect at `now`. An issue created after `now` has not started its clock. */
export function defectClock(issue: PreparedIssue, catalog: StatusCatalog, config: DefectSettings, now: number): DefectClock {
  return runClock(issue, statusClassifier(catalog, config), config.defects.calendar, now);
}

/**
 * Elapsed times are whole milliseconds while `atRiskShare × target` is a product of floats,
 * so comparisons allow for a rounding error far below a millisecond (2.8e-7 h): with the default
 * share, a Highest defect (24 h) is at risk from 19.2 h, though 0.8 × 24 is 19.200000000000003.
 */
const ROUNDING_HOURS = 1e-9;

/** The outcome of a defect against its target (docs/metrics.md, "Defects and SLA": Outcomes); `noSla` without a target. */
export function defectOutcome(elapsedHours: number, target: number | null, done: boolean, atRiskShare: number): DefectOutcome {
  if (target === null) return 'noSla';
  // Stryker disable next-line EqualityOperator: equality with target + 1e-9 h cannot happen with whole milliseconds
  if (elapsedHours > target + ROUNDING_HOURS) return 'breached';
  if (done) return 'met';
  // Stryker disable next-line EqualityOperator: equality with share × target − 1e-9 h cannot happen with whole milliseconds
  if (elapsedHours >= atRiskShare * target - ROUNDING_HOURS) return 'atRisk';
  return 'onTrack';
}

export interface DefectReportArgs {
  /** The boards' issues, of any type (non-defects are skipped); an issue listed twice counts once. */
  issues: readonly PreparedIssue[];
  /** Each board and the ids of its issues, for open defects per team. */
  boards: readonly { boardId: number; issueIds: ReadonlySet<string> }[];
  catalog: StatusCatalog;
  config: DefectSettings;
  now: number;
  /** The period of resolutions reported, both ends included. */
  from: number;
  to: number;
}

/** Figures being gathered for one priority row or the total. */
class Tally {
  readonly resolvedHours: number[] = [];
  met = 0;
  breached = 0;
  open = 0;
  openBreached = 0;
  atRisk = 0;

  addResolved(hours: number, outcome: DefectOutcome): void {
    this.resolvedHours.push(hours);
    if (outcome === 'met') this.met++;
    // Stryker disable next-line ConditionalExpression: a resolved defect with a target is met or breached
    else if (outcome === 'breached') this.breached++;
  }

  addOpen(outcome: DefectOutcome): void {
    this.open++;
    if (outcome === 'breached') this.openBreached++;
    else if (outcome === 'atRisk') this.atRisk++;
  }

  figures(): DefectFigures {
    const sorted = this.resolvedHours.sort((a, b) => a - b);
    const resolved = sorted.length;
    return {
      resolved,
      met: this.met,
      breached: this.breached,
      compliance: resolved === 0 ? null : this.met / resolved,
      medianHours: nearestRank(sorted, 50),
      p85Hours: nearestRank(sorted, 85),
      open: this.open,
      openBreached: this.openBreached,
      atRisk: this.atRisk,
    };
  }
}

/**
 * The percentile by nearest rank: the value at rank ⌈p × N⌉ of the sorted values; null for none.
 * The rank is computed in integers (0.85 × 20 must be exactly 17).
 */
export function nearestRank(sorted: readonly number[], percent: number): number | null {
  // Stryker disable next-line ConditionalExpression: with no values the rank's value is undefined and null is returned anyway
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((percent * sorted.length) / 100));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

/**
 * One defect as the report counts it: open at `now`, or resolved (its last entry into done) at
 * `resolvedAt`, with its clock, target and outcome at `now`.
 */
export interface DefectRow {
  readonly id: string;
  readonly key: string;
  readonly project: string;
  readonly number: number;
  readonly open: boolean;
  /** Epoch ms; null while open. */
  readonly resolvedAt: number | null;
  readonly priority: string | null;
  readonly priorityId: string | null;
  /** The id of the configured target it counts under; null: only in the total (default target) or nowhere. */
  readonly targetPriorityId: string | null;
  readonly targetHours: number | null;
  readonly elapsedHours: number;
  readonly outcome: DefectOutcome;
}

/**
 * Every defect among `issues` that is open at `now` or was resolved at or after `resolvedSince`
 * (each once, in the order given): the rows a defect report is aggregated from.
 */
export function defectRows(args: { issues: readonly PreparedIssue[]; catalog: StatusCatalog; config: DefectSettings; now: number; resolvedSince: number }): DefectRow[] {
  const { config, now } = args;
  const classify = statusClassifier(args.catalog, config);
  const isDefectType = defectTypes(config);
  const calendar = config.defects.calendar;
  const atRiskShare = config.defects.atRiskShare;
  const seen = new Set<string>();
  const out: DefectRow[] = [];
  for (const issue of args.issues) {
    if (issue.created > now || seen.has(issue.id) || !isDefectType(issue)) continue;
    seen.add(issue.id);
    const clock = runClock(issue, classify, calendar, now);
    if (clock.done && (clock.resolvedAt === null || clock.resolvedAt < args.resolvedSince)) continue;
    const priorityId = priorityAt(issue, now);
    const configured = configuredTarget(priorityId, config);
    const targetHours = configured?.hours ?? config.defects.defaultTargetHours;
    const elapsedHours = clock.elapsedMs / HOUR_MS;
    out.push({
      id: issue.id,
      key: issue.key,
      project: issue.key.slice(0, issue.key.lastIndexOf('-')),
      number: issue.number,
      open: !clock.done,
      resolvedAt: clock.done ? clock.resolvedAt : null,
      priority: priorityLabel(priorityId, issue, config),
      priorityId,
      targetPriorityId: configured ? configured.priority.id : null,
      targetHours,
      elapsedHours,
      outcome: defectOutcome(elapsedHours, targetHours, clock.done, atRiskShare),
    });
  }
  return out;
}

/**
 * The defect SLA report from defect rows (docs/metrics.md, "Defects and SLA"). Decisions where it is silent:
 * - `byPriority` has a row for every configured target, in that order, even with no defects; a
 *   defect whose target is `defaultTargetHours` counts in `total` only (its priority is not among
 *   the configuration's). Priorities are matched by id, never by name.
 * - `noSla` counts the defects the report lists (open at `now` or resolved in the period) that have
 *   no target; defects resolved long ago are not counted. `noSlaOpen` counts those open at `now`,
 *   so the open defects of the boards (`openPerBoard`, every open defect) add up to `total.open`
 *   (open defects with a target) plus `noSlaOpen`, except that an issue on two boards counts on each.
 * - Defects done now but resolved outside the period appear nowhere.
 */
export function defectReportFromRows(args: {
  rows: readonly DefectRow[];
  boards: readonly { boardId: number; issueIds: ReadonlySet<string> }[];
  config: DefectSettings;
  from: number;
  to: number;
}): DefectReport {
  const { config, from, to } = args;
  const byTarget = new Map<string, Tally>();
  for (const t of config.defects.targets) byTarget.set(t.priority.id, new Tally());
  const total = new Tally();
  const seen = new Set<string>();
  const openIds = new Set<string>();
  const openNoSlaIds = new Set<string>();
  const listed: DefectRow[] = [];
  let noSla = 0;
  for (const d of args.rows) {
    if (seen.has(d.id)) continue;
    seen.add(d.id);
    if (d.open) openIds.add(d.id);
    else if (d.resolvedAt === null || d.resolvedAt < from || d.resolvedAt > to) continue;
    listed.push(d);
    if (d.targetHours === null) {
      noSla++;
      if (d.open) openNoSlaIds.add(d.id);
      continue;
    }
    const row = d.targetPriorityId !== null ? byTarget.get(d.targetPriorityId) : undefined;
    for (const tally of row ? [row, total] : [total]) {
      if (d.open) tally.addOpen(d.outcome);
      else tally.addResolved(d.elapsedHours, d.outcome);
    }
  }
  const byPriority: DefectPriorityRow[] = config.defects.targets.map((t) => ({
    priority: refLabel(t.priority),
    priorityId: t.priority.id,
    targetHours: t.hours,
    ...(byTarget.get(t.priority.id) ?? new Tally()).figures(),
  }));
  // compareKeys' order (project key, then number), with both parts taken from each key once.
  listed.sort((a, b) => (a.project === b.project ? a.number - b.number : a.project < b.project ? -1 : 1));
  return {
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    byPriority,
    total: total.figures(),
    noSla,
    noSlaOpen: openNoSlaIds.size,
    openPerBoard: args.boards.map((b) => ({ boardId: b.boardId, open: countIn(openIds, b.issueIds), openNoSla: countIn(openNoSlaIds, b.issueIds) })),
    issues: listed.map((d) => ({ key: d.key, priority: d.priority, priorityId: d.priorityId, elapsedHours: d.elapsedHours, targetHours: d.targetHours, outcome: d.outcome })),
  };
}

/** The defect SLA report (docs/metrics.md, "Defects and SLA"): the rows of the boards' defects, aggregated (see `defectReportFromRows`). */
export function defectReport(args: DefectReportArgs): DefectReport {
  const rows = defectRows({ issues: args.issues, catalog: args.catalog, config: args.config, now: args.now, resolvedSince: args.from });
  return defectReportFromRows({ rows, boards: args.boards, config: args.config, from: args.from, to: args.to });
}

/** How many of `ids` are in `members`, iterating the smaller set. */
function countIn(ids: ReadonlySet<string>, members: ReadonlySet<string>): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator: which set is iterated changes the cost, not the count
  const [small, large] = ids.size <= members.size ? [ids, members] : [members, ids];
  let n = 0;
  for (const id of small) if (large.has(id)) n++;
  return n;
}
