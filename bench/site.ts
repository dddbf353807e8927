/**
 * `npm run bench -- --site`: the customer's site through the emulator, over HTTP as the app reads
 * Jira, through the app's own code: 100 boards of 2,000 issues (200,000 issues), 20 changelog
 * entries each, 12 months of two-week sprints; `--quick`: 20 boards of 1,000 issues.
 *
 * 1. Backfill: every board synced into the directory store (the preview's), as the sync's queue
 *    consumer runs it (`runSyncMessage`, a client of its own per run, as the app). Its requests
 *    against the page floor (search pages of 100 issues and bulk changelog pages of 1,000
 *    histories the boards' kept scopes take), and the store's size.
 * 2. Every figure read from the store against the direct computation (`governanceReport` reading
 *    Jira): all boards, ten at a time, as the app; and a 30-board product roll-up as a viewer,
 *    through the surfaces' read path (`surfaceFigures`, the permission check included).
 * 3. A day of change (5% of the issues changed, sprints closed and started on a tenth of the
 *    boards), then a catch-up: its cost in Jira's points (one per request, one per returned object)
 *    against the least the page sizes allow for what changed; the figures compared again.
 * 4. A dashboard of two gadgets over the 30-board product roll-up opened by 100 viewers, through the
 *    resolvers' use cases: the p95 of a gadget read next to the direct computation of the same
 *    figures, and the proof that viewers read no issue (only boards and one permission check each).
 *
 * The last line sums it up for machines:
 * `site-bench: boards=B issues=N backfill_requests=R floor=F day_cost=P day_floor=Q read_p95_ms=T direct_ms=D store_mib=S equal=yes|no`
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { bankExampleConfig } from '../src/domain/bank-example';
import type { GovernanceConfig } from '../src/domain/config';
import { emulatorTransport } from '../src/emulator/acting-as';
import { CONFIG_KEY, configWithKey } from '../src/forge/config-store';
import { convergenceView } from '../src/forge/convergence';
import { governanceReport as gadgetGovernanceReport } from '../src/forge/governance';
import { memoryStore } from '../src/forge/store';
import { createJiraClient } from '../src/jira/client';
import { ALL_SECTIONS } from '../src/services/figures-report';
import { governanceReport, reportSections } from '../src/services/report';
import { storeReport } from '../src/services/store-report';
import { surfaceFigures, type SurfaceDeps, type Viewer } from '../src/services/surfaces';
import type { SyncMessage, SyncQueue } from '../src/services/sync-requests';
import { directoryGovernanceStore } from '../src/store/directory';
import type { GovernanceStore } from '../src/store/types';
import { syncBoard, type SyncDeps, type SyncOutcome } from '../src/sync/engine';
import { runSyncMessage } from '../src/sync/triggers';
import { BENCH_APP, viewerId } from './site-data';
import { BoardScope, DayResult, Ready, RequestSummary, ServerAnswer, type ServerOp, type SiteSpec } from './site-protocol';

const DAY = 86_400_000;
const MIB = 1024 * 1024;
const NOW = Date.parse('2026-11-27T12:00:00Z');
const SEARCH_PAGE = 100;
const BULK_PAGE = 1000;
/** Boards of one gadget's roll-up (a gadget takes at most 30). */
const ROLLUP_BOARDS = 30;
const ROLLUP = { dimension: 'product' as const, key: 'payments' };
const EQUALITY_BATCH = 10;
const BOARDS_AT_ONCE = 3;

/** The targets, as fractions. */
const TARGET = { backfill: 1.1, day: 1.2, read: 0.05, storeMib: 500, storeIssues: 200_000 };

const fmt = (n: number): string => Math.round(n).toLocaleString('en');
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');
const NOT_JUDGED = '(quick run: too small to judge)';

// ---- the site's process ------------------------------------------------------------------------

class SiteServer {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(
    private readonly child: ChildProcess,
    readonly ready: z.infer<typeof Ready>,
  ) {
    child.on('message', (raw: unknown) => {
      const a = ServerAnswer.safeParse(raw);
      if (!a.success) return;
      const w = this.waiting.get(a.data.id);
      if (!w) return;
      this.waiting.delete(a.data.id);
      if (a.data.ok) w.resolve(a.data.result);
      else w.reject(new Error(`site server: ${a.data.error ?? 'failed'}`));
    });
    child.on('exit', (code) => {
      for (const w of this.waiting.values()) w.reject(new Error(`the site server exited (${String(code)})`));
      this.waiting.clear();
    });
  }

  static async start(spec: SiteSpec): Promise<SiteServer> {
    // A heap of its own: the emulator holds the whole site (millions of histories) as objects.
    const child = spawn(process.execPath, ['--max-old-space-size=8192', join(__dirname, 'site-server.js'), JSON.stringify(spec)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const ready = await new Promise<z.infer<typeof Ready>>((resolve, reject) => {
      child.once('message', (m: unknown) => {
        const r = Ready.safeParse(m);
        if (r.success) resolve(r.data);
        else reject(new Error('the site server did not start'));
      });
      child.once('exit', (code) => reject(new Error(`the site server exited (${String(code)})`)));
    });
    return new SiteServer(child, ready);
  }

  call<T>(op: ServerOp, schema: z.ZodType<T>, extra: Record<string, unknown> = {}): Promise<T> {
    const id = this.next++;
    return new Promise<unknown>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.child.send({ id, op, ...extra });
    }).then((r) => schema.parse(r));
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call('close', z.unknown()).catch(() => undefined);
    await exited;
  }
}

// ---- comparing reports -------------------------------------------------------------------------

/** The first place two JSON values differ, or null when they are equal as JSON. */
function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  const x = JSON.parse(JSON.stringify(a ?? null)) as unknown;
  const y = JSON.parse(JSON.stringify(b ?? null)) as unknown;
  if (isDeepStrictEqual(x, y)) return null;
  const walk = (p: unknown, q: unknown, at: string): string => {
    if (typeof p !== 'object' || typeof q !== 'object' || p === null || q === null || Array.isArray(p) !== Array.isArray(q)) return `${at}: ${JSON.stringify(p)?.slice(0, 80)} ≠ ${JSON.stringify(q)?.slice(0, 80)}`;
    const keys = new Set([...Object.keys(p), ...Object.keys(q)]);
    for (const k of keys) {
      const pv = (p as Record<string, unknown>)[k];
      const qv = (q as Record<string, unknown>)[k];
      if (!isDeepStrictEqual(pv, qv)) return walk(pv, qv, `${at}.${k}`);
    }
    return at;
  };
  return walk(x, y, path);
}

// ---- the run -------------------------------------------------------------------------------------

interface Cost {
  requests: number;
  objects: number;
}
const points = (c: Cost): number => c.requests + c.objects;

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const median = (xs: readonly number[]): number => percentile(xs, 50);

export async function siteBench(quick: boolean): Promise<void> {
  const spec: SiteSpec = quick
    ? { boards: 20, issuesPerBoard: 1_000, sprintsPerBoard: 26, historiesPerIssue: 20, now: NOW, viewers: 21 }
    : { boards: 100, issuesPerBoard: 2_000, sprintsPerBoard: 26, historiesPerIssue: 20, now: NOW, viewers: 101 };
  const viewers = spec.viewers - 1;
  const checker = spec.viewers; // the last viewer checks equality; the others open the dashboard
  const directRuns = quick ? 1 : 3;
  const wall = performance.now();
  console.log(`Governance for Jira: the customer's site (${quick ? 'quick' : 'full'}), Node ${process.version}\n`);

  const server = await SiteServer.start(spec);
  const dir = mkdtempSync(join(tmpdir(), 'gov-bench-store-'));
  try {
    const { url } = server.ready;
    const boardIds = Array.from({ length: spec.boards }, (_, i) => i + 1);
    const rollupBoards = boardIds.slice(0, ROLLUP_BOARDS);
    console.log(
      `site: ${spec.boards} boards × ${fmt(spec.issuesPerBoard)} issues = ${fmt(server.ready.issues)} issues, ${fmt(server.ready.histories)} changelog entries, ` +
        `${spec.sprintsPerBoard} two-week sprints a board (12 months), served by the emulator over HTTP (built in ${secs(server.ready.buildMs)})`,
    );

    let clock = NOW;
    const store: GovernanceStore = directoryGovernanceStore(dir);
    const documents = memoryStore(() => clock);
    await documents.set(CONFIG_KEY, bankExampleConfig());
    const config: GovernanceConfig = (await configWithKey(documents)).config;
    const queued: SyncMessage[] = [];
    const queue: SyncQueue = { push: async (m) => void queued.push(m) };
    const surface: SurfaceDeps & { documents: typeof documents } = { store, cache: documents, queue, throttle: documents, now: () => clock, documents };
    const asApp = () => createJiraClient(emulatorTransport(url, BENCH_APP));
    const asViewer = (n: number): Viewer => ({ accountId: viewerId(n), client: createJiraClient(emulatorTransport(url, viewerId(n))) });
    let runs = 0;
    const syncDeps = (): SyncDeps => ({ client: asApp(), store, clock: () => clock, config: () => configWithKey(documents), owner: `bench-${++runs}`, siteCache: documents });

    /** Runs each board's sync as the queue consumer would (a few boards at once), until it is current. */
    const syncAll = async (reasonOf: (boardId: number) => SyncMessage['reason']): Promise<{ cost: Cost; outcomes: SyncOutcome[] }> => {
      const cost: Cost = { requests: 0, objects: 0 };
      const outcomes: SyncOutcome[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: BOARDS_AT_ONCE }, async () => {
          while (next < boardIds.length) {
            const boardId = boardIds[next++] as number;
            let reason = reasonOf(boardId);
            for (;;) {
              const o = await runSyncMessage(syncDeps(), queue, { boardId, reason });
              if (o.status === 'synced') {
                cost.requests += o.cost.requests;
                cost.objects += o.cost.objects;
              }
              if (o.status !== 'more') {
                outcomes.push(o);
                break;
              }
              reason = 'catchup';
            }
          }
        }),
      );
      const failed = outcomes.filter((o) => o.status !== 'synced');
      if (failed.length > 0) throw new Error(`sync failed: ${JSON.stringify(failed.slice(0, 3))}`);
      return { cost, outcomes };
    };

    const req = () => ({ sprints: config.convergence.sprints, from: clock - 30 * DAY, to: clock, config });

    /** Every figure read from the store against the direct computation; the differences found. */
    const compare = async (): Promise<string[]> => {
      const differences: string[] = [];
      for (let i = 0; i < boardIds.length; i += EQUALITY_BATCH) {
        const batch = boardIds.slice(i, i + EQUALITY_BATCH);
        const stored = await storeReport(store, batch, req());
        const direct = await governanceReport(asApp(), { ...req(), boardIds: batch, now: clock });
        const d = stored.pending.length > 0 ? `boards ${stored.pending.join(', ')} have no figures` : firstDifference(stored.report, direct);
        if (d) differences.push(`boards ${batch[0]}–${batch[batch.length - 1]}: ${d}`);
      }
      // The roll-up as a viewer sees it, through the surfaces' read path.
      const viewer = asViewer(checker);
      const read = await surfaceFigures(surface, viewer, rollupBoards, { sprints: config.convergence.sprints, periodDays: 30, config, rollup: ROLLUP, sections: ALL_SECTIONS });
      const direct = await governanceReport(viewer.client, { ...req(), boardIds: rollupBoards, now: clock, rollup: ROLLUP });
      const d = firstDifference(read.report, direct);
      if (d) differences.push(`${rollupBoards.length}-board roll-up: ${d}`);
      return differences;
    };

    // 1. Backfill.
    await server.call('requests', RequestSummary);
    let t = performance.now();
    const backfill = await syncAll(() => 'new');
    const backfillMs = performance.now() - t;
    const backfillRequests = await server.call('requests', RequestSummary);
    const scope = await server.call('scope', z.array(BoardScope));
    const scopeIssues = scope.reduce((n, b) => n + b.issues, 0);
    const searchFloor = scope.reduce((n, b) => n + Math.ceil(b.issues / SEARCH_PAGE), 0);
    const bulkFloor = scope.reduce((n, b) => n + Math.ceil(b.histories / BULK_PAGE), 0);
    const floor = searchFloor + bulkFloor;
    const R = backfill.cost.requests;
    const byEndpoint = (s: RequestSummary, e: string) => s.byEndpoint[e] ?? 0;
    const search = byEndpoint(backfillRequests, 'POST /rest/api/3/search/jql');
    const bulk = byEndpoint(backfillRequests, 'POST /rest/api/3/changelog/bulkfetch');
    console.log(`\n1. Backfill of every board into the directory store (${secs(backfillMs)}, ${BOARDS_AT_ONCE} boards at a time)`);
    console.log(`   ${fmt(scopeIssues)} issues in the boards' kept scopes; ${fmt(backfill.cost.objects)} objects returned (issues, ids and changelog entries)`);
    const idsPages = scope.reduce((n, b) => n + Math.max(1, Math.ceil(b.issues / 5000)), 0);
    console.log(
      `   requests R = ${fmt(R)}: search ${fmt(search)} (${fmt(search - idsPages)} pages of issues, ${fmt(idsPages)} of ids only: the check of each scope after a backfill), bulk changelogs ${fmt(bulk)}, ` +
        `the boards' configuration, filter and sprints and the site's fields, statuses and types ${fmt(R - search - bulk)}`,
    );
    console.log(`   page floor F: ${fmt(searchFloor)} search pages of ${SEARCH_PAGE} + ${fmt(bulkFloor)} bulk changelog pages of ${fmt(BULK_PAGE)} = ${fmt(floor)}`);
    const backfillRatio = R / floor;
    console.log(`   R / F = ${backfillRatio.toFixed(3)} (target ≤ ${TARGET.backfill})   ${quick ? NOT_JUDGED : verdict(backfillRatio <= TARGET.backfill)}`);
    const afterBackfillBytes = dirBytes(dir);
    console.log(`   directory store: ${(afterBackfillBytes / MIB).toFixed(1)} MiB on disk, ${fmt(afterBackfillBytes / scopeIssues)} bytes per issue`);

    // 2. The store against the direct computation, after the backfill.
    t = performance.now();
    const afterBackfill = await compare();
    console.log(`\n2. Every figure from the store against the direct computation, after the backfill (${secs(performance.now() - t)})`);
    console.log(`   all ${spec.boards} boards, ${EQUALITY_BATCH} at a time as the app, and the ${rollupBoards.length}-board product roll-up as a viewer: ${afterBackfill.length === 0 ? 'equal' : `DIFFERENT: ${afterBackfill.join('; ')}`}`);

    // 3. A day of change, and a catch-up.
    const day = await server.call('day', DayResult, { day: { seed: 2026, issueShare: 0.05, rolloverShare: 0.1, from: NOW } });
    clock = NOW + DAY;
    await server.call('setNow', z.unknown(), { at: clock });
    await server.call('requests', RequestSummary);
    const sprintBoards = new Set(day.sprintBoards);
    t = performance.now();
    const catchUp = await syncAll((id) => (sprintBoards.has(id) ? 'sprint' : 'catchup'));
    const catchUpMs = performance.now() - t;
    const catchUpRequests = await server.call('requests', RequestSummary);
    const changed = new Map(day.boards.map((b) => [b.boardId, b] as const));
    const floorDay: Cost = { requests: 0, objects: 0 };
    for (const id of boardIds) {
      const b = changed.get(id) ?? { issues: 0, histories: 0 };
      // Learning what changed takes a search page per board at least; each changed issue's complete
      // changelog (bulk fetch has no "since"); a sprint event re-reads the board's sprints.
      floorDay.requests += Math.max(1, Math.ceil(b.issues / SEARCH_PAGE)) + Math.ceil(b.histories / BULK_PAGE) + (sprintBoards.has(id) ? 1 : 0);
      floorDay.objects += b.issues + b.histories;
    }
    const P = points(catchUp.cost);
    const Q = points(floorDay);
    const changedOutcomes = catchUp.outcomes.reduce((n, o) => n + (o.status === 'synced' ? o.changed : 0), 0);
    console.log(`\n3. A day of change, then a catch-up (${secs(catchUpMs)})`);
    console.log(
      `   the day: ${fmt(day.changedIssues)} issues changed (${Object.entries(day.changes)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}; ${fmt(day.movedToNextSprint)} moved on by ${day.sprintBoards.length} sprint rollovers, each a sprint closed and the next started)`,
    );
    console.log(
      `   catch-up: ${fmt(catchUp.cost.requests)} requests (search ${fmt(byEndpoint(catchUpRequests, 'POST /rest/api/3/search/jql'))}, bulk changelogs ${fmt(byEndpoint(catchUpRequests, 'POST /rest/api/3/changelog/bulkfetch'))}, board and sprints ${fmt(catchUp.cost.requests - byEndpoint(catchUpRequests, 'POST /rest/api/3/search/jql') - byEndpoint(catchUpRequests, 'POST /rest/api/3/changelog/bulkfetch'))}) + ${fmt(catchUp.cost.objects)} objects = ${fmt(P)} points; ${fmt(changedOutcomes)} issues stored again`,
    );
    console.log(`   floor: ${fmt(floorDay.requests)} requests + ${fmt(floorDay.objects)} objects (the changed issues and their complete changelogs) = ${fmt(Q)} points`);
    const dayRatio = P / Q;
    console.log(`   P / Q = ${dayRatio.toFixed(3)} (target ≤ ${TARGET.day})   ${verdict(dayRatio <= TARGET.day)}`);
    t = performance.now();
    const afterDay = await compare();
    console.log(`   every figure against the direct computation after the catch-up (${secs(performance.now() - t)}): ${afterDay.length === 0 ? 'equal' : `DIFFERENT: ${afterDay.join('; ')}`}`);

    // The once-a-day check of each board's whole scope (deletions, moves out): not part of the day's catch-up.
    await server.call('requests', RequestSummary);
    const daily: Cost = { requests: 0, objects: 0 };
    for (const id of boardIds) {
      const o = await syncBoard(syncDeps(), id, { reconcile: true });
      if (o.status === 'synced') {
        daily.requests += o.cost.requests;
        daily.objects += o.cost.objects;
      }
    }
    console.log(
      `   not in P: the daily check of every board's whole scope (ids only, 5,000 a page; finds deletions and moves out) costs ${fmt(daily.requests)} requests + ${fmt(daily.objects)} objects = ${fmt(points(daily))} points a day`,
    );
    const storeBytes = dirBytes(dir);
    const heldBytes = await store.sizeBytes();
    const storeMib = storeBytes / MIB;
    const projected = (storeBytes / scopeIssues) * TARGET.storeIssues;
    console.log(`\n   directory store after the day: ${storeMib.toFixed(1)} MiB on disk (its issue logs hold the day's changes too), ${(heldBytes / MIB).toFixed(1)} MiB of documents held`);
    const storeOk = quick ? NOT_JUDGED + ` (${(projected / MIB).toFixed(0)} MiB at ${fmt(TARGET.storeIssues)} issues)` : verdict(storeMib <= TARGET.storeMib);
    console.log(`   S = ${storeMib.toFixed(1)} MiB for ${fmt(scopeIssues)} issues (target ≤ ${TARGET.storeMib} MiB for ${fmt(TARGET.storeIssues)})   ${storeOk}`);
    const sqlFile = join(process.cwd(), 'test-output', 'sql-store-measures.json');
    if (existsSync(sqlFile)) {
      const sql = z.object({ storedIssues: z.number(), bytesPerIssue: z.object({ sql: z.number(), mariadbOnDisk: z.number() }) }).safeParse(JSON.parse(readFileSync(sqlFile, 'utf8')));
      if (sql.success) {
        const b = sql.data.bytesPerIssue;
        console.log(
          `   SQL store (test-output/sql-store-measures.json, the demo site's ${fmt(sql.data.storedIssues)} issues on MariaDB): ${fmt(b.sql)} bytes of documents and ${fmt(b.mariadbOnDisk)} bytes on disk per issue, ` +
            `so about ${((b.mariadbOnDisk * scopeIssues) / MIB).toFixed(0)} MiB on disk for these ${fmt(scopeIssues)} issues`,
        );
      }
    } else console.log('   SQL store: not measured here (run tests/store/sql-demo.test.ts to write test-output/sql-store-measures.json)');

    // 4. A dashboard opened by the viewers, and the direct computation of the same figures.
    const settings = { boardIds: rollupBoards, rollup: ROLLUP, sprints: config.convergence.sprints, basis: config.convergence.basis, target: config.convergence.target };
    const gadget = { extension: { type: 'jira:dashboardGadget', gadgetConfiguration: { boardIds: rollupBoards, rollup: ROLLUP, periodDays: 30 } } };
    await server.call('requests', RequestSummary);
    const convergenceMs: number[] = [];
    const governanceMs: number[] = [];
    let lastView: Awaited<ReturnType<typeof convergenceView>> | null = null;
    for (let v = 1; v <= viewers; v++) {
      const viewer = asViewer(v);
      let s = performance.now();
      lastView = await convergenceView(surface, viewer, { settings, refresh: false });
      convergenceMs.push(performance.now() - s);
      s = performance.now();
      const g = await gadgetGovernanceReport(surface, viewer, gadget, { periodDays: 30 });
      governanceMs.push(performance.now() - s);
      if (g.state !== 'ready') throw new Error('the governance gadget is not ready');
    }
    const viewerRequests = await server.call('requests', RequestSummary);
    const ISSUE_READS = ['POST /rest/api/3/search/jql', 'GET /rest/api/3/search/jql', 'POST /rest/api/3/changelog/bulkfetch', 'GET /rest/api/3/issue/{key}', 'GET /rest/api/3/issue/{key}/changelog', 'POST /rest/api/3/search/approximate-count'];
    const issueReads = ISSUE_READS.reduce((n, e) => n + byEndpoint(viewerRequests, e), 0);
    const checks = byEndpoint(viewerRequests, 'POST /rest/api/3/permissions/check');
    const boardReads = byEndpoint(viewerRequests, 'GET /rest/agile/1.0/board/{id}');

    const directConvergence: number[] = [];
    const directGovernance: number[] = [];
    const viewer = asViewer(checker);
    let convergenceDirect: Awaited<ReturnType<typeof reportSections<'convergence'>>> | null = null;
    for (let r = 0; r < directRuns; r++) {
      let s = performance.now();
      convergenceDirect = await reportSections(viewer.client, { ...req(), boardIds: rollupBoards, now: clock, rollup: ROLLUP, sections: ['convergence'] });
      directConvergence.push(performance.now() - s);
      s = performance.now();
      await reportSections(viewer.client, { ...req(), boardIds: rollupBoards, now: clock, rollup: ROLLUP, sections: ['defects', 'hygiene'] });
      directGovernance.push(performance.now() - s);
    }
    const gadgetDifference = firstDifference({ report: lastView?.report, warnings: lastView?.warnings }, { report: convergenceDirect?.convergence, warnings: convergenceDirect?.warnings });
    const T = percentile(convergenceMs, 95);
    const D = median(directConvergence);
    const Tg = percentile(governanceMs, 95);
    const Dg = median(directGovernance);
    console.log(`\n4. A dashboard of two gadgets over the ${rollupBoards.length}-board product roll-up, opened by ${viewers} viewers (resolver side: the store's figures, each viewer's permission check against the emulator)`);
    console.log(
      `   backlog convergence gadget: p50 ${median(convergenceMs).toFixed(0)} ms, p95 T = ${T.toFixed(0)} ms; direct computation of the same figures from Jira D = ${D.toFixed(0)} ms (median of ${directRuns}); ` +
        `T / D = ${(T / D).toFixed(3)} (target ≤ ${TARGET.read})   ${quick ? NOT_JUDGED : verdict(T <= TARGET.read * D)}`,
    );
    console.log(
      `   hygiene and defects gadget: p50 ${median(governanceMs).toFixed(0)} ms, p95 ${Tg.toFixed(0)} ms; direct ${Dg.toFixed(0)} ms; ratio ${(Tg / Dg).toFixed(3)}   ${quick ? NOT_JUDGED : verdict(Tg <= TARGET.read * Dg)}`,
    );
    console.log(`   the gadget's figures against the direct ones: ${gadgetDifference === null ? 'equal' : `DIFFERENT: ${gadgetDifference}`}`);
    console.log(
      `   ${viewers} viewers × 2 gadgets: ${fmt(viewerRequests.total)} requests to Jira: ${fmt(checks)} permission checks, ${fmt(boardReads)} board reads (may the viewer see the board), ${fmt(issueReads)} issue reads; ${fmt(queued.length)} syncs asked   ${verdict(issueReads === 0)}`,
    );

    const equal = afterBackfill.length === 0 && afterDay.length === 0 && gadgetDifference === null;
    console.log(`\n(${secs(performance.now() - wall)} in all)`);
    console.log(
      `site-bench: boards=${spec.boards} issues=${scopeIssues} backfill_requests=${R} floor=${floor} day_cost=${P} day_floor=${Q} read_p95_ms=${Math.round(T)} direct_ms=${Math.round(D)} store_mib=${storeMib.toFixed(1)} equal=${equal ? 'yes' : 'no'}`,
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
