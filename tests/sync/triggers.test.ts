/**
 * What wakes the sync, over the emulator: Jira's issue events ask for a catch-up of the boards that
 * hold the issue (at most one queued run a minute per board; more within the minute are left to the
 * schedule, never lost), a deleted issue leaves the store at once, a sprint event makes the boards
 * read their sprints again, a burst of events reads the board registry once, events that cannot be
 * read are dropped, and a request made while a run is reading is kept for the next one. After each,
 * the store gives the figures a direct computation gives on the changed site. A stored document
 * this version cannot read (another codec, a damaged row) is read again from Jira, never left stuck.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { doneStatusIds } from '../../src/domain/done';
import { statusCatalog } from '../../src/domain/issue';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { SiteChanges } from '../../src/emulator/site-changes';
import { memoryStore } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import { computeReport } from '../../src/services/report';
import { storeReport } from '../../src/services/store-report';
import { requestSync, type SyncMessage } from '../../src/services/sync-requests';
import { MemoryStore, memoryGovernanceStore } from '../../src/store/memory';
import type { GovernanceStore } from '../../src/store/types';
import { type SyncDeps, syncBoard } from '../../src/sync/engine';
import { inProcessSync } from '../../src/sync/in-process';
import { AgileEventSchema, IssueEventSchema, onAgileEvent, onIssueEvent, registryCache, runSyncMessage, scheduleCatchUp } from '../../src/sync/triggers';
import { directLoaded } from '../demo/direct';

const T0 = parseInstant(DEMO_NOW);
const MINUTE = 60_000;
const DAY = 86_400_000;
const config: GovernanceConfig = parseConfigOrThrow(demoConfig());
const KEY = 'demo';

let now = T0;
let site: SiteData;
let emulator: Emulator;
beforeEach(async () => {
  now = T0;
  site = buildDemoSite();
  emulator = await startEmulator(site, { now: () => now });
});
afterEach(() => emulator.close());

function syncDeps(store: GovernanceStore, extra: Partial<SyncDeps> = {}): Omit<SyncDeps, 'owner'> {
  const client = createJiraClient(emulatorTransport(emulator.url, DEMO_APP), { baseDelayMs: 1, maxDelayMs: 5 });
  return { client, store, clock: () => now, config: async () => ({ config, key: KEY }), ...extra };
}

/** A store with the boards synced, a queue that records what is pushed (and runs it on `drain`). */
async function setup(boardIds: number[]) {
  const store = memoryGovernanceStore();
  const runner = inProcessSync(syncDeps(store));
  for (const id of boardIds) await syncBoard({ ...syncDeps(store), owner: 'setup' }, id, { refreshMeta: true });
  const pushed: SyncMessage[] = [];
  const queue = { push: async (m: SyncMessage) => void pushed.push(m) };
  const drain = async () => {
    for (const m of pushed.splice(0)) await runner.push(m);
    await runner.idle();
  };
  const throttle = memoryStore(() => now);
  let registryReads = 0;
  const counted: GovernanceStore = Object.assign(Object.create(store) as GovernanceStore, {
    boardIds: async () => {
      registryReads++;
      return store.boardIds();
    },
  });
  const registry = registryCache(counted);
  const events = () => ({ store, queue, throttle, registry, now });
  return { store, pushed, drain, events, runner, registryReads: () => registryReads, throttle };
}

async function expectEqualsDirect(store: GovernanceStore, ids: number[]): Promise<void> {
  const req = { sprints: 6, from: now - 30 * DAY, to: now, config };
  const fromStore = await storeReport(store, ids, req);
  expect(fromStore.pending).toEqual([]);
  expect(fromStore.report).toEqual(computeReport(directLoaded(site, ids, now, DEMO_APP), { ...req, boardIds: ids, now }));
}

const issueEvent = (eventType: string, issue: { id: string; key: string }) => IssueEventSchema.parse({ eventType, issue: { id: issue.id, key: issue.key, fields: { project: { key: issue.key.split('-')[0] } } }, atlassianId: 'someone' });

describe('issue events', () => {
  it('queue a catch-up of the board holding the issue, once a minute; the rest waits for the schedule, and the store catches up', async () => {
    const { store, pushed, drain, events } = await setup([1, 4]);
    const changes = new SiteChanges(site);
    const issue = site.issues.find((i) => i.key.startsWith('PAY-') && !(i.fields.issuetype as { subtask: boolean }).subtask)!;
    now += 10 * MINUTE;
    changes.moveStatus(issue.key, '10001', now - 1000);
    emulator.replaceSite(site);
    expect(await onIssueEvent(events(), issueEvent('avi:jira:updated:issue', issue))).toEqual([1]);
    expect(pushed).toEqual([{ boardId: 1, reason: 'catchup' }]);
    await drain();
    await expectEqualsDirect(store, [1]);

    // Three more changes within the minute: nothing more is queued, but the board is marked as asked for.
    now += 20_000;
    for (let n = 0; n < 3; n++) {
      changes.assign(issue.key, null, now - 1000 + n);
      emulator.replaceSite(site);
      await onIssueEvent(events(), issueEvent('avi:jira:updated:issue', issue));
    }
    expect(pushed).toEqual([]);
    expect((await store.board(1))?.value.sync.priorityAt).toBe(now);
    // The next pass of the schedule (board 4, untouched and synced 13 minutes ago, is not due yet).
    now += 3 * MINUTE;
    expect(await scheduleCatchUp(store, { push: async (m) => void pushed.push(m) }, now, KEY)).toEqual([1]);
    await drain();
    await expectEqualsDirect(store, [1]);
    expect((await store.board(1))?.value.sync.priorityAt).toBeNull();
  });

  it('remove a deleted issue from the store at once, without reading Jira, and derive the figures again', async () => {
    const { store, pushed, drain, events } = await setup([1]);
    const issue = site.issues.find((i) => i.key.startsWith('PAY-') && !(i.fields.issuetype as { subtask: boolean }).subtask)!;
    expect((await store.issueStamps(1)).has(issue.id)).toBe(true);
    now += 10 * MINUTE;
    new SiteChanges(site).delete(issue.key);
    emulator.replaceSite(site);
    const before = emulator.requests.length;
    await onIssueEvent(events(), issueEvent('avi:jira:deleted:issue', issue));
    expect(emulator.requests.length).toBe(before);
    expect((await store.issueStamps(1)).has(issue.id)).toBe(false);
    expect(pushed).toEqual([{ boardId: 1, reason: 'resync' }]);
    await drain();
    await expectEqualsDirect(store, [1]);
  });

  it('of a project no synced board holds queue nothing', async () => {
    const { pushed, events } = await setup([1]);
    const loan = site.issues.find((i) => i.key.startsWith('LOAN-'))!;
    expect(await onIssueEvent(events(), issueEvent('avi:jira:updated:issue', loan))).toEqual([]);
    expect(pushed).toEqual([]);
  });

  it('read the board registry once for a burst, not once per event', async () => {
    const { events, registryReads } = await setup([1, 4]);
    const issues = site.issues.filter((i) => i.key.startsWith('PAY-')).slice(0, 50);
    for (const issue of issues) await onIssueEvent(events(), issueEvent('avi:jira:updated:issue', issue));
    expect(registryReads()).toBe(1);
    now += 2 * MINUTE;
    await onIssueEvent(events(), issueEvent('avi:jira:updated:issue', issues[0]!));
    expect(registryReads()).toBe(2);
  });

  it('that cannot be read are refused by their schema (the handler drops them)', () => {
    expect(IssueEventSchema.safeParse({ eventType: 'avi:jira:updated:issue' }).success).toBe(false);
    expect(IssueEventSchema.safeParse({ eventType: 'avi:jira:viewed:issue', issue: { id: '1' } }).success).toBe(false);
    expect(AgileEventSchema.safeParse({ eventType: 'avi:jira:updated:issue' }).success).toBe(false);
    expect(AgileEventSchema.safeParse({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 'seven' } }).success).toBe(false);
  });
});

describe('sprint events', () => {
  it('make the boards holding the sprint read their sprints again, at once: a closed sprint is reported as closed', async () => {
    const { store, pushed, drain, events } = await setup([1]);
    const board = site.boards.find((b) => b.board.id === 1)!;
    const active = site.sprints.find((s) => s.state === 'active' && s.originBoardId === 1)!;
    const next = site.sprints.find((s) => s.state === 'future' && s.originBoardId === 1) ?? null;
    now += 30 * MINUTE;
    const done = doneStatusIds(board.configuration, statusCatalog(site.statuses));
    new SiteChanges(site).closeSprint(active.id, now - MINUTE, done, next?.id ?? null);
    emulator.replaceSite(site);
    const event = AgileEventSchema.parse({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: active.id, originBoardId: 1, state: 'closed' } });
    // Even right after another request: a sprint event changes what the sync reads.
    await requestSync({ store, queue: { push: async () => undefined }, throttle: memoryStore(), now }, [1], 'refresh');
    expect(await onAgileEvent(events(), event)).toEqual([1]);
    expect(pushed).toEqual([{ boardId: 1, reason: 'sprint' }]);
    await drain();
    expect((await store.board(1))?.value.meta?.sprints.find((s) => s.id === active.id)?.state).toBe('closed');
    await expectEqualsDirect(store, [1]);
  });
});

describe('a queued run', () => {
  it('that stops at its budget queues itself again, and the next resumes where it stopped', async () => {
    const store = memoryGovernanceStore();
    const pushed: SyncMessage[] = [];
    const queue = { push: async (m: SyncMessage) => void pushed.push(m) };
    let ticks = 0;
    // Every clock read moves time on a second: the budget runs out after the first group.
    const deps = { ...syncDeps(store, { clock: () => now + ticks++ * 1000, groupSize: 50 }), budgetMs: 1, owner: 'run' };
    const first = await runSyncMessage(deps, queue, { boardId: 1, reason: 'new' });
    expect(first.status).toBe('more');
    expect(pushed).toEqual([{ boardId: 1, reason: 'catchup' }]);
    for (let n = 0; n < 100 && pushed.length > 0; n++) await runSyncMessage({ ...deps, owner: `run-${n}` }, queue, pushed.shift()!);
    expect((await store.board(1))?.value.sync.phase).toBe('idle');
  });

  it('keeps a request made after it began reading, for the next run', async () => {
    const store = memoryGovernanceStore();
    let asked = false;
    const asking: GovernanceStore = Object.assign(Object.create(store) as GovernanceStore, {
      putIssues: async (boardId: number, issues: Parameters<GovernanceStore['putIssues']>[1]) => {
        await store.putIssues(boardId, issues);
        if (asked) return;
        asked = true;
        now += 1000;
        await requestSync({ store, queue: { push: async () => undefined }, throttle: memoryStore(), now }, [1], 'refresh');
      },
    });
    await syncBoard({ ...syncDeps(asking), owner: 'run' }, 1, { refreshMeta: true });
    expect(asked).toBe(true);
    expect((await store.board(1))?.value.sync.priorityAt).toBe(now);
    const queued: SyncMessage[] = [];
    expect(await scheduleCatchUp(store, { push: async (m) => void queued.push(m) }, now, KEY)).toEqual([1]);
  });
});

/** A memory store whose rows a test can damage, as another codec version or a broken write would. */
class DamageableStore extends MemoryStore {
  damageIssue(boardId: number, issueId: string): void {
    const r = this.record(boardId);
    const doc = r.issues.get(issueId);
    if (!doc) throw new Error(`no issue ${issueId}`);
    r.issues.set(issueId, { ...doc, json: JSON.stringify({ ...(JSON.parse(doc.json) as object), v: 99 }) });
  }
  damageState(boardId: number): void {
    const r = this.record(boardId);
    r.state = { json: JSON.stringify({ boardId, sync: { phase: 'idle' } }), version: r.state?.version ?? 1 };
  }
}

describe('documents the app cannot read', () => {
  it('an unreadable issue leaves the store and is read again by the next run the schedule queues', async () => {
    const store = new DamageableStore();
    await syncBoard({ ...syncDeps(store), owner: 'first' }, 1, { refreshMeta: true });
    const victim = [...(await store.issueStamps(1)).keys()][0]!;
    store.damageIssue(1, victim);
    now += 2 * 60 * MINUTE; // figures an hour old are derived again
    await syncBoard({ ...syncDeps(store), owner: 'second' }, 1);
    expect((await store.issueStamps(1)).has(victim)).toBe(false);
    const queued: SyncMessage[] = [];
    expect(await scheduleCatchUp(store, { push: async (m) => void queued.push(m) }, now, KEY)).toEqual([1]);
    await runSyncMessage({ ...syncDeps(store), owner: 'third' }, { push: async () => undefined }, queued[0]!);
    expect((await store.issueStamps(1)).has(victim)).toBe(true);
    await expectEqualsDirect(store, [1]);
  });

  it('an unreadable board state does not leave the board stuck: it starts afresh', async () => {
    const store = new DamageableStore();
    await syncBoard({ ...syncDeps(store), owner: 'first' }, 1, { refreshMeta: true });
    store.damageState(1);
    expect(await store.board(1)).toBeNull();
    const outcome = await syncBoard({ ...syncDeps(store), owner: 'second' }, 1);
    expect(outcome.status).toBe('synced');
    await expectEqualsDirect(store, [1]);
  });
});
