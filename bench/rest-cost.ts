/**
 * What the command costs in Jira's currency: REST requests and returned issues for one board, read
 * over real HTTP from the emulator serving a synthetic board, next to the least the endpoints'
 * page sizes allow.
 */
import { defaultConfig } from '../src/domain/config';
import type { JiraIssue } from '../src/domain/jira';
import { startEmulator } from '../src/emulator/server';
import type { SiteData, SiteIssue } from '../src/emulator/site';
import { createJiraClient } from '../src/jira/client';
import { fetchTransport } from '../src/jira/fetch-transport';
import { governanceReport } from '../src/services/report';
import { syntheticSite } from './synthetic';

const SEARCH_PAGE_MAX = 100; // Jira's page with fields
const BULK_PAGE_MAX = 1000; // histories per bulk-fetch page
const FIXED_CALLS = 7; // field, status, issue types, board, board configuration, filter, sprints

export interface RestCost {
  issues: number;
  requests: number;
  returnedIssues: number;
  changelogHistories: number;
  minRequests: number;
  minReturnedIssues: number;
  byEndpoint: Record<string, number>;
}

function siteOf(issues: number, historiesPerIssue: number, now: number): SiteData {
  const synthetic = syntheticSite({ boards: 1, issuesPerBoard: issues, sprintsPerBoard: 10, historiesPerIssue, now });
  const b = synthetic.boards[0];
  if (!b) throw new Error('no board');
  const siteIssues: SiteIssue[] = [];
  const histories = new Map<string, SiteIssue['histories']>();
  for (let p = 0; p < b.changelogPageCount; p++)
    for (const e of (JSON.parse(b.changelogPage(p)) as { issueChangeLogs: { issueId: string; changeHistories: SiteIssue['histories'] }[] }).issueChangeLogs)
      histories.set(e.issueId, e.changeHistories);
  for (let p = 0; p < b.searchPageCount; p++)
    for (const i of (JSON.parse(b.searchPage(p)) as { issues: JiraIssue[] }).issues)
      siteIssues.push({ id: i.id, key: i.key, fields: i.fields as Record<string, unknown>, histories: histories.get(i.id) ?? [], properties: {} });
  const key = `B${b.boardId}`;
  return {
    name: 'bench',
    users: [{ accountId: 'admin', displayName: 'Admin', emailAddress: 'admin@bench.example', apiToken: 't', browse: '*', edit: '*', admin: true }],
    fields: synthetic.fields,
    statuses: synthetic.statuses,
    priorities: ['Highest', 'High', 'Medium', 'Low'].map((name, i) => ({ id: String(i + 1), name })),
    issueTypes: [
      { id: '10001', name: 'Story', subtask: false },
      { id: '10002', name: 'Task', subtask: false },
      { id: '10004', name: 'Bug', subtask: false },
    ],
    projects: [{ id: String(b.boardId), key, name: `Project ${key}`, components: [] }],
    boards: [{ board: { id: b.boardId, name: `Board ${b.boardId}`, type: 'scrum' }, configuration: b.configuration, filter: { id: b.configuration.filter.id, jql: `project = ${key} ORDER BY Rank ASC` } }],
    sprints: b.sprints,
    issues: siteIssues,
  };
}

export async function restCost(issues: number, historiesPerIssue: number): Promise<RestCost> {
  const now = Date.parse('2026-11-27T12:00:00Z');
  const site = siteOf(issues, historiesPerIssue, now);
  const server = await startEmulator(site, { searchPageMax: SEARCH_PAGE_MAX, bulkPageMax: BULK_PAGE_MAX });
  try {
    const client = createJiraClient(fetchTransport({ baseUrl: server.url, email: 'admin@bench.example', apiToken: 't' }));
    await governanceReport(client, { boardIds: [1], sprints: 9, now, from: now - 30 * 24 * 3600_000, to: now, config: defaultConfig() });
    const stats = client.stats();
    const byEndpoint: Record<string, number> = {};
    for (const r of server.requests) {
      const path = r.path.split('?')[0]?.replace(/\d+/g, '{n}') ?? r.path;
      byEndpoint[`${r.method} ${path}`] = (byEndpoint[`${r.method} ${path}`] ?? 0) + 1;
    }
    // The histories the metrics replay (status, sprint, estimate, priority) are all 20 here.
    const totalHistories = site.issues.reduce((n, i) => n + i.histories.length, 0);
    return {
      issues,
      requests: stats.requests,
      returnedIssues: stats.issues,
      changelogHistories: totalHistories,
      minRequests: FIXED_CALLS + Math.ceil(issues / SEARCH_PAGE_MAX) + Math.ceil(totalHistories / BULK_PAGE_MAX),
      minReturnedIssues: issues,
      byEndpoint,
    };
  } finally {
    await server.close();
  }
}
