/**
 * The app's storage contract: versioned documents, so a writer that read version n can refuse to
 * overwrite someone else's n+1. On Forge it is KVS (`kvs-store.ts`); in the preview, files
 * (`src/preview/file-store.ts`); in tests, memory. Every implementation refuses a document larger
 * than KVS keeps (240 KiB of UTF-8), so the preview and the tests fail where Forge would.
 */
import { bytesText, STORE_VALUE_MAX_BYTES, utf8Bytes } from '../domain/checklists/document';

export interface Versioned {
  value: unknown;
  /** 1 for the first write, +1 per write. */
  version: number;
}

export interface StoreSetOptions {
  /** Forget the document after this many seconds (cached reports). */
  ttlSeconds?: number;
}

export type CasResult = { ok: true; version: number } | { ok: false; current: Versioned | null };

export interface Store {
  get(key: string): Promise<Versioned | null>;
  /** Unconditional write; returns the new version. */
  set(key: string, value: unknown, options?: StoreSetOptions): Promise<number>;
  /** Writes only when the stored version is `expected` (null: only when absent). */
  compareAndSet(key: string, value: unknown, expected: number | null, options?: StoreSetOptions): Promise<CasResult>;
  delete(key: string): Promise<void>;
}

export class StoreValueTooLargeError extends Error {
  constructor(
    readonly key: string,
    readonly bytes: number,
  ) {
    super(`The document ${key} would take ${bytesText(bytes)}, more than the ${bytesText(STORE_VALUE_MAX_BYTES)} the app's storage keeps in one value.`);
    this.name = 'StoreValueTooLargeError';
  }
}

/** Throws StoreValueTooLargeError when a document, as stored with its version, is larger than KVS keeps. */
export function checkStoredSize(key: string, stored: { version: number; value: unknown }): void {
  const bytes = utf8Bytes(stored);
  if (bytes > STORE_VALUE_MAX_BYTES) throw new StoreValueTooLargeError(key, bytes);
}

/** KVS keys allow letters, digits and `:._-#` and spaces; anything else is replaced. */
export function storeKey(...parts: readonly (string | number)[]): string {
  return parts.map((p) => String(p).replace(/[^a-zA-Z0-9:._#-]/g, '_')).join(':').slice(0, 500);
}

interface Entry extends Versioned {
  expiresAt: number | null;
}

/** An in-memory store for tests and one-off runs. */
export function memoryStore(now: () => number = Date.now): Store & { entries(): Map<string, Versioned> } {
  const data = new Map<string, Entry>();
  const live = (key: string): Entry | null => {
    const e = data.get(key);
    if (!e) return null;
    if (e.expiresAt !== null && e.expiresAt <= now()) {
      data.delete(key);
      return null;
    }
    return e;
  };
  const write = (key: string, value: unknown, options?: StoreSetOptions): number => {
    const version = (live(key)?.version ?? 0) + 1;
    checkStoredSize(key, { version, value });
    const expiresAt = options?.ttlSeconds ? now() + options.ttlSeconds * 1000 : null;
    // A JSON round trip, as every real store does: callers never share objects with it.
    data.set(key, { value: JSON.parse(JSON.stringify(value)), version, expiresAt });
    return version;
  };
  return {
    async get(key) {
      const e = live(key);
      return e ? { value: JSON.parse(JSON.stringify(e.value)), version: e.version } : null;
    },
    async set(key, value, options) {
      return write(key, value, options);
    },
    async compareAndSet(key, value, expected, options) {
      const e = live(key);
      if ((e?.version ?? null) !== expected) return { ok: false, current: e ? { value: e.value, version: e.version } : null };
      return { ok: true, version: write(key, value, options) };
    },
    async delete(key) {
      data.delete(key);
    },
    entries() {
      return new Map([...data.keys()].flatMap((k) => (live(k) ? [[k, live(k) as Versioned]] : [])));
    },
  };
}
