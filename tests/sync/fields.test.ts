/**
 * A configuration that reads a field the stored issues were not read with (a mapping on a custom
 * field, saved after the first sync): the next sync reads every issue of the board again, unchanged
 * ones included, so each stored issue holds the field; a run stopped midway resumes that re-read,
 * and a sync with nothing new to read reads only the changes.
 */
import { DEMO_APP } from '../../src/demo/people';
import { DEMO_NOW, buildDemoSite, demoConfig } from '../../src/demo/site';
import { ACCEPTANCE_CRITERIA_FIELD_ID, SEGMENT_FIELD_ID } from '../../src/demo/catalog';
import { defaultConfig, parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { createJiraClient } from '../../src/jira/client';
import { memoryGovernanceStore } from '../../src/store/memory';
import type { GovernanceStore } from '../../src/store/types';
import { type SyncDeps, syncBoard } from '../../src/sync/engine';

const NOW = parseInstant(DEMO_NOW);
/** FXT: the demo board whose issues carry the Segment field. */
const BOARD = 9;

let site: SiteData;
let emulator: Emulator;
beforeAll(async () => {
  site = buildDemoSite();
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());

function deps(store: GovernanceStore, config: GovernanceConfig, key: string, extra: Partial<SyncDeps> = {}): SyncDeps {
  const client = createJiraClient(emulatorTransport(emulator.url, DEMO_APP));
  return { client, store, clock: () => NOW, config: async () => ({ config, key }), owner: 'test', ...extra };
}

/** Ids of the board's stored issues holding a value of the Segment field. */
async function withSegment(store: GovernanceStore): Promise<Set<string>> {
  const docs = await store.issues(BOARD);
  return new Set(docs.filter((d) => d.fields[SEGMENT_FIELD_ID] !== undefined && d.fields[SEGMENT_FIELD_ID] !== null).map((d) => d.id));
}

/** The board's issues on the site that hold a Segment value. */
const siteWithSegment = (stored: ReadonlySet<string>) =>
  new Set(site.issues.filter((i) => stored.has(i.id) && i.fields[SEGMENT_FIELD_ID] !== undefined && i.fields[SEGMENT_FIELD_ID] !== null).map((i) => i.id));

describe('a configuration reading a new field', () => {
  it('reads every stored issue again with it, unchanged ones included, on the next sync', async () => {
    const store = memoryGovernanceStore();
    expect(await syncBoard(deps(store, defaultConfig(), 'defaults'), BOARD)).toMatchObject({ status: 'synced' });
    const stored = new Set((await store.issueStamps(BOARD)).keys());
    expect(stored.size).toBeGreaterThan(100);
    // The defaults map nothing on the Segment field: it is not kept.
    expect((await withSegment(store)).size).toBe(0);
    const expected = siteWithSegment(stored);
    expect(expected.size).toBeGreaterThan(50);

    const before = emulator.requests.length;
    const outcome = await syncBoard(deps(store, parseConfigOrThrow(demoConfig()), 'demo'), BOARD);
    expect(outcome).toMatchObject({ status: 'synced', changed: stored.size });
    expect(await withSegment(store)).toEqual(expected);
    const state = (await store.board(BOARD))?.value;
    expect(state?.sync.fields).toContain(SEGMENT_FIELD_ID);
    expect(state?.sync.cursor).toBeNull();
    expect(state?.sync.watermark).not.toBeNull();
    expect(emulator.requests.slice(before).some((r) => r.endpoint === 'POST /rest/api/3/changelog/bulkfetch')).toBe(true);

    // Nothing changed since: the next sync reads no issue again.
    const mark = emulator.requests.length;
    expect(await syncBoard(deps(store, parseConfigOrThrow(demoConfig()), 'demo'), BOARD)).toMatchObject({ status: 'synced', changed: 0 });
    expect(emulator.requests.slice(mark).filter((r) => r.endpoint === 'POST /rest/api/3/changelog/bulkfetch')).toEqual([]);
  });

  it('resumes the re-read where a run stopped, and still reads every issue with the field', async () => {
    const store = memoryGovernanceStore();
    await syncBoard(deps(store, defaultConfig(), 'defaults'), BOARD);
    const stored = new Set((await store.issueStamps(BOARD)).keys());
    const config = parseConfigOrThrow(demoConfig());
    // A budget of zero stops the run after its first group of 50 issues.
    let o = await syncBoard(deps(store, config, 'demo', { budgetMs: 0, groupSize: 50 }), BOARD);
    expect(o.status).toBe('more');
    expect((await store.board(BOARD))?.value.sync.cursor?.newFields).toEqual([ACCEPTANCE_CRITERIA_FIELD_ID, SEGMENT_FIELD_ID].sort());
    for (let n = 0; o.status === 'more' && n < 100; n++) o = await syncBoard(deps(store, config, 'demo', { budgetMs: 0, groupSize: 50 }), BOARD);
    expect(o.status).toBe('synced');
    expect(await withSegment(store)).toEqual(siteWithSegment(stored));
  });
});
