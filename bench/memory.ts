/**
 * Peak memory of computing one board, in a process of its own (run by bench/run.ts).
 *
 * The pages arrive as text on standard input, one per line, as they would arrive from Jira over
 * the network: the parent process generates them, so that none of the generator's garbage counts
 * here. `S <json>` is a search page, `C <json>` a bulk-changelog page; search pages come first.
 * Every search page is parsed and its issues kept; every bulk-changelog page is parsed, its
 * issues prepared for replay, and the page dropped. Then the three metrics are computed.
 * Prints one JSON line.
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

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage();
  // The site's description only (fields, statuses, board, sprints): no page is generated here.
  const site = syntheticSite({ boards: 1, issuesPerBoard: issues, sprintsPerBoard: 10, historiesPerIssue: histories, now: NOW });
  const board = site.boards[0];
  if (!board) throw new Error('no board');
  const fields = discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null);

  const t0 = performance.now();
  const byId = new Map<string, JiraIssue>();
  const prepared: PreparedIssue[] = [];
  const onLine = (line: string) => {
    if (line.startsWith('S ')) {
      for (const issue of SearchJqlPage.parse(JSON.parse(line.slice(2))).issues) byId.set(issue.id, issue);
    } else if (line.startsWith('C ')) {
      // Bulk fetch pages hold whole issues here (50 issues × 20 histories a page), so an issue's
      // histories are complete when its page has been read.
      const page = BulkChangelogPage.parse(JSON.parse(line.slice(2)));
      const hs = new Map<string, ChangelogHistory[]>();
      for (const e of page.issueChangeLogs) hs.set(e.issueId, e.changeHistories);
      for (const [id, h] of hs) {
        const issue = byId.get(id);
        if (issue) prepared.push(prepareIssue(issue, fields, h));
      }
    } else if (line !== '') throw new Error(`unexpected line on standard input: ${line.slice(0, 40)}`);
    sample();
  };
  // Chunks are pulled one at a time and each complete line handled before the next is read, so the
  // pipe pushes back on the sender: at most one page is waiting here, as with a paged REST client.
  // A page's text is joined once, when its line is complete (as a REST client reads one body).
  let parts: string[] = [];
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    let from = 0;
    let nl = chunk.indexOf('\n');
    while (nl >= 0) {
      parts.push(chunk.slice(from, nl));
      onLine(parts.join(''));
      parts = [];
      from = nl + 1;
      nl = chunk.indexOf('\n', from);
    }
    if (from < chunk.length) parts.push(chunk.slice(from));
  }
  onLine(parts.join(''));
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
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
