/**
 * The store gives the figures a direct computation gives: the demo site synced into a store (as
 * the app, over HTTP to the emulator) and read back, against the engine fed the same data directly.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { createJiraClient } from '../../src/jira/client';
import { computeReport } from '../../src/services/report';
import { storeReport } from '../../src/services/store-report';
import { memoryGovernanceStore } from '../../src/store/memory';
import { syncBoard } from '../../src/sync/engine';
import type { GovernanceStore } from '../../src/store/types';
import { directLoaded } from '../demo/direct';

const NOW = parseInstant(DEMO_NOW);
const DAY = 86_400_000;

let site: SiteData;
let emulator: Emulator;
beforeAll(async () => {
  site = buildDemoSite();
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());

async function syncAll(store: GovernanceStore, config: GovernanceConfig, boardIds: readonly number[]) {
  const client = createJiraClient(emulatorTransport(emulator.url, DEMO_APP));
  const deps = { client, store, clock: () => NOW, config: async () => ({ config, key: 'demo' }), owner: 'test' };
  return Promise.all(boardIds.map((id) => syncBoard(deps, id)));
}

describe('the store against a direct computation', () => {
  const config = parseConfigOrThrow(demoConfig());
  it('gives every figure of every board the direct computation gives, after a backfill', async () => {
    const boardIds = site.boards.map((b) => b.board.id);
    const store = memoryGovernanceStore();
    const outcomes = await syncAll(store, config, boardIds);
    expect(outcomes).toEqual(boardIds.map(() => expect.objectContaining({ status: 'synced' })));
    const req = { sprints: 6, from: NOW - 30 * DAY, to: NOW, config };
    const fromStore = await storeReport(store, boardIds, req);
    const direct = computeReport(directLoaded(site, boardIds, NOW, DEMO_APP), { ...req, boardIds, now: NOW });
    expect(fromStore.pending).toEqual([]);
    expect(fromStore.report).toEqual(direct);
    // A roll-up too.
    const rolled = await storeReport(store, boardIds, { ...req, rollup: { dimension: 'product', key: 'payments' } });
    expect(rolled.report).toEqual(computeReport(directLoaded(site, boardIds, NOW, DEMO_APP), { ...req, boardIds, now: NOW, rollup: { dimension: 'product', key: 'payments' } }));
  }, 120_000);
});
