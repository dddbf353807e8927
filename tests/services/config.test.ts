import { bankExampleConfig } from '../../src/domain/bank-example';
import fc from 'fast-check';
import { defaultConfig } from '../../src/domain/config';
import { memoryStore } from '../../src/forge/store';
import { CONFIG_DOCUMENT, exportConfig, importConfig, jsonSyntaxError, loadConfig, saveConfig, validateConfig } from '../../src/services/config';

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
