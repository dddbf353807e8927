/**
 * The "Data sync" resolvers of the governance settings as Forge calls them, over the emulator
 * serving the demo site: Jira administrators only (asked of Jira as the caller; anyone else is
 * refused and nothing changes), malformed payloads refused naming the field, every stored board
 * with what the store holds for it, boards the administrator may not see listed without their name,
 * and the actions' effects on the store and the sync queue: add (ahead of any viewer), re-sync
 * (throttled per board), sync the boards that are behind (throttled), stop syncing.
 */
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow } from '../../src/domain/config';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import type { AddBoardsResult, GovernanceReportData, ResyncResult, SyncBehindResult, SyncHealthBoard, SyncHealthData } from '../../src/shared/protocol';
import type { SyncMessage, SyncQueue } from '../../src/services/sync-requests';
import { memoryGovernanceStore } from '../../src/store/memory';
import { newBoardState, type GovernanceStore } from '../../src/store/types';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const emulator = demoSiteEmulator();
const MINUTE = 60_000;
const ADMIN_PAGE = { type: 'jira:adminPage' };
const project = (key: string) => ({ type: 'jira:projectPage', project: { key } });

async function setup() {
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  const governance = memoryGovernanceStore();
  const pushed: SyncMessage[] = [];
  let target: SyncQueue | null = null;
  // What the resolvers queue, recorded, then run by the harness's in-process sync.
  const recorder: SyncQueue = {
    push: async (m) => {
      pushed.push(m);
      await target?.push(m);
    },
  };
  const clock = { now: NOW, wall: NOW };
  const call = resolverCall(emulator.clientFor, { store, governance, syncQueue: recorder, now: () => clock.now, clock: () => clock.wall });
  target = call.sync;
  return { store, governance, call, pushed, clock };
}

type Call = Awaited<ReturnType<typeof setup>>['call'];

async function health(call: Call, user: string = DEMO_USERS.admin): Promise<SyncHealthData> {
  const r = await call<SyncHealthData>('sync/health', {}, ADMIN_PAGE, user);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.data;
}

const row = (data: SyncHealthData, id: number): SyncHealthBoard => {
  const b = data.boards.find((x) => x.id === id);
  if (!b) throw new Error(`board ${id} is not listed`);
  return b;
};

/** Everything the store holds, to show that a refused call changed nothing. */
async function snapshot(governance: GovernanceStore) {
  const ids = await governance.boardIds();
  return { ids, states: await Promise.all(ids.map((id) => governance.board(id))), bytes: await governance.sizeBytes() };
}

describe('the Data sync resolvers', () => {
  it('refuse anyone who is not a Jira administrator, changing nothing', async () => {
    const { call, governance, pushed } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    const before = await snapshot(governance);
    const queuedBefore = pushed.length;
    for (const [key, payload] of [
      ['sync/health', {}],
      ['sync/resync', { boardId: 1 }],
      ['sync/behind', {}],
      ['sync/add', { boardIds: [4] }],
      ['sync/forget', { boardId: 1 }],
    ] as const) {
      const r = await call(key, payload, ADMIN_PAGE, DEMO_USERS.scrumMaster);
      expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/Only Jira administrators/) } });
    }
    await call.sync.idle();
    expect(pushed.length).toBe(queuedBefore);
    expect(await snapshot(governance)).toEqual(before);
  });

  it('refuse malformed payloads naming what is wrong, changing nothing', async () => {
    const { call, governance, pushed } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    const before = await snapshot(governance);
    const queuedBefore = pushed.length;
    for (const [key, payload, field] of [
      ['sync/health', { boardId: 1 }, 'boardId'],
      ['sync/behind', { all: true }, 'all'],
      ['sync/resync', {}, 'boardId'],
      ['sync/resync', { boardId: 'one' }, 'boardId'],
      ['sync/resync', { boardId: -1 }, 'boardId'],
      ['sync/resync', { boardId: 1.5 }, 'boardId'],
      ['sync/forget', { boardId: '1' }, 'boardId'],
      ['sync/forget', { boardId: 1, force: true }, 'force'],
      ['sync/add', { boardIds: [] }, 'at least one board'],
      ['sync/add', { boardIds: [4, 4] }, 'twice'],
      ['sync/add', { boardIds: Array.from({ length: 31 }, (_, i) => i + 1) }, 'at most 30'],
      ['sync/add', { boardIds: ['4'] }, 'boardIds'],
      ['sync/add', { boards: [4] }, 'boardIds'],
    ] as const) {
      const r = await call(key, payload, ADMIN_PAGE);
      expect([key, r]).toEqual([key, { ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining(field) } }]);
    }
    await call.sync.idle();
    expect(pushed.length).toBe(queuedBefore);
    expect(await snapshot(governance)).toEqual(before);
  });

  it('list every stored board with what the store holds, how current it is and what its last run cost, with the totals', async () => {
    const { call } = await setup();
    expect(await health(call)).toMatchObject({ boards: [], totals: { boards: 0, issues: 0, hidden: 0, limitBytes: 1024 ** 3 } });
    await call.synced('governance/report', {}, project('PAY'));
    await call.synced('governance/report', {}, project('LOAN'));
    const data = await health(call);
    expect(data.boards.map((b) => b.name)).toEqual(['LOAN board', 'PAY board']);
    const pay = row(data, 1);
    expect(pay).toMatchObject({
      visible: true,
      projectKey: 'PAY',
      asOf: new Date(NOW).toISOString(),
      behindMs: 0,
      behind: false,
      phase: 'idle',
      running: false,
      runs: 1,
      lastSuccessAt: new Date(NOW).toISOString(),
      lastError: null,
      settings: 'current',
    });
    expect(pay.issues).toBeGreaterThan(50);
    expect(pay.lastCost?.requests).toBeGreaterThan(0);
    expect(pay.lastCost?.objects).toBeGreaterThan(pay.issues);
    expect(data.totals).toMatchObject({ boards: 2, hidden: 0, behind: 0, failed: 0, issues: pay.issues + row(data, 4).issues });
    expect(data.totals.bytes).toBeGreaterThan(10_000);
  });

  it('say a board is behind when its last sync is older than the schedule keeps it, or its figures were derived with other settings', async () => {
    const { call, clock, store } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    clock.now += 20 * MINUTE;
    expect(row(await health(call), 1)).toMatchObject({ behind: true, behindMs: 20 * MINUTE, settings: 'current' });
    clock.now = NOW;
    // New settings saved elsewhere (no re-derivation queued yet): the figures are to be derived again.
    const stored = await store.get(CONFIG_KEY);
    await store.set(CONFIG_KEY, stored?.value);
    expect(row(await health(call), 1)).toMatchObject({ behind: true, settings: 'rederive' });
    // Settings that read a field the stored issues were not read with: the board is read again.
    const c = parseConfigOrThrow(stored?.value);
    await store.set(CONFIG_KEY, { ...c, hygiene: { ...c.hygiene, acceptanceCriteriaField: 'customfield_19998' } });
    expect(row(await health(call), 1)).toMatchObject({ behind: true, settings: 'reread' });
  });

  it('name no board the administrator may not see, and say what failed in words', async () => {
    const { call, governance } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    // Board 99 is not one Jira shows the administrator (deleted, or never shared with them).
    const hidden = newBoardState(99);
    await governance.saveBoard({ ...hidden, sync: { ...hidden.sync, phase: 'failed', issues: 12, lastError: { at: NOW, message: 'board 99 no longer exists, or the app may not see it' } } }, null);
    const pay = (await governance.board(1))!;
    await governance.saveBoard({ ...pay.value, sync: { ...pay.value.sync, phase: 'failed', lastError: { at: NOW, message: 'POST /rest/api/3/search/jql answered 400: The value \'X\' does not exist for the field \'project\'.' } } }, pay.version);
    const data = await health(call);
    expect(data.boards.map((b) => b.id)).toEqual([1, 99]);
    expect(row(data, 99)).toMatchObject({ visible: false, name: null, projectKey: null, issues: 12, lastError: { kind: 'gone', message: null } });
    expect(row(data, 1)).toMatchObject({ visible: true, name: 'PAY board', lastError: { kind: 'refused', message: expect.stringContaining('answered 400') } });
    expect(data.totals).toMatchObject({ boards: 2, hidden: 1, failed: 2 });
    expect(JSON.stringify(row(data, 99))).not.toMatch(/no longer exists/);
  });

  it('add boards ahead of any viewer: registered, their first sync queued, and a dashboard then answers at once', async () => {
    const { call, governance, pushed } = await setup();
    const r = await call<AddBoardsResult>('sync/add', { boardIds: [4, 5] }, ADMIN_PAGE);
    expect(r).toEqual({ ok: true, data: { added: [4, 5], already: [] } });
    expect(pushed).toEqual([
      { boardId: 4, reason: 'new' },
      { boardId: 5, reason: 'new' },
    ]);
    expect(await governance.boardIds()).toEqual([4, 5]);
    await call.sync.idle();
    expect(row(await health(call), 4)).toMatchObject({ phase: 'idle', runs: 1, asOf: new Date(NOW).toISOString() });
    // The first viewer of LOAN's page gets figures, not "pending".
    const first = await call<GovernanceReportData>('governance/report', {}, project('LOAN'), DEMO_USERS.loansAnalyst);
    expect(first.ok && first.data.state).toBe('ready');
    // Added again: nothing queued.
    expect(await call<AddBoardsResult>('sync/add', { boardIds: [4] }, ADMIN_PAGE)).toEqual({ ok: true, data: { added: [], already: [4] } });
    expect(pushed).toHaveLength(2);
  });

  it('refuse to add a board the administrator may not see, registering none of those asked for', async () => {
    const { call, governance, pushed } = await setup();
    const r = await call('sync/add', { boardIds: [4, 99] }, ADMIN_PAGE);
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/board 99/i) } });
    expect(await governance.boardIds()).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('re-sync a board: its scope checked again and its figures derived again, once a minute per board', async () => {
    const { call, pushed, clock } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    const from = emulator.requests().length;
    expect(await call<ResyncResult>('sync/resync', { boardId: 1 }, ADMIN_PAGE)).toEqual({ ok: true, data: { status: 'queued' } });
    expect(pushed.at(-1)).toEqual({ boardId: 1, reason: 'resync' });
    await call.sync.idle();
    expect(row(await health(call), 1)).toMatchObject({ runs: 2, phase: 'idle' });
    // The scope check: the ids of the board's whole kept scope were searched.
    const idSearches = emulator.requests().slice(from).filter((q) => q.endpoint === 'POST /rest/api/3/search/jql' && JSON.stringify((q.body as { fields?: unknown }).fields) === '["id"]');
    expect(idSearches.length).toBeGreaterThan(0);
    // Again within the minute: refused with the wait, nothing queued.
    clock.wall += 20_000;
    const again = await call<ResyncResult>('sync/resync', { boardId: 1 }, ADMIN_PAGE);
    expect(again).toEqual({ ok: true, data: { status: 'throttled', retryAfterSeconds: 40 } });
    expect(pushed.filter((m) => m.reason === 'resync')).toHaveLength(1);
    clock.wall += 41_000;
    expect(await call<ResyncResult>('sync/resync', { boardId: 1 }, ADMIN_PAGE)).toEqual({ ok: true, data: { status: 'queued' } });
    await call.sync.idle();
    expect(row(await health(call), 1).runs).toBe(3);
  });

  it('refuse to re-sync a board that is not synced, or that the administrator may not see', async () => {
    const { call, governance, pushed } = await setup();
    expect(await call('sync/resync', { boardId: 4 }, ADMIN_PAGE)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Board 4 is not synced: add it first.' } });
    await governance.saveBoard(newBoardState(99), null);
    expect(await call('sync/resync', { boardId: 99 }, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/board 99/i) } });
    expect(pushed).toEqual([]);
  });

  it('sync the boards that are behind, each for the reason it is due, at most once a minute', async () => {
    const { call, pushed, clock, governance } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    await call.synced('governance/report', {}, project('LOAN'));
    // PAY falls behind; LOAN's last run failed.
    clock.now += 20 * MINUTE;
    clock.wall += 20 * MINUTE;
    const loan = (await governance.board(4))!;
    await governance.saveBoard({ ...loan.value, figures: { ...loan.value.figures!, asOf: clock.now }, sync: { ...loan.value.sync, phase: 'failed', lastError: { at: clock.now, message: 'x answered 503: down' } } }, loan.version);
    const before = pushed.length;
    const r = await call<SyncBehindResult>('sync/behind', {}, ADMIN_PAGE);
    expect(r).toEqual({ ok: true, data: { queued: [1, 4], throttled: [], retryAfterSeconds: null } });
    expect(pushed.slice(before)).toEqual([
      { boardId: 1, reason: 'catchup' },
      { boardId: 4, reason: 'catchup' },
    ]);
    await call.sync.idle();
    const data = await health(call);
    expect(data.totals).toMatchObject({ behind: 0, failed: 0 });
    // Nothing changed in Jira: the copy is confirmed current, and the figures (derived at most an hour apart then) stay as of their derivation.
    expect(row(data, 1)).toMatchObject({ lastSuccessAt: new Date(clock.now).toISOString(), asOf: new Date(NOW).toISOString(), behindMs: 20 * MINUTE, behind: false });
    expect(row(data, 4)).toMatchObject({ phase: 'idle', lastError: null });
    clock.wall += 30_000;
    expect(await call<SyncBehindResult>('sync/behind', {}, ADMIN_PAGE)).toEqual({ ok: true, data: { queued: [], throttled: [], retryAfterSeconds: 30 } });
  });

  it('stop syncing a board: it leaves the store, and a page still showing it registers it again on its next view', async () => {
    const { call, governance } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    expect(await call('sync/forget', { boardId: 1 }, ADMIN_PAGE)).toEqual({ ok: true, data: { forgotten: 1 } });
    expect(await governance.boardIds()).toEqual([]);
    expect((await governance.figures([1])).size).toBe(0);
    expect((await governance.issueStamps(1)).size).toBe(0);
    expect((await health(call)).totals).toMatchObject({ boards: 0, issues: 0 });
    expect(await call('sync/forget', { boardId: 1 }, ADMIN_PAGE)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const next = await call<GovernanceReportData>('governance/report', {}, project('PAY'));
    expect(next.ok && next.data.state).toBe('pending');
    expect(await governance.boardIds()).toEqual([1]);
  });

  it('refuse to stop syncing a board while a run holds it, changing nothing', async () => {
    const { call, governance } = await setup();
    await call.synced('governance/report', {}, project('PAY'));
    const s = (await governance.board(1))!;
    await governance.saveBoard({ ...s.value, sync: { ...s.value.sync, lease: { owner: 'another run', token: s.value.sync.fence + 1, expiresAt: NOW + 90_000 } } }, s.version);
    const before = await snapshot(governance);
    expect(await call('sync/forget', { boardId: 1 }, ADMIN_PAGE)).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/running \(for 2 more minutes at most\)/) } });
    expect(row(await health(call), 1).running).toBe(true);
    expect(await snapshot(governance)).toEqual(before);
  });
});
