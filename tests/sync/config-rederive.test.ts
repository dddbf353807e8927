/**
 * A configuration change derives the figures again from the stored histories, without reading
 * Jira again: after an administrator saves (or imports) new settings, every stored board is queued
 * for a run that searches only the changes since its watermark (one small search per board), and
 * the surfaces show figures under the new settings. Settings that read an issue field the stored
 * issues were not read with make the board read its issues again. Figures stored in an earlier
 * layout are read as none and derived again the same way.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { CONFIG_KEY, configWithKey } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import type { GovernanceReportData, SaveResult } from '../../src/shared/protocol';
import type { SyncMessage } from '../../src/services/sync-requests';
import { memoryGovernanceStore, MemoryStore } from '../../src/store/memory';
import { scheduleCatchUp } from '../../src/sync/triggers';
import { demoSiteEmulator, NOW, resolverCall } from '../forge/harness';

const emulator = demoSiteEmulator();
const project = (key: string) => ({ type: 'jira:projectPage', project: { key } });
const CHANGELOG = /changelog/i;
const SEARCH = 'POST /rest/api/3/search/jql';

async function setup() {
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  const call = resolverCall(emulator.clientFor, { store });
  // Two projects' boards synced, as their pages' first views ask.
  const pay = await call.synced<GovernanceReportData>('governance/report', { periodDays: 90 }, project('PAY'));
  const loan = await call.synced<GovernanceReportData>('governance/report', { periodDays: 90 }, project('LOAN'));
  if (!pay.ok || pay.data.state !== 'ready' || !loan.ok || loan.data.state !== 'ready') throw new Error('the boards did not sync');
  const boards = await call.governance.boardIds();
  expect(boards.length).toBeGreaterThanOrEqual(2);
  return { store, call, pay: pay.data, boards };
}

async function report(call: Awaited<ReturnType<typeof setup>>['call'], key: string) {
  const r = await call<GovernanceReportData>('governance/report', { periodDays: 90 }, project(key));
  if (!r.ok || r.data.state !== 'ready') throw new Error(JSON.stringify(r));
  return r.data;
}

/** What the app asked Jira since `from` (the sync reads as the app; a save's admin check is the admin's). */
function appRequests(from: number) {
  return emulator
    .requests()
    .slice(from)
    .filter((q) => q.user === DEMO_APP);
}

/** Each board read only the changes since its watermark: one search per board, no changelog, no board read. */
function expectOnlyCatchUpSearches(from: number, boards: readonly number[]) {
  const asApp = appRequests(from);
  const searches = asApp.filter((q) => q.endpoint === SEARCH);
  expect(searches).toHaveLength(boards.length);
  for (const s of searches) expect((s.body as { jql: string }).jql).toMatch(/\bupdated >= -\d+m$/);
  expect(asApp.filter((q) => CHANGELOG.test(q.endpoint ?? ''))).toEqual([]);
  expect(asApp.filter((q) => q.endpoint !== SEARCH).map((q) => q.endpoint)).toEqual([]);
}

async function save(call: Awaited<ReturnType<typeof setup>>['call'], store: ReturnType<typeof memoryStore>, change: (c: GovernanceConfig) => GovernanceConfig) {
  const stored = await store.get(CONFIG_KEY);
  if (!stored) throw new Error('no configuration');
  const config = change(parseConfigOrThrow(stored.value));
  const r = await call<SaveResult>('settings/save', { config, expectedVersion: stored.version }, { type: 'jira:adminPage' }, DEMO_USERS.admin);
  expect(r.ok && r.data.status).toBe('saved');
}

describe('a configuration change', () => {
  it('of an SLA target derives the defect figures again after a save, reading only the changes since the watermark', async () => {
    const { store, call, pay, boards } = await setup();
    expect(pay.defects.total.met).toBeGreaterThan(0);
    const from = emulator.requests().length;
    // Every priority's target becomes one hour: almost every resolved defect breached it.
    await save(call, store, (c) => ({ ...c, defects: { ...c.defects, targets: c.defects.targets.map((t) => ({ ...t, hours: 1 })) } }));
    await call.sync.idle();
    const after = await report(call, 'PAY');
    expect(after.defects.byPriority.map((r) => r.targetHours)).toEqual(pay.defects.byPriority.map(() => 1));
    expect(after.defects.total.met).toBeLessThan(pay.defects.total.met);
    expect(after.defects.total.breached).toBeGreaterThan(pay.defects.total.breached);
    expectOnlyCatchUpSearches(from, boards);
  });

  it('of a product mapping moves issues out of the product after an import, reading only the changes since the watermark', async () => {
    const { store, call, pay, boards } = await setup();
    const noProduct = (d: GovernanceReportData & { state: 'ready' }) => d.hygiene.rules.find((r) => r.id === 'no-product')?.count ?? 0;
    const from = emulator.requests().length;
    const stored = await store.get(CONFIG_KEY);
    if (!stored) throw new Error('no configuration');
    const c = parseConfigOrThrow(stored.value);
    // Payments is matched by a label no issue has: its issues belong to no product any more.
    const changed = { ...c, products: c.products.map((p) => (p.key === 'payments' ? { ...p, match: { ...p.match, components: [], labels: ['nothing-has-this'] } } : p)) };
    const r = await call<{ status: string }>('settings/import', { json: JSON.stringify(changed), expectedVersion: stored.version }, { type: 'jira:adminPage' });
    expect(r.ok && r.data.status).toBe('saved');
    await call.sync.idle();
    const after = await report(call, 'PAY');
    expect(noProduct(after)).toBeGreaterThan(noProduct({ ...pay, state: 'ready' }));
    expectOnlyCatchUpSearches(from, boards);
  });

  it('that reads a field the stored issues were not read with reads the boards again', async () => {
    const { store, call, boards } = await setup();
    const from = emulator.requests().length;
    await save(call, store, (c) => ({ ...c, products: c.products.map((p) => (p.key === 'loans' ? { ...p, match: { ...p.match, field: { id: 'customfield_19999', values: ['x'] } } } : p)) }));
    await call.sync.idle();
    const asApp = appRequests(from);
    // The whole kept scope is searched again (no "updated >=" bound), with the new field.
    const full = asApp.filter((q) => q.endpoint === SEARCH && !/updated >= -\d+m$/.test((q.body as { jql: string }).jql));
    expect(full.length).toBeGreaterThanOrEqual(boards.length);
    expect(full.some((q) => ((q.body as { fields?: string[] }).fields ?? []).includes('customfield_19999'))).toBe(true);
  });

  it('is picked up by the schedule as a re-derivation when no save queued it (a save made elsewhere)', async () => {
    const governance = memoryGovernanceStore();
    const store = memoryStore(() => NOW);
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    const call = resolverCall(emulator.clientFor, { store, governance });
    await call.synced('governance/report', {}, project('PAY'));
    const pushed: SyncMessage[] = [];
    expect(await scheduleCatchUp(governance, { push: async (m) => void pushed.push(m) }, NOW, 'config:another')).toEqual([1]);
    expect(pushed).toEqual([{ boardId: 1, reason: 'config' }]);
  });

  it('of the stored layout: figures of the first layout are read as none and derived again from the stored histories, reading only the changes since the watermark', async () => {
    /** A store whose figures an earlier version wrote (as a directory store of format 1 reads them: none). */
    class EarlierLayout extends MemoryStore {
      async downgrade(boardId: number): Promise<void> {
        this.record(boardId).figures = null;
        const held = await this.board(boardId);
        if (!held?.value.figures) throw new Error('the board has no figures');
        const { format: _format, ...first } = held.value.figures;
        expect(await this.saveBoard({ ...held.value, figures: first }, held.version)).toMatchObject({ ok: true });
      }
    }
    const governance = new EarlierLayout();
    const store = memoryStore(() => NOW);
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    const call = resolverCall(emulator.clientFor, { store, governance });
    const before = await call.synced<GovernanceReportData>('governance/report', { periodDays: 90 }, project('PAY'));
    if (!before.ok || before.data.state !== 'ready') throw new Error('the boards did not sync');
    const boards = await governance.boardIds();
    for (const id of boards) await governance.downgrade(id);
    expect(await governance.figures(boards)).toEqual(new Map());
    const from = emulator.requests().length;
    // The schedule's pass takes them as due for a re-derivation.
    const { key } = await configWithKey(store);
    expect(await scheduleCatchUp(governance, call.sync, NOW, key)).toEqual(boards);
    await call.sync.idle();
    const after = await call<GovernanceReportData>('governance/report', { periodDays: 90 }, project('PAY'));
    if (!after.ok || after.data.state !== 'ready') throw new Error(`not derived again: ${JSON.stringify(after).slice(0, 200)}`);
    const { freshness: _a, ...figuresAfter } = after.data.meta;
    const { freshness: _b, ...figuresBefore } = before.data.meta;
    expect(figuresAfter).toEqual(figuresBefore);
    expect(after.data.hygiene).toEqual(before.data.hygiene);
    expect(after.data.defects).toEqual(before.data.defects);
    expect([...(await governance.figures(boards)).keys()].sort()).toEqual([...boards].sort());
    expectOnlyCatchUpSearches(from, boards);
  });
});
