/**
 * Upgrading from the version that kept the checklists in the issue property. Jira keeps no record
 * of who wrote a property and lets every editor write it, so nothing found there becomes
 * authoritative: ticks are imported once, as unverified claims that count as open until someone
 * who may edit the issue confirms them; after the import (and after the one-time migration job has
 * finished, for issues nobody opened) a property in the earlier format is tampering.
 */
import { memoryGovernanceStore } from '../../src/store/memory';
import { READINESS_PROPERTY_KEY, ReadinessMirror } from '../../src/domain/checklists';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { readinessGate } from '../../src/forge/readiness-validator';
import { buildResolver } from '../../src/forge/resolver';
import { memoryStore, type Store } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import { migrateLegacyReadiness, MIGRATION_KEY } from '../../src/services/readiness-migration';
import type { Envelope, ReadinessView } from '../../src/shared/protocol';

const NOW = parseInstant(DEMO_NOW);
const CLOCK = Date.parse('2026-11-28T09:30:00Z');
const ADMIN = DEMO_USERS.admin;
const PO = DEMO_USERS.productOwner;
const SM = DEMO_USERS.scrumMaster;

let site: SiteData;
let emulator: Emulator;
let stories: { id: string; key: string }[];

const clientFor = (accountId: string) => createJiraClient(emulatorTransport(emulator.url, accountId), { maxRetries: 0 });

function setup(store: Store = memoryStore(() => NOW)) {
  void store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(ADMIN), store, now: () => NOW, clock: () => CLOCK, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined } }).getDefinitions();
  const call = async (functionKey: string, payload: unknown, user: string, story: { id: string; key: string }) => {
    const extension = { type: 'jira:issuePanel', issue: { id: story.id, key: story.key, type: 'Story' }, project: { key: story.key.split('-')[0] } };
    return (await definitions({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: user } })) as Envelope<ReadinessView>;
  };
  const gate = (kind: 'dor' | 'dod') => readinessGate({ jira: () => clientFor(ADMIN), store, now: () => CLOCK }, kind);
  return { store, call, gate };
}

function ok<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

async function putProperty(user: string, key: string, value: unknown) {
  const r = await emulatorTransport(emulator.url, user)({ method: 'PUT', path: `/rest/api/3/issue/${key}/properties/${READINESS_PROPERTY_KEY}`, body: value });
  expect([200, 201]).toContain(r.status);
}

const property = (key: string) => clientFor(ADMIN).issueProperty(key, READINESS_PROPERTY_KEY);
const item = (view: ReadinessView, list: 'dor' | 'dod', id: string) => view.lists[list]?.items.find((i) => i.id === id);

/** What an earlier version of the app wrote after two people ticked. */
const legacy = () => ({
  schemaVersion: 1,
  version: 4,
  updatedAt: '2026-11-20T10:00:00Z',
  updatedBy: SM,
  dor: { ready: 'false', applies: 'true', progress: 50, openRequired: 3, required: 6, total: 6 },
  dod: { ready: 'false', applies: 'true', progress: 0, openRequired: 9, required: 9, total: 9 },
  lists: {
    dor: {
      templateId: 'dor-default',
      items: {
        cjm: { state: 'done', by: PO, at: '2026-11-19T09:00:00Z', text: { en: 'Customer journey map (CJM) prepared', ru: 'CJM подготовлена' } },
        'uxui-copyright': { state: 'notApplicable', reason: 'Нет новых текстов', by: SM, at: '2026-11-20T10:00:00Z', text: { en: 'UX/UI copyright check', ru: 'Проверка копирайта' } },
      },
    },
    dod: { templateId: 'dod-default', items: {} },
  },
  history: [
    { change: 'state', at: '2026-11-19T09:00:00Z', by: PO, list: 'dor', item: 'cjm', from: 'open', to: 'done' },
    { change: 'state', at: '2026-11-20T10:00:00Z', by: SM, list: 'dor', item: 'uxui-copyright', from: 'open', to: 'notApplicable', reason: 'Нет новых текстов' },
  ],
});

beforeAll(async () => {
  site = buildDemoSite();
  stories = site.issues
    .filter((i) => (i.fields.issuetype as { name: string }).name === 'Story' && i.key.startsWith('PAY-') && !(READINESS_PROPERTY_KEY in i.properties))
    .slice(0, 8)
    .map((i) => ({ id: i.id, key: i.key }));
  if (stories.length < 8) throw new Error('the demo site has too few PAY stories');
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  for (const s of stories) {
    const r = await emulatorTransport(emulator.url, ADMIN)({ method: 'DELETE', path: `/rest/api/3/issue/${s.key}/properties/${READINESS_PROPERTY_KEY}` });
    expect([204, 404]).toContain(r.status);
  }
});

describe('a property written by an earlier version of the app', () => {
  it('is imported as unverified claims: shown with who they claim, counted as open, the gate stays closed', async () => {
    const story = stories[0]!;
    const { call, gate } = setup();
    await putProperty(SM, story.key, legacy());
    const view = ok(await call('readiness/get', {}, PO, story));
    expect(item(view, 'dor', 'cjm')).toMatchObject({ state: 'open', by: null, imported: { state: 'done', by: PO, at: '2026-11-19T09:00:00Z', reason: null } });
    expect(item(view, 'dor', 'uxui-copyright')).toMatchObject({ state: 'open', imported: { state: 'notApplicable', by: SM, reason: 'Нет новых текстов' } });
    expect(view.imported).toMatchObject({ claimedVersion: 4, claimedUpdatedBy: SM, unverified: 2 });
    expect(view.imported?.history.map((h) => h.item)).toEqual(['uxui-copyright', 'cjm']);
    expect(view.history).toEqual([]);
    // Nothing imported counts: the gate is as closed as on an issue nobody ticked.
    const verdict = await gate('dor')({ issue: { key: story.key } });
    expect(verdict.result).toBe(false);
    expect(verdict.errorMessage).toMatch(/imported from an earlier version of the app and await/);
    // The property is now the app's mirror, of the imported state.
    expect(ReadinessMirror.parse(await property(story.key))).toMatchObject({ version: view.version, dor: { ready: 'false' } });
    // Someone who may edit the issue confirms a claim: the tick becomes theirs, recorded in the audit trail.
    const confirmed = ok(await call('readiness/update', { version: view.version, change: { list: 'dor', item: 'cjm', state: 'done' } }, SM, story));
    expect(item(confirmed, 'dor', 'cjm')).toMatchObject({ state: 'done', by: SM, imported: null });
    expect(confirmed.history[0]).toMatchObject({ by: SM, item: 'cjm', from: 'open', to: 'done' });
    expect(confirmed.imported?.unverified).toBe(1);
    // A reason is confirmed by marking the item not applicable again.
    const na = ok(await call('readiness/update', { version: confirmed.version, change: { list: 'dor', item: 'uxui-copyright', state: 'notApplicable', reason: 'Нет новых текстов' } }, PO, story));
    expect(item(na, 'dor', 'uxui-copyright')).toMatchObject({ state: 'notApplicable', by: PO, imported: null });
    expect(na.imported?.unverified).toBe(0);
  });

  it('is imported once: the same document written again afterwards is tampering', async () => {
    const story = stories[1]!;
    const { call } = setup();
    await putProperty(SM, story.key, legacy());
    const first = ok(await call('readiness/get', {}, PO, story));
    await putProperty(SM, story.key, { ...legacy(), version: 9, lists: { dor: { templateId: 'dor-default', items: { architecture: { state: 'done', by: PO, at: '2026-11-28T09:00:00Z', text: { en: 'A', ru: 'A' } } } }, dod: null } });
    const again = ok(await call('readiness/get', {}, ADMIN, story));
    expect(item(again, 'dor', 'architecture')).toMatchObject({ state: 'open', imported: null });
    expect(again.version).toBe(first.version);
    expect(again.integrity?.incidents[0]).toMatchObject({ kind: 'tampered', detectedBy: 'panel', found: expect.stringMatching(/earlier format/) });
    expect(ReadinessMirror.parse(await property(story.key)).version).toBe(first.version);
  });

  it('is never imported once the one-time migration has finished', async () => {
    const story = stories[2]!;
    const { store, call } = setup();
    await store.set(MIGRATION_KEY, { completedAt: '2026-11-27T00:00:00Z', imported: 0, scanned: 0 });
    await putProperty(SM, story.key, legacy());
    const view = ok(await call('readiness/get', {}, ADMIN, story));
    expect(view.imported).toBeNull();
    expect(item(view, 'dor', 'cjm')).toMatchObject({ state: 'open', imported: null });
    expect(view.integrity?.incidents[0]).toMatchObject({ kind: 'tampered', detectedBy: 'panel', found: expect.stringMatching(/earlier format/) });
    expect(ReadinessMirror.parse(await property(story.key)).schemaVersion).toBe(2);
  });
});

describe('the one-time migration job', () => {
  it('imports every property of the earlier format it finds, as unverified, once; then closes the import', async () => {
    const { store, call } = setup();
    const targets = stories.slice(3, 6);
    for (const s of targets) await putProperty(PO, s.key, legacy());
    const run = await migrateLegacyReadiness({ app: clientFor(ADMIN), store, now: CLOCK });
    expect(run).toMatchObject({ done: true, imported: targets.length });
    for (const s of targets) {
      expect(ReadinessMirror.parse(await property(s.key)).schemaVersion).toBe(2);
      const view = ok(await call('readiness/get', {}, PO, s));
      expect(view.imported?.unverified).toBe(2);
      expect(item(view, 'dor', 'cjm')?.state).toBe('open');
    }
    expect((await store.get(MIGRATION_KEY))?.value).toMatchObject({ completedAt: expect.any(String), imported: targets.length });
    // Once finished it does nothing, and a property in the earlier format is no longer a source.
    await putProperty(PO, stories[6]!.key, legacy());
    expect(await migrateLegacyReadiness({ app: clientFor(ADMIN), store, now: CLOCK })).toMatchObject({ done: true, imported: 0, scanned: 0 });
    expect(ok(await call('readiness/get', {}, PO, stories[6]!)).imported).toBeNull();
  });
});
