/**
 * The ownership panel, matrix and governance settings resolvers as Forge calls them, over the
 * Jira REST emulator serving the demo site and an in-memory store. Settings are for Jira
 * administrators only (checked with Jira as the caller), saves are versioned, and a refused save
 * or import changes nothing.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import { memoryGovernanceStore } from '../../src/store/memory';
import { defaultConfig, parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { DEMO_NOW, DEMO_USERS, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import type {
  Envelope,
  ExportData,
  ImportResult,
  MatchCountsData,
  MatrixData,
  OwnershipPanelData,
  PeopleData,
  SaveResult,
  SettingsData,
  SiteValues,
  ValidateData,
} from '../../src/shared/protocol';
import { buildResolver } from '../../src/forge/resolver';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const { clientFor } = demoSiteEmulator();

/** The resolvers as a module calls them: the admin page unless another extension is given. */
function setup() {
  const store = memoryStore(() => NOW);
  const call = resolverCall(clientFor, { store });
  const moduleCall = <T>(functionKey: string, payload: unknown, opts: { user?: string; extension?: unknown } = {}) =>
    call<T>(functionKey, payload, opts.extension ?? { type: 'jira:adminPage' }, opts.user);
  return { store, call: moduleCall, sync: call.sync };
}

const issuePanel = (key: string) => ({ type: 'jira:issuePanel', issue: { key, id: '1', type: 'Story' }, project: { key: key.split('-')[0], id: '1' } });

function data<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

const demo = (): GovernanceConfig => parseConfigOrThrow(demoConfig());

/**
 * The demo configuration as schema version 1 wrote it: issue types, priorities and statuses by
 * name (English, as the old defaults were), with a few names the demo site does not have.
 */
function v1Demo(): Record<string, unknown> {
  const c = demo();
  const { targets: _targets, ...defects } = c.defects;
  return {
    ...c,
    schemaVersion: 1,
    defects: { ...defects, issueTypes: ['Bug'], targetHours: { Highest: 24, High: 72, Medium: 240, Low: 720, Blocker: 4 }, pauseStatuses: ['Waiting for customer', 'On hold'] },
    hygiene: { ...c.hygiene, acceptanceCriteriaTypes: ['Story', 'Feature'] },
    checklists: { templates: c.checklists.templates.map((t, i) => ({ ...t, issueTypes: i === 0 ? ['Story', 'Task'] : [] })) },
  };
}

/** What names could not be resolved, as the settings page lists them. */
const V1_UNRESOLVED = [
  { path: 'defects.targetHours.Blocker', kind: 'priority', name: 'Blocker', outcome: 'left out' },
  { path: 'defects.pauseStatuses[1]', kind: 'status', name: 'On hold', outcome: 'left out' },
  { path: 'hygiene.acceptanceCriteriaTypes[1]', kind: 'issueType', name: 'Feature', outcome: 'kept as an untranslated name' },
];

/** The references of a configuration without their display names: what decides the figures. */
const idsOf = (c: GovernanceConfig) => ({
  defectTypes: c.defects.issueTypes.map((r) => r.id ?? `untranslated:${r.untranslatedName ?? ''}`),
  targets: c.defects.targets.map((t) => [t.priority.id, t.hours]),
  pause: c.defects.pauseStatuses.map((r) => r.id),
  acceptance: c.hygiene.acceptanceCriteriaTypes.map((r) => r.id ?? `untranslated:${r.untranslatedName ?? ''}`),
  templates: c.checklists.templates.map((t) => t.issueTypes.map((r) => r.id ?? `untranslated:${r.untranslatedName ?? ''}`)),
});


describe('settings resolvers: Jira administrators only', () => {
  const everyCall: [string, unknown][] = [
    ['settings/load', {}],
    ['settings/validate', { config: {} }],
    ['settings/save', { config: defaultConfig(), expectedVersion: null }],
    ['settings/import', { json: '{}', expectedVersion: null }],
    ['settings/export', {}],
    ['settings/site-values', {}],
    ['settings/field-values', { fieldId: 'customfield_10060' }],
    ['settings/match-counts', { config: defaultConfig() }],
    ['settings/users', { query: 'a' }],
    ['settings/people', { accountIds: [DEMO_USERS.admin] }],
  ];

  it.each(everyCall)('%s refuses a user who is not a Jira administrator, and stores nothing', async (key, payload) => {
    const { store, call } = setup();
    const r = await call(key, payload, { user: DEMO_USERS.productOwner });
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Jira administrators') } });
    expect(await store.get(CONFIG_KEY)).toBeNull();
  });

  it('refuses a caller without an account', async () => {
    const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(DEMO_USERS.admin), store: memoryStore(), now: () => NOW, governance: memoryGovernanceStore(), syncQueue: { push: async () => undefined } }).getDefinitions();
    const r = (await definitions({ call: { functionKey: 'settings/load', payload: {} }, context: {} }, { principal: {} } as never)) as Envelope<unknown>;
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('Log in') } });
  });
});

describe('settings/load, validate and save', () => {
  it('loads the defaults, unversioned, until an administrator saves', async () => {
    const { call } = setup();
    const d = data(await call<SettingsData>('settings/load', {}));
    expect(d.version).toBeNull();
    expect(d.config).toEqual(defaultConfig());
    expect(d.storedProblems).toEqual([]);
    expect(d.migration).toBeNull();
    expect(d.hygieneRules.find((r) => r.id === 'chronic-carryover')?.severity).toBe('high');
  });

  it('names every problem of a draft by its path', async () => {
    const { call } = setup();
    const draft = structuredClone(bankExampleConfig()) as unknown as Record<string, unknown> & { products: { key: string }[]; convergence: { target: unknown } };
    (draft.products[1] as { key: string }).key = 'Bad Key';
    draft.convergence.target = 'high';
    const { problems } = data(await call<ValidateData>('settings/validate', { config: draft }));
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['products[1].key', 'convergence.target']));
    expect(problems.find((p) => p.path === 'products[1].key')?.message).toMatch(/lower-case/);
    expect(data(await call<ValidateData>('settings/validate', { config: defaultConfig() })).problems).toEqual([]);
  });

  it('saves a valid configuration, bumping the version each time', async () => {
    const { store, call } = setup();
    const first = data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: null }));
    expect(first).toMatchObject({ status: 'saved', version: 1 });
    const changed = { ...demo(), convergence: { ...demo().convergence, target: 0.9 } };
    expect(data(await call<SaveResult>('settings/save', { config: changed, expectedVersion: 1 }))).toMatchObject({ status: 'saved', version: 2 });
    expect((await store.get(CONFIG_KEY))?.version).toBe(2);
    const loaded = data(await call<SettingsData>('settings/load', {}));
    expect(loaded.version).toBe(2);
    expect(loaded.config.convergence.target).toBe(0.9);
  });

  it('refuses a save over a newer version, and keeps the newer one', async () => {
    const { store, call } = setup();
    data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: null }));
    // Someone else saves version 2 while this editor still holds version 1.
    const theirs = { ...demo(), timeZone: 'Asia/Yekaterinburg' };
    expect(data(await call<SaveResult>('settings/save', { config: theirs, expectedVersion: 1 })).status).toBe('saved');
    const mine = { ...demo(), timeZone: 'UTC' };
    expect(data(await call<SaveResult>('settings/save', { config: mine, expectedVersion: 1 }))).toEqual({ status: 'conflict', version: 2 });
    // A first save is stale as soon as anyone has saved.
    expect(data(await call<SaveResult>('settings/save', { config: mine, expectedVersion: null }))).toEqual({ status: 'conflict', version: 2 });
    const stored = await store.get(CONFIG_KEY);
    expect(stored?.version).toBe(2);
    expect((stored?.value as GovernanceConfig).timeZone).toBe('Asia/Yekaterinburg');
  });

  it('refuses an invalid configuration with its problems, and stores nothing', async () => {
    const { store, call } = setup();
    const bad = { ...demo(), defects: { ...demo().defects, targets: [{ priority: { id: '2', name: 'High' }, hours: -4 }] } };
    const r = data(await call<SaveResult>('settings/save', { config: bad, expectedVersion: null }));
    expect(r).toEqual({
      status: 'invalid',
      problems: [{ path: 'defects.targets[0].hours', message: expect.stringContaining('>0'), detail: { code: 'too_small', origin: 'number', limit: 0, inclusive: false } }],
    });
    expect(await store.get(CONFIG_KEY)).toBeNull();
  });

  it('refuses a payload without the version it read', async () => {
    const { call } = setup();
    const r = await call('settings/save', { config: demo() });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('expectedVersion') } });
  });

  it('opens a stored document that no longer validates, so an administrator can repair it', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, { ...demo(), products: [{ key: 'x' }] });
    const d = data(await call<SettingsData>('settings/load', {}));
    expect(d.version).toBe(1);
    expect(d.storedProblems.map((p) => p.path)).toContain('products[0].name');
    expect(data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: 1 }))).toMatchObject({ status: 'saved', version: 2 });
  });
});

describe('a stored configuration of schema version 1', () => {
  it('loads migrated against the site as a Russian-speaking administrator reads it, listing what could not be resolved', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, v1Demo());
    const d = data(await call<SettingsData>('settings/load', {}, { user: DEMO_USERS.admin }));
    expect(d.version).toBe(1);
    expect(d.storedProblems).toEqual([]);
    expect(d.migration).toEqual({ from: 1, unresolved: V1_UNRESOLVED });
    expect(d.config.schemaVersion).toBe(2);
    // Names are the administrator's (Russian); ids are the site's.
    expect(d.config.defects.issueTypes).toEqual([{ id: '10004', name: 'Ошибка' }]);
    expect(d.config.defects.targets).toEqual([
      { priority: { id: '1', name: 'Наивысший' }, hours: 24 },
      { priority: { id: '2', name: 'Высокий' }, hours: 72 },
      { priority: { id: '3', name: 'Средний' }, hours: 240 },
      { priority: { id: '4', name: 'Низкий' }, hours: 720 },
    ]);
    expect(d.config.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Ожидает клиента' }]);
    expect(d.config.hygiene.acceptanceCriteriaTypes).toEqual([{ id: '10001', name: 'История' }, { untranslatedName: 'Feature' }]);
    expect(d.config.checklists.templates[0]?.issueTypes).toEqual([
      { id: '10001', name: 'История' },
      { id: '10002', name: 'Задача' },
    ]);
    // Nothing else changed on the way.
    expect({ ...d.config, defects: null, hygiene: null, checklists: null }).toEqual({ ...demo(), defects: null, hygiene: null, checklists: null });
  });

  it('resolves to the same ids for an English-speaking administrator', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, v1Demo());
    const ru = data(await call<SettingsData>('settings/load', {}, { user: DEMO_USERS.admin }));
    const en = data(await call<SettingsData>('settings/load', {}, { user: DEMO_USERS.englishAdmin }));
    expect(en.migration).toEqual({ from: 1, unresolved: V1_UNRESOLVED });
    expect(idsOf(en.config)).toEqual(idsOf(ru.config));
    expect(idsOf(en.config)).toEqual({
      defectTypes: ['10004'],
      targets: [['1', 24], ['2', 72], ['3', 240], ['4', 720]],
      pause: ['10002'],
      acceptance: ['10001', 'untranslated:Feature'],
      templates: [['10001', '10002'], []],
    });
    expect(en.config.defects.targets[1]?.priority).toEqual({ id: '2', name: 'High' });
    expect(en.config.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Waiting for customer' }]);
  });

  it('resolves a name in the administrator’s own language, and lists one only another language knows', async () => {
    const { store, call } = setup();
    const doc = v1Demo();
    (doc.defects as Record<string, unknown>).targetHours = { Высокий: 72 };
    (doc.defects as Record<string, unknown>).pauseStatuses = ['Ожидает клиента'];
    await store.set(CONFIG_KEY, doc);
    const ru = data(await call<SettingsData>('settings/load', {}, { user: DEMO_USERS.admin }));
    expect(ru.config.defects.targets).toEqual([{ priority: { id: '2', name: 'Высокий' }, hours: 72 }]);
    expect(ru.config.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Ожидает клиента' }]);
    // Jira tells an English-speaking administrator neither the Russian names nor (for priorities) the English one of a Russian name.
    const en = data(await call<SettingsData>('settings/load', {}, { user: DEMO_USERS.englishAdmin }));
    expect(en.config.defects.targets).toEqual([]);
    expect(en.migration?.unresolved).toEqual(
      expect.arrayContaining([
        { path: 'defects.targetHours.Высокий', kind: 'priority', name: 'Высокий', outcome: 'left out' },
        { path: 'defects.pauseStatuses[0]', kind: 'status', name: 'Ожидает клиента', outcome: 'left out' },
      ]),
    );
  });

  it('keeps the stored document, and the readers working, until the administrator saves it as version 2', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, v1Demo());
    const d = data(await call<SettingsData>('settings/load', {}));
    expect((await store.get(CONFIG_KEY))?.value).toEqual(v1Demo());
    const matrix = data(await call<MatrixData>('ownership/matrix', {}));
    expect(matrix.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    const exported = JSON.parse(data(await call<ExportData>('settings/export', {})).json) as GovernanceConfig;
    expect(exported).toEqual(d.config);

    expect(data(await call<SaveResult>('settings/save', { config: d.config, expectedVersion: 1 }))).toMatchObject({ status: 'saved', version: 2 });
    const stored = (await store.get(CONFIG_KEY))?.value as Record<string, Record<string, unknown>>;
    expect(stored.schemaVersion).toBe(2);
    expect(stored.defects?.targetHours).toBeUndefined();
    const again = data(await call<SettingsData>('settings/load', {}));
    expect(again).toMatchObject({ version: 2, migration: null, storedProblems: [] });
    expect(again.config).toEqual(d.config);
  });
});

describe('the bank example', () => {
  it('comes with the settings, valid as it stands, so the page loads it in one step', async () => {
    const { call } = setup();
    const d = data(await call<SettingsData>('settings/load', {}));
    expect(d.example).toEqual(bankExampleConfig());
    expect(d.example.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    expect(d.config.products).toEqual([]);
    expect(data(await call<ValidateData>('settings/validate', { config: d.example })).problems).toEqual([]);
    expect(data(await call<SaveResult>('settings/save', { config: d.example, expectedVersion: null }))).toMatchObject({ status: 'saved', version: 1 });
    expect(data(await call<SettingsData>('settings/load', {})).config).toEqual(bankExampleConfig());
  });
});

describe('settings/import and export', () => {
  it('imports a file of schema version 1, resolved against the site, listing the names it could not resolve', async () => {
    const { store, call } = setup();
    const r = data(await call<ImportResult>('settings/import', { json: JSON.stringify(v1Demo(), null, 2), expectedVersion: null }, { user: DEMO_USERS.englishAdmin }));
    expect(r).toMatchObject({ status: 'saved', version: 1, migration: { from: 1, unresolved: V1_UNRESOLVED } });
    if (r.status !== 'saved') return;
    const stored = (await store.get(CONFIG_KEY))?.value as GovernanceConfig;
    expect(stored).toEqual(r.config);
    expect(stored.schemaVersion).toBe(2);
    expect(idsOf(stored).targets).toEqual([['1', 24], ['2', 72], ['3', 240], ['4', 720]]);
    expect(stored.defects.issueTypes).toEqual([{ id: '10004', name: 'Bug' }]);
    expect(stored.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Waiting for customer' }]);
    // A file of version 2 imports with nothing to report.
    const again = data(await call<ImportResult>('settings/import', { json: JSON.stringify(demo()), expectedVersion: 1 }));
    expect(again).toMatchObject({ status: 'saved', version: 2, migration: null });
  });

  it('refuses a file of schema version 1 that is invalid once migrated, and changes nothing', async () => {
    const { store, call } = setup();
    const doc = v1Demo();
    doc.timeZone = 'Mars/Olympus';
    const r = data(await call<ImportResult>('settings/import', { json: JSON.stringify(doc), expectedVersion: null }));
    expect(r).toMatchObject({ status: 'invalid', problems: [{ path: 'timeZone' }] });
    expect(await store.get(CONFIG_KEY)).toBeNull();
  });

  it('exports the stored configuration as JSON that imports back unchanged', async () => {
    const { call } = setup();
    data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: null }));
    const exported = data(await call<ExportData>('settings/export', {}));
    expect(exported.version).toBe(1);
    expect(exported.fileName).toBe('governance-settings-v1-2026-03-02.json'.replace('2026-03-02', DEMO_NOW.slice(0, 10)));
    expect(JSON.parse(exported.json)).toEqual(demo());
    const imported = data(await call<ImportResult>('settings/import', { json: exported.json, expectedVersion: 1 }));
    expect(imported).toMatchObject({ status: 'saved', version: 2, migration: null });
    if (imported.status === 'saved') expect(imported.config).toEqual(demo());
  });

  it('refuses malformed JSON with a message naming where, and changes nothing', async () => {
    const { store, call } = setup();
    data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: null }));
    const before = await store.get(CONFIG_KEY);
    const r = data(await call<SaveResult>('settings/import', { json: '{\n  "timeZone": "UTC",\n}', expectedVersion: 1 }));
    expect(r).toEqual({ status: 'malformed', message: expect.stringMatching(/not valid JSON \(line 3, column 1\)/) });
    expect(await store.get(CONFIG_KEY)).toEqual(before);
  });

  it.each([
    ['an empty file', '   ', /empty/],
    ['a JSON array', '[1, 2]', /one JSON object/],
    ['a JSON string', '"config"', /one JSON object/],
  ])('refuses %s, and changes nothing', async (_what, json, message) => {
    const { store, call } = setup();
    const r = data(await call<SaveResult>('settings/import', { json, expectedVersion: null }));
    expect(r).toEqual({ status: 'malformed', message: expect.stringMatching(message) });
    expect(await store.get(CONFIG_KEY)).toBeNull();
  });

  it('refuses well-formed JSON that is not a valid configuration, naming the paths', async () => {
    const { store, call } = setup();
    const json = JSON.stringify({ ...demo(), channels: [{ key: 'web', name: { en: 'Web' }, match: {} }] });
    const r = data(await call<SaveResult>('settings/import', { json, expectedVersion: null }));
    expect(r.status).toBe('invalid');
    if (r.status === 'invalid') expect(r.problems).toContainEqual({ path: 'channels[0].name.ru', message: expect.any(String), detail: { code: 'invalid_type', expected: 'string' } });
    expect(await store.get(CONFIG_KEY)).toBeNull();
  });

  it('refuses an import over a newer version', async () => {
    const { call } = setup();
    data(await call<SaveResult>('settings/save', { config: demo(), expectedVersion: null }));
    const r = data(await call<SaveResult>('settings/import', { json: JSON.stringify(defaultConfig()), expectedVersion: null }));
    expect(r).toEqual({ status: 'conflict', version: 1 });
  });
});

describe('settings pickers and mapping preview', () => {
  it('offers the site values: projects, their components, labels, fields, priorities, statuses, issue types', async () => {
    const { call } = setup();
    const v = data(await call<SiteValues>('settings/site-values', {}, { user: DEMO_USERS.englishAdmin }));
    expect(v.projects.map((p) => p.key)).toEqual(expect.arrayContaining(['PAY', 'LOAN', 'DS']));
    expect(v.components.find((c) => c.name === 'Payments')?.projects).toEqual(['PAY', 'PAYA', 'PAYM']);
    expect(v.labels).toEqual(expect.arrayContaining(['mmb', 'payments', 'ved']));
    expect(v.customFields.find((f) => f.id === 'customfield_10060')).toEqual({ id: 'customfield_10060', name: 'Segment', type: 'select' });
    // Priorities by id, in Jira's order.
    expect(v.priorities).toEqual([
      { id: '1', name: 'Highest' },
      { id: '2', name: 'High' },
      { id: '3', name: 'Medium' },
      { id: '4', name: 'Low' },
      { id: '5', name: 'Lowest' },
    ]);
    expect(v.statuses).toContainEqual({ id: '10002', name: 'Waiting for customer', untranslatedName: 'Waiting for customer', category: 'indeterminate' });
    expect(v.issueTypes).toContainEqual({ id: '10004', name: 'Bug', untranslatedName: 'Bug', subtask: false });
    expect(v.issueTypes).toContainEqual({ id: '10003', name: 'Sub-task', untranslatedName: 'Sub-task', subtask: true });
    expect(v.sample.size).toBeGreaterThan(0);
  });

  it('names priorities, statuses and issue types as the administrator reads them, with the same ids', async () => {
    const { call } = setup();
    const ru = data(await call<SiteValues>('settings/site-values', {}, { user: DEMO_USERS.admin }));
    const en = data(await call<SiteValues>('settings/site-values', {}, { user: DEMO_USERS.englishAdmin }));
    expect(ru.priorities.map((p) => p.name)).toEqual(['Наивысший', 'Высокий', 'Средний', 'Низкий', 'Самый низкий']);
    expect(ru.priorities.map((p) => p.id)).toEqual(en.priorities.map((p) => p.id));
    expect(ru.issueTypes).toContainEqual({ id: '10004', name: 'Ошибка', untranslatedName: 'Bug', subtask: false });
    expect(ru.statuses).toContainEqual({ id: '10002', name: 'Ожидает клиента', untranslatedName: 'Waiting for customer', category: 'indeterminate' });
    expect(ru.issueTypes.map((t) => t.id).sort()).toEqual(en.issueTypes.map((t) => t.id).sort());
    expect(ru.statuses.map((s) => s.id).sort()).toEqual(en.statuses.map((s) => s.id).sort());
  });

  it('lists the values a custom field holds on recent issues, most common first', async () => {
    const { call } = setup();
    const v = data(await call<{ values: { value: string; count: number }[] }>('settings/field-values', { fieldId: 'customfield_10060' }));
    expect(v.values.length).toBeGreaterThan(1);
    const counts = v.values.map((x) => x.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
  });

  it('refuses a field id that is not a custom field', async () => {
    const { call } = setup();
    const r = await call('settings/field-values', { fieldId: 'labels' });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('fieldId: must be a custom field id') } });
  });

  it('counts the stored issues each rule of a draft matches, once the boards have had their first sync', async () => {
    const { call, sync } = setup();
    expect(data(await call<MatchCountsData>('settings/match-counts', { config: demo() }))).toMatchObject({ status: 'pending', freshness: { asOf: null, syncing: true } });
    await sync.idle();
    const r = data(await call<MatchCountsData>('settings/match-counts', { config: demo() }));
    expect(r.status).toBe('ok');
    if (r.status !== 'ok') return;
    expect(r.counts.total).toBeGreaterThan(2000);
    expect(r.freshness.asOf).toBe(new Date(NOW).toISOString());
    expect(r.counts.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    for (const p of r.counts.products) expect(p.count).toBeGreaterThan(0);
    expect(r.counts.withoutProduct).toBeGreaterThan(0);
    // A rule that names nothing the site has matches nothing.
    const draft = demo();
    draft.products[0] = { ...draft.products[0]!, match: { components: ['No such component'], labels: [], projects: [], field: null } };
    const again = data(await call<MatchCountsData>('settings/match-counts', { config: draft }));
    expect(again.status === 'ok' && again.counts.products[0]).toEqual({ key: 'payments', count: 0 });
  });

  it('answers an invalid draft with its problems instead of counts', async () => {
    const { call } = setup();
    const r = data(await call<MatchCountsData>('settings/match-counts', { config: { ...demo(), segments: 'all' } }));
    expect(r).toEqual({ status: 'invalid', problems: [{ path: 'segments', message: expect.any(String), detail: { code: 'invalid_type', expected: 'array' } }] });
  });

  it('finds users by name for the owner pickers, and names the owners already chosen', async () => {
    const { call } = setup();
    const found = data(await call<PeopleData>('settings/users', { query: 'volkov' }));
    expect(found.people).toEqual([expect.objectContaining({ accountId: DEMO_USERS.productOwner, displayName: 'Dmitry Volkov' })]);
    const named = data(await call<PeopleData>('settings/people', { accountIds: [DEMO_USERS.businessOwner, 'no-such-account'] }));
    expect(named.people).toEqual([
      expect.objectContaining({ accountId: DEMO_USERS.businessOwner, displayName: 'Elena Kuznetsova' }),
      { accountId: 'no-such-account', displayName: null, avatarUrl: null, active: null },
    ]);
  });
});

describe('ownership/issue (the panel)', () => {
  it('shows the product owners with their responsibilities, the channel leader and the segments', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, demo());
    const d = data(await call<OwnershipPanelData>('ownership/issue', {}, { user: DEMO_USERS.scrumMaster, extension: issuePanel('PAY-1') }));
    expect(d.issueKey).toBe('PAY-1');
    expect(d.products).toEqual([
      {
        key: 'payments',
        name: { en: 'Payments', ru: 'Платежи' },
        businessOwner: expect.objectContaining({ accountId: DEMO_USERS.businessOwner, displayName: 'Elena Kuznetsova', avatarUrl: expect.stringContaining('48') }),
        digitalOwner: expect.objectContaining({ accountId: DEMO_USERS.productOwner, displayName: 'Dmitry Volkov' }),
      },
    ]);
    expect(d.channels).toEqual([expect.objectContaining({ key: 'web', leader: expect.objectContaining({ displayName: 'Maxim Orlov' }) })]);
    expect(d.segments.map((s) => s.key).sort()).toEqual(['mmb', 'sb']);
    expect(d.responsibilities.businessOwner.map((r) => r.en)).toContain('Marketing and promotion');
    expect(d.problems).toEqual([]);
    expect(d.canConfigure).toBe(false);
    expect(d.usingDefaults).toBe(false);
  });

  it('warns when no product maps, suggesting the project component a product is mapped by', async () => {
    const { store, call } = setup();
    await store.set(CONFIG_KEY, demo());
    const d = data(await call<OwnershipPanelData>('ownership/issue', {}, { user: DEMO_USERS.admin, extension: issuePanel('SAV-197') }));
    expect(d.products).toEqual([]);
    expect(d.problems[0]).toEqual({ kind: 'no-product', suggestions: expect.any(Array) });
    const first = d.problems[0]?.kind === 'no-product' ? d.problems[0].suggestions[0] : undefined;
    expect(first).toEqual({ product: 'savings', components: ['Savings'], labels: ['savings', 'deposits'] });
    expect(d.productNames.savings).toEqual({ en: 'Savings and deposits', ru: 'Накопления и депозиты' });
    expect(d.canConfigure).toBe(true);
  });

  it('warns when a product has no owner, and tells a non-administrator it cannot fix it here', async () => {
    const { store, call } = setup();
    const config = demo();
    config.products[0] = { ...config.products[0]!, digitalOwner: null };
    await store.set(CONFIG_KEY, config);
    const d = data(await call<OwnershipPanelData>('ownership/issue', {}, { user: DEMO_USERS.scrumMaster, extension: issuePanel('PAY-1') }));
    expect(d.problems).toEqual([{ kind: 'no-owner', product: 'payments', missing: ['digital'] }]);
    expect(d.products[0]?.digitalOwner).toBeNull();
    expect(d.canConfigure).toBe(false);
  });

  it('takes the issue from the Forge context, not the payload', async () => {
    const { call } = setup();
    const r = await call('ownership/issue', { issueKey: 'PAY-1' }, { extension: { type: 'jira:adminPage' } });
    expect(r).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('needs an issue') } });
  });

  it('does not show an issue the viewer may not browse', async () => {
    const { call } = setup();
    const r = await call('ownership/issue', {}, { user: DEMO_USERS.loansAnalyst, extension: issuePanel('PAY-1') });
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});

describe('ownership/matrix', () => {
  it('counts open issues, open defects and violations per product × channel × segment, from the synced boards', async () => {
    const { store, call, sync } = setup();
    await store.set(CONFIG_KEY, demo());
    const first = data(await call<MatrixData>('ownership/matrix', {}));
    expect(first.matrix).toBeNull();
    expect(first.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    await sync.idle();
    const d = data(await call<MatrixData>('ownership/matrix', {}));
    if (!d.matrix) throw new Error('no matrix after the first sync');
    expect(d.products[0]?.businessOwner?.displayName).toBe('Elena Kuznetsova');
    const matrix = d.matrix;
    const all = matrix.cells.find((c) => c.product === '*' && c.channel === '*' && c.segment === '*');
    expect(all?.issues).toBe(matrix.scanned);
    expect(all?.open).toBeGreaterThan(0);
    expect(all?.openDefects).toBeGreaterThan(0);
    expect(all?.violations).toBeGreaterThan(0);
    // The product rows add up to at least the whole (an issue of two products counts in both), and the no-product row is there.
    const row = (p: string) => matrix.cells.find((c) => c.product === p && c.channel === '*' && c.segment === '*')?.open ?? 0;
    expect(['payments', 'loans', 'savings', 'fx-trade', '-'].reduce((n, p) => n + row(p), 0)).toBeGreaterThanOrEqual(all?.open ?? 0);
    expect(row('-')).toBeGreaterThan(0);
    expect(d.freshness).toMatchObject({ asOf: new Date(NOW).toISOString(), pending: [] });
    // Refresh asks for a sync of the boards (at most once a minute per board); the answer is what is stored meanwhile.
    const again = data(await call<MatrixData>('ownership/matrix', { refresh: true }));
    expect(again.matrix).toEqual(d.matrix);
  });

  it('counts only what the viewer may browse', async () => {
    const { store, call, sync } = setup();
    await store.set(CONFIG_KEY, demo());
    await call<MatrixData>('ownership/matrix', {});
    await sync.idle();
    const admin = data(await call<MatrixData>('ownership/matrix', {}));
    const analyst = data(await call<MatrixData>('ownership/matrix', {}, { user: DEMO_USERS.loansAnalyst }));
    if (!admin.matrix || !analyst.matrix) throw new Error('no matrix');
    expect(analyst.matrix.scanned).toBeLessThan(admin.matrix.scanned);
    const payments = analyst.matrix.cells.find((c) => c.product === 'payments' && c.channel === '*' && c.segment === '*');
    expect(payments?.issues ?? 0).toBe(0);
  });
});
