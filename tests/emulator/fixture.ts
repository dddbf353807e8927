/**
 * Small sites for the client and emulator tests, built with the domain's generators: two projects,
 * two scrum boards and a kanban board, sprints, and users with different permissions.
 */
import {
  ALL_STATUSES,
  FIELDS,
  STATUSES,
  generateBoardConfiguration,
  generateHistory,
  generateIssue,
  generateSprint,
  type IssueOverrides,
} from '../../src/domain/testing/generate';
import type { SiteData, SiteIssue, SiteUser } from '../../src/emulator/site';

export const USERS = {
  admin: { accountId: 'u-admin', displayName: 'Ada Admin', emailAddress: 'ada@example.com', apiToken: 'tok-admin', browse: '*', edit: '*', admin: true },
  dev: { accountId: 'u-dev', displayName: 'Dev Payments', emailAddress: 'dev@example.com', apiToken: 'tok-dev', browse: ['PAY'], edit: ['PAY'], admin: false },
  viewer: { accountId: 'u-viewer', displayName: 'Vic Viewer', emailAddress: 'vic@example.com', apiToken: 'tok-viewer', browse: ['PAY', 'WEB'], edit: [], admin: false },
  outsider: { accountId: 'u-out', displayName: 'Olga Outsider', emailAddress: 'olga@example.com', apiToken: 'tok-out', browse: [], edit: [], admin: false },
  /** Browses and edits PAY like `dev`, and is granted the INCIDENT security level. */
  lead: {
    accountId: 'u-lead',
    displayName: 'Lena Lead',
    emailAddress: 'lena@example.com',
    apiToken: 'tok-lead',
    browse: ['PAY'],
    edit: ['PAY'],
    admin: false,
    securityLevels: ['10100'],
  },
  /** The app's own account: no grants written down, yet it sees everything. */
  app: { accountId: 'u-app', displayName: 'Governance app', emailAddress: 'app@example.com', apiToken: 'tok-app', browse: [], edit: [], admin: false, app: true },
} satisfies Record<string, SiteUser>;

/** The test sites' issue security level (granted to `lead` and, by its flag, the app). */
export const INCIDENT_LEVEL = { id: '10100', name: 'Incident', description: 'Security incidents only' } as const;

export type SiteUserName = keyof typeof USERS;

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

/** A history list of `n` status flips, one a day from T0, oldest first, ids ascending. */
export function manyHistories(n: number, firstId = 1) {
  return Array.from({ length: n }, (_, i) =>
    generateHistory(
      [{ at: T0 + i * DAY, field: 'status', from: i % 2 ? STATUSES.inProgress.id : STATUSES.todo.id, to: i % 2 ? STATUSES.todo.id : STATUSES.inProgress.id }],
      firstId + i,
    ),
  );
}

export function siteIssue(o: IssueOverrides & { key: string; id: string; properties?: Record<string, unknown> }): SiteIssue {
  const issue = generateIssue(o);
  const projectKey = o.key.slice(0, o.key.lastIndexOf('-'));
  const fields = { ...(issue.fields as Record<string, unknown>), project: { id: projectKey === 'PAY' ? '10000' : '10001', key: projectKey, name: projectKey } };
  return { id: issue.id, key: issue.key, fields, histories: o.histories ?? [], properties: o.properties ?? {} };
}

export interface SiteShape {
  /** Issues in PAY (ids 20001…), default 5. */
  pay?: number;
  /** Issues in WEB (ids 30001…), default 2. */
  web?: number;
  /** Extra issues, appended as given. */
  extra?: SiteIssue[];
  /** Change every generated issue before it is stored. */
  tweak?: (issue: SiteIssue, index: number) => void;
}

export function buildSite(shape: SiteShape = {}): SiteData {
  const issues: SiteIssue[] = [];
  for (let n = 1; n <= (shape.pay ?? 5); n++) {
    issues.push(
      siteIssue({
        key: `PAY-${n}`,
        id: String(20000 + n),
        status: n % 3 === 0 ? STATUSES.done : STATUSES.todo,
        sprints: n % 2 ? [1] : [1, 2],
        labels: n % 2 ? ['backend'] : [],
        created: T0 + n * 60_000,
        updated: T0 + n * DAY,
        estimate: n,
        histories: [generateHistory([{ at: T0 + n * 60_000, field: 'sprint', from: '', to: '1' }], 1000 + n)],
      }),
    );
  }
  for (let n = 1; n <= (shape.web ?? 2); n++) {
    issues.push(siteIssue({ key: `WEB-${n}`, id: String(30000 + n), type: 'Bug', sprints: [4], created: T0, updated: T0 }));
  }
  issues.push(...(shape.extra ?? []));
  issues.forEach((issue, i) => shape.tweak?.(issue, i));
  return {
    name: 'Test site',
    users: Object.values(USERS),
    fields: FIELDS,
    statuses: ALL_STATUSES,
    priorities: [
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
    ],
    issueTypes: [
      { id: '10001', name: 'Story', subtask: false },
      { id: '10002', name: 'Bug', subtask: false },
      { id: '10003', name: 'Sub-task', subtask: true },
    ],
    projects: [
      { id: '10000', key: 'PAY', name: 'Payments', components: [{ id: '1', name: 'API' }] },
      { id: '10001', key: 'WEB', name: 'Web', components: [] },
    ],
    boards: [
      {
        board: { id: 1, name: 'PAY board', type: 'scrum', location: { projectKey: 'PAY', projectId: 10000 } },
        configuration: generateBoardConfiguration({ id: 1, filter: { id: '10000' } }),
        filter: { id: '10000', name: 'PAY board filter', jql: 'project = PAY ORDER BY Rank ASC' },
      },
      {
        board: { id: 2, name: 'WEB board', type: 'scrum', location: { projectKey: 'WEB', projectId: 10001 } },
        configuration: generateBoardConfiguration({ id: 2, name: 'WEB board', filter: { id: '10001' } }),
        filter: { id: '10001', name: 'WEB board filter', jql: 'project = WEB ORDER BY Rank ASC' },
      },
      {
        board: { id: 3, name: 'PAY kanban', type: 'kanban', location: { projectKey: 'PAY', projectId: 10000 } },
        configuration: generateBoardConfiguration({ id: 3, name: 'PAY kanban', filter: { id: '10002' } }),
        filter: { id: '10002', name: 'PAY bugs', jql: 'project = PAY AND issuetype = Bug' },
      },
    ],
    sprints: [
      generateSprint({ id: 1, originBoardId: 1 }),
      generateSprint({ id: 2, originBoardId: 1, state: 'active', name: 'Sprint 2' }),
      generateSprint({ id: 3, originBoardId: 1, state: 'future', name: 'Sprint 3' }),
      generateSprint({ id: 4, originBoardId: 2, state: 'active' }),
    ],
    issues,
  };
}
