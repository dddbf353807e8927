/**
 * The app's `Store` for the local preview: the same versioned documents as KVS, kept in one JSON
 * file and rewritten atomically after every change, so configuration survives a restart.
 */
import { z } from 'zod';
import { checkStoredSize, type CasResult, type Store, type StoreSetOptions, type Versioned } from '../forge/store';
import { readJson, writeJsonAtomic } from './files';

const Entry = z.object({ value: z.unknown(), version: z.number().int().positive(), expiresAt: z.number().nullable() });
const FileShape = z.record(z.string(), Entry);
type Entry = z.infer<typeof Entry>;

/** A file store can hold its writes back while a batch runs (the demo's seeding), and write the file once at the end. */
export interface FileStore extends Store {
  batch<T>(body: () => Promise<T>): Promise<T>;
}

export function fileStore(file: string, now: () => number = Date.now): FileStore {
  const parsed = FileShape.safeParse(readJson(file, {}));
  const data = new Map<string, Entry>(parsed.success ? Object.entries(parsed.data) : []);
  if (!parsed.success) console.warn(`preview: ${file} is not a store document; starting with an empty store`);

  const live = (key: string): Entry | null => {
    const e = data.get(key);
    if (!e) return null;
    if (e.expiresAt !== null && e.expiresAt <= now()) return null;
    return e;
  };
  let batching = 0;
  const flush = () => {
    if (batching > 0) return;
    for (const [k, e] of data) if (e.expiresAt !== null && e.expiresAt <= now()) data.delete(k);
    writeJsonAtomic(file, Object.fromEntries(data));
  };
  const write = (key: string, value: unknown, options?: StoreSetOptions): number => {
    const version = (live(key)?.version ?? 0) + 1;
    checkStoredSize(key, { version, value });
    data.set(key, { value: JSON.parse(JSON.stringify(value)), version, expiresAt: options?.ttlSeconds ? now() + options.ttlSeconds * 1000 : null });
    flush();
    return version;
  };
  const copy = (e: Entry): Versioned => ({ value: JSON.parse(JSON.stringify(e.value)), version: e.version });

  return {
    async get(key) {
      const e = live(key);
      return e ? copy(e) : null;
    },
    async set(key, value, options) {
      return write(key, value, options);
    },
    async compareAndSet(key, value, expected, options): Promise<CasResult> {
      const e = live(key);
      if ((e?.version ?? null) !== expected) return { ok: false, current: e ? copy(e) : null };
      return { ok: true, version: write(key, value, options) };
    },
    async delete(key) {
      if (data.delete(key)) flush();
    },
    async batch(body) {
      batching++;
      try {
        return await body();
      } finally {
        batching--;
        flush();
      }
    },
  };
}
