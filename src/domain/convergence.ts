/**
 * Backlog convergence (docs/metrics.md, "Backlog convergence"): per sprint, which issues were committed, added, removed,
 * completed and carried over, and how much of the commitment was delivered.
 *
 * Pure and clock-free: `now` is a parameter. Built for large sites: issues are bucketed by sprint
 * once (`indexBySprint`), and each issue of a sprint is judged by a few binary searches and one walk
 * over its Sprint changes inside the sprint, with no allocation per issue.
 */
import { targetStatus, type TargetStatus } from './config';
import { type Estimate, estimatePoints, isUnusableEstimate, lastChangeIndex, type Timeline, valueAt } from './history';
import { compareKeys, type PreparedIssue } from './issue';
import type { JiraSprint } from './jira';
import { parseInstant } from './jira';
import type { ConvergenceOverall, ConvergenceReport, IssueSet, SprintConvergence } from './report';

export type ConvergenceBasis = 'issues' | 'points';

/** The interval a sprint is judged over, as seen at `now`. */
export interface SprintWindow {
  readonly state: 'closed' | 'active';
  /** The sprint's `startDate` (not `activatedDate`). */
  readonly start: number;
  /** `completeDate` for a closed sprint; `now` for an active one (the result is provisional). */
  readonly end: number;
}

/**
 * How a sprint looks at `now`, or null when it is not reported. Decisions where docs/metrics.md is silent:
 * - A future sprint, or any sprint without a `startDate`, or one whose `startDate` is after `now`,
 *   had not started at `now`: not reported.
 * - A closed sprint without a `completeDate` cannot be placed among "the newest N by completeDate"
 *   nor given an end: not reported (Jira sets `completeDate` whenever it closes a sprint).
 * - A sprint Jira calls closed but whose `completeDate` is after `now` was still running at `now`
 *   (a report for a past `now`): it is reported as active, ending at `now`, provisional.
 */
export function sprintWindow(sprint: JiraSprint, now: number): SprintWindow | null {
  if (sprint.state === 'future' || !sprint.startDate) return null;
  const start = parseInstant(sprint.startDate);
  if (!(start <= now)) return null;
  if (sprint.state === 'closed') {
    if (!sprint.completeDate) return null;
    const complete = parseInstant(sprint.completeDate);
    if (complete <= now) return { state: 'closed', start, end: complete };
  }
  return { state: 'active', start, end: now };
}

/**
 * A sprint of another board in this board's sprint listing (Jira lists the sprints of other boards
 * that the board's issues were in): its `originBoardId` names another board. A sprint without an
 * `originBoardId` (older Jira data) is taken as the board's own.
 */
export function isForeignSprint(sprint: JiraSprint, boardId: number): boolean {
  return sprint.originBoardId !== null && sprint.originBoardId !== undefined && sprint.originBoardId !== boardId;
}

/** Which board is reporting, and whether a sprint of another board holds any of its issues (docs/metrics.md, "Backlog convergence": Shared sprints). */
export interface ReportingBoard {
  readonly boardId: number;
  readonly hasMember: (sprint: JiraSprint, window: SprintWindow) => boolean;
}

/**
 * The sprints a board reports: its active sprints, then its newest `closedCount` closed sprints by
 * `completeDate` (see `sprintWindow` for what counts as active or closed at `now`). Newest first:
 * active ones by start, descending, then closed ones by completeDate, descending; ties by id,
 * descending. A sprint listed twice is reported once.
 *
 * With `board`, a sprint of another board is reported only when at least one of this board's issues
 * was a member of it at some instant in [start, end] (`hasMember`); one that is not reported does
 * not count among the newest `closedCount` either (docs/metrics.md, "Backlog convergence": Shared sprints).
 */
export function selectSprints(sprints: readonly JiraSprint[], closedCount: number, now: number, board?: ReportingBoard): JiraSprint[] {
  const active: { sprint: JiraSprint; at: number }[] = [];
  const closed: { sprint: JiraSprint; at: number }[] = [];
  const seen = new Set<number>();
  for (const sprint of sprints) {
    if (seen.has(sprint.id)) continue;
    const w = sprintWindow(sprint, now);
    if (!w) continue;
    seen.add(sprint.id);
    if (board && isForeignSprint(sprint, board.boardId) && !board.hasMember(sprint, w)) continue;
    if (w.state === 'active') active.push({ sprint, at: w.start });
    else closed.push({ sprint, at: w.end });
  }
  const newestFirst = (a: { sprint: JiraSprint; at: number }, b: { sprint: JiraSprint; at: number }) =>
    b.at - a.at || b.sprint.id - a.sprint.id;
  active.sort(newestFirst);
  closed.sort(newestFirst);
  return [...active, ...closed.slice(0, Math.max(0, closedCount))].map((x) => x.sprint);
}

/**
 * The sprints of a board whose members a report must read before it can choose which to report
 * (`selectSprints` with the board): its own reported sprints, and every sprint of another board that
 * is running or completed no earlier than the oldest of its own reported ones. A foreign sprint
 * older than that can never be among the newest `closedCount`, whether or not it is reported.
 */
export function candidateSprints(sprints: readonly JiraSprint[], closedCount: number, now: number, boardId: number): JiraSprint[] {
  const own = selectSprints(
    sprints.filter((s) => !isForeignSprint(s, boardId)),
    closedCount,
    now,
  );
  const ownClosedEnds = own.flatMap((s) => {
    const w = sprintWindow(s, now);
    return w && w.state === 'closed' ? [w.end] : [];
  });
  const oldest = ownClosedEnds.length >= closedCount ? Math.min(...ownClosedEnds) : Number.NEGATIVE_INFINITY;
  const out = [...own];
  const seen = new Set(own.map((s) => s.id));
  for (const s of sprints) {
    if (seen.has(s.id) || !isForeignSprint(s, boardId)) continue;
    const w = sprintWindow(s, now);
    if (!w || (w.state === 'closed' && w.end < oldest)) continue;
    seen.add(s.id);
    out.push(s);
  }
  return out;
}

/** Orders prepared issues as `compareKeys` orders their keys, without allocating. */
function compareIssueKeys(a: PreparedIssue, b: PreparedIssue): number {
  const ka = a.key;
  const kb = b.key;
  const ea = ka.lastIndexOf('-');
  const eb = kb.lastIndexOf('-');
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a Jira key always has a dash, and `compareKeys` orders keys the same way
  if (ea < 0 || eb < 0) return compareKeys(ka, kb);
  // Stryker disable next-line MethodExpression: comparing on to the longer project key meets the dash, which sorts before any character a project key holds
  const n = Math.min(ea, eb);
  for (let i = 0; i < n; i++) {
    // Stryker disable next-line ArithmeticOperator: a positive answer only has the issues sorted (this comparison decides whether they are in order already)
    const d = ka.charCodeAt(i) - kb.charCodeAt(i);
    if (d !== 0) return d;
  }
  // Stryker disable next-line ArithmeticOperator: a positive answer only has the issues sorted (this comparison decides whether they are in order already)
  if (ea !== eb) return ea - eb;
  // Stryker disable next-line ArithmeticOperator: a positive answer only has the issues sorted (this comparison decides whether they are in order already)
  return a.number - b.number;
}

/**
 * Issues in key order; the project part of each key is cut once, not once per comparison, and kept
 * next to its issue (not in a map looked up twice per comparison). The sort is stable.
 */
function sortByKey(issues: readonly PreparedIssue[]): PreparedIssue[] {
  const decorated = issues.map((issue) => ({ issue, project: issue.key.slice(0, issue.key.lastIndexOf('-')) }));
  decorated.sort((a, b) => (a.project === b.project ? a.issue.number - b.issue.number : a.project < b.project ? -1 : 1));
  return decorated.map((d) => d.issue);
}

function isSortedByKey(issues: readonly PreparedIssue[]): boolean {
  for (let i = 1; i < issues.length; i++) if (compareIssueKeys(issues[i - 1] as PreparedIssue, issues[i] as PreparedIssue) > 0) return false;
  // Stryker disable next-line BooleanLiteral: answering "not in order" only sorts issues that are in order already
  return true;
}

/** The buckets `indexBySprint` built, known to be in key order (so no sprint re-checks them). */
const keyOrdered = new WeakSet<readonly PreparedIssue[]>();

/**
 * For each sprint id, the issues that were ever members of it, sub-tasks excluded, in key order
 * (so every issue list of a report comes out sorted). One pass over the issues. The buckets are
 * meant to be read, not changed.
 */
export function indexBySprint(issues: readonly PreparedIssue[]): Map<number, PreparedIssue[]> {
  const ordered = sortByKey(issues.filter((i) => !i.subtask));
  const index = new Map<number, PreparedIssue[]>();
  for (const issue of ordered) {
    for (const id of issue.everSprints) {
      let bucket = index.get(id);
      if (!bucket) {
        bucket = [];
        index.set(id, bucket);
        keyOrdered.add(bucket);
      }
      bucket.push(issue);
    }
  }
  return index;
}

/** An issue's membership of one sprint over [start, end], from one walk over its Sprint changes. */
interface Membership {
  atStart: boolean;
  /** Member at `end` once the walk is over (during the walk: member at the instant reached). */
  atEnd: boolean;
  /** It became a member at some instant in (start, end]. */
  joinedInside: boolean;
  /** The last instant in (start, end] it became a member; NaN if none. */
  lastJoin: number;
  /** The last instant in (start, end] it stopped being a member; NaN if none. */
  lastLeave: number;
}

function holds(ids: readonly number[] | undefined, sprintId: number): boolean {
  if (ids === undefined) return false;
  for (let i = 0; i < ids.length; i++) if (ids[i] === sprintId) return true;
  return false;
}

/** One instant where membership may flip; `m.atEnd` carries the membership so far. */
function step(m: Membership, at: number, member: boolean): void {
  if (member && !m.atEnd) {
    m.joinedInside = true;
    m.lastJoin = at;
  } else if (!member && m.atEnd) m.lastLeave = at;
  m.atEnd = member;
}

/**
 * Fills `m` (reused across issues, so nothing is allocated per issue). The Sprint value only
 * changes at its change instants and at `created` (before which the issue is a member of nothing),
 * so visiting those in (start, end] sees every instant the membership can flip.
 */
function walkMembership(tl: Timeline<readonly number[]>, sprintId: number, start: number, end: number, m: Membership): void {
  const changeAt = tl.changeAt;
  const values = tl.values;
  // The last change at or before `start`, searched once: it gives the value at `start` (as
  // `valueAt` would) and where the walk over later changes begins.
  const atStartIndex = lastChangeIndex(changeAt, start);
  m.atStart = start >= tl.created && holds(atStartIndex < 0 ? tl.initial : values[atStartIndex], sprintId);
  m.joinedInside = false;
  m.lastJoin = Number.NaN;
  m.lastLeave = Number.NaN;
  if (end < start) {
    // A sprint completed before it started: (start, end] is empty.
    m.atEnd = holds(valueAt(tl, end), sprintId);
    return;
  }
  m.atEnd = m.atStart;
  let first = atStartIndex + 1;
  if (tl.created > start) {
    if (tl.created <= end) step(m, tl.created, holds(valueAt(tl, tl.created), sprintId));
    // Changes stamped at or before `created` are part of the value at `created`.
    first = lastChangeIndex(changeAt, tl.created) + 1;
  }
  for (let i = first; i < changeAt.length; i++) {
    const at = changeAt[i] as number;
    if (at > end) break;
    step(m, at, holds(values[i], sprintId));
  }
}

/**
 * Whether any of the given issues (sub-tasks and issues created after `now` aside) was a member of
 * the sprint at some instant in [start, end]: what makes a sprint of another board one this board
 * reports (docs/metrics.md, "Backlog convergence": Shared sprints).
 */
export function sprintHasMember(issues: readonly PreparedIssue[], sprintId: number, window: SprintWindow, now: number): boolean {
  const m: Membership = { atStart: false, atEnd: false, joinedInside: false, lastJoin: Number.NaN, lastLeave: Number.NaN };
  for (const issue of issues) {
    if (issue.subtask || issue.created > now || !issue.everSprints.includes(sprintId)) continue;
    walkMembership(issue.sprints, sprintId, window.start, window.end, m);
    if (m.atStart || m.joinedInside) return true;
  }
  return false;
}

function isDoneAt(status: Timeline<string | null>, t: number, done: ReadonlySet<string>): boolean {
  const s = valueAt(status, t);
  return s !== undefined && s !== null && done.has(s);
}

/**
 * How long after a sprint's completion a move into another sprint still counts as Jira's "move the
 * open issues to the next sprint" (Jira writes it with the completion; the margin covers clock
 * skew between the two writes).
 */
export const CARRY_WINDOW_MS = 10 * 60_000;

/** Sprint ids in `later` that are not in `earlier`, other than `sprintId`: sprints the issue joined since. */
function joinedAnother(earlier: readonly number[] | undefined, later: readonly number[] | undefined, sprintId: number): boolean {
  if (later === undefined) return false;
  for (let i = 0; i < later.length; i++) {
    const id = later[i] as number;
    if (id !== sprintId && !holds(earlier, id)) return true;
  }
  return false;
}

/** What a sprint's figures could not read as Jira meant, gathered for the report's warnings. */
export interface ConvergenceNotes {
  /** Issues whose estimate, read for a figure, was negative, not finite or not a number (counted as 0). */
  readonly invalidEstimates: Set<string>;
  /** Issues whose status at a sprint's end is in no column of the board, with that status (the first one noted). */
  readonly unmappedStatuses: Map<string, string>;
}

export function convergenceNotes(): ConvergenceNotes {
  return { invalidEstimates: new Set(), unmappedStatuses: new Map() };
}

const emptySet = (): IssueSet => ({ count: 0, points: 0, issues: [] });
function put(set: IssueSet, key: string, points: number): void {
  set.count++;
  set.points += points;
  set.issues.push(key);
}
const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

export interface SprintConvergenceArgs {
  boardId: number;
  sprint: JiraSprint;
  /** The board's issues that were ever members of the sprint (a superset changes no figure). */
  issues: readonly PreparedIssue[];
  doneStatusIds: ReadonlySet<string>;
  now: number;
  target: number;
  nearBand: number;
  basis: ConvergenceBasis;
  /** A roll-up (product, channel, segment) restricts every set to the issues this accepts. */
  include?: (issue: PreparedIssue) => boolean;
  /** Every status mapped to a column of the board; with `notes`, members at the end in another status are noted. */
  mappedStatusIds?: ReadonlySet<string> | null;
  /** Filled with what the figures could not read as Jira meant (see `ConvergenceNotes`). */
  notes?: ConvergenceNotes;
}

/**
 * Convergence of one sprint (docs/metrics.md, "Backlog convergence"). Throws a RangeError for a sprint that is not reported
 * at `now` (see `sprintWindow`); `selectSprints` never returns one.
 */
/** A member's part in a sprint's sets: a bit per set (see `MEMBER`), and the points it brings to each. */
export interface MemberRow {
  readonly key: string;
  readonly flags: number;
  /** Points at the sprint's start (committed, completed of committed). */
  readonly ps: number;
  /** Points at the sprint's end (added, completed, not completed, moved to the next sprint). */
  readonly pe: number;
  /** Points when it last left the sprint (removed). */
  readonly pr: number;
  /** An estimate read for these points was negative, not finite or not a number (counted as 0). */
  readonly invalidEstimate?: true;
  /** Its status at the sprint's end is in no column of the board (the status id). */
  readonly unmappedStatus?: string;
}

/** The bits of `MemberRow.flags`. */
export const MEMBER = {
  committed: 1,
  added: 2,
  removed: 4,
  completed: 8,
  completedCommitted: 16,
  notCompleted: 32,
  movedToNextSprint: 64,
} as const;

/** A sprint as it is reported, without its figures: what its rows are aggregated under. */
export interface SprintHead {
  readonly boardId: number;
  readonly sprintId: number;
  readonly name: string;
  readonly state: 'closed' | 'active';
  readonly shared: boolean;
  readonly start: number;
  readonly end: number;
}

/**
 * Each member's row of one sprint (docs/metrics.md, "Backlog convergence"), in key order: who was committed, added,
 * removed, completed, not completed (and moved to the next sprint), with the points each brings.
 * Issues that are in no set (never members in the window, sub-tasks, created after `now`, outside
 * `include`) have no row. The same issue given twice has one row. Throws a RangeError for a sprint
 * that is not reported at `now` (see `sprintWindow`).
 */
export function sprintMemberRows(args: SprintConvergenceArgs): { head: SprintHead; rows: MemberRow[] } {
  const { sprint, doneStatusIds: done, now, include } = args;
  const window = sprintWindow(sprint, now);
  if (!window) throw new RangeError(`sprint ${sprint.id} (${sprint.state}) is not reported at ${new Date(now).toISOString()}`);
  const { start, end } = window;
  const sid = sprint.id;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: sorting issues that are in key order already changes nothing
  const issues = keyOrdered.has(args.issues) || isSortedByKey(args.issues) ? args.issues : sortByKey(args.issues);

  const rows: MemberRow[] = [];
  const m: Membership = { atStart: false, atEnd: false, joinedInside: false, lastJoin: Number.NaN, lastLeave: Number.NaN };
  const notes = args.notes;
  const mapped = args.mappedStatusIds ?? null;
  let invalid = false;
  /** The estimation field at t; unestimated, unusable (noted) or not yet created count 0; an estimate of 0 is 0. */
  const estimateAt = (estimate: Timeline<Estimate>, t: number): number => {
    const e = valueAt(estimate, t);
    if (isUnusableEstimate(e)) invalid = true;
    return estimatePoints(e);
  };
  const carryAt = window.state === 'closed' ? Math.min(end + CARRY_WINDOW_MS, now) : end;

  let previousKey: string | null = null;
  for (const issue of issues) {
    if (issue.key === previousKey) continue; // the same issue fetched twice counts once
    previousKey = issue.key;
    // (An issue created after `now` is a member of nothing up to `end` <= now; skipping it is quicker.)
    if (issue.subtask || issue.created > now || !issue.everSprints.includes(sid)) continue;
    if (include && !include(issue)) continue;
    invalid = false;
    let unmapped: string | null = null;

    walkMembership(issue.sprints, sid, start, end, m);
    // Each instant's status and estimate is looked up once (a binary search each), not once per set.
    const doneAtStart = m.atStart && isDoneAt(issue.status, start, done);
    const isCommitted = m.atStart && !doneAtStart;
    const isAdded = !m.atStart && m.joinedInside;
    const pointsAtStart = isCommitted ? estimateAt(issue.estimate, start) : 0;
    let pointsAtEnd = 0;
    let pointsAtEndKnown = false;
    if (isAdded || m.atEnd) {
      pointsAtEnd = estimateAt(issue.estimate, end);
      pointsAtEndKnown = true;
    }
    let flags = 0;
    let pr = 0;
    if (isCommitted) flags |= MEMBER.committed;
    if (isAdded) flags |= MEMBER.added;
    if ((m.atStart || isAdded) && !m.atEnd) {
      const leftAt = Number.isNaN(m.lastLeave) ? end : m.lastLeave;
      flags |= MEMBER.removed;
      pr = leftAt === end && pointsAtEndKnown ? pointsAtEnd : estimateAt(issue.estimate, leftAt);
    }
    if (m.atEnd) {
      if (mapped !== null) {
        const status = valueAt(issue.status, end);
        if (status !== undefined && status !== null && !mapped.has(status)) unmapped = status;
      }
      if (!isDoneAt(issue.status, end, done)) {
        flags |= MEMBER.notCompleted;
        // Moved to another sprint at the completion (Jira's "move open issues to the next sprint"),
        // rather than returned to the backlog: only a closed sprint moves anything.
        if (window.state === 'closed' && joinedAnother(valueAt(issue.sprints, start), valueAt(issue.sprints, carryAt), sid)) flags |= MEMBER.movedToNextSprint;
      } else {
        // Done at the later of start and its last joining means it was completed outside the sprint.
        // (Without a join inside, a member at the end was a member at the start: doneAtStart is known.)
        const judgedAt = Number.isNaN(m.lastJoin) ? start : m.lastJoin;
        const doneBefore = judgedAt === start && m.atStart ? doneAtStart : isDoneAt(issue.status, judgedAt, done);
        if (!doneBefore) {
          flags |= MEMBER.completed;
          if (isCommitted) flags |= MEMBER.completedCommitted;
        }
      }
    }
    if (flags === 0) continue;
    const row: MemberRow = { key: issue.key, flags, ps: pointsAtStart, pe: pointsAtEnd, pr, ...(invalid ? { invalidEstimate: true as const } : {}), ...(unmapped !== null ? { unmappedStatus: unmapped } : {}) };
    rows.push(row);
    if (notes) {
      if (invalid) notes.invalidEstimates.add(issue.key);
      if (unmapped !== null && !notes.unmappedStatuses.has(issue.key)) notes.unmappedStatuses.set(issue.key, unmapped);
    }
  }
  const head: SprintHead = { boardId: args.boardId, sprintId: sid, name: sprint.name, state: window.state, shared: isForeignSprint(sprint, args.boardId), start, end };
  return { head, rows };
}

/** The settings a sprint's figures are judged by. */
export interface Judgement {
  readonly target: number;
  readonly nearBand: number;
  readonly basis: ConvergenceBasis;
}

/**
 * A sprint's figures from its members' rows, in the order given (key order): the sets, the
 * convergence by issues and points, scope change and status. `keep` restricts the rows (a roll-up,
 * what a viewer may browse).
 */
export function sprintFromRows(head: SprintHead, rows: readonly MemberRow[], judgement: Judgement, keep?: (row: MemberRow) => boolean): SprintConvergence {
  const committed = emptySet();
  const added = emptySet();
  const removed = emptySet();
  const completed = emptySet();
  const completedCommitted = emptySet();
  const notCompleted = emptySet();
  const movedToNextSprint = emptySet();
  for (const r of rows) {
    if (keep && !keep(r)) continue;
    const f = r.flags;
    if (f & MEMBER.committed) put(committed, r.key, r.ps);
    if (f & MEMBER.added) put(added, r.key, r.pe);
    if (f & MEMBER.removed) put(removed, r.key, r.pr);
    if (f & MEMBER.notCompleted) put(notCompleted, r.key, r.pe);
    if (f & MEMBER.movedToNextSprint) put(movedToNextSprint, r.key, r.pe);
    if (f & MEMBER.completed) put(completed, r.key, r.pe);
    if (f & MEMBER.completedCommitted) put(completedCommitted, r.key, r.ps);
  }
  const convergence = {
    issues: ratio(completedCommitted.count, committed.count),
    points: ratio(completedCommitted.points, committed.points),
  };
  return {
    boardId: head.boardId,
    sprintId: head.sprintId,
    name: head.name,
    state: head.state,
    shared: head.shared,
    start: new Date(head.start).toISOString(),
    end: new Date(head.end).toISOString(),
    provisional: head.state === 'active',
    committed,
    added,
    removed,
    completed,
    completedCommitted,
    notCompleted,
    movedToNextSprint,
    convergence,
    scopeChange: ratio(added.count + removed.count, committed.count),
    status: targetStatus(convergence[judgement.basis], judgement.target, judgement.nearBand),
  };
}

/**
 * Convergence of one sprint (docs/metrics.md, "Backlog convergence"): its members' rows, aggregated. Throws a RangeError
 * for a sprint that is not reported at `now` (see `sprintWindow`); `selectSprints` never returns one.
 */
export function sprintConvergence(args: SprintConvergenceArgs): SprintConvergence {
  const { head, rows } = sprintMemberRows(args);
  return sprintFromRows(head, rows, args);
}

export interface ConvergenceReportArgs {
  sprints: readonly SprintConvergence[];
  target: number;
  nearBand: number;
  basis: ConvergenceBasis;
}

/**
 * The report over several sprints (a team's last N, or a roll-up over chosen boards). `overall`
 * covers the closed sprints only and is the ratio of the sums, never the mean of the sprints'
 * ratios. Sprints are listed newest first: active ones, then closed ones by end, descending.
 */
export function convergenceReport(args: ConvergenceReportArgs): ConvergenceReport {
  const committed = { count: 0, points: 0 };
  const completedCommitted = { count: 0, points: 0 };
  for (const s of args.sprints) {
    if (s.state !== 'closed') continue;
    committed.count += s.committed.count;
    committed.points += s.committed.points;
    completedCommitted.count += s.completedCommitted.count;
    completedCommitted.points += s.completedCommitted.points;
  }
  const convergence = {
    issues: ratio(completedCommitted.count, committed.count),
    points: ratio(completedCommitted.points, committed.points),
  };
  const status: TargetStatus | null = targetStatus(convergence[args.basis], args.target, args.nearBand);
  const overall: ConvergenceOverall = { committed, completedCommitted, convergence, status };
  return { target: args.target, sprints: [...args.sprints].sort(newestSprintFirst), overall };
}

function newestSprintFirst(a: SprintConvergence, b: SprintConvergence): number {
  if (a.state !== b.state) return a.state === 'active' ? -1 : 1;
  const at = (s: SprintConvergence) => Date.parse(s.state === 'active' ? s.start : s.end);
  return at(b) - at(a) || a.boardId - b.boardId || b.sprintId - a.sprintId;
}
