/**
 * The Hygiene panel, Governance project page and governance gadget resolvers as Forge calls them,
 * over the emulator serving the demo site: the issue, project or gadget settings come from the
 * context; malformed payloads are refused with a message naming what is wrong; a large report is
 * queued and polled; the consumer's event is parsed before it runs.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { readinessOf } from '../../src/forge/governance';
import { reportConsumer } from '../../src/forge/report-queue';
import { memoryStore } from '../../src/forge/store';
import { configAtVersion, inProcessQueue, runJob } from '../../src/services/report-jobs';
import type { GovernanceReportData, IssueHygieneData, JobView, ReadinessData } from '../../src/shared/protocol';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const { clientFor } = demoSiteEmulator();

async function setup(opts: { inlineLimit?: number } = {}) {
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  const queue = inProcessQueue((jobId) => runJob({ store, client: clientFor(DEMO_USERS.admin), now: () => NOW, config: configAtVersion(async () => ({ config: parseConfigOrThrow(demoConfig()), version: 1 })) }, jobId));
  const call = resolverCall(clientFor, { store, reportQueue: queue, ...(opts.inlineLimit !== undefined ? { reportInlineLimit: opts.inlineLimit } : {}) });
  return { store, queue, call };
}

const project = (key: string) => ({ type: 'jira:projectPage', project: { key } });
const issue = (key: string) => ({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } });
const gadget = (gadgetConfiguration: unknown) => ({ type: 'jira:dashboardGadget', gadgetConfiguration });

describe('hygiene/issue', () => {
  it('lists the rules the issue in the context breaks, each with its fix in English and Russian', async () => {
    const { call } = await setup();
    const site = buildDemoSite();
    // Find an issue the report judges as breaking a rule, and one that is clean.
    const report = await call<GovernanceReportData>('governance/report', {}, project('PAY'));
    if (!report.ok || report.data.state !== 'ready') throw new Error('no report');
    const offending = report.data.hygiene.issues[0];
    if (!offending) throw new Error('no offending issue');
    const r = await call<IssueHygieneData>('hygiene/issue', {}, issue(offending.key));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.issueKey).toBe(offending.key);
    expect(r.data.violations.map((v) => v.id)).toEqual(offending.rules);
    for (const v of r.data.violations) expect(v.fix.en.length > 0 && v.fix.ru.length > 0).toBe(true);
    const offendingKeys = new Set(report.data.hygiene.issues.map((o) => o.key));
    const clean = site.issues.find((i) => i.key.startsWith('PAY-') && !offendingKeys.has(i.key) && (i.fields.status as { statusCategory: { key: string } }).statusCategory.key !== 'done');
    if (clean) {
      const c = await call<IssueHygieneData>('hygiene/issue', {}, issue(clean.key));
      expect(c.ok && c.data.violations).toEqual([]);
    }
  });

  it('refuses a payload and a context it cannot use, changing nothing', async () => {
    const { call } = await setup();
    expect(await call('hygiene/issue', { issueKey: 'PAY-1' }, issue('PAY-1'))).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/issueKey/) } });
    expect(await call('hygiene/issue', {}, { type: 'jira:issuePanel' })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/issue view/) } });
  });

  it('does not judge an issue the viewer may not browse', async () => {
    const { call } = await setup();
    const r = await call('hygiene/issue', {}, issue('LOAN-1'), DEMO_USERS.paymentsContractor);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('NOT_FOUND');
  });
});

describe('governance/report', () => {
  it('reports the project page project’s boards, taken from the context', async () => {
    const { call } = await setup();
    const r = await call<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'));
    expect(r.ok).toBe(true);
    if (!r.ok || r.data.state !== 'ready') return;
    expect(r.data.meta.boards).toEqual([{ id: 1, name: 'PAY board' }]);
    expect(r.data.meta.computedAs).toBe('viewer');
    expect(r.data.hygiene.score.scanned).toBeGreaterThan(0);
    expect(r.data.defects.openPerBoard.map((b) => b.boardId)).toEqual([1]);
    expect(r.data.hygiene.issues.every((i) => i.key.startsWith('PAY-'))).toBe(true);
  });

  it('refuses malformed payloads with a message naming the field', async () => {
    const { call } = await setup();
    for (const [payload, field] of [
      [{ periodDays: 0 }, 'periodDays'],
      [{ periodDays: 'thirty' }, 'periodDays'],
      [{ refresh: 'yes' }, 'refresh'],
      [{ boardIds: [1, 2] }, 'boardIds'],
    ] as const) {
      const r = await call('governance/report', payload, project('PAY'));
      expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining(field) } });
    }
  });

  it('asks an unconfigured gadget for boards, and reads a configured one’s settings from the context', async () => {
    const { call } = await setup();
    expect(await call('governance/report', {}, gadget({}))).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await call('governance/report', {}, gadget({ boardIds: [], periodDays: 30 }))).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringMatching(/boardIds/) } });
    const r = await call<GovernanceReportData>('governance/report', {}, gadget({ boardIds: [4, 5], rollup: { dimension: 'product', key: 'loans' }, periodDays: 14 }));
    expect(r.ok && r.data.state === 'ready' && r.data.meta).toMatchObject({ periodDays: 14, rollup: { dimension: 'product', key: 'loans' }, boards: [{ id: 4 }, { id: 5 }] });
  });

  it('queues a large report, lets the UI poll its job, then answers from the job’s cache', async () => {
    const { call, queue } = await setup({ inlineLimit: 10 });
    const first = await call<GovernanceReportData>('governance/report', {}, project('PAYM'), DEMO_USERS.productOwner);
    if (!first.ok || first.data.state !== 'pending') throw new Error(`expected a job: ${JSON.stringify(first)}`);
    expect(await call('governance/job', { jobId: 'not-a-job' }, project('PAYM'))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/jobId/) } });
    await queue.idle();
    const job = await call<JobView>('governance/job', { jobId: first.data.job.id }, project('PAYM'));
    expect(job.ok && job.data).toMatchObject({ status: 'done', boardsDone: 1, boardsTotal: 1 });
    const ready = await call<GovernanceReportData>('governance/report', {}, project('PAYM'), DEMO_USERS.productOwner);
    expect(ready.ok && ready.data.state === 'ready' && ready.data.meta).toMatchObject({ computedAs: 'app', fromCache: true });
  });
});

describe('project/readiness', () => {
  it('reads the next sprint’s backlog, “not started” for issues the app has not met yet', async () => {
    const { call } = await setup();
    const r = await call<ReadinessData>('project/readiness', {}, project('PAY'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (r.data.sprint) {
      expect(r.data.sprint.boardId).toBe(1);
      expect(r.data.rows.length).toBe(Object.values(r.data.counts).reduce((a, b) => a + b, 0));
    }
    expect(await call('project/readiness', {}, gadget({}))).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('shows what the app mirrored from its own state, never a property written through the REST API', async () => {
    const { call } = await setup();
    const before = await call<ReadinessData>('project/readiness', {}, project('PAY'));
    if (!before.ok) throw new Error(before.error.message);
    const rows = before.data.rows.slice(0, 3);
    expect(rows.length).toBeGreaterThan(0);
    // An editor writes "ready" into the property of every row.
    const forged = { schemaVersion: 2, version: 9, updatedAt: '2026-11-27T11:00:00Z', dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 6, total: 6 }, dod: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 9, total: 9 } };
    for (const r of rows) await clientFor(DEMO_USERS.scrumMaster).setIssueProperty(r.key, 'governance-readiness', forged);
    const after = await call<ReadinessData>('project/readiness', {}, project('PAY'));
    if (!after.ok) throw new Error(after.error.message);
    for (const r of rows) expect(after.data.rows.find((x) => x.key === r.key)?.state).toBe(before.data.rows.find((x) => x.key === r.key)?.state);
    // Once the app has met the issue (its panel opened), the page shows the app's judgement of it.
    const first = rows[0]!;
    const id = (await clientFor(DEMO_USERS.admin).issue(first.key, ['summary'])).id;
    const panel = await call<{ lists: { dor: { ready: boolean } | null } }>('readiness/get', {}, { type: 'jira:issuePanel', issue: { id, key: first.key }, project: { key: 'PAY' } });
    if (!panel.ok) throw new Error(panel.error.message);
    const seen = await call<ReadinessData>('project/readiness', {}, project('PAY'));
    if (!seen.ok) throw new Error(seen.error.message);
    expect(seen.data.rows.find((x) => x.key === first.key)?.state).toBe(panel.data.lists.dor === null ? 'notApplicable' : panel.data.lists.dor.ready ? 'ready' : 'notReady');
  });

  it('reads the property defensively', () => {
    expect(readinessOf(undefined).state).toBe('notStarted');
    expect(readinessOf({ dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0 } }).state).toBe('ready');
    expect(readinessOf({ dor: { ready: 'false', applies: 'true', progress: 50, openRequired: 2 } })).toEqual({ state: 'notReady', progress: 50, openRequired: 2 });
    expect(readinessOf({ dor: { ready: 'false', applies: 'false', progress: 100, openRequired: 0 } }).state).toBe('notApplicable');
    expect(readinessOf({ dor: 'yes' }).state).toBe('unreadable');
  });
});

describe('report consumer', () => {
  it('drops an event it cannot read, and runs the job an event names', async () => {
    const store = memoryStore(() => NOW);
    const consumer = reportConsumer({ store, client: clientFor(DEMO_USERS.admin), now: () => NOW, config: async () => parseConfigOrThrow(demoConfig()) });
    await expect(consumer({ body: { jobId: 42 } })).resolves.toBeUndefined();
    await expect(consumer('nonsense')).resolves.toBeUndefined();
    expect(store.entries().size).toBe(0);
  });
});
