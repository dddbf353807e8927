/**
 * The governance configuration as the app stores it: one validated, versioned document under
 * `config`. Until an administrator saves one, the defaults of the governance model apply.
 */
import { ConfigError, defaultConfig, parseConfig, type GovernanceConfig } from '../domain/config';
import type { Store } from './store';

export const CONFIG_KEY = 'config';

export interface StoredConfig {
  config: GovernanceConfig;
  /** The stored document's version; null while the defaults apply. */
  version: number | null;
}

/** Reads the configuration; a stored document that no longer validates is an error, never ignored. */
export async function readConfig(store: Store): Promise<StoredConfig> {
  const doc = await store.get(CONFIG_KEY);
  if (!doc) return { config: defaultConfig(), version: null };
  const parsed = parseConfig(doc.value);
  if (!parsed.ok) throw new ConfigError(parsed.errors);
  return { config: parsed.config, version: doc.version };
}

/** Saves a configuration only over the version the writer read (null: none saved yet). */
export async function writeConfig(store: Store, input: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false; errors: string[] }> {
  const parsed = parseConfig(input);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const r = await store.compareAndSet(CONFIG_KEY, parsed.config, expected);
  if (!r.ok) return { ok: false, errors: [`the configuration was changed by someone else (now version ${r.current?.version ?? 'none'}); reload it and try again`] };
  return { ok: true, version: r.version };
}
