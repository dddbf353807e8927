/**
 * The KVS store against a stand-in for `@forge/kvs` that behaves as its documentation says: a
 * document is created with `keyPolicy: 'FAIL_IF_EXISTS'` (the documented create-if-absent), an update
 * is a transaction conditioned on the version read, and a condition on a document that does not
 * exist does not hold (nothing documents otherwise). Every value is measured in UTF-8 bytes against
 * the 240 KiB KVS keeps, in every implementation of the store.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface Condition {
  field: string;
  condition: 'EQUAL_TO' | 'NOT_EXISTS';
  value?: unknown;
}

const calls: { op: string; key: string; options?: unknown }[] = [];
const entities = new Map<string, Record<string, unknown>>();

jest.mock('@forge/kvs', () => {
  class ForgeKvsAPIError extends Error {
    constructor(
      readonly responseDetails: { status: number; statusText: string },
      readonly forgeError: { code: string; message: string },
    ) {
      super(forgeError.message);
    }
  }
  class Filter {
    conditions: Condition[] = [];
    and(field: string, c: { condition: Condition['condition']; values: unknown[] }) {
      this.conditions.push({ field, condition: c.condition, value: c.values[0] });
      return this;
    }
  }
  const FilterConditions = {
    equalTo: (v: unknown) => ({ condition: 'EQUAL_TO', values: [v] }),
    notExists: () => ({ condition: 'NOT_EXISTS', values: [true] }),
  };
  const conflict = (message: string) => new ForgeKvsAPIError({ status: 409, statusText: 'Conflict' }, { code: 'CONDITION_FAILED', message });
  const holds = (doc: Record<string, unknown> | undefined, conditions: Condition[]) =>
    // A condition on a document that does not exist does not hold.
    doc !== undefined && conditions.every((c) => (c.condition === 'EQUAL_TO' ? doc[c.field] === c.value : !(c.field in doc)));
  const kvs = {
    entity: (name: string) => ({
      async get(key: string) {
        calls.push({ op: 'get', key });
        const doc = entities.get(`${name}/${key}`);
        return doc ? JSON.parse(JSON.stringify(doc)) : undefined;
      },
      async set(key: string, value: Record<string, unknown>, options?: { keyPolicy?: string }) {
        calls.push({ op: 'entity.set', key, options });
        if (options?.keyPolicy === 'FAIL_IF_EXISTS' && entities.has(`${name}/${key}`)) throw conflict('The key already exists');
        entities.set(`${name}/${key}`, JSON.parse(JSON.stringify(value)));
      },
      async delete(key: string) {
        calls.push({ op: 'delete', key });
        entities.delete(`${name}/${key}`);
      },
    }),
    transact() {
      const sets: { key: string; value: Record<string, unknown>; entityName: string; conditions?: Filter }[] = [];
      const builder = {
        set(key: string, value: Record<string, unknown>, entity: { entityName: string; conditions?: Filter }) {
          sets.push({ key, value, ...entity });
          return builder;
        },
        async execute() {
          for (const s of sets) {
            calls.push({ op: 'transact.set', key: s.key, options: s.conditions?.conditions });
            if (s.conditions && !holds(entities.get(`${s.entityName}/${s.key}`), s.conditions.conditions)) throw conflict('Condition failed');
          }
          for (const s of sets) entities.set(`${s.entityName}/${s.key}`, JSON.parse(JSON.stringify(s.value)));
        },
      };
      return builder;
    },
  };
  return { kvs, Filter, FilterConditions, ForgeKvsAPIError };
});

// eslint-disable-next-line import/first
import { kvsStore } from '../../src/forge/kvs-store';
// eslint-disable-next-line import/first
import { memoryStore, StoreValueTooLargeError, type Store } from '../../src/forge/store';
// eslint-disable-next-line import/first
import { fileStore } from '../../src/preview/file-store';

beforeEach(() => {
  calls.length = 0;
  entities.clear();
});

describe('the KVS store', () => {
  it('creates a document with FAIL_IF_EXISTS, not with a condition on a document that is not there', async () => {
    const store = kvsStore();
    await expect(store.compareAndSet('readiness:10001', { a: 1 }, null)).resolves.toEqual({ ok: true, version: 1 });
    expect(calls.filter((c) => c.op !== 'get')).toEqual([{ op: 'entity.set', key: 'readiness:10001', options: { keyPolicy: 'FAIL_IF_EXISTS' } }]);
    await expect(store.get('readiness:10001')).resolves.toEqual({ value: { a: 1 }, version: 1 });
  });

  it('refuses to create a document that exists, and says what is there', async () => {
    const store = kvsStore();
    await store.compareAndSet('k', 'first', null);
    await expect(store.compareAndSet('k', 'second', null)).resolves.toEqual({ ok: false, current: { value: 'first', version: 1 } });
    await expect(store.get('k')).resolves.toEqual({ value: 'first', version: 1 });
  });

  it('updates only the version it read', async () => {
    const store = kvsStore();
    await store.compareAndSet('k', 'v1', null);
    await expect(store.compareAndSet('k', 'v2', 1)).resolves.toEqual({ ok: true, version: 2 });
    await expect(store.compareAndSet('k', 'stale', 1)).resolves.toEqual({ ok: false, current: { value: 'v2', version: 2 } });
    await expect(store.compareAndSet('absent', 'x', 3)).resolves.toEqual({ ok: false, current: null });
    await expect(store.get('k')).resolves.toEqual({ value: 'v2', version: 2 });
  });
});

describe('240 KiB in UTF-8 bytes, in every store', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gov-store-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const stores: [string, () => Store][] = [
    ['KVS', () => kvsStore()],
    ['memory', () => memoryStore()],
    ['file (preview)', () => fileStore(path.join(dir, `store-${Math.random()}.json`))],
  ];
  // 130,000 Cyrillic letters: fewer characters than the limit has bytes, twice as many bytes.
  const russian = 'я'.repeat(130_000);

  it.each(stores)('%s: refuses a value larger than 240 KiB, naming the limit, and writes nothing', async (_name, make) => {
    const store = make();
    for (const write of [() => store.set('big', russian), () => store.compareAndSet('big', russian, null)]) {
      const err = await write().then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(StoreValueTooLargeError);
      expect((err as Error).message).toMatch(/more than the 245,760 bytes \(240 KiB\)/);
    }
    await expect(store.get('big')).resolves.toBeNull();
  });

  it.each(stores)('%s: keeps a value just under the limit', async (_name, make) => {
    const store = make();
    await expect(store.set('fits', 'я'.repeat(120_000))).resolves.toBe(1);
  });
});
