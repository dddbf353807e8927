/**
 * What people and Jira do to a site over time, applied to a `SiteData` the way Jira records it:
 * each change stamps the issue's `updated` and appends a changelog history (ids growing with time),
 * so a reader that syncs by `updated` and replays changelogs sees exactly what Jira would show.
 * Used by the sync's tests (random sequences of changes, faults between them) and by the site
 * benchmark (a day of change). Deterministic for a given random source.
 */
import type { ChangelogHistory, ChangelogItem, JiraSprint } from '../domain/jira';
import type { SiteData, SiteIssue } from './site';

type Obj = Record<string, unknown>;

/** `2026-03-02T09:15:00.000+0000`: how Jira writes an instant. */
export const jiraTime = (ms: number): string => `${new Date(ms).toISOString().slice(0, 23)}+0000`;

export class SiteChanges {
  private nextHistoryId: number;
  private nextIssueId: number;
  private readonly sprintField: string;

  /** Issues by key, kept with the site's issues (a site of 200,000 issues is looked up thousands of times a day). */
  private byKey: Map<string, SiteIssue> | null = null;
  private indexedIssues: SiteIssue[] | null = null;

  constructor(readonly site: SiteData) {
    // Loops, not Math.max(...): a large site has millions of histories, more than a call takes arguments.
    let history = 0;
    let issue = 0;
    for (const i of site.issues) {
      issue = Math.max(issue, Number(i.id) || 0);
      for (const h of i.histories) history = Math.max(history, Number(h.id) || 0);
    }
    this.nextHistoryId = 1 + history;
    this.nextIssueId = 1 + issue;
    this.sprintField = site.fields.find((f) => f.schema?.custom === 'com.pyxis.greenhopper.jira:gh-sprint')?.id ?? 'customfield_10020';
  }

  issue(key: string): SiteIssue {
    // The index is rebuilt whenever the site's list is not the one it was built from (a caller
    // may replace the list); moves, creations and deletions here keep it current.
    if (this.byKey === null || this.indexedIssues !== this.site.issues) {
      this.byKey = new Map(this.site.issues.map((x) => [x.key, x]));
      this.indexedIssues = this.site.issues;
    }
    const i = this.byKey.get(key);
    if (!i || i.key !== key) throw new Error(`no issue ${key}`);
    return i;
  }

  /** The highest number among a project's issue keys. */
  private lastNumber(projectKey: string): number {
    let n = 0;
    const prefix = `${projectKey}-`;
    for (const i of this.site.issues) if (i.key.startsWith(prefix)) n = Math.max(n, Number(i.key.slice(prefix.length)) || 0);
    return n;
  }

  /** Appends one history of `items` at `at` and stamps `updated`. */
  private record(issue: SiteIssue, at: number, items: ChangelogItem[], author = 'u-sync-test'): void {
    const history: ChangelogHistory = { id: String(this.nextHistoryId++), author: { accountId: author, displayName: author }, created: jiraTime(at), items };
    issue.histories.push(history);
    issue.fields.updated = jiraTime(at);
  }

  /** A status change; a resolution comes with a done status and goes with any other (as workflows do). */
  moveStatus(key: string, statusId: string, at: number): void {
    const issue = this.issue(key);
    const from = issue.fields.status as Obj;
    const to = this.site.statuses.find((s) => s.id === statusId);
    if (!to) throw new Error(`no status ${statusId}`);
    const items: ChangelogItem[] = [{ field: 'status', fieldtype: 'jira', fieldId: 'status', from: String(from.id), fromString: String(from.name), to: to.id, toString: to.name }];
    const done = to.statusCategory.key === 'done';
    const resolution = issue.fields.resolution as Obj | null | undefined;
    if (done && !resolution) {
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' });
      issue.fields.resolution = { id: '10000', name: 'Done' };
      issue.fields.resolutiondate = jiraTime(at);
    } else if (!done && resolution) {
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: String(resolution.id), fromString: String(resolution.name), to: null, toString: null });
      issue.fields.resolution = null;
      issue.fields.resolutiondate = null;
    }
    issue.fields.status = structuredClone(to);
    this.record(issue, at, items);
  }

  /** A change of a field whose value is a plain string or number (labels excluded). */
  setEstimate(key: string, fieldId: string, value: number | null, at: number): void {
    const issue = this.issue(key);
    const before = issue.fields[fieldId];
    issue.fields[fieldId] = value;
    this.record(issue, at, [{ field: 'Story point estimate', fieldtype: 'custom', fieldId, from: null, fromString: before === null || before === undefined ? null : String(before), to: null, toString: value === null ? null : String(value) }]);
  }

  assign(key: string, accountId: string | null, at: number): void {
    const issue = this.issue(key);
    const before = issue.fields.assignee as Obj | null | undefined;
    const user = accountId === null ? null : this.site.users.find((u) => u.accountId === accountId);
    issue.fields.assignee = user ? { accountId: user.accountId, displayName: user.displayName, active: true } : null;
    this.record(issue, at, [{ field: 'assignee', fieldtype: 'jira', fieldId: 'assignee', from: before ? String(before.accountId) : null, fromString: before ? String(before.displayName) : null, to: accountId, toString: user?.displayName ?? null }]);
  }

  /** The issue's Sprint field becomes `sprintIds` (closed sprints it was in stay, as in Jira). */
  setSprints(key: string, sprintIds: readonly number[], at: number): void {
    const issue = this.issue(key);
    const before = this.sprintIds(issue);
    issue.fields[this.sprintField] = sprintIds.length === 0 ? null : sprintIds.map((id) => this.sprintValue(id));
    this.record(issue, at, [{ field: 'Sprint', fieldtype: 'custom', fieldId: this.sprintField, from: before.join(', '), fromString: null, to: sprintIds.join(', '), toString: null }]);
  }

  sprintIds(issue: SiteIssue): number[] {
    const v = issue.fields[this.sprintField];
    return Array.isArray(v) ? v.map((s) => (s as { id: number }).id) : [];
  }

  private sprintValue(id: number): Obj {
    const s = this.site.sprints.find((x) => x.id === id);
    if (!s) throw new Error(`no sprint ${id}`);
    return { id: s.id, name: s.name, state: s.state, boardId: s.originBoardId, startDate: s.startDate, endDate: s.endDate, completeDate: s.completeDate };
  }

  /** A new issue, created at `at` straight into `sprintIds` (no changelog item, as Jira does). */
  create(o: { projectKey: string; type: string; statusId: string; at: number; sprintIds?: number[]; summary?: string; priorityId?: string }): SiteIssue {
    const project = this.site.projects.find((p) => p.key === o.projectKey);
    const type = this.site.issueTypes.find((t) => t.name === o.type);
    const status = this.site.statuses.find((s) => s.id === o.statusId);
    if (!project || !type || !status) throw new Error('unknown project, type or status');
    const n = 1 + this.lastNumber(o.projectKey);
    const id = String(this.nextIssueId++);
    const priority = this.site.priorities.find((p) => p.id === (o.priorityId ?? '3')) ?? null;
    const issue: SiteIssue = {
      id,
      key: `${o.projectKey}-${n}`,
      fields: {
        summary: o.summary ?? `New work ${n}`,
        issuetype: { id: type.id, name: type.name, subtask: type.subtask },
        project: { id: project.id, key: project.key, name: project.name },
        status: structuredClone(status),
        created: jiraTime(o.at),
        updated: jiraTime(o.at),
        priority: priority ? { ...priority } : null,
        assignee: null,
        resolution: null,
        resolutiondate: null,
        duedate: null,
        description: 'Acceptance criteria: it works.',
        labels: [],
        components: [],
        subtasks: [],
        [this.sprintField]: o.sprintIds && o.sprintIds.length ? o.sprintIds.map((sid) => this.sprintValue(sid)) : null,
      },
      histories: [],
      properties: {},
    };
    this.site.issues.push(issue);
    if (this.indexedIssues === this.site.issues) this.byKey?.set(issue.key, issue);
    return issue;
  }

  /** Deleted: gone from every answer (Jira keeps nothing of it). */
  delete(key: string): void {
    this.site.issues = this.site.issues.filter((i) => i.key !== key);
    this.byKey = null;
  }

  /** Moved to another project: a new key, the same id, a history of the move. */
  move(key: string, toProjectKey: string, at: number): string {
    const issue = this.issue(key);
    const project = this.site.projects.find((p) => p.key === toProjectKey);
    if (!project) throw new Error(`no project ${toProjectKey}`);
    const n = 1 + this.lastNumber(toProjectKey);
    const from = issue.fields.project as Obj;
    const newKey = `${toProjectKey}-${n}`;
    this.record(issue, at, [
      { field: 'project', fieldtype: 'jira', fieldId: 'project', from: String(from.id), fromString: String(from.name), to: project.id, toString: project.name },
      { field: 'Key', fieldtype: 'jira', fieldId: 'issuekey', from: null, fromString: key, to: null, toString: newKey },
    ]);
    issue.key = newKey;
    this.byKey = null;
    issue.fields.project = { id: project.id, key: project.key, name: project.name };
    return newKey;
  }

  /** Re-typed into a sub-task of `parentKey` (sub-tasks are left out of convergence). */
  retypeToSubtask(key: string, parentKey: string, at: number): void {
    const issue = this.issue(key);
    const parent = this.issue(parentKey);
    const sub = this.site.issueTypes.find((t) => t.subtask);
    if (!sub) throw new Error('the site has no sub-task type');
    const before = issue.fields.issuetype as Obj;
    issue.fields.issuetype = { id: sub.id, name: sub.name, subtask: true };
    issue.fields.parent = { id: parent.id, key: parent.key };
    this.record(issue, at, [{ field: 'issuetype', fieldtype: 'jira', fieldId: 'issuetype', from: String(before.id), fromString: String(before.name), to: sub.id, toString: sub.name }]);
  }

  private sprint(id: number): JiraSprint {
    const s = this.site.sprints.find((x) => x.id === id);
    if (!s) throw new Error(`no sprint ${id}`);
    return s;
  }

  /** Refreshes the sprint's value in every issue's Sprint field (Jira shows sprints as they are now). */
  private refreshSprintValues(id: number): void {
    for (const i of this.site.issues) {
      const v = i.fields[this.sprintField];
      if (!Array.isArray(v) || !v.some((s) => (s as { id: number }).id === id)) continue;
      i.fields[this.sprintField] = v.map((s) => ((s as { id: number }).id === id ? this.sprintValue(id) : s));
    }
  }

  startSprint(id: number, at: number): void {
    const s = this.sprint(id);
    s.state = 'active';
    s.startDate = new Date(at).toISOString();
    s.endDate = new Date(at + 14 * 86_400_000).toISOString();
    this.refreshSprintValues(id);
  }

  /**
   * Completed at `at`: the issues in it and not done move to `nextSprintId` (a history on each,
   * at the completion), or return to the backlog when there is none.
   */
  closeSprint(id: number, at: number, doneStatusIds: ReadonlySet<string>, nextSprintId: number | null): void {
    const s = this.sprint(id);
    s.state = 'closed';
    s.completeDate = new Date(at).toISOString();
    this.refreshSprintValues(id);
    for (const i of this.site.issues) {
      const ids = this.sprintIds(i);
      if (!ids.includes(id) || doneStatusIds.has(String((i.fields.status as Obj).id))) continue;
      if (nextSprintId !== null) this.setSprints(i.key, [...ids, nextSprintId], at);
    }
  }

  renameSprint(id: number, name: string): void {
    this.sprint(id).name = name;
    this.refreshSprintValues(id);
  }

  /** Reopened: active again, its completion forgotten. */
  reopenSprint(id: number): void {
    const s = this.sprint(id);
    s.state = 'active';
    s.completeDate = null;
    this.refreshSprintValues(id);
  }

  /** A future sprint deleted: gone from the board and from its issues' Sprint field (a history on each). */
  deleteSprint(id: number, at: number): void {
    for (const i of this.site.issues) {
      const ids = this.sprintIds(i);
      if (ids.includes(id)) this.setSprints(i.key, ids.filter((x) => x !== id), at);
    }
    this.site.sprints = this.site.sprints.filter((s) => s.id !== id);
  }

  changeFilter(boardId: number, jql: string): void {
    const b = this.site.boards.find((x) => x.board.id === boardId);
    if (!b) throw new Error(`no board ${boardId}`);
    b.filter.jql = jql;
  }

  /** A status removed from the site (its issues moved to `replacementId` first, as Jira requires). */
  deleteStatus(statusId: string, replacementId: string, at: number): void {
    for (const i of this.site.issues) if (String((i.fields.status as Obj).id) === statusId) this.moveStatus(i.key, replacementId, at);
    this.site.statuses = this.site.statuses.filter((s) => s.id !== statusId);
    for (const b of this.site.boards) for (const c of b.configuration.columnConfig.columns) c.statuses = c.statuses.filter((s) => s.id !== statusId);
  }
}
