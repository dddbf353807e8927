/**
 * `Store` over Forge's Custom Entity Store: each document is an entity `documents` holding its
 * value and a version number. A document is created with `keyPolicy: 'FAIL_IF_EXISTS'` (KVS's
 * documented create-if-absent: of two creators exactly one succeeds), and updated by a transaction
 * conditioned on the version read (plain KVS keys have no conditional write). Every document is
 * measured in UTF-8 bytes before it is sent: KVS keeps at most 240 KiB. The entity is declared in
 * manifest.yml.
 */
import { kvs, Filter, FilterConditions, ForgeKvsAPIError } from '@forge/kvs';
import { checkStoredSize, type CasResult, type Store, type StoreSetOptions, type Versioned } from './store';

export const DOCUMENT_ENTITY = 'documents';

interface Document {
  version: number;
  value: unknown;
}

const ttl = (options?: StoreSetOptions) => (options?.ttlSeconds ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : undefined);

function asVersioned(doc: Document | undefined): Versioned | null {
  return doc && typeof doc.version === 'number' ? { value: doc.value, version: doc.version } : null;
}

export function kvsStore(): Store {
  const documents = kvs.entity<Document>(DOCUMENT_ENTITY);
  const get = async (key: string) => asVersioned(await documents.get(key));

  /** A write KVS refused: a failed condition (someone else wrote first) or an outage; the document now there tells which. */
  async function refused(err: unknown, key: string, expected: number | null): Promise<CasResult> {
    if (!(err instanceof ForgeKvsAPIError)) throw err;
    const current = await get(key);
    if ((current?.version ?? null) === expected) throw err;
    return { ok: false, current };
  }

  async function compareAndSet(key: string, value: unknown, expected: number | null, options?: StoreSetOptions): Promise<CasResult> {
    const version = (expected ?? 0) + 1;
    const doc: Document = { version, value };
    checkStoredSize(key, doc);
    if (expected === null) {
      try {
        await documents.set(key, doc, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl(options) });
        return { ok: true, version };
      } catch (err) {
        return refused(err, key, expected);
      }
    }
    const conditions = new Filter<Document>().and('version', FilterConditions.equalTo(expected));
    try {
      await kvs.transact().set<Document>(key, doc, { entityName: DOCUMENT_ENTITY, conditions }, ttl(options)).execute();
      return { ok: true, version };
    } catch (err) {
      return refused(err, key, expected);
    }
  }

  return {
    get,
    async set(key, value, options) {
      const current = await get(key);
      const doc: Document = { version: (current?.version ?? 0) + 1, value };
      checkStoredSize(key, doc);
      const opts = ttl(options);
      if (opts) await documents.set(key, doc, opts);
      else await documents.set(key, doc);
      return doc.version;
    },
    compareAndSet,
    async delete(key) {
      await documents.delete(key);
    },
  };
}
