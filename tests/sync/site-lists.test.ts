/**
 * The site's own lists (fields, statuses, issue types) are the same for every board: with a cache,
 * the boards' runs read them once an hour for all boards, and the figures stay the direct ones.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { memoryStore } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import { computeReport } from '../../src/services/report';
import { storeReport } from '../../src/services/store-report';
import { memoryGovernanceStore } from '../../src/store/memory';
import { SITE_LISTS_TTL_MS, type SyncDeps, syncBoard } from '../../src/sync/engine';
import { directLoaded } from '../demo/direct';

const NOW = parseInstant(DEMO_NOW);
const DAY = 86_400_000;
const LISTS = ['GET /rest/api/3/field', 'GET /rest/api/3/status', 'GET /rest/api/3/issuetype'];

let site: SiteData;
let emulator: Emulator;
beforeAll(async () => {
  site = buildDemoSite();
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());

const listReads = (from: number) => emulator.requests.slice(from).filter((r) => r.endpoint !== null && LISTS.includes(r.endpoint)).length;

describe('the site lists kept for every board', () => {
  const config = parseConfigOrThrow(demoConfig());

  it('are read once for all boards, and the figures are the direct ones', async () => {
    let now = NOW;
    const cache = memoryStore(() => now);
    const store = memoryGovernanceStore();
    const deps = (extra: Partial<SyncDeps> = {}): SyncDeps => ({
      client: createJiraClient(emulatorTransport(emulator.url, DEMO_APP)),
      store,
      clock: () => now,
      config: async () => ({ config, key: 'demo' }),
      owner: 'test',
      siteCache: cache,
      ...extra,
    });
    const boardIds = site.boards.map((b) => b.board.id);
    const from = emulator.requests.length;
    for (const id of boardIds) expect((await syncBoard(deps(), id)).status).toBe('synced');
    expect(listReads(from)).toBe(LISTS.length);
    const req = { sprints: 6, from: NOW - 30 * DAY, to: NOW, config };
    expect((await storeReport(store, boardIds, req)).report).toEqual(computeReport(directLoaded(site, boardIds, NOW, DEMO_APP), { ...req, boardIds, now: NOW }));

    // Within the hour, a board's metadata read again takes them from the cache; after it, from Jira.
    const again = emulator.requests.length;
    now += SITE_LISTS_TTL_MS - 60_000;
    await syncBoard(deps(), boardIds[0] as number, { refreshMeta: true });
    expect(listReads(again)).toBe(0);
    now += 2 * 60_000;
    await syncBoard(deps(), boardIds[0] as number, { refreshMeta: true });
    expect(listReads(again)).toBe(LISTS.length);
  }, 120_000);

  it('are read by every run without a cache', async () => {
    const store = memoryGovernanceStore();
    const from = emulator.requests.length;
    const boardIds = site.boards.map((b) => b.board.id).slice(0, 3);
    for (const id of boardIds) {
      const deps: SyncDeps = { client: createJiraClient(emulatorTransport(emulator.url, DEMO_APP)), store, clock: () => NOW, config: async () => ({ config, key: 'demo' }), owner: 'test' };
      expect((await syncBoard(deps, id)).status).toBe('synced');
    }
    expect(listReads(from)).toBe(LISTS.length * boardIds.length);
  }, 120_000);
});
