/**
 * `Store` over Forge's Custom Entity Store: each document is an entity `documents` holding its
 * value and a version number, and a conditional transaction makes compare-and-set atomic (plain
 * KVS keys have no conditional write). The entity is declared in manifest.yml.
 */
import { kvs, Filter, FilterConditions, ForgeKvsAPIError } from '@forge/kvs';
import type { CasResult, Store, StoreSetOptions, Versioned } from './store';

export const DOCUMENT_ENTITY = 'documents';

interface Document {
  version: number;
  value: unknown;
}

const ttl = (options?: StoreSetOptions) =>
  options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : undefined;

function asVersioned(doc: Document | undefined): Versioned | null {
  return doc && typeof doc.version === 'number' ? { value: doc.value, version: doc.version } : null;
}

export function kvsStore(): Store {
  const documents = kvs.entity<Document>(DOCUMENT_ENTITY);
  const get = async (key: string) => asVersioned(await documents.get(key));

  async function compareAndSet(key: string, value: unknown, expected: number | null, options?: StoreSetOptions): Promise<CasResult> {
    const version = (expected ?? 0) + 1;
    const conditions =
      expected === null
        ? new Filter<Document>().and('version', FilterConditions.notExists())
        : new Filter<Document>().and('version', FilterConditions.equalTo(expected));
    try {
      await kvs.transact().set<Document>(key, { version, value }, { entityName: DOCUMENT_ENTITY, conditions }, ttl(options)).execute();
      return { ok: true, version };
    } catch (err) {
      // A failed condition is an API error; tell it from an outage by reading what is there now.
      if (!(err instanceof ForgeKvsAPIError)) throw err;
      const current = await get(key);
      if ((current?.version ?? null) === expected) throw err;
      return { ok: false, current };
    }
  }

  return {
    get,
    async set(key, value, options) {
      const current = await get(key);
      const version = (current?.version ?? 0) + 1;
      const opts = ttl(options);
      if (opts) await documents.set(key, { version, value }, opts);
      else await documents.set(key, { version, value });
      return version;
    },
    compareAndSet,
    async delete(key) {
      await documents.delete(key);
    },
  };
}
