/**
 * A synthetic site (`synthetic.ts`) as the emulator's `SiteData`, so the emulator serves over HTTP
 * what Jira Cloud would: the issues and histories of the synthetic pages, with every decoration
 * (`self` links, avatar and icon URLs, descriptions) as the pages carry them.
 *
 * The objects Jira repeats in every issue and history (users, statuses, issue types, projects,
 * priorities, resolutions) are shared, not copied per issue: the emulator serialises each in full
 * every time, as Jira sends it, while a site of 200,000 issues and 4 million histories still fits
 * in one process. Each board gets a project of its own (`B<n>`, id 10000 + n), a filter on it and,
 * after its sprints (all closed but the last, active), one future sprint to start.
 */
import type { ChangelogHistory, JiraSprint } from '../src/domain/jira';
import type { SiteData, SiteIssue, SiteUser } from '../src/emulator/site';
import type { SyntheticSite } from './synthetic';

/** The app's own account (Forge `asApp()`): the sync reads as it. */
export const BENCH_APP = 'bench-app';
/** Viewers of the dashboard: ordinary users who may browse every project. */
export const viewerId = (n: number): string => `viewer-${n}`;

type Obj = Record<string, unknown>;

/** Shares equal embedded objects by a key (an id): one object per distinct value on the whole site. */
class Interner {
  private readonly seen = new Map<string, unknown>();
  share<T>(kind: string, value: T): T {
    if (value === null || typeof value !== 'object') return value;
    const id = (value as Obj).accountId ?? (value as Obj).id;
    if (typeof id !== 'string' && typeof id !== 'number') return value;
    const key = `${kind}\n${String(id)}`;
    const known = this.seen.get(key);
    if (known !== undefined) return known as T;
    this.seen.set(key, value);
    return value;
  }
}

export function projectIdOf(boardId: number): string {
  return String(10000 + boardId);
}

export interface SiteDataOptions {
  /** Viewers to add (`viewer-1` …), each browsing every project. */
  viewers?: number;
  /** Adds a future sprint to each board (to be started during a day of change). */
  futureSprints?: boolean;
}

/** The site, built page by page from the synthetic pages (each page parsed, its repeated objects shared, then dropped). */
export function siteDataOf(synthetic: SyntheticSite, options: SiteDataOptions = {}): SiteData {
  const interner = new Interner();
  const issues: SiteIssue[] = [];
  const sprints: JiraSprint[] = [];
  const authors = new Map<string, { accountId: string; displayName: string }>();
  const boards: SiteData['boards'] = [];
  const projects: SiteData['projects'] = [];
  for (const b of synthetic.boards) {
    const key = `B${b.boardId}`;
    const projectId = projectIdOf(b.boardId);
    // A filter of its own per board (the synthetic configurations all name one).
    const filterId = String(20000 + b.boardId);
    projects.push({ id: projectId, key, name: `Project ${key}`, components: [] });
    boards.push({
      board: { id: b.boardId, name: `Board ${b.boardId}`, type: 'scrum', location: { projectId: Number(projectId), projectKey: key, name: `Project ${key}` } },
      configuration: { ...b.configuration, filter: { id: filterId } },
      filter: { id: filterId, name: `Filter of board ${b.boardId}`, jql: `project = ${key} ORDER BY Rank ASC` },
    });
    sprints.push(...b.sprints.map((s) => ({ ...s })));
    if (options.futureSprints) {
      const last = b.sprints[b.sprints.length - 1];
      if (last) sprints.push({ id: last.id + 1, name: `B${b.boardId} Sprint ${b.sprints.length + 1}`, state: 'future', startDate: last.endDate ?? null, endDate: null, originBoardId: b.boardId });
    }
    const histories = new Map<string, ChangelogHistory[]>();
    for (let p = 0; p < b.changelogPageCount; p++) {
      const page = JSON.parse(b.changelogPage(p)) as { issueChangeLogs: { issueId: string; changeHistories: ChangelogHistory[] }[] };
      for (const e of page.issueChangeLogs) {
        for (const h of e.changeHistories) {
          if (h.author) {
            h.author = interner.share('user', h.author);
            authors.set(h.author.accountId, { accountId: h.author.accountId, displayName: h.author.displayName ?? h.author.accountId });
          }
        }
        histories.set(e.issueId, e.changeHistories);
      }
    }
    for (let p = 0; p < b.searchPageCount; p++) {
      const page = JSON.parse(b.searchPage(p)) as { issues: { id: string; key: string; fields: Obj }[] };
      for (const i of page.issues) {
        const f = i.fields;
        for (const [field, kind] of [
          ['issuetype', 'type'],
          ['status', 'status'],
          ['project', 'project'],
          ['priority', 'priority'],
          ['assignee', 'user'],
          ['resolution', 'resolution'],
        ] as const)
          f[field] = interner.share(kind, f[field]);
        issues.push({ id: i.id, key: i.key, fields: f, histories: histories.get(i.id) ?? [], properties: {} });
      }
    }
  }
  const everyone = (accountId: string, displayName: string, extra: Partial<SiteUser> = {}): SiteUser => ({
    accountId,
    displayName,
    emailAddress: `${accountId.replace(/[^a-zA-Z0-9.-]/g, '')}@bench.example`,
    apiToken: 't',
    browse: '*',
    edit: '*',
    admin: false,
    active: true,
    ...extra,
  });
  const users: SiteUser[] = [
    everyone(BENCH_APP, 'Governance for Jira', { app: true }),
    ...[...authors.values()].map((a) => everyone(a.accountId, a.displayName)),
    ...Array.from({ length: options.viewers ?? 0 }, (_, n) => everyone(viewerId(n + 1), `Viewer ${n + 1}`)),
  ];
  return {
    name: 'bench',
    users,
    fields: synthetic.fields,
    statuses: synthetic.statuses,
    priorities: ['Highest', 'High', 'Medium', 'Low'].map((name, i) => ({ id: String(i + 1), name })),
    issueTypes: [
      { id: '10001', name: 'Story', subtask: false },
      { id: '10002', name: 'Task', subtask: false },
      { id: '10003', name: 'Sub-task', subtask: true },
      { id: '10004', name: 'Bug', subtask: false },
    ],
    projects,
    boards,
    sprints,
    issues,
  };
}
