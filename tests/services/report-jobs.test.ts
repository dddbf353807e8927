/**
 * Hygiene and defect rows over the Jira REST emulator serving the demo site: the rows agree with
 * the governance report, the previous-week score replays the issues, small reports are computed
 * inline as the viewer and large ones by a job as the app, caches are keyed by boards, parameters
 * and who computed them, and a job's rows are cut to the projects each viewer may browse — the
 * restricted demo users never see another project's issues.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { defectSummary, hygieneSummary, rowProjects, type GovernanceRows } from '../../src/domain/governance-rows';
import { parseInstant } from '../../src/domain/jira';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { memoryStore } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import { governanceRows } from '../../src/services/governance-rows';
import { governanceReport } from '../../src/services/report';
import {
  checkBoardsVisible,
  configAtVersion,
  countScope,
  inProcessQueue,
  jobStatus,
  rowsKey,
  runJob,
  viewerRows,
  type RowsOutcome,
} from '../../src/services/report-jobs';

const NOW = parseInstant(DEMO_NOW);
const DAY = 86_400_000;
const config = parseConfigOrThrow(demoConfig());
/** A board located in PAY whose filter also takes LOAN's issues: the contractor sees the board, not LOAN. */
const MIXED_BOARD = 99;

let emulator: Emulator;
const clientFor = (accountId: string) => {
  return createJiraClient(emulatorTransport(emulator.url, accountId));
};

beforeAll(async () => {
  const site = buildDemoSite();
  const pay = site.boards.find((b) => b.board.id === 1);
  if (!pay) throw new Error('no board 1');
  const mixed = structuredClone(pay);
  mixed.board.id = MIXED_BOARD;
  mixed.board.name = 'PAY and LOAN board';
  mixed.configuration.id = MIXED_BOARD;
  mixed.configuration.filter.id = '19999';
  mixed.filter = { ...mixed.filter, id: '19999', jql: 'project in (PAY, LOAN) ORDER BY Rank ASC' };
  site.boards.push(mixed);
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());

const ready = (o: RowsOutcome) => {
  if (o.kind !== 'ready') throw new Error(`expected rows, got a ${o.kind} job`);
  return o;
};

describe('governance rows', () => {
  let rows: GovernanceRows;
  beforeAll(async () => {
    rows = await governanceRows(clientFor(DEMO_USERS.admin), { boardIds: [1, 2], now: NOW, periodDays: 30, config, rollup: null });
  });

  it('agree with the governance report: hygiene score and rule counts, defect figures per priority', async () => {
    const report = await governanceReport(clientFor(DEMO_USERS.admin), { boardIds: [1, 2], sprints: 6, now: NOW, from: NOW - 30 * DAY, to: NOW, config, rollup: null });
    const hygiene = hygieneSummary(rows);
    expect(hygiene.score.scanned).toBe(report.hygiene.scanned);
    expect(hygiene.score.violating).toBe(report.hygiene.violating);
    expect(hygiene.score.score).toBeCloseTo(report.hygiene.score as number, 12);
    for (const r of report.hygiene.rules) expect(hygiene.rules.find((x) => x.id === r.id)).toMatchObject({ count: r.count, issues: r.issues });
    const defects = defectSummary(rows);
    expect(defects.byPriority).toEqual(report.defects.byPriority);
    expect(defects.total).toEqual(report.defects.total);
    expect(defects.noSla).toBe(report.defects.noSla);
    expect(defects.openPerBoard.map((b) => ({ boardId: b.boardId, open: b.open, openNoSla: b.openNoSla }))).toEqual(report.defects.openPerBoard);
  });

  it('scores the previous week over the issues as they stood then', () => {
    const s = hygieneSummary(rows).score;
    expect(rows.before).toBe(new Date(NOW - 7 * DAY).toISOString());
    expect(s.scannedBefore).toBeGreaterThan(0);
    expect(s.before).not.toBeNull();
    // Issues created during the last week did not exist a week ago.
    expect(s.scannedBefore).not.toBe(s.scanned);
  });

  it('lists breached and at-risk open defects, least time left first', () => {
    const { attention } = defectSummary(rows);
    expect(attention.length).toBeGreaterThan(0);
    for (const d of attention) expect(d.open && ['breached', 'atRisk'].includes(d.outcome)).toBe(true);
    const left = attention.map((d) => d.hoursLeft);
    expect(left).toEqual([...left].sort((a, b) => a - b));
  });
});

describe('inline or queued', () => {
  const params = { boardIds: [1], rollup: null, periodDays: 30 };

  it('counts the scope cheaply, and computes a small report inline as the viewer, cached for that viewer', async () => {
    const store = memoryStore(() => NOW);
    const queue = inProcessQueue(async () => undefined);
    const client = clientFor(DEMO_USERS.admin);
    const count = await countScope(client, params, NOW);
    expect(count).toBeGreaterThan(50);
    const first = ready(await viewerRows({ store, queue, now: () => NOW }, { accountId: DEMO_USERS.admin, client, params, config, configVersion: 3, refresh: false }));
    expect(first).toMatchObject({ fromCache: false, computedAs: 'viewer' });
    expect([...store.entries().keys()].some((k) => k.startsWith(rowsKey(params, 3, { viewer: DEMO_USERS.admin })))).toBe(true);
    const again = ready(await viewerRows({ store, queue, now: () => NOW }, { accountId: DEMO_USERS.admin, client, params, config, configVersion: 3, refresh: false }));
    expect(again.fromCache).toBe(true);
    // Another configuration version, or another viewer, is another key.
    expect(rowsKey(params, 4, { viewer: DEMO_USERS.admin })).not.toBe(rowsKey(params, 3, { viewer: DEMO_USERS.admin }));
    expect(rowsKey(params, 3, { viewer: DEMO_USERS.productOwner })).not.toBe(rowsKey(params, 3, { viewer: DEMO_USERS.admin }));
    expect(rowsKey({ ...params, periodDays: 7 }, 3, { app: true })).not.toBe(rowsKey(params, 3, { app: true }));
  });

  it('queues a report above the inline limit; the job reads as the app and reports progress', async () => {
    const store = memoryStore(() => NOW);
    const app = clientFor(DEMO_USERS.admin);
    const queue = inProcessQueue((jobId) => runJob({ store, client: app, now: () => NOW, config: async () => config }, jobId));
    const deps = { store, queue, now: () => NOW, inlineLimit: 10 };
    const req = { accountId: DEMO_USERS.productOwner, client: clientFor(DEMO_USERS.productOwner), params, config, configVersion: null, refresh: false };
    const first = await viewerRows(deps, req);
    expect(first.kind).toBe('pending');
    if (first.kind !== 'pending') return;
    expect(first.job).toMatchObject({ status: 'queued', boardsTotal: 1, issuesExpected: expect.any(Number) });
    // Asked again while it runs: the same job, not a second one.
    const second = await viewerRows(deps, req);
    expect(second.kind === 'pending' && second.job.id).toBe(first.job.id);
    await queue.idle();
    expect(await jobStatus(store, first.job.id)).toMatchObject({ status: 'done', phase: 'done', boardsDone: 1, error: null });
    const done = ready(await viewerRows(deps, req));
    expect(done).toMatchObject({ computedAs: 'app', fromCache: true });
    expect(hygieneSummary(done.rows).score.scanned).toBeGreaterThan(0);
  });

  it('marks a job failed, with the reason, when the configuration changed while it waited', async () => {
    const store = memoryStore(() => NOW);
    await store.set('config', config);
    const app = clientFor(DEMO_USERS.admin);
    const queue = inProcessQueue((jobId) => runJob({ store, client: app, now: () => NOW, config: configAtVersion(async () => ({ config, version: 2 })) }, jobId));
    const out = await viewerRows({ store, queue, now: () => NOW, inlineLimit: 10 }, { accountId: DEMO_USERS.admin, client: app, params, config, configVersion: 1, refresh: false });
    await queue.idle();
    if (out.kind !== 'pending') throw new Error('expected a job');
    expect(await jobStatus(store, out.job.id)).toMatchObject({ status: 'failed', error: expect.stringMatching(/configuration changed/) });
  });
});

describe('a job computed as the app, read by restricted viewers', () => {
  const params = { boardIds: [MIXED_BOARD], rollup: null, periodDays: 30 };
  let store: ReturnType<typeof memoryStore>;
  let deps: Parameters<typeof viewerRows>[0];

  beforeAll(async () => {
    store = memoryStore(() => NOW);
    const app = clientFor(DEMO_USERS.admin);
    const queue = inProcessQueue((jobId) => runJob({ store, client: app, now: () => NOW, config: async () => config }, jobId));
    deps = { store, queue, now: () => NOW, inlineLimit: 10 };
    await viewerRows(deps, { accountId: DEMO_USERS.admin, client: app, params, config, configVersion: null, refresh: false });
    await queue.idle();
  });

  const rowsFor = async (accountId: string) => ready(await viewerRows(deps, { accountId, client: clientFor(accountId), params, config, configVersion: null, refresh: false }));

  it('holds both projects for the administrator', async () => {
    const admin = await rowsFor(DEMO_USERS.admin);
    expect(admin.computedAs).toBe('app');
    expect(rowProjects(admin.rows)).toEqual(['LOAN', 'PAY']);
  });

  it('shows the payments contractor PAY only: no LOAN issue, count or score', async () => {
    const contractor = await rowsFor(DEMO_USERS.paymentsContractor);
    expect(rowProjects(contractor.rows)).toEqual(['PAY']);
    const keys = [...contractor.rows.hygiene.issues.map((i) => i.key), ...contractor.rows.defects.issues.map((d) => d.key), ...hygieneSummary(contractor.rows).rules.flatMap((r) => r.issues)];
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((k) => k.startsWith('PAY-'))).toBe(true);
    const payOnly = await governanceRows(clientFor(DEMO_USERS.admin), { boardIds: [1], now: NOW, periodDays: 30, config, rollup: null });
    expect(hygieneSummary(contractor.rows).score).toEqual(hygieneSummary(payOnly).score);
    expect(defectSummary(contractor.rows).total).toEqual(defectSummary(payOnly).total);
  });

  it('does not show the loans analyst a board located in a project they may not browse', async () => {
    await expect(checkBoardsVisible(clientFor(DEMO_USERS.loansAnalyst), [MIXED_BOARD])).rejects.toThrow(/board 99 does not exist or you may not browse it/);
    await expect(rowsFor(DEMO_USERS.loansAnalyst)).rejects.toThrow(/board 99/);
  });
});
