/**
 * The Hygiene panel, Governance project page and governance gadget resolvers as Forge calls them,
 * over the emulator serving the demo site: the issue, project or gadget settings come from the
 * context; malformed payloads are refused with a message naming what is wrong; figures come from
 * the shared store (a board's first view answers "pending" while its first sync runs), kept to what
 * the viewer may browse, issue security levels included, and reading them reads no issue from Jira.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { readinessOf } from '../../src/forge/governance';
import { memoryStore } from '../../src/forge/store';
import { computeReport } from '../../src/services/report';
import type { GovernanceReportData, IssueHygieneData, ReadinessData } from '../../src/shared/protocol';
import { directLoaded } from '../demo/direct';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const emulator = demoSiteEmulator();
const { clientFor } = emulator;
const DAY = 86_400_000;

async function setup() {
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  const call = resolverCall(clientFor, { store });
  return { store, call };
}

const project = (key: string) => ({ type: 'jira:projectPage', project: { key } });
const issue = (key: string) => ({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } });
const gadget = (gadgetConfiguration: unknown) => ({ type: 'jira:dashboardGadget', gadgetConfiguration });

describe('hygiene/issue', () => {
  it('lists the rules the issue in the context breaks, each with its fix in English and Russian', async () => {
    const { call } = await setup();
    const site = buildDemoSite();
    // Find an issue the report judges as breaking a rule, and one that is clean.
    const report = await call.synced<GovernanceReportData>('governance/report', {}, project('PAY'));
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
  it('answers "pending" while the project’s boards have their first sync, then their figures with how fresh they are', async () => {
    const { call } = await setup();
    const first = await call<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'));
    expect(first.ok && first.data).toMatchObject({ state: 'pending', freshness: { pending: [1], syncing: true, asOf: null } });
    await call.sync.idle();
    const r = await call<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'));
    expect(r.ok).toBe(true);
    if (!r.ok || r.data.state !== 'ready') throw new Error(JSON.stringify(r));
    expect(r.data.meta.boards).toEqual([{ id: 1, name: 'PAY board' }]);
    expect(r.data.meta.freshness).toMatchObject({ asOf: new Date(NOW).toISOString(), behindMs: 0, pending: [], boards: [{ id: 1, phase: 'idle', lastError: null }] });
    expect(r.data.hygiene.score.scanned).toBeGreaterThan(0);
    expect(r.data.defects.openPerBoard.map((b) => b.boardId)).toEqual([1]);
    expect(r.data.hygiene.issues.every((i) => i.key.startsWith('PAY-'))).toBe(true);
  });

  it('gives each viewer the figures of the issues they may browse: the same as reading Jira as them, security levels included', async () => {
    const { call } = await setup();
    const site = buildDemoSite();
    const config = parseConfigOrThrow(demoConfig());
    for (const user of [DEMO_USERS.admin, DEMO_USERS.paymentsContractor]) {
      const r = await call.synced<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'), user);
      if (!r.ok || r.data.state !== 'ready') throw new Error(JSON.stringify(r));
      const direct = computeReport(directLoaded(site, [1], NOW, user), { boardIds: [1], sprints: config.convergence.sprints, now: NOW, from: NOW - 30 * DAY, to: NOW, config });
      expect({ scanned: r.data.hygiene.score.scanned, violating: r.data.hygiene.score.violating, defects: r.data.defects.total }).toEqual({
        scanned: direct.hygiene.scanned,
        violating: direct.hygiene.violating,
        defects: direct.defects.total,
      });
    }
    // The contractor has no "Bank security" level: PAY-208, PAY-229 and PAY-235 are not theirs to see.
    const contractor = await call<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'), DEMO_USERS.paymentsContractor);
    const admin = await call<GovernanceReportData>('governance/report', { periodDays: 30 }, project('PAY'));
    if (!contractor.ok || contractor.data.state !== 'ready' || !admin.ok || admin.data.state !== 'ready') throw new Error('no report');
    expect(contractor.data.hygiene.score.scanned).toBeLessThan(admin.data.hygiene.score.scanned);
    const shown = JSON.stringify(contractor.data);
    for (const key of ['PAY-208', 'PAY-229', 'PAY-235']) expect(shown).not.toContain(`"${key}"`);
  });

  it('reads no issue from Jira for a viewer once the board is synced, and a Refresh asks for a sync (once a minute per board)', async () => {
    const store = memoryStore(() => NOW);
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    let now = NOW;
    const call = resolverCall(clientFor, { store, now: () => now });
    await call.synced('governance/report', {}, project('PAY'));
    // Within the minute of the first sync's request, a Refresh adds nothing.
    await call('governance/report', { refresh: true }, project('PAY'));
    await call.sync.idle();
    expect(call.sync.outcomes.length).toBe(1);
    now += 2 * 60_000;
    const before = emulator.requests().length;
    const viewed = await call<GovernanceReportData>('governance/report', {}, project('PAY'), DEMO_USERS.scrumMaster);
    expect(viewed.ok && viewed.data.state).toBe('ready');
    const asViewer = emulator.requests().slice(before).map((q) => q.endpoint ?? '');
    expect(asViewer.filter((e) => /search|changelog|\/issue\/\{/.test(e))).toEqual([]);
    const runs = call.sync.outcomes.length;
    const refreshed = await call<GovernanceReportData>('governance/report', { refresh: true }, project('PAY'));
    expect(refreshed.ok && refreshed.data.state === 'ready' && refreshed.data.meta.freshness.syncing).toBe(true);
    await call.sync.idle();
    expect(call.sync.outcomes.length).toBe(runs + 1);
    await call('governance/report', { refresh: true }, project('PAY'));
    await call.sync.idle();
    expect(call.sync.outcomes.length).toBe(runs + 1);
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
    expect(call.sync.outcomes).toEqual([]);
  });

  it('asks an unconfigured gadget for boards, and reads a configured one’s settings from the context', async () => {
    const { call } = await setup();
    expect(await call('governance/report', {}, gadget({}))).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
    expect(await call('governance/report', {}, gadget({ boardIds: [], periodDays: 30 }))).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringMatching(/boardIds/) } });
    const r = await call.synced<GovernanceReportData>('governance/report', {}, gadget({ boardIds: [4, 5], rollup: { dimension: 'product', key: 'loans' }, periodDays: 14 }));
    expect(r.ok && r.data.state === 'ready' && r.data.meta).toMatchObject({ periodDays: 14, rollup: { dimension: 'product', key: 'loans' }, boards: [{ id: 4 }, { id: 5 }] });
  });

  it('refuses a gadget’s board the viewer may not see, without registering it for a sync', async () => {
    const { call } = await setup();
    const r = await call('governance/report', {}, gadget({ boardIds: [4], periodDays: 30 }), DEMO_USERS.paymentsContractor);
    expect(r.ok).toBe(false);
    expect(await call.governance.boardIds()).toEqual([]);
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
