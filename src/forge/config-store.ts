/**
 * The governance configuration as the app stores it: one validated, versioned document under
 * `config`. Until an administrator saves one, the defaults of the governance model apply.
 */
import { ConfigError, defaultConfig, parseConfig, type GovernanceConfig } from '../domain/config';
import { CONFIG_DOCUMENT } from '../services/config';
import type { Store } from './store';

/** Saving is `saveConfig` in `src/services/config.ts`, which owns the document. */
export const CONFIG_KEY = CONFIG_DOCUMENT;

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

/** The configuration the sync derives figures with, and a key that changes whenever it does. */
export async function configWithKey(store: Store): Promise<{ config: GovernanceConfig; key: string }> {
  const { config, version } = await readConfig(store);
  return { config, key: `config:${version ?? 'defaults'}` };
}
