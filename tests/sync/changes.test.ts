/**
 * After a day of change, a catch-up leaves the store giving the figures a direct computation gives
 * on the changed site: issues updated, created, deleted, moved to another project, re-typed into
 * sub-tasks; sprints closed (open issues moved on), started, renamed, deleted, reopened; a board's
 * filter changed; a status deleted. Random sequences (seeded), with faults injected mid-sync, runs
 * stopped at their budget and resumed, two runs on one board, an event delivered twice.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { doneStatusIds } from '../../src/domain/done';
import { statusCatalog } from '../../src/domain/issue';
import { parseInstant } from '../../src/domain/jira';
import { rng } from '../../src/domain/testing/generate';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { SiteChanges } from '../../src/emulator/site-changes';
import { createJiraClient } from '../../src/jira/client';
import { computeReport } from '../../src/services/report';
import { storeReport } from '../../src/services/store-report';
import { memoryGovernanceStore } from '../../src/store/memory';
import type { GovernanceStore } from '../../src/store/types';
import { type SyncDeps, syncBoard } from '../../src/sync/engine';
import { directLoaded } from '../demo/direct';

const T0 = parseInstant(DEMO_NOW);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const config: GovernanceConfig = parseConfigOrThrow(demoConfig());

let now = T0;
let site: SiteData;
let emulator: Emulator;
beforeEach(async () => {
  now = T0;
  site = buildDemoSite();
  emulator = await startEmulator(site, { now: () => now });
});
afterEach(() => emulator.close());

function deps(store: GovernanceStore, extra: Partial<SyncDeps> = {}): SyncDeps {
  const client = createJiraClient(emulatorTransport(emulator.url, DEMO_APP), { baseDelayMs: 1, maxDelayMs: 5 });
  return { client, store, clock: () => now, config: async () => ({ config, key: 'demo' }), owner: 'test', ...extra };
}

const boards = () => site.boards.map((b) => b.board.id);
const req = () => ({ sprints: 6, from: now - 30 * DAY, to: now, config });

async function expectStoreEqualsDirect(store: GovernanceStore): Promise<void> {
  const ids = boards();
  const fromStore = await storeReport(store, ids, req());
  expect(fromStore.pending).toEqual([]);
  expect(fromStore.report).toEqual(computeReport(directLoaded(site, ids, now, DEMO_APP), { ...req(), boardIds: ids, now }));
}

/**
 * Syncs every board; `events` stands for the sprint events of the day (sprints closed, started,
 * renamed), which make a run read the boards' sprints again.
 */
async function syncAll(store: GovernanceStore, extra: Partial<SyncDeps> = {}, reconcile = true, events = false) {
  const outcomes = [];
  for (const id of boards()) {
    const options = { reconcile, refreshMeta: events };
    let o = await syncBoard(deps(store, extra), id, options);
    // A run that stopped at its budget is resumed, as the queue resumes it.
    for (let n = 0; o.status === 'more' && n < 200; n++) o = await syncBoard(deps(store, extra), id, options);
    outcomes.push(o);
  }
  return outcomes;
}

/** A day of change on the demo site, each change at its own instant in (T0, T0 + 1 day]. */
function dayOfChange(seed: number): void {
  const random = rng(seed);
  const changes = new SiteChanges(site);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const at = () => T0 + Math.floor(random() * 20 * HOUR) + 60_000;
  const open = () => site.issues.filter((i) => (i.fields.status as { statusCategory: { key: string } }).statusCategory.key !== 'done' && !(i.fields.issuetype as { subtask: boolean }).subtask);
  const statuses = site.statuses.map((s) => s.id);
  // Most changes: status moves, estimates, assignees, in time order per issue.
  const moments = Array.from({ length: 120 }, at).sort((a, b) => a - b);
  for (const t of moments) {
    const issue = pick(open());
    const r = random();
    if (r < 0.55) changes.moveStatus(issue.key, pick(statuses), t);
    else if (r < 0.75) changes.setEstimate(issue.key, 'customfield_10016', pick([1, 2, 3, 5, 8, null]), t);
    else if (r < 0.9) changes.assign(issue.key, pick(site.users).accountId, t);
    else {
      const active = site.sprints.filter((s) => s.state === 'active');
      const s = pick(active);
      const project = site.boards.find((b) => b.board.id === s.originBoardId)?.board.location?.projectKey ?? 'PAY';
      changes.create({ projectKey: project, type: 'Story', statusId: statuses[0] as string, at: t, sprintIds: [s.id] });
    }
  }
  const late = T0 + 21 * HOUR;
  // Deleted, moved, re-typed.
  changes.delete(pick(open()).key);
  const moving = pick(open().filter((i) => i.key.startsWith('PAYM-')));
  changes.move(moving.key, 'PAYA', late);
  const story = pick(open().filter((i) => i.key.startsWith('LOAN-')));
  const parent = pick(site.issues.filter((i) => i.key.startsWith('LOAN-') && i.key !== story.key && !(i.fields.issuetype as { subtask: boolean }).subtask));
  changes.retypeToSubtask(story.key, parent.key, late + 60_000);
  // A sprint completed (open issues moved to the next one, which starts), one renamed.
  const payActive = site.sprints.find((s) => s.originBoardId === 1 && s.state === 'active');
  const payNext = site.sprints.find((s) => s.originBoardId === 1 && s.state === 'future');
  if (!payActive || !payNext) throw new Error('no PAY sprints to close and start');
  const catalog = statusCatalog(site.statuses);
  const payBoard = site.boards.find((b) => b.board.id === 1);
  changes.closeSprint(payActive.id, late + 2 * 60_000, doneStatusIds(payBoard?.configuration ?? null, catalog), payNext.id);
  changes.startSprint(payNext.id, late + 3 * 60_000);
  changes.renameSprint(pick(site.sprints.filter((s) => s.state === 'closed')).id, 'Renamed sprint');
  emulator.replaceSite(site);
}

describe('the store after a day of change', () => {
  it.each([11, 42])('gives the direct figures after a catch-up (seed %i)', async (seed) => {
    const store = memoryGovernanceStore();
    await syncAll(store);
    dayOfChange(seed);
    now = T0 + DAY;
    const outcomes = await syncAll(store, {}, true, true);
    expect(outcomes.every((o) => o.status === 'synced')).toBe(true);
    await expectStoreEqualsDirect(store);
  }, 120_000);

  it('reads only what changed on a catch-up: the changed issues, and their changelogs', async () => {
    const store = memoryGovernanceStore();
    await syncAll(store);
    const changes = new SiteChanges(site);
    const keys = ['PAY-150', 'PAY-151', 'LOAN-100'];
    for (const [n, key] of keys.entries()) changes.assign(key, site.users[n]?.accountId ?? null, T0 + HOUR + n);
    emulator.replaceSite(site);
    now = T0 + 2 * HOUR;
    const outcomes = await syncAll(store, {}, false);
    const changed = outcomes.reduce((n, o) => n + (o.status === 'synced' ? o.changed : 0), 0);
    // Each changed issue is read once for each board whose filter holds it (PAY-150 is on the design-system board too).
    const loaded = directLoaded(site, boards(), now, DEMO_APP);
    const ids = new Set(keys.map((k) => site.issues.find((i) => i.key === k)?.id));
    const expected = loaded.boards.reduce((n, b) => n + [...b.issueIds].filter((id) => ids.has(id)).length, 0);
    expect(expected).toBeGreaterThanOrEqual(keys.length);
    expect(changed).toBe(expected);
    await expectStoreEqualsDirect(store);
  }, 120_000);

  it('follows a board whose filter changed, and a status deleted from the site', async () => {
    const store = memoryGovernanceStore();
    await syncAll(store);
    const changes = new SiteChanges(site);
    changes.changeFilter(1, 'project in (PAY, PAYA) ORDER BY Rank ASC');
    changes.deleteStatus('10002', '3', T0 + HOUR);
    emulator.replaceSite(site);
    now = T0 + 2 * HOUR;
    // A sprint event (or the daily refresh) reads the board's configuration again.
    for (const id of boards()) expect((await syncBoard(deps(store), id, { refreshMeta: true, reconcile: true })).status).toBe('synced');
    await expectStoreEqualsDirect(store);
  }, 120_000);
});

describe('the sync under faults', () => {
  it('survives 503s and dropped connections mid-sync, and still gives the direct figures', async () => {
    const store = memoryGovernanceStore();
    emulator.faults.next(6, { status: 503, path: '/rest/api/3/search/jql' });
    emulator.faults.next(4, { status: 429, retryAfterSeconds: 0, path: '/rest/api/3/changelog/bulkfetch' });
    const outcomes = await syncAll(store);
    // A board whose run failed is synced again on the next run, from its checkpoint.
    const again = await syncAll(store);
    expect([...outcomes, ...again].filter((o) => o.status === 'synced').length).toBeGreaterThanOrEqual(boards().length);
    await expectStoreEqualsDirect(store);
  }, 120_000);

  it('resumes a run stopped at every checkpoint (a consumer killed and redelivered) without losing or duplicating anything', async () => {
    const store = memoryGovernanceStore();
    // A budget of zero: every run stops at its first checkpoint; the queue runs it again.
    let stops = 0;
    const counting = { budgetMs: 0, groupSize: 100 };
    for (const id of boards()) {
      let o = await syncBoard(deps(store, counting), id);
      for (; o.status === 'more'; stops++) o = await syncBoard(deps(store, counting), id);
      expect(o.status).toBe('synced');
    }
    // It really was stopped and resumed, more than once per board.
    expect(stops).toBeGreaterThan(boards().length);
    await expectStoreEqualsDirect(store);
    dayOfChange(7);
    now = T0 + DAY;
    await syncAll(store, { budgetMs: 0, groupSize: 100 }, true, true);
    await expectStoreEqualsDirect(store);
  }, 180_000);

  it('lets one of two runs on one board through; the other finds it busy', async () => {
    const store = memoryGovernanceStore();
    const [a, b] = await Promise.all([syncBoard(deps(store, { owner: 'a' }), 1), syncBoard(deps(store, { owner: 'b' }), 1)]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'synced']);
    // The same event delivered twice: the second run reads nothing new.
    const again = await syncBoard(deps(store, { owner: 'b' }), 1);
    expect(again).toMatchObject({ status: 'synced', changed: 0 });
  }, 60_000);

  it('takes over a board whose run died holding it, once its lease has expired', async () => {
    const store = memoryGovernanceStore();
    const first = await syncBoard(deps(store, { owner: 'dead', budgetMs: 0, groupSize: 100 }), 1);
    expect(first.status).toBe('more');
    // The dead run's lease: held by it until it expires.
    const stored = await store.board(1);
    if (!stored) throw new Error('no state');
    await store.saveBoard({ ...stored.value, sync: { ...stored.value.sync, lease: { owner: 'dead', token: stored.value.sync.fence, expiresAt: now + 60_000 } } }, stored.version);
    expect((await syncBoard(deps(store, { owner: 'next' }), 1)).status).toBe('busy');
    now += 61_000;
    expect((await syncBoard(deps(store, { owner: 'next' }), 1)).status).toBe('synced');
  }, 60_000);
});
