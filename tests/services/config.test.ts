import { bankExampleConfig } from '../../src/domain/bank-example';
import fc from 'fast-check';
import { defaultConfig } from '../../src/domain/config';
import type { SiteNames } from '../../src/domain/config-migration';
import { memoryStore } from '../../src/forge/store';
import { CONFIG_DOCUMENT, exportConfig, importConfig, jsonSyntaxError, loadConfig, saveConfig, validateConfig } from '../../src/services/config';

/** A site as a Russian-speaking administrator reads it: names translated, untranslated names English (priorities have none). */
const RUSSIAN_SITE: SiteNames = {
  issueTypes: [
    { id: '10001', name: 'История', untranslatedName: 'Story' },
    { id: '10004', name: 'Ошибка', untranslatedName: 'Bug' },
  ],
  priorities: [
    { id: '1', name: 'Наивысший' },
    { id: '2', name: 'Высокий' },
    { id: '3', name: 'Средний' },
    // What `siteNames` adds: Jira's default priorities by their default English names, after the site's own.
    { id: '1', name: 'Highest' },
    { id: '2', name: 'High' },
    { id: '3', name: 'Medium' },
  ],
  statuses: [{ id: '10002', name: 'Ожидает клиента', untranslatedName: 'Waiting for customer' }],
};

/** A configuration of schema version 1: types, priorities and statuses by name. */
function v1Document(): Record<string, unknown> {
  const c = structuredClone(bankExampleConfig()) as unknown as Record<string, Record<string, unknown>>;
  const { targets: _targets, ...defects } = c.defects as Record<string, unknown>;
  return {
    ...c,
    schemaVersion: 1,
    defects: { ...defects, issueTypes: ['Bug'], targetHours: { High: 72, Средний: 240, Blocker: 4 }, pauseStatuses: ['Waiting for customer', 'On hold'] },
    hygiene: { ...c.hygiene, acceptanceCriteriaTypes: ['История', 'Feature'] },
  };
}

/** Counts how often the site is asked. */
function counted(site: SiteNames) {
  const calls = { n: 0 };
  return { calls, names: async () => (calls.n++, site) };
}

describe('validateConfig', () => {
  it('names every problem by its path', () => {
    const draft = structuredClone(bankExampleConfig()) as unknown as { products: { key: string; match: { labels: unknown[] } }[]; hygiene: { staleDays: unknown } };
    draft.products[0]!.key = '';
    draft.products[2]!.match.labels = [''];
    draft.hygiene.staleDays = 0;
    const r = validateConfig(draft);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path).sort()).toEqual(['hygiene.staleDays', 'products[0].key', 'products[2].match.labels[0]']);
  });

  it('reports a key used twice on its list', () => {
    const c = bankExampleConfig();
    c.channels[1] = { ...c.channels[1]!, key: 'web' };
    expect(validateConfig(c)).toEqual({ ok: false, problems: [{ path: 'channels', message: 'key "web" is used twice', detail: { code: 'custom' } }] });
  });
});

describe('saveConfig', () => {
  it('saves over the version read, and refuses a stale one without changing anything', async () => {
    const store = memoryStore();
    const c = bankExampleConfig();
    expect(await saveConfig(store, c, null)).toMatchObject({ status: 'saved', version: 1 });
    expect(await saveConfig(store, { ...c, timeZone: 'Europe/Moscow' }, 1)).toMatchObject({ status: 'saved', version: 2 });
    expect(await saveConfig(store, { ...c, timeZone: 'UTC' }, 1)).toEqual({ status: 'conflict', version: 2 });
    expect(await saveConfig(store, { ...c, timeZone: 'UTC' }, null)).toEqual({ status: 'conflict', version: 2 });
    const loaded = await loadConfig(store);
    expect(loaded).toMatchObject({ version: 2, storedProblems: [] });
    expect(loaded.config.timeZone).toBe('Europe/Moscow');
  });

  it('refuses an invalid draft before touching the store', async () => {
    const store = memoryStore();
    expect(await saveConfig(store, { ...defaultConfig(), timeZone: 'Mars/Olympus' }, null)).toMatchObject({ status: 'invalid', problems: [{ path: 'timeZone' }] });
    expect(await store.get(CONFIG_DOCUMENT)).toBeNull();
  });
});

describe('importConfig and exportConfig', () => {
  it('round-trips: what the export writes, the import reads back unchanged', async () => {
    const store = memoryStore();
    const c = bankExampleConfig();
    const r = await importConfig(store, exportConfig(c), null);
    expect(r).toMatchObject({ status: 'saved', version: 1 });
    expect((await loadConfig(store)).config).toEqual(c);
  });

  it.each([
    ['a trailing comma', '{\n  "a": 1,\n}', /line 3, column 1\): expected a property name in double quotes/],
    ['an unclosed list', '{\n  "products": [\n}', /line 3, column 1\): expected a value/],
    ['a cut-off file', '{"timeZone": "UTC"', /line 1, column 19\): the file ends where ',' or '}' was expected/],
    ['text after the object', '{} extra', /line 1, column 4\): expected the end of the file/],
  ])('refuses %s naming the line and column, and changes nothing', async (_what, text, message) => {
    const store = memoryStore();
    await saveConfig(store, defaultConfig(), null);
    const before = await store.get(CONFIG_DOCUMENT);
    const r = await importConfig(store, text, 1);
    expect(r.status).toBe('malformed');
    if (r.status === 'malformed') expect(r.message).toMatch(message);
    expect(await store.get(CONFIG_DOCUMENT)).toEqual(before);
  });
});

describe('a configuration of schema version 1', () => {
  it('loads migrated against the site, listing what could not be resolved; the stored document is unchanged', async () => {
    const store = memoryStore();
    await store.set(CONFIG_DOCUMENT, v1Document());
    const { calls, names } = counted(RUSSIAN_SITE);
    const loaded = await loadConfig(store, names);
    expect(calls.n).toBe(1);
    expect(loaded.storedProblems).toEqual([]);
    expect(loaded.version).toBe(1);
    expect(loaded.config.schemaVersion).toBe(2);
    expect(loaded.config.defects.issueTypes).toEqual([{ id: '10004', name: 'Ошибка' }]);
    // English default names and the site's own names both resolve; the display name is the site's.
    expect(loaded.config.defects.targets).toEqual([
      { priority: { id: '2', name: 'Высокий' }, hours: 72 },
      { priority: { id: '3', name: 'Средний' }, hours: 240 },
    ]);
    expect(loaded.config.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Ожидает клиента' }]);
    expect(loaded.config.hygiene.acceptanceCriteriaTypes).toEqual([{ id: '10001', name: 'История' }, { untranslatedName: 'Feature' }]);
    expect(loaded.migration).toEqual({
      from: 1,
      unresolved: [
        { path: 'defects.targetHours.Blocker', kind: 'priority', name: 'Blocker', outcome: 'left out' },
        { path: 'defects.pauseStatuses[1]', kind: 'status', name: 'On hold', outcome: 'left out' },
        { path: 'hygiene.acceptanceCriteriaTypes[1]', kind: 'issueType', name: 'Feature', outcome: 'kept as an untranslated name' },
      ],
    });
    expect((await store.get(CONFIG_DOCUMENT))?.value).toEqual(v1Document());
    // Saved, it is version 2: read again, there is nothing to migrate and the site is not asked.
    expect(await saveConfig(store, loaded.config, 1)).toMatchObject({ status: 'saved', version: 2 });
    const again = await loadConfig(store, names);
    expect(again).toMatchObject({ version: 2, migration: null, storedProblems: [] });
    expect(again.config).toEqual(loaded.config);
    expect(calls.n).toBe(1);
  });

  it('does not ask the site for a document of version 2, nor when nothing is stored', async () => {
    const store = memoryStore();
    const { calls, names } = counted(RUSSIAN_SITE);
    expect((await loadConfig(store, names)).migration).toBeNull();
    await saveConfig(store, bankExampleConfig(), null);
    expect((await loadConfig(store, names)).migration).toBeNull();
    expect(calls.n).toBe(0);
  });

  it('without the site, migrates as the readers do: default priority names only', async () => {
    const store = memoryStore();
    await store.set(CONFIG_DOCUMENT, v1Document());
    const loaded = await loadConfig(store);
    expect(loaded.config.defects.targets.map((t) => t.priority.id)).toEqual(['2']);
    expect(loaded.migration?.unresolved.map((u) => u.name)).toEqual(['Средний', 'Blocker', 'Waiting for customer', 'On hold']);
  });

  it('shows the defaults with the problems of a version 1 document that does not validate once migrated', async () => {
    const store = memoryStore();
    await store.set(CONFIG_DOCUMENT, { ...v1Document(), timeZone: 'Mars/Olympus' });
    const loaded = await loadConfig(store, counted(RUSSIAN_SITE).names);
    expect(loaded).toMatchObject({ version: 1, migration: null, storedProblems: [{ path: 'timeZone' }] });
    expect(loaded.config).toEqual(defaultConfig());
  });

  it('imports as version 2, by ids resolved against the site, listing what could not be resolved', async () => {
    const store = memoryStore();
    const r = await importConfig(store, JSON.stringify(v1Document()), null, counted(RUSSIAN_SITE).names);
    expect(r).toMatchObject({ status: 'saved', version: 1, migration: { from: 1, unresolved: expect.arrayContaining([expect.objectContaining({ name: 'Blocker', kind: 'priority' })]) } });
    if (r.status !== 'saved') return;
    expect(r.migration?.unresolved).toHaveLength(3);
    const stored = (await store.get(CONFIG_DOCUMENT))?.value as { schemaVersion: number; defects: Record<string, unknown> };
    expect(stored.schemaVersion).toBe(2);
    expect(stored.defects.targetHours).toBeUndefined();
    expect(stored.defects.targets).toEqual([
      { priority: { id: '2', name: 'Высокий' }, hours: 72 },
      { priority: { id: '3', name: 'Средний' }, hours: 240 },
    ]);
    expect(stored).toEqual(r.config);
  });

  it('imports a version 2 file as it is, with no migration', async () => {
    const store = memoryStore();
    const { calls, names } = counted(RUSSIAN_SITE);
    expect(await importConfig(store, exportConfig(bankExampleConfig()), null, names)).toMatchObject({ status: 'saved', migration: null });
    expect(calls.n).toBe(0);
  });

  it('refuses a version 1 file that does not validate once migrated, and changes nothing', async () => {
    const store = memoryStore();
    await saveConfig(store, defaultConfig(), null);
    const before = await store.get(CONFIG_DOCUMENT);
    const bad = v1Document();
    (bad.defects as Record<string, unknown>).targetHours = { High: -1 };
    const r = await importConfig(store, JSON.stringify(bad), 1, counted(RUSSIAN_SITE).names);
    expect(r).toMatchObject({ status: 'invalid', problems: [{ path: 'defects.targets[0].hours' }] });
    expect(await store.get(CONFIG_DOCUMENT)).toEqual(before);
  });
});

describe('jsonSyntaxError', () => {
  it('agrees with JSON.parse on what is JSON (property)', () => {
    const json = fc.jsonValue().map((v) => JSON.stringify(v, null, 1));
    const mangled = fc.tuple(json, fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', 'x', '\n')).map(([s, at, c]) => {
      const i = s.length === 0 ? 0 : at % s.length;
      return s.slice(0, i) + c + s.slice(i + 1);
    });
    fc.assert(
      fc.property(fc.oneof(json, mangled), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        expect(jsonSyntaxError(text) === null).toBe(valid);
      }),
      { numRuns: 500 },
    );
  });
});
