/**
 * The Readiness resolvers as Forge calls them (`getDefinitions()`, an issue panel's context, the
 * principal), over the Jira REST emulator serving the demo site and an in-memory store: reads,
 * ticks, permissions checked as the user, stale versions refused, two people at once, malformed
 * payloads refused with nothing written, template migration, the state in the app's storage (and
 * its size limit) and the mirror property Jira indexes.
 */
import { memoryGovernanceStore } from '../../src/store/memory';
import { defaultConfig, GovernanceConfig, parseConfigOrThrow } from '../../src/domain/config';
import { READINESS_PROPERTY_KEY, ReadinessMirror, ReadinessState } from '../../src/domain/checklists';
import type { Store } from '../../src/forge/store';
import { parseInstant } from '../../src/domain/jira';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { buildResolver } from '../../src/forge/resolver';
import { memoryStore } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import type { Envelope, ReadinessView } from '../../src/shared/protocol';
import { emulatorTransport } from '../../src/emulator/acting-as';

const NOW = parseInstant(DEMO_NOW);
const CLOCK = Date.parse('2026-11-28T09:30:00Z');
const PO = DEMO_USERS.productOwner; // edits the payments projects
const SM = DEMO_USERS.scrumMaster; // edits the payments projects too
const BPO = DEMO_USERS.businessOwner; // browses everything, edits nothing
const LOANS = DEMO_USERS.loansAnalyst; // browses the loans projects only

let site: SiteData;
let emulator: Emulator;
let story: { id: string; key: string };
let other: { id: string; key: string };

const clientFor = (accountId: string) => {
  return createJiraClient(emulatorTransport(emulator.url, accountId), { maxRetries: 0 });
};

function setup(config: GovernanceConfig = parseConfigOrThrow(demoConfig())) {
  const store = memoryStore(() => NOW);
  void store.set(CONFIG_KEY, config);
  const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(DEMO_USERS.admin), store, now: () => NOW, clock: () => CLOCK, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined } }).getDefinitions();
  const call = async <T = ReadinessView>(functionKey: string, payload: unknown, opts: { user?: string; issue?: { id: string; key: string } | null } = {}) => {
    const issue = opts.issue === undefined ? story : opts.issue;
    const extension = issue ? { type: 'jira:issuePanel', issue: { id: issue.id, key: issue.key, type: 'Story' }, project: { key: issue.key.split('-')[0] } } : { type: 'jira:issuePanel' };
    return (await definitions({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: opts.user ?? PO } })) as Envelope<T>;
  };
  return { store, call };
}

/** The mirror property, read as the administrator; null when absent. */
async function mirror(issueKey = story.key): Promise<ReadinessMirror | null> {
  const value = await clientFor(DEMO_USERS.admin).issueProperty(issueKey, READINESS_PROPERTY_KEY);
  return value === null ? null : ReadinessMirror.parse(value);
}

/** The state in the app's storage, with its version; null when absent. */
async function stored(store: Store, issue = story): Promise<(ReadinessState & { storeVersion: number }) | null> {
  const doc = await store.get(`readiness:${issue.id}`);
  return doc === null ? null : { ...ReadinessState.parse(doc.value), storeVersion: doc.version };
}

async function clear(issueKey = story.key) {
  const r = await emulatorTransport(emulator.url, DEMO_USERS.admin)({ method: 'DELETE', path: `/rest/api/3/issue/${issueKey}/properties/${READINESS_PROPERTY_KEY}` });
  expect([204, 404]).toContain(r.status);
}

const propertyWrites = () => emulator.requests.filter((r) => r.method === 'PUT' && r.endpoint?.includes('/properties/')).length;

function ok<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

const item = (view: ReadinessView, list: 'dor' | 'dod', id: string) => view.lists[list]?.items.find((i) => i.id === id);

beforeAll(async () => {
  site = buildDemoSite();
  const stories = site.issues.filter((i) => (i.fields.issuetype as { name: string }).name === 'Story' && i.key.startsWith('PAY-'));
  const first = stories[0];
  const second = stories[1];
  if (!first || !second) throw new Error('the demo site has no PAY stories');
  story = { id: first.id, key: first.key };
  other = { id: second.id, key: second.key };
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await clear(story.key);
  await clear(other.key);
});

describe('readiness/get', () => {
  it("shows the issue's DoR and DoD from the configuration, and writes the summary Jira indexes", async () => {
    const { store, call } = setup();
    const view = ok(await call('readiness/get', {}));
    expect(view.issue.key).toBe(story.key);
    expect(view.canEdit).toBe(true);
    expect(view.lists.dor?.templateId).toBe('dor-default');
    expect(view.lists.dod?.items).toHaveLength(9);
    expect(view.version).toBe(1);
    expect(view.integrity).toBeNull();
    expect(await stored(store)).toMatchObject({ storeVersion: 1, updatedBy: null, issueId: story.id, history: [] });
    const doc = await mirror();
    expect(doc).toMatchObject({ schemaVersion: 2, version: 1, dor: { applies: 'true', ready: view.lists.dor?.ready ? 'true' : 'false', openRequired: view.lists.dor?.openRequired } });
    // Reading again changes nothing.
    const writes = propertyWrites();
    expect(ok(await call('readiness/get', {})).version).toBe(1);
    expect(propertyWrites()).toBe(writes);
  });

  it('is read-only for someone who may not edit the issue, who writes nothing to Jira', async () => {
    const { store, call } = setup();
    const view = ok(await call('readiness/get', {}, { user: BPO }));
    expect(view.canEdit).toBe(false);
    expect(view.history).toEqual([]);
    // The app keeps its own bookkeeping (an empty state, the mirror JQL needs), as the app.
    expect((await stored(store))?.updatedBy).toBeNull();
    expect(emulator.requests.filter((r) => r.method === 'PUT' && r.user === BPO)).toEqual([]);
    expect((await mirror())?.version).toBe(view.version);
  });

  it('answers NOT_FOUND for an issue the user may not browse, and needs an issue in the context', async () => {
    const { call } = setup();
    expect(await call('readiness/get', {}, { user: LOANS })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(await call('readiness/get', {}, { issue: null })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/needs an issue/) } });
  });

  it('reports a state in the app’s storage it cannot read, and leaves it alone', async () => {
    const { store, call } = setup();
    await store.set(`readiness:${story.id}`, { schemaVersion: 1, hello: 'world' });
    const writes = propertyWrites();
    const r = await call('readiness/get', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringMatching(/kept by the app cannot be read.*left untouched/) } });
    expect(propertyWrites()).toBe(writes);
    expect((await store.get(`readiness:${story.id}`))?.value).toEqual({ schemaVersion: 1, hello: 'world' });
  });
});

describe('readiness/update', () => {
  it('ticks an item as the user: who and when are recorded, the version moves on, the summary follows', async () => {
    const { store, call } = setup();
    const before = ok(await call('readiness/get', {}));
    const after = ok(await call('readiness/update', { version: before.version, change: { list: 'dor', item: 'cjm', state: 'done' } }));
    expect(after.version).toBe(before.version + 1);
    expect(item(after, 'dor', 'cjm')).toMatchObject({ state: 'done', by: PO, at: '2026-11-28T09:30:00Z' });
    expect(after.lists.dor?.complete).toBe((before.lists.dor?.complete ?? 0) + 1);
    expect(after.history[0]).toMatchObject({ by: PO, item: 'cjm', from: 'open', to: 'done', text: { en: 'Customer journey map (CJM) prepared' } });
    expect(after.people[PO]).toMatchObject({ displayName: 'Dmitry Volkov', avatarUrl: expect.stringContaining(PO) });
    const state = await stored(store);
    expect(state?.lists.dor?.items.cjm).toMatchObject({ state: 'done', by: PO });
    expect(state?.storeVersion).toBe(after.version);
    expect(await mirror()).toMatchObject({ version: after.version, dor: { progress: after.lists.dor?.progress } });
  });

  it('marks an item not applicable only with a reason, and shows the reason', async () => {
    const { call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    const after = ok(await call('readiness/update', { version: v, change: { list: 'dod', item: 'load-test', state: 'notApplicable', reason: 'No new endpoints' } }));
    expect(item(after, 'dod', 'load-test')).toMatchObject({ state: 'notApplicable', reason: 'No new endpoints', by: PO });
  });

  it('refuses someone who may not edit the issue, asking Jira as that user, and writes nothing', async () => {
    const { store, call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    const writes = propertyWrites();
    const permissionChecks = emulator.requests.filter((r) => r.endpoint === 'GET /rest/api/3/mypermissions' && r.user === BPO).length;
    const r = await call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }, { user: BPO });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/may not edit/) } });
    expect(emulator.requests.filter((q) => q.endpoint === 'GET /rest/api/3/mypermissions' && q.user === BPO).length).toBe(permissionChecks + 1);
    expect(propertyWrites()).toBe(writes);
    expect((await stored(store))?.storeVersion).toBe(v);
  });

  it('refuses a stale version and writes nothing', async () => {
    const { store, call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    ok(await call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }));
    const writes = propertyWrites();
    const r = await call('readiness/update', { version: v, change: { list: 'dor', item: 'architecture', state: 'done' } }, { user: SM });
    expect(r).toEqual({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/changed since you read them \(version 1, now 2\)/) } });
    expect(propertyWrites()).toBe(writes);
    expect((await stored(store))?.lists.dor?.items.architecture).toBeUndefined();
  });

  it('loses no tick when two people save at the same moment: one wins, the other re-reads and re-applies', async () => {
    const { store, call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    const [a, b] = await Promise.all([
      call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }, { user: PO }),
      call('readiness/update', { version: v, change: { list: 'dor', item: 'architecture', state: 'done' } }, { user: SM }),
    ]);
    const results = [a, b];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(1);
    // What the panel does with CONFLICT: read again, apply the same change on the new version.
    const loser = a.ok ? { user: SM, item: 'architecture' } : { user: PO, item: 'cjm' };
    const fresh = ok(await call('readiness/get', {}, { user: loser.user }));
    const merged = ok(await call('readiness/update', { version: fresh.version, change: { list: 'dor', item: loser.item, state: 'done' } }, { user: loser.user }));
    expect(item(merged, 'dor', 'cjm')).toMatchObject({ state: 'done', by: PO });
    expect(item(merged, 'dor', 'architecture')).toMatchObject({ state: 'done', by: SM });
    expect((await stored(store))?.storeVersion).toBe(v + 2);
    expect((await mirror())?.version).toBe(v + 2);
  });

  it('lets only one of two writers who read the same version write: the other is refused by the compare-and-set', async () => {
    // Both writers read the state before either writes: only the store's compare-and-set tells them apart.
    const { call: first, store: inner } = setup();
    const v = ok(await first('readiness/get', {})).version;
    let waiting: (() => void)[] = [];
    let released = false;
    const barrier = () =>
      released
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 2) {
              released = true;
              for (const w of waiting) w();
              waiting = [];
            }
          });
    const store: Store = {
      ...inner,
      async get(key: string) {
        const value = await inner.get(key);
        if (key === `readiness:${story.id}`) await barrier();
        return value;
      },
    };
    const definitions = buildResolver({
      jiraForUser: clientFor,
      jiraAsApp: () => clientFor(DEMO_USERS.admin),
      store,
      now: () => NOW,
      clock: () => CLOCK,
      governance: memoryGovernanceStore(),
      syncQueue: { push: async () => undefined },
    }).getDefinitions();
    const extension = { type: 'jira:issuePanel', issue: { id: story.id, key: story.key, type: 'Story' }, project: { key: 'PAY' } };
    const update = async (user: string, itemId: string) =>
      (await definitions({ call: { functionKey: 'readiness/update', payload: { version: v, change: { list: 'dor', item: itemId, state: 'done' } } }, context: { extension } }, { principal: { accountId: user } })) as Envelope<ReadinessView>;
    const [a, b] = await Promise.all([update(PO, 'cjm'), update(SM, 'architecture')]);
    expect([a, b].filter((r) => r.ok)).toHaveLength(1);
    const refused = [a, b].find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const doc = await stored(inner);
    expect(doc?.storeVersion).toBe(v + 1);
    const ticked = Object.entries(doc?.lists.dor?.items ?? {}).filter(([, m]) => m.state === 'done').map(([k]) => k);
    expect(ticked).toContain(a.ok ? 'cjm' : 'architecture');
    expect(ticked).not.toContain(a.ok ? 'architecture' : 'cjm');
  });

  it('does not record a change twice when it is re-applied after the other person made the same one', async () => {
    const { call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    ok(await call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }, { user: SM }));
    const fresh = ok(await call('readiness/get', {}));
    const writes = propertyWrites();
    const same = ok(await call('readiness/update', { version: fresh.version, change: { list: 'dor', item: 'cjm', state: 'done' } }));
    expect(same.version).toBe(fresh.version);
    expect(propertyWrites()).toBe(writes);
    expect(item(same, 'dor', 'cjm')?.by).toBe(SM);
  });

  it.each<[string, unknown, RegExp]>([
    ['no change', { version: 1 }, /Invalid request: change: /],
    ['an unknown list', { version: 1, change: { list: 'dox', item: 'cjm', state: 'done' } }, /change\.list/],
    ['an item id that cannot be one', { version: 1, change: { list: 'dor', item: 'CJM!', state: 'done' } }, /change\.item: must be a checklist item id/],
    ['an unknown state', { version: 1, change: { list: 'dor', item: 'cjm', state: 'maybe' } }, /change\.state/],
    ['a negative version', { version: -1, change: { list: 'dor', item: 'cjm', state: 'done' } }, /version/],
    ['a reason over 500 characters', { version: 1, change: { list: 'dor', item: 'cjm', state: 'notApplicable', reason: 'x'.repeat(501) } }, /change\.reason: must be at most 500 characters/],
    ['an issue key in the payload (the issue comes from the context)', { version: 1, issueKey: 'PAY-2', change: { list: 'dor', item: 'cjm', state: 'done' } }, /issueKey/],
    ['not applicable without a reason', { version: 1, change: { list: 'dor', item: 'cjm', state: 'notApplicable' } }, /A reason is required to mark "Customer journey map \(CJM\) prepared" not applicable/],
    ['a blank reason', { version: 1, change: { list: 'dor', item: 'cjm', state: 'notApplicable', reason: '   ' } }, /A reason is required/],
    ['ticking an auto item', { version: 1, change: { list: 'dor', item: 'estimate', state: 'done' } }, /checked automatically/],
    ['an item the template does not have', { version: 1, change: { list: 'dod', item: 'cjm', state: 'done' } }, /has no item "cjm"/],
  ])('refuses %s with a clear error, and writes nothing', async (_name, payload, message) => {
    const { store, call } = setup();
    expect(ok(await call('readiness/get', {})).version).toBe(1);
    const writes = propertyWrites();
    const r = await call('readiness/update', payload);
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(message) } });
    expect(propertyWrites()).toBe(writes);
    expect((await stored(store))?.storeVersion).toBe(1);
  });

  it('archives the oldest history and then refuses a change that would outgrow the 240 KiB the store keeps, naming the limit', async () => {
    // A long template (about 220 KB of text in the configuration) whose marks keep each item's wording, and long reasons in Chinese (3 bytes a character).
    const base = defaultConfig();
    const long = GovernanceConfig.parse({
      ...base,
      checklists: {
        templates: [
          {
            id: 'dor-long',
            kind: 'dor',
            name: { en: 'DoR', ru: 'DoR' },
            items: Array.from({ length: 100 }, (_, i) => ({ id: `item-${i}`, text: { en: `Item ${i} `.padEnd(700, 'x'), ru: `Пункт ${i} `.padEnd(700, 'я') } })),
          },
        ],
      },
    });
    const { store, call } = setup(long);
    let version = ok(await call('readiness/get', {})).version;
    let refusal: Envelope<ReadinessView> | null = null;
    let last: ReadinessView | null = null;
    for (let i = 0; i < 100 && !refusal; i++) {
      const r = await call('readiness/update', { version, change: { list: 'dor', item: `item-${i}`, state: 'notApplicable', reason: `原因 ${i} `.padEnd(500, '語') } });
      if (r.ok) {
        version = r.data.version;
        last = r.data;
      } else refusal = r;
    }
    expect(refusal).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/more than the 245,760 bytes \(240 KiB\) the app's storage keeps for one issue/) } });
    // Nothing was lost on the way: the oldest history went to the archive, and the refused change changed nothing.
    expect(last?.archivedParts).toBeGreaterThan(0);
    const state = await stored(store);
    expect(state?.storeVersion).toBe(version);
    const archived = await Promise.all((state?.archive ?? []).map(async (k) => ((await store.get(k))?.value as { entries: unknown[] }).entries.length));
    expect(archived.reduce((a, b) => a + b, 0) + (state?.history.length ?? 0)).toBe(version - 1);
  });
});

describe('template migration through the resolvers', () => {
  it('keeps ticks by item id when an administrator changes the template, and records removed items', async () => {
    const { store, call } = setup();
    const v = ok(await call('readiness/get', {})).version;
    ok(await call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }));
    const v2 = ok(await call('readiness/get', {})).version;
    ok(await call('readiness/update', { version: v2, change: { list: 'dor', item: 'uxui-copyright', state: 'notApplicable', reason: 'No new copy' } }));
    const config = parseConfigOrThrow(demoConfig());
    const dor = config.checklists.templates.find((t) => t.id === 'dor-default');
    if (!dor) throw new Error('no default DoR');
    dor.items = [...dor.items.filter((i) => i.id !== 'uxui-copyright'), { id: 'security', text: { en: 'Security review', ru: 'Проверка ИБ' }, required: true, allowNotApplicable: true, auto: null }];
    await store.set(CONFIG_KEY, config);
    const view = ok(await call('readiness/get', {}, { user: SM }));
    expect(item(view, 'dor', 'cjm')).toMatchObject({ state: 'done', by: PO });
    expect(item(view, 'dor', 'security')).toMatchObject({ state: 'open', by: null });
    expect(item(view, 'dor', 'uxui-copyright')).toBeUndefined();
    expect(view.history[0]).toMatchObject({ change: 'removed', item: 'uxui-copyright', to: 'notApplicable', reason: 'No new copy', by: null });
    const state = await stored(store);
    expect(state?.lists.dor?.items['uxui-copyright']).toBeUndefined();
    expect(state?.history.at(-1)).toMatchObject({ change: 'removed', item: 'uxui-copyright' });
    expect(state?.storeVersion).toBe(view.version);
  });
});
