/**
 * The emulator's view of a SiteData: lookups by key and id, and the permission model: a user
 * browses and edits issues project by project, as Jira's permission schemes grant it, and an issue
 * with a security level is seen only by the users the level grants. The app's account (`app`)
 * browses, edits and reads everything.
 */
import type { JiraFilter, JiraSprint } from '../domain/jira';
import { BOARD_NOT_FOUND, ISSUE_NOT_FOUND, notFound } from './http-error';
import type { SiteBoard, SiteData, SiteIssue, SiteProject, SiteUser } from './site';

const SPRINT_SCHEMA = 'com.pyxis.greenhopper.jira:gh-sprint';

export class SiteIndex {
  readonly issuesByKey = new Map<string, SiteIssue>();
  readonly issuesById = new Map<string, SiteIssue>();
  readonly projectsByKey = new Map<string, SiteProject>();
  readonly sprintsById = new Map<number, JiraSprint>();
  readonly boardsById = new Map<number, SiteBoard>();
  readonly filtersById = new Map<string, JiraFilter>();
  /** The Sprint custom field's id (found by schema, as Jira sites differ). */
  readonly sprintFieldId: string;
  /** Results of recent queries, so paging a large result does not re-run the query per page. */
  private readonly memo = new Map<string, unknown>();

  constructor(readonly site: SiteData) {
    for (const issue of site.issues) {
      this.issuesByKey.set(issue.key.toUpperCase(), issue);
      this.issuesById.set(issue.id, issue);
    }
    for (const p of site.projects) this.projectsByKey.set(p.key.toUpperCase(), p);
    for (const s of site.sprints) this.sprintsById.set(s.id, s);
    for (const b of site.boards) {
      this.boardsById.set(b.board.id, b);
      this.filtersById.set(b.filter.id, b.filter);
    }
    this.sprintFieldId = site.fields.find((f) => f.schema?.custom === SPRINT_SCHEMA)?.id ?? 'customfield_10020';
  }

  /** The key of the project an issue belongs to (its `project` field, else its key's prefix). */
  projectKeyOf(issue: SiteIssue): string {
    const project = issue.fields.project as { key?: unknown } | null | undefined;
    if (project && typeof project.key === 'string') return project.key;
    return issue.key.slice(0, issue.key.lastIndexOf('-'));
  }

  project(keyOrId: string): SiteProject | undefined {
    return this.projectsByKey.get(keyOrId.toUpperCase()) ?? this.site.projects.find((p) => p.id === keyOrId);
  }

  canBrowse(user: SiteUser, projectKey: string): boolean {
    return user.app === true || grants(user.browse, projectKey);
  }

  canEdit(user: SiteUser, projectKey: string): boolean {
    return user.app === true || (this.canBrowse(user, projectKey) && grants(user.edit, projectKey));
  }

  /** The id of the issue's security level, or null when it has none. */
  securityLevelOf(issue: SiteIssue): string | null {
    const level = issue.fields.security as { id?: unknown } | null | undefined;
    return level && typeof level.id === 'string' ? level.id : null;
  }

  /** Whether the issue's security level (if any) lets the user see it. */
  readsLevelOf(user: SiteUser, issue: SiteIssue): boolean {
    const level = this.securityLevelOf(issue);
    if (level === null || user.app === true) return true;
    const granted = user.securityLevels;
    return granted !== undefined && (granted === '*' || granted.includes('*') || granted.includes(level));
  }

  /** Browse permission in the issue's project and, for an issue with a security level, that level. */
  visible(user: SiteUser, issue: SiteIssue): boolean {
    return this.canBrowse(user, this.projectKeyOf(issue)) && this.readsLevelOf(user, issue);
  }

  /** An issue by id or key, or undefined when it does not exist or the user may not see it. */
  findIssue(user: SiteUser, idOrKey: string): SiteIssue | undefined {
    const issue = this.issuesByKey.get(idOrKey.toUpperCase()) ?? this.issuesById.get(idOrKey);
    return issue && this.visible(user, issue) ? issue : undefined;
  }

  /** As Jira: an issue the user may not browse is indistinguishable from one that does not exist. */
  issue(user: SiteUser, idOrKey: string): SiteIssue {
    const issue = this.findIssue(user, idOrKey);
    if (!issue) throw notFound(ISSUE_NOT_FOUND);
    return issue;
  }

  visibleIssues(user: SiteUser): SiteIssue[] {
    return this.site.issues.filter((i) => this.visible(user, i));
  }

  /**
   * Boards follow their location's project: a user who may not browse it gets Jira's 404 ("does
   * not exist or you do not have permission"), and the board is left out of board lists.
   */
  boardVisible(user: SiteUser, board: SiteBoard): boolean {
    const key = board.board.location?.projectKey;
    return !key || this.canBrowse(user, key);
  }

  board(user: SiteUser, id: string): SiteBoard {
    const board = /^\d+$/.test(id) ? this.boardsById.get(Number(id)) : undefined;
    if (!board || !this.boardVisible(user, board)) throw notFound(BOARD_NOT_FOUND);
    return board;
  }

  /**
   * A query's result, computed once per key until the site changes. Keys must hold everything the
   * result depends on (user, query, fields); `invalidate` after any write.
   */
  cached<T>(key: string, compute: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = compute();
    if (this.memo.size >= 32) this.memo.delete(this.memo.keys().next().value as string);
    this.memo.set(key, value);
    return value;
  }

  invalidate(): void {
    this.memo.clear();
  }

  userByCredentials(email: string, token: string): SiteUser | undefined {
    return this.site.users.find((u) => u.emailAddress.toLowerCase() === email.toLowerCase() && u.apiToken === token);
  }
}

function grants(scope: readonly string[] | '*', projectKey: string): boolean {
  return scope === '*' || scope.some((k) => k.toUpperCase() === projectKey.toUpperCase());
}
