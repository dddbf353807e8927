/**
 * Peak memory of computing one board, in a process of its own (run by bench/run.ts).
 * Pages are read one at a time, as they arrive from Jira: every search page is parsed and kept
 * (the issues), every bulk-changelog page is parsed, its issues prepared for replay, and the page
 * dropped. Then the three metrics are computed. Prints one JSON line.
 */
import { defaultConfig } from '../src/domain/config';
import { discoverFields, prepareIssue, type PreparedIssue } from '../src/domain/issue';
import { BulkChangelogPage, type ChangelogHistory, type JiraIssue, SearchJqlPage } from '../src/domain/jira';
import { metricsOfBoard } from './engine';
import { syntheticSite } from './synthetic';

const issues = Number(process.argv[2] ?? 20_000);
const histories = Number(process.argv[3] ?? 20);
const NOW = Date.parse('2026-11-27T12:00:00Z');

let peakHeap = 0;
let peakRss = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const baseline = process.memoryUsage();
const site = syntheticSite({ boards: 1, issuesPerBoard: issues, sprintsPerBoard: 10, historiesPerIssue: histories, now: NOW });
const board = site.boards[0];
if (!board) throw new Error('no board');
const fields = discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null);

const t0 = performance.now();
const byId = new Map<string, JiraIssue>();
for (let p = 0; p < board.searchPageCount; p++) {
  for (const issue of SearchJqlPage.parse(JSON.parse(board.searchPage(p))).issues) byId.set(issue.id, issue);
  sample();
}
// Bulk fetch pages hold whole issues here (50 issues × 20 histories a page), so an issue's
// histories are complete when its page has been read.
const prepared: PreparedIssue[] = [];
for (let p = 0; p < board.changelogPageCount; p++) {
  const page = BulkChangelogPage.parse(JSON.parse(board.changelogPage(p)));
  const hs = new Map<string, ChangelogHistory[]>();
  for (const e of page.issueChangeLogs) hs.set(e.issueId, e.changeHistories);
  for (const [id, h] of hs) {
    const issue = byId.get(id);
    if (issue) prepared.push(prepareIssue(issue, fields, h));
  }
  sample();
}
const report = metricsOfBoard(site, board, prepared, defaultConfig());
sample();
const ms = performance.now() - t0;

process.stdout.write(
  `${JSON.stringify({
    issues,
    histories,
    ms,
    baselineRss: baseline.rss,
    peakRss,
    maxRss: process.resourceUsage().maxRSS * 1024,
    peakHeap,
    baselineHeap: baseline.heapUsed,
    sprints: report.convergence.sprints.length,
    scanned: report.hygiene.scanned,
  })}\n`,
);
