/**
 * The resolver definitions as Forge calls them (`getDefinitions()`, context and principal), over
 * the Jira REST emulator serving the demo site and an in-memory store.
 */
import { defaultConfig, parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY, readConfig } from '../../src/forge/config-store';
import { saveConfig } from '../../src/services/config';
import { memoryStore } from '../../src/forge/store';
import { governanceReport } from '../../src/services/report';
import type { ConvergenceView } from '../../src/shared/protocol';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const DAY = 86_400_000;
const SETTINGS = { boardIds: [1], rollup: null, sprints: 3, basis: 'issues', target: 0.9 };

const { clientFor } = demoSiteEmulator();

/** The resolvers as a dashboard gadget calls them, with its saved configuration in the context. */
function setup() {
  const store = memoryStore(() => NOW);
  const call = resolverCall(clientFor, { store });
  const gadgetCall = <T = unknown>(functionKey: string, payload: unknown, opts: { user?: string; gadgetConfiguration?: unknown } = {}) =>
    call<T>(functionKey, payload, { type: 'jira:dashboardGadget', gadgetConfiguration: opts.gadgetConfiguration ?? {} }, opts.user);
  const synced = <T = unknown>(functionKey: string, payload: unknown, opts: { user?: string; gadgetConfiguration?: unknown } = {}) =>
    call.synced<T>(functionKey, payload, { type: 'jira:dashboardGadget', gadgetConfiguration: opts.gadgetConfiguration ?? {} }, opts.user);
  return { store, call: gadgetCall, synced, sync: call.sync };
}

describe('gadget/context', () => {
  it('offers the configuration defaults and roll-up choices to an unconfigured gadget', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    const r = await call<{ settings: unknown; defaults: { target: number; sprints: number }; rollupOptions: { product: { key: string }[] } }>('gadget/context', {});
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.settings).toBeNull();
    expect(r.data.defaults).toMatchObject({ target: 0.95, sprints: 6 });
    expect(r.data.rollupOptions.product.map((p) => p.key)).toContain('payments');
  });

  it('reports saved settings it cannot read instead of using them', async () => {
    const { call } = setup();
    const r = await call<{ settings: unknown; settingsProblem: string }>('gadget/context', {}, { gadgetConfiguration: { boardIds: [], sprints: 'many' } });
    expect(r.ok && r.data.settings).toBeNull();
    expect(r.ok && r.data.settingsProblem).toMatch(/boardIds/);
  });
});

describe('convergence/report', () => {
  it('tells an unconfigured gadget to choose boards', async () => {
    const { call } = setup();
    const r = await call('convergence/report', {});
    expect(r).toEqual({ ok: false, error: { code: 'NOT_CONFIGURED', message: expect.stringMatching(/choose boards/) } });
  });

  it('answers "pending" for a board the store does not hold yet, then the engine’s figures for the boards saved in the context', async () => {
    const { call, sync } = setup();
    const expected = await governanceReport(clientFor(DEMO_USERS.admin), {
      boardIds: [1],
      sprints: 3,
      now: NOW,
      from: NOW - 30 * DAY,
      to: NOW,
      config: (() => {
        const c = defaultConfig();
        return { ...c, convergence: { ...c.convergence, target: 0.9 } };
      })(),
      rollup: null,
    });
    const first = await call<ConvergenceView>('convergence/report', {}, { gadgetConfiguration: SETTINGS });
    expect(first.ok && first.data.freshness).toMatchObject({ pending: [1], syncing: true, asOf: null });
    expect(first.ok && first.data.report.sprints).toEqual([]);
    await sync.idle();
    const ready = await call<ConvergenceView>('convergence/report', {}, { gadgetConfiguration: SETTINGS });
    expect(ready.ok).toBe(true);
    if (!ready.ok) return;
    expect(ready.data.report).toEqual(JSON.parse(JSON.stringify(expected.convergence)));
    expect(ready.data.boards).toEqual([{ id: 1, name: 'PAY board' }]);
    expect(ready.data.freshness).toMatchObject({ pending: [], asOf: new Date(NOW).toISOString() });
    // The board's own running sprint, measured so far with the days to the end Jira plans for it, and its last closed sprint.
    const active = expected.convergence.sprints.find((s) => s.state === 'active' && s.boardId === 1 && !s.shared);
    const lastClosed = expected.convergence.sprints.find((s) => s.state === 'closed' && s.boardId === 1 && !s.shared);
    const planned = (await clientFor(DEMO_USERS.admin).sprints(1, ['active'])).find((s) => s.id === active?.sprintId)?.endDate;
    expect(active && lastClosed && planned).toBeTruthy();
    expect(ready.data.boardHeadlines).toEqual([
      {
        boardId: 1,
        running: [
          expect.objectContaining({
            sprintId: active!.sprintId,
            name: active!.name,
            doneSoFar: active!.convergence.issues,
            plannedEnd: new Date(planned!).toISOString(),
            daysLeft: Math.ceil((Date.parse(planned!) - NOW) / DAY),
          }),
        ],
        last: { sprintId: lastClosed!.sprintId, name: lastClosed!.name, convergence: lastClosed!.convergence.issues, status: lastClosed!.status },
        closed: { sprints: 3, convergence: expected.convergence.overall.convergence.issues, status: expected.convergence.overall.status },
      },
    ]);
  });

  it('never shows a synced board’s figures to a viewer who may not browse the board', async () => {
    const { synced, call } = setup();
    expect((await synced('convergence/report', {}, { gadgetConfiguration: SETTINGS })).ok).toBe(true);
    const r = await call('convergence/report', {}, { gadgetConfiguration: SETTINGS, user: DEMO_USERS.loansAnalyst });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/Board 1 does not exist or you may not browse it/) } });
  });

  it('refuses a roll-up to a product the configuration no longer has', async () => {
    const { call } = setup();
    const r = await call('convergence/report', {}, { gadgetConfiguration: { ...SETTINGS, rollup: { dimension: 'product', key: 'gone' } } });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('BAD_REQUEST');
  });

  it('rejects a malformed payload without computing anything', async () => {
    const { call } = setup();
    const r = await call('convergence/report', { refresh: 'yes' }, { gadgetConfiguration: SETTINGS });
    expect(!r.ok && r.error.code).toBe('BAD_REQUEST');
  });
});

describe('boards/list', () => {
  it("filters the viewer's boards by name or project key", async () => {
    const { call } = setup();
    const r = await call<{ boards: { id: number; name: string }[]; total: number }>('boards/list', { query: 'paym' });
    expect(r.ok && r.data.boards.map((b) => b.name)).toEqual(['PAYM board']);
  });

  it('lists only the boards the viewer may see', async () => {
    const { call } = setup();
    const r = await call<{ boards: { projectKey: string }[] }>('boards/list', {}, { user: DEMO_USERS.loansAnalyst });
    if (!r.ok) throw new Error(r.error.message);
    // Not vacuous: the analyst does see boards, and every one of them is a loans board.
    expect(r.data.boards.length).toBeGreaterThan(0);
    for (const b of r.data.boards) expect(['LOAN', 'LOANM', 'CRED']).toContain(b.projectKey);
  });
});

describe('issues/summaries', () => {
  it('returns summaries for issue keys and refuses anything that is not a key', async () => {
    const { call } = setup();
    const ok = await call<{ issues: { key: string; summary: string | null }[] }>('issues/summaries', { keys: ['PAY-1'] });
    expect(ok.ok && ok.data.issues[0]?.summary).toEqual(expect.any(String));
    const bad = await call('issues/summaries', { keys: ['PAY-1) OR project = LOAN'] });
    expect(!bad.ok && bad.error.code).toBe('BAD_REQUEST');
  });
});

describe('the configuration', () => {
  it('is not handed to any user: there is no resolver returning it whole (owners, rules, targets)', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    // An unknown key makes the definitions reject, as Forge's do; settings/load is for Jira administrators only.
    await expect(call('config/get', {})).rejects.toThrow();
    const asUser = await call('settings/load', {}, { user: DEMO_USERS.productOwner });
    expect(!asUser.ok && asUser.error.code).toBe('FORBIDDEN');
  });
});

describe('configuration storage', () => {
  it('refuses a write over a version the writer did not read', async () => {
    const store = memoryStore();
    const first = await saveConfig(store, defaultConfig(), null);
    expect(first).toMatchObject({ status: 'saved', version: 1 });
    expect(await saveConfig(store, defaultConfig(), null)).toEqual({ status: 'conflict', version: 1 });
    expect((await saveConfig(store, { ...defaultConfig(), timeZone: 'Europe/Moscow' }, 1)).status).toBe('saved');
    expect((await readConfig(store)).config.timeZone).toBe('Europe/Moscow');
  });

  it('raises a stored configuration that no longer validates as CONFIG_INVALID', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, { convergence: { target: 7 } });
    const r = await call('gadget/context', {});
    expect(!r.ok && r.error.code).toBe('CONFIG_INVALID');
  });
});
