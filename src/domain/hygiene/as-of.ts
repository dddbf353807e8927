/**
 * An issue as it stood at an earlier instant `t`, for the hygiene score "a week ago". Hygiene rules
 * read the issue's current fields (rule.ts); here the fields whose history the metrics replay —
 * status, assignee, priority, the Sprint field and the estimation field — are put back to their
 * values at `t` (docs/metrics.md, "How history is read"), and the sprints to their state at `t`.
 *
 * Fields whose history is not fetched are taken as they are now: description, labels, components,
 * due date and sub-tasks. `updated` at `t` is the current one when it is not after `t`, else the
 * last replayed change at or before `t` (edits that leave no replayed trace are not seen, so an issue
 * may look staler at `t` than it was). The resolution follows the status, as Jira's workflows set
 * it: kept when the issue was done at `t` exactly as it is done now, cleared when it was not done at
 * `t`, and a resolution stands in when it was done at `t` but has been reopened since.
 */
import { valueAt, type Timeline } from '../history';
import { distinctSprintIds, type PreparedIssue, type StatusCatalog } from '../issue';
import type { JiraIssue, JiraSprint } from '../jira';
import { parseInstant } from '../jira';

/** The timeline as known at `t`: changes after `t` have not happened yet. */
export function timelineAt<T>(tl: Timeline<T>, t: number): Timeline<T> {
  let n = 0;
  while (n < tl.changeAt.length && (tl.changeAt[n] as number) <= t) n++;
  if (n === tl.changeAt.length) return tl;
  return { created: tl.created, initial: tl.initial, changeAt: tl.changeAt.slice(0, n), values: tl.values.slice(0, n) };
}

function lastChangeAtOrBefore(timelines: readonly Timeline<unknown>[], t: number, created: number): number {
  let last = created;
  for (const tl of timelines) {
    for (const at of tl.changeAt) if (at <= t && at > last) last = at;
  }
  return last;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export interface AsOfFields {
  readonly sprintFieldId: string | null;
  readonly estimationFieldId: string | null;
}

/**
 * The issue at `t`, or null when it did not exist yet. The result is a prepared issue whose
 * timelines end at `t`, so the rules read "current" values as of `t`.
 */
export function issueAsOf(p: PreparedIssue, t: number, catalog: StatusCatalog, fields: AsOfFields): PreparedIssue | null {
  if (p.created > t) return null;
  const f = p.issue.fields;
  const statusId = valueAt(p.status, t) ?? f.status.id;
  const category = statusId === f.status.id ? f.status.statusCategory.key : (catalog.get(statusId) ?? 'undefined');
  const doneNow = f.status.statusCategory.key === 'done';
  const doneThen = category === 'done';
  const assignee = valueAt(p.assignee, t) ?? null;
  const priorityId = valueAt(p.priority, t) ?? null;
  const estimate = valueAt(p.estimate, t) ?? null;

  const updatedNow = parseInstant(f.updated ?? f.created);
  const updated = updatedNow <= t ? updatedNow : lastChangeAtOrBefore([p.status, p.assignee, p.priority, p.sprints, p.estimate], t, p.created);

  const resolution =
    doneThen === doneNow ? { resolution: f.resolution ?? null, resolutiondate: f.resolutiondate ?? null } : doneThen ? { resolution: { name: 'Done' }, resolutiondate: null } : { resolution: null, resolutiondate: null };

  const fieldsAt: Record<string, unknown> = {
    ...f,
    status: statusId === f.status.id ? f.status : { id: statusId, name: statusId, statusCategory: { key: category } },
    assignee: assignee === null ? null : f.assignee?.accountId === assignee ? f.assignee : { accountId: assignee },
    priority: priorityId === null ? null : f.priority?.id === priorityId ? f.priority : { id: priorityId, name: `#${priorityId}` },
    updated: iso(updated),
    ...resolution,
  };
  if (fields.estimationFieldId) fieldsAt[fields.estimationFieldId] = estimate;
  const sprints = timelineAt(p.sprints, t);
  // The field's sprint objects carry today's states: keep those the issue was in at `t`, as they stood then.
  if (fields.sprintFieldId) fieldsAt[fields.sprintFieldId] = sprintFieldAt(f[fields.sprintFieldId], valueAt(sprints, t) ?? [], t);
  const everSprints = distinctSprintIds(sprints);
  return {
    ...p,
    issue: { ...p.issue, fields: fieldsAt as JiraIssue['fields'] },
    status: timelineAt(p.status, t),
    sprints,
    estimate: timelineAt(p.estimate, t),
    assignee: timelineAt(p.assignee, t),
    priority: timelineAt(p.priority, t),
    everSprints,
  };
}

/** The last instant any replayed field of the issue changes. */
function lastChange(p: PreparedIssue): number {
  let last = p.created;
  for (const tl of [p.status, p.assignee, p.priority, p.sprints, p.estimate] as readonly Timeline<unknown>[]) {
    const n = tl.changeAt.length;
    if (n > 0 && (tl.changeAt[n - 1] as number) > last) last = tl.changeAt[n - 1] as number;
  }
  return last;
}

/**
 * The issue as it stood at `now` (docs/metrics.md: "as of now"): itself when nothing about it changed
 * after `now` (the usual case: `now` is the present), else `issueAsOf(now)`. Null when it was
 * created after `now`.
 */
export function asOfNow(p: PreparedIssue, now: number, catalog: StatusCatalog, fields: AsOfFields): PreparedIssue | null {
  // Stryker disable next-line ConditionalExpression: without the shortcut, `issueAsOf` refuses an issue created after `now` the same way
  if (p.created > now) return null;
  const updated = parseInstant(p.issue.fields.updated ?? p.issue.fields.created);
  if (!(updated > now) && lastChange(p) <= now) return p;
  return issueAsOf(p, now, catalog, fields);
}

function sprintFieldAt(value: unknown, members: readonly number[], t: number): unknown[] {
  const objects = new Map<number, Record<string, unknown>>();
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'number') objects.set((v as { id: number }).id, v as Record<string, unknown>);
  }
  return members.map((id) => {
    const o = objects.get(id);
    if (!o) return { id };
    const at = sprintStateAt(typeof o.startDate === 'string' ? o.startDate : null, typeof o.completeDate === 'string' ? o.completeDate : null, t);
    const { completeDate: _dropped, ...rest } = o;
    return at === 'closed' ? o : { ...rest, state: at };
  });
}

function sprintStateAt(startDate: string | null | undefined, completeDate: string | null | undefined, t: number): 'closed' | 'active' | 'future' {
  const start = startDate ? parseInstant(startDate) : Number.NaN;
  const complete = completeDate ? parseInstant(completeDate) : Number.NaN;
  if (!Number.isNaN(complete) && complete <= t) return 'closed';
  return !Number.isNaN(start) && start <= t ? 'active' : 'future';
}

/** A sprint as it stood at `t`: future before its start, active until its completion, then closed. */
export function sprintAsOf(s: JiraSprint, t: number): JiraSprint {
  const state = sprintStateAt(s.startDate, s.completeDate, t);
  if (state === 'closed') return s;
  const { completeDate: _dropped, ...rest } = s;
  return { ...rest, state };
}
