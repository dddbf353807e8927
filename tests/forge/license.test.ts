/**
 * The app's Marketplace license, as Forge hands it to the resolvers (the invocation's runtime
 * payload, which @forge/resolver puts in `context.license` over whatever the UI sent) and to the
 * workflow validators: an inactive license gets a clear answer in both languages and changes
 * nothing; no license at all (a free, development or staging install) works in full.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { DEMO_APP } from '../../src/demo/people';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { licenseState, READABLE_WHEN_UNLICENSED } from '../../src/forge/license';
import { readinessGate } from '../../src/forge/readiness-validator';
import { buildResolver, type ResolverDeps } from '../../src/forge/resolver';
import { memoryStore } from '../../src/forge/store';
import type { JiraClient } from '../../src/jira/types';
import { LICENSE_INACTIVE } from '../../src/shared/license-protocol';
import { RESOLVER, type Envelope } from '../../src/shared/protocol';
import type { GovernanceStore } from '../../src/store/types';
import { memoryGovernanceStore } from '../../src/store/memory';
import { demoSiteEmulator, NOW } from './harness';

const { clientFor } = demoSiteEmulator();

const INACTIVE = { isActive: false };
const ACTIVE = { isActive: true };

/** Every place a resolver could read or write, recording each use (and failing it). */
function watched() {
  const touched: string[] = [];
  const spy = <T extends object>(name: string): T =>
    new Proxy({} as T, {
      get: (_t, prop) => {
        if (prop === 'then') return undefined;
        return () => {
          touched.push(`${name}.${String(prop)}`);
          throw new Error(`${name}.${String(prop)} was used`);
        };
      },
    });
  const deps: ResolverDeps = {
    jiraForUser: (id) => {
      touched.push(`jiraForUser(${id})`);
      return spy<JiraClient>('jira');
    },
    jiraAsApp: () => {
      touched.push('jiraAsApp');
      return spy<JiraClient>('jiraAsApp');
    },
    store: spy('store'),
    governance: spy<GovernanceStore>('governance'),
    syncQueue: spy('syncQueue'),
    now: () => NOW,
  };
  return { deps, touched };
}

type Definitions = ReturnType<ReturnType<typeof buildResolver>['getDefinitions']>;

/** A call as Forge makes it: the UI's context, and the platform's principal and license. */
const invoke = async <T = unknown>(definitions: Definitions, functionKey: string, payload: unknown, opts: { license?: unknown; uiContext?: Record<string, unknown>; user?: string } = {}) =>
  (await definitions(
    { call: { functionKey, payload: payload as never }, context: { extension: { type: 'jira:issuePanel', issue: { id: '10001', key: 'PAY-1' }, project: { key: 'PAY' } }, ...opts.uiContext } },
    { principal: { accountId: opts.user ?? DEMO_USERS.admin }, ...(opts.license !== undefined ? { license: opts.license } : {}) },
  )) as Envelope<T>;

describe('licenseState', () => {
  it.each([
    [undefined, 'none'],
    [null, 'none'],
    [{ isActive: true }, 'active'],
    [{ active: true }, 'active'],
    [{ isActive: true, active: true }, 'active'],
    [{ isActive: false }, 'inactive'],
    [{ active: false }, 'inactive'],
    // One field saying "not active" is enough; a license that does not say it is active is not.
    [{ isActive: true, active: false }, 'inactive'],
    [{ isActive: 'true' }, 'inactive'],
    [{}, 'inactive'],
    ['active', 'inactive'],
  ])('%j is %s', (license, state) => {
    expect(licenseState(license)).toBe(state);
  });
});

describe('an inactive license', () => {
  it('is refused by every resolver but the settings readers, with the reason in English and Russian, before anything is read or written', async () => {
    const { deps, touched } = watched();
    const definitions = buildResolver(deps).getDefinitions();
    const refusedKeys = Object.values(RESOLVER).filter((k) => !READABLE_WHEN_UNLICENSED.has(k));
    // The writes are among the refused: checklists, hygiene fixes, settings, syncs, boards.
    expect(refusedKeys).toEqual(expect.arrayContaining(['readiness/update', 'hygiene/fix', 'settings/save', 'settings/import', 'sync/resync', 'sync/behind', 'sync/add', 'sync/forget', 'convergence/report']));
    for (const key of refusedKeys) {
      const r = await invoke(definitions, key, {}, { license: INACTIVE });
      expect({ key, r }).toEqual({ key, r: { ok: false, error: { code: 'UNLICENSED', message: expect.any(String) } } });
      if (r.ok) continue;
      expect(r.error.message).toContain(LICENSE_INACTIVE.en.title);
      expect(r.error.message).toContain(LICENSE_INACTIVE.ru.title);
      expect(r.error.message).toMatch(/nothing was changed/);
    }
    expect(touched).toEqual([]);
  });

  it('believes the platform, not the context the UI sent', async () => {
    const { deps, touched } = watched();
    const definitions = buildResolver(deps).getDefinitions();
    // The UI claims an active license; the invocation says otherwise.
    const r = await invoke(definitions, 'readiness/update', {}, { license: INACTIVE, uiContext: { license: ACTIVE } });
    expect(r.ok ? null : r.error.code).toBe('UNLICENSED');
    // The UI claims an inactive one on a development install: the platform sent none, so it is not refused.
    const s = await invoke<{ state: string }>(definitions, 'license/status', {}, { uiContext: { license: INACTIVE } });
    expect(s).toEqual({ ok: true, data: { state: 'none' } });
    expect(touched).toEqual([]);
  });

  it('lets a Jira administrator read and export the settings, and refuses to save them: the configuration stays as it was', async () => {
    const store = memoryStore(() => NOW);
    const config = parseConfigOrThrow(demoConfig());
    await store.set(CONFIG_KEY, config);
    const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(DEMO_APP), store, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined }, now: () => NOW }).getDefinitions();
    const loaded = await invoke<{ config: unknown; version: number | null }>(definitions, 'settings/load', {}, { license: INACTIVE });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const exported = await invoke<{ json: string }>(definitions, 'settings/export', {}, { license: INACTIVE });
    expect(exported.ok).toBe(true);
    const before = await store.get(CONFIG_KEY);
    const changed = { ...config, convergence: { ...config.convergence, target: 0.5 } };
    const saved = await invoke(definitions, 'settings/save', { config: changed, expectedVersion: loaded.data.version }, { license: INACTIVE });
    expect(saved.ok ? null : saved.error.code).toBe('UNLICENSED');
    expect(await store.get(CONFIG_KEY)).toEqual(before);
    // Reading stays an administrator's: anyone else is refused as before.
    const notAdmin = await invoke(definitions, 'settings/load', {}, { license: INACTIVE, user: DEMO_USERS.productOwner });
    expect(notAdmin.ok ? null : notAdmin.error.code).toBe('FORBIDDEN');
    // The settings page learns why its saves are refused.
    expect(await invoke(definitions, 'license/status', {}, { license: INACTIVE })).toEqual({ ok: true, data: { state: 'inactive' } });
  });

  it('lets every transition through the DoR and DoD validators without reading anything (the checklists cannot be ticked meanwhile)', async () => {
    const { deps, touched } = watched();
    const gate = (license: unknown) => readinessGate({ jira: deps.jiraAsApp, store: deps.store, now: deps.now, license: () => license }, 'dor');
    expect(await gate(INACTIVE)({ issue: { key: 'PAY-1' } })).toEqual({ result: true });
    expect(touched).toEqual([]);
    // Licensed, or with no license at all, the validator judges: here it cannot read the checklist, so it blocks.
    for (const license of [ACTIVE, undefined]) expect((await gate(license)({ issue: { key: 'PAY-1' } })).result).toBe(false);
  });
});

describe('an active license, or none (a free, development or staging install)', () => {
  it.each([
    ['active', ACTIVE],
    ['none', undefined],
  ])('%s: every surface answers as usual', async (state, license) => {
    const store = memoryStore(() => NOW);
    await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
    const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(DEMO_APP), store, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined }, now: () => NOW }).getDefinitions();
    expect(await invoke(definitions, 'license/status', {}, { license })).toEqual({ ok: true, data: { state } });
    const gadget = await invoke<{ defaults: { target: number } }>(definitions, 'gadget/context', {}, { license });
    expect(gadget.ok && gadget.data.defaults.target).toBe(0.95);
    const ownership = await invoke(definitions, 'ownership/issue', {}, { license });
    expect(ownership.ok).toBe(true);
  });
});
