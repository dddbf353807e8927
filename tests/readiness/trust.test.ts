/**
 * Trust in the readiness gate and its audit trail, over the Jira REST emulator serving the demo
 * site. Jira lets anyone who may edit an issue write its properties through the REST API; these
 * tests do exactly that, as an editor, and show that the checklists live in the app's storage:
 * a forged property passes no workflow validator, forges no tick in the panel, is reported to
 * administrators and is rewritten from the app's state. Also: a write that lands late (after
 * someone else's) is refused and no tick is lost.
 */
import { memoryGovernanceStore } from '../../src/store/memory';
import { READINESS_PROPERTY_KEY, ReadinessMirror } from '../../src/domain/checklists';
import { GovernanceConfig, parseConfigOrThrow } from '../../src/domain/config';
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
import { ReadinessError, updateReadiness } from '../../src/services/checklists';
import type { Envelope, ReadinessView } from '../../src/shared/protocol';

const NOW = parseInstant(DEMO_NOW);
const CLOCK = Date.parse('2026-11-28T09:30:00Z');
const ADMIN = DEMO_USERS.admin; // a Jira administrator; the emulator's stand-in for the app
const PO = DEMO_USERS.productOwner; // edits the payments projects
const SM = DEMO_USERS.scrumMaster; // edits the payments projects too: the forger here

let site: SiteData;
let emulator: Emulator;
let story: { id: string; key: string };

const clientFor = (accountId: string) => createJiraClient(emulatorTransport(emulator.url, accountId), { maxRetries: 0 });

function setup(store: Store = memoryStore(() => NOW), config: GovernanceConfig = parseConfigOrThrow(demoConfig())) {
  void store.set(CONFIG_KEY, config);
  const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(ADMIN), store, now: () => NOW, clock: () => CLOCK, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined } }).getDefinitions();
  const call = async <T = ReadinessView>(functionKey: string, payload: unknown, user: string = PO) => {
    const extension = { type: 'jira:issuePanel', issue: { id: story.id, key: story.key, type: 'Story' }, project: { key: story.key.split('-')[0] } };
    return (await definitions({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: user } })) as Envelope<T>;
  };
  const gate = (kind: 'dor' | 'dod') => readinessGate({ jira: () => clientFor(ADMIN), store, now: () => CLOCK }, kind);
  return { store, call, gate };
}

function ok<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

/** What Jira's REST API lets any editor do: write the property straight, bypassing the app. */
async function putProperty(user: string, value: unknown) {
  const r = await emulatorTransport(emulator.url, user)({ method: 'PUT', path: `/rest/api/3/issue/${story.key}/properties/${READINESS_PROPERTY_KEY}`, body: value });
  expect([200, 201]).toContain(r.status);
}

const property = () => clientFor(ADMIN).issueProperty(story.key, READINESS_PROPERTY_KEY);
const item = (view: ReadinessView, list: 'dor' | 'dod', id: string) => view.lists[list]?.items.find((i) => i.id === id);
const transition = { issue: { key: '' }, transition: { from: { id: '10000' }, to: { id: '3' } } };
const gateArgs = () => ({ ...transition, issue: { key: story.key } });

/** A forged mirror: every list ready, as if everything had been ticked. */
const forgedMirror = () => ({
  schemaVersion: 2,
  version: 99,
  updatedAt: '2026-11-28T09:00:00Z',
  dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 6, total: 6 },
  dod: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 9, total: 9 },
});

/** A forged document in the format of earlier versions: a tick by the product owner, who never ticked. */
const forgedLegacy = () => ({
  schemaVersion: 1,
  version: 5,
  updatedAt: '2026-11-28T09:00:00Z',
  updatedBy: PO,
  dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 6, total: 6 },
  dod: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 9, total: 9 },
  lists: {
    dor: { templateId: 'dor-default', items: { cjm: { state: 'done', by: PO, at: '2026-11-28T08:59:00Z', text: { en: 'CJM', ru: 'CJM' } } } },
    dod: null,
  },
  history: [{ change: 'state', at: '2026-11-28T08:59:00Z', by: PO, list: 'dor', item: 'cjm', from: 'open', to: 'done' }],
});

beforeAll(async () => {
  site = buildDemoSite();
  const first = site.issues.find((i) => (i.fields.issuetype as { name: string }).name === 'Story' && i.key.startsWith('PAY-') && !(READINESS_PROPERTY_KEY in i.properties));
  if (!first) throw new Error('the demo site has no PAY story without readiness');
  story = { id: first.id, key: first.key };
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  const r = await emulatorTransport(emulator.url, ADMIN)({ method: 'DELETE', path: `/rest/api/3/issue/${story.key}/properties/${READINESS_PROPERTY_KEY}` });
  expect([204, 404]).toContain(r.status);
});

describe('a property written straight through Jira’s REST API', () => {
  it.each([
    ['a mirror claiming everything is ready', forgedMirror],
    ['a document in the earlier format with a tick the product owner never made', forgedLegacy],
  ])('(%s) passes no gate, forges no tick, is shown to administrators and rewritten', async (_name, forged) => {
    const { call, gate } = setup();
    const before = ok(await call('readiness/get', {}));
    expect(before.lists.dor?.ready).toBe(false);
    await putProperty(SM, forged());

    // The workflow validators judge the app's state: the gate stays closed.
    const verdict = await gate('dor')(gateArgs());
    expect(verdict).toEqual({ result: false, errorMessage: expect.stringMatching(/^The Definition of Ready is not met: \d+ required items are open\./) });
    expect((await gate('dod')(gateArgs())).result).toBe(false);

    // The panel shows no tick nobody made, and the version did not move.
    const view = ok(await call('readiness/get', {}, SM));
    expect(item(view, 'dor', 'cjm')).toMatchObject({ state: 'open', by: null, imported: null });
    expect(view.version).toBe(before.version);
    expect(view.history).toEqual([]);
    // Someone who is not an administrator is not told about it…
    expect(view.integrity).toBeNull();
    // …an administrator is, with what was found and who noticed it first.
    const admin = ok(await call('readiness/get', {}, ADMIN));
    expect(admin.integrity?.incidents).toEqual([expect.objectContaining({ kind: 'tampered', detectedBy: 'validator', repaired: true, found: expect.stringMatching(/ready/) })]);

    // The property says again what the app's state says.
    const repaired = ReadinessMirror.parse(await property());
    expect(repaired).toMatchObject({ schemaVersion: 2, version: before.version, dor: { ready: 'false', openRequired: before.lists.dor?.openRequired } });
  });

  it('with schemaVersion 99 leaves the panel usable for everyone and the gate closed', async () => {
    const { call, gate } = setup();
    ok(await call('readiness/get', {}));
    await putProperty(SM, { schemaVersion: 99, dor: { ready: 'true' }, dod: { ready: 'true' } });
    const view = ok(await call('readiness/get', {}, PO));
    expect(view.lists.dor?.items.length).toBeGreaterThan(0);
    expect((await gate('dor')(gateArgs())).result).toBe(false);
    const admin = ok(await call('readiness/get', {}, ADMIN));
    expect(admin.integrity?.incidents[0]).toMatchObject({ kind: 'tampered', detectedBy: 'panel', found: expect.stringMatching(/schema 99/) });
    expect(ReadinessMirror.parse(await property()).schemaVersion).toBe(2);
    // Ticking still works, and the mirror follows.
    const v = ok(await call('readiness/update', { version: view.version, change: { list: 'dor', item: 'cjm', state: 'done' } }));
    expect(item(v, 'dor', 'cjm')).toMatchObject({ state: 'done', by: PO });
    expect(ReadinessMirror.parse(await property()).version).toBe(v.version);
  });

  it('cannot close a gate the app’s state has open: the validator passes what the checklists say is ready', async () => {
    const base = parseConfigOrThrow(demoConfig());
    const small = GovernanceConfig.parse({
      ...base,
      checklists: { templates: [{ id: 'dor-small', kind: 'dor', name: { en: 'DoR', ru: 'DoR' }, items: [{ id: 'cjm', text: { en: 'CJM', ru: 'CJM' } }, { id: 'architecture', text: { en: 'Architecture', ru: 'Архитектура' } }] }] },
    });
    const { call, gate } = setup(memoryStore(() => NOW), small);
    let view = ok(await call('readiness/get', {}));
    expect((await gate('dor')(gateArgs())).result).toBe(false);
    for (const id of ['cjm', 'architecture']) view = ok(await call('readiness/update', { version: view.version, change: { list: 'dor', item: id, state: 'done' } }));
    expect(view.lists.dor?.ready).toBe(true);
    expect(await gate('dor')(gateArgs())).toEqual({ result: true });
    await putProperty(SM, { ...forgedMirror(), dor: { ready: 'false', applies: 'true', progress: 0, openRequired: 6, required: 6, total: 6 } });
    expect(await gate('dor')(gateArgs())).toEqual({ result: true });
    expect(ReadinessMirror.parse(await property()).dor.ready).toBe('true');
  });

  it('a deleted property is written again, and reported', async () => {
    const { call, gate } = setup();
    ok(await call('readiness/get', {}));
    const r = await emulatorTransport(emulator.url, SM)({ method: 'DELETE', path: `/rest/api/3/issue/${story.key}/properties/${READINESS_PROPERTY_KEY}` });
    expect(r.status).toBe(204);
    expect((await gate('dor')(gateArgs())).result).toBe(false);
    expect(ReadinessMirror.parse(await property()).schemaVersion).toBe(2);
    const admin = ok(await call('readiness/get', {}, ADMIN));
    expect(admin.integrity?.incidents[0]).toMatchObject({ kind: 'deleted', detectedBy: 'validator' });
  });
});

describe('the workflow validators', () => {
  it('fail closed on an issue the app cannot read, and on a payload they do not understand', async () => {
    const { gate } = setup();
    expect(await gate('dor')({ issue: { key: 'PAY-999999' }, transition: transition.transition })).toEqual({ result: false, errorMessage: expect.stringMatching(/could not be checked/) });
    expect(await gate('dor')({ hello: 'world' })).toEqual({ result: false, errorMessage: expect.stringMatching(/could not be checked/) });
  });

  it('pass an issue to which no checklist of the kind applies', async () => {
    const base = parseConfigOrThrow(demoConfig());
    const { gate } = setup(memoryStore(() => NOW), GovernanceConfig.parse({ ...base, checklists: { templates: [] } }));
    expect(await gate('dod')(gateArgs())).toEqual({ result: true });
  });

  it('say an issue nobody has checked yet has not been checked, in English and Russian', async () => {
    const { gate } = setup();
    expect(await gate('dor')(gateArgs())).toEqual({
      result: false,
      errorMessage: 'The Definition of Ready of this issue has not been checked yet: open its Readiness panel. / DoR задачи ещё не проверялся: откройте панель «Готовность».',
    });
  });
});

describe('a write that lands late', () => {
  it('is refused when someone else wrote in between, and the other tick is kept', async () => {
    const base = memoryStore(() => NOW);
    const { call } = setup(base);
    const v = ok(await call('readiness/get', {})).version;
    // A's write is held just before it reaches the store, long after its read (a slow network, a paused function)…
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = true;
    const slow: Store = {
      ...base,
      get: (k) => base.get(k),
      set: (k, value, o) => base.set(k, value, o),
      delete: (k) => base.delete(k),
      async compareAndSet(key, value, expected, options) {
        if (holding && key.startsWith('readiness:')) {
          holding = false;
          await held;
        }
        return base.compareAndSet(key, value, expected, options);
      },
    };
    const config = parseConfigOrThrow(demoConfig());
    const a = updateReadiness(
      { client: clientFor(SM), app: clientFor(ADMIN), store: slow, config, issueKey: story.key, accountId: SM, now: CLOCK },
      { version: v, change: { list: 'dor', item: 'architecture', state: 'done' } },
    );
    await new Promise((r) => setTimeout(r, 200));
    // …while B reads and ticks.
    const b = ok(await call('readiness/update', { version: v, change: { list: 'dor', item: 'cjm', state: 'done' } }, PO));
    expect(b.version).toBe(v + 1);
    release();
    await expect(a).rejects.toBeInstanceOf(ReadinessError);
    await expect(a).rejects.toMatchObject({ failure: { kind: 'conflict' } });
    const after = ok(await call('readiness/get', {}));
    expect(after.version).toBe(v + 1);
    expect(item(after, 'dor', 'cjm')).toMatchObject({ state: 'done', by: PO });
    expect(item(after, 'dor', 'architecture')).toMatchObject({ state: 'open', by: null });
  });
});
