/**
 * The governance configuration as one versioned document: read it (the defaults until someone
 * saves), validate a draft with every problem named by its path, save it only over the version
 * the writer read, and import or export it as JSON. A refused save or import changes nothing.
 *
 * A document of schema version 1 named issue types, priorities and statuses by name. Read here
 * (the settings page) or imported, it is migrated against the site's names as the administrator
 * reads them, and every name that could not be resolved is listed; the stored document changes only
 * when the administrator saves (readers migrate it without the site meanwhile: `parseConfig`).
 */
import { defaultConfig, GovernanceConfig, type GovernanceConfig as Config } from '../domain/config';
import { type ConfigMigration, isV1Config, migrateV1Config, type SiteNames } from '../domain/config-migration';
import { configProblems, type ConfigProblem } from '../domain/config-problems';

/** The storage this use case needs: the app's `Store` (KVS on Forge, files in the preview) fits. */
export interface ConfigDocuments {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false; current: { version: number } | null }>;
}

export const CONFIG_DOCUMENT = 'config';

export type { ConfigProblem, ProblemDetail } from '../domain/config-problems';
export type { ConfigMigration, UnresolvedName } from '../domain/config-migration';

/**
 * What the site calls its objects, asked only when a document of schema version 1 needs it (the
 * settings resolvers pass `siteNames` of `site-values.ts`, read as the administrator); null
 * migrates without the site, as the readers do.
 */
export type SiteNamesSource = (() => Promise<SiteNames>) | null;

export interface LoadedConfig {
  config: Config;
  /** The stored version; null while the defaults apply (nothing saved yet). */
  version: number | null;
  /** Problems of a stored document that no longer validates (it is then not used: the defaults are shown). */
  storedProblems: ConfigProblem[];
  /**
   * The stored document is of schema version 1: `config` is it migrated against the site's names,
   * `unresolved` what could not be; saving stores it as version 2. Null for a version 2 document.
   */
  migration: ConfigMigration | null;
}

export type SaveOutcome =
  | { status: 'saved'; version: number; config: Config }
  | { status: 'invalid'; problems: ConfigProblem[] }
  /** Someone saved after the writer read: `version` is what is stored now. */
  | { status: 'conflict'; version: number | null }
  /** Import only: the text is not JSON. */
  | { status: 'malformed'; message: string };

/** An import's outcome: a saved one says whether the file was of schema version 1, and what could not be resolved. */
export type ImportOutcome = Exclude<SaveOutcome, { status: 'saved' }> | { status: 'saved'; version: number; config: Config; migration: ConfigMigration | null };

/**
 * A version 1 document as version 2, its names resolved against the site (when `names` is given).
 * Display names of priorities are the site's own: Jira's default priorities also resolve by their
 * English names (`siteNames`), and the administrator should read the name they know.
 */
async function migrated(input: Record<string, unknown>, names: SiteNamesSource): Promise<{ document: unknown; migration: ConfigMigration }> {
  const site = names ? await names() : null;
  const m = migrateV1Config(input, site);
  const defects = m.document.defects;
  if (site && isRecord(defects) && Array.isArray(defects.targets)) {
    for (const target of defects.targets as unknown[]) {
      const priority = isRecord(target) ? target.priority : undefined;
      const own = isRecord(priority) ? site.priorities.find((p) => p.id === priority.id) : undefined;
      if (own && isRecord(priority)) priority.name = own.name;
    }
  }
  return { document: m.document, migration: { from: 1, unresolved: m.unresolved } };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every problem of a draft, by path, in zod's order. */
export function validateConfig(input: unknown): { ok: true; config: Config } | { ok: false; problems: ConfigProblem[] } {
  const r = GovernanceConfig.safeParse(input);
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, problems: configProblems(r.error) };
}

/**
 * The configuration for the settings page. Unlike the readers of the metrics (which refuse to run
 * on a stored document that no longer validates), an administrator must be able to open the page
 * and repair it: the stored version is kept, so a save replaces the broken document.
 */
export async function loadConfig(store: ConfigDocuments, names: SiteNamesSource = null): Promise<LoadedConfig> {
  const doc = await store.get(CONFIG_DOCUMENT);
  if (!doc) return { config: defaultConfig(), version: null, storedProblems: [], migration: null };
  let input = doc.value;
  let migration: ConfigMigration | null = null;
  if (isV1Config(input)) ({ document: input, migration } = await migrated(input, names));
  const parsed = validateConfig(input);
  if (parsed.ok) return { config: parsed.config, version: doc.version, storedProblems: [], migration };
  // The defaults are shown, not the migrated document: what would not be resolved does not apply to them.
  return { config: defaultConfig(), version: doc.version, storedProblems: parsed.problems, migration: null };
}

/** Validates and saves atomically over `expectedVersion` (null: only if nothing was saved yet). */
export async function saveConfig(store: ConfigDocuments, input: unknown, expectedVersion: number | null): Promise<SaveOutcome> {
  const parsed = validateConfig(input);
  if (!parsed.ok) return { status: 'invalid', problems: parsed.problems };
  const r = await store.compareAndSet(CONFIG_DOCUMENT, parsed.config, expectedVersion);
  if (!r.ok) return { status: 'conflict', version: r.current?.version ?? null };
  return { status: 'saved', version: r.version, config: parsed.config };
}

/**
 * Where a text stops being JSON, and what was expected there. `JSON.parse` names no position for
 * some mistakes ("Unexpected token '}'"), so the text is walked once more to find the place.
 */
export function jsonSyntaxError(text: string): { offset: number; expected: string } | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw { offset: i, expected };
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const str = () => {
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 32) fail('no line break or control character inside a string');
      if (c === 92) {
        const e = text[i + 1] ?? '';
        if (e === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)) : !'"\\/bfnrt'.includes(e) || e === '') {
          i++;
          fail('an escape such as \\n, \\" or \\u00e9 after the backslash');
        }
        i += e === 'u' ? 6 : 2;
      } else i++;
    }
    fail('a closing double quote');
  };
  const literal = (word: string) => {
    if (!text.startsWith(word, i)) fail('a value');
    i += word.length;
  };
  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        str();
        ws();
        if (text[i] !== ':') fail("':' after the property name");
        i++;
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail("',' or '}'");
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail("',' or ']'");
      }
    } else if (c === '"') str();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      NUMBER.lastIndex = i;
      if (!NUMBER.test(text)) fail('a value');
      i = NUMBER.lastIndex;
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail('the end of the file');
    return null;
  } catch (err) {
    if (typeof err === 'object' && err !== null && 'offset' in err) return err as { offset: number; expected: string };
    throw err;
  }
}

/** Where the JSON goes wrong, as a line and column a person can find in their file. */
function jsonProblem(text: string, err: unknown): string {
  const found = jsonSyntaxError(text);
  if (!found) return `The file is not valid JSON: ${err instanceof Error ? err.message : String(err)}`;
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - before.lastIndexOf('\n');
  const what = found.offset >= text.length ? `the file ends where ${found.expected} was expected` : `expected ${found.expected}`;
  return `The file is not valid JSON (line ${line}, column ${column}): ${what}.`;
}

/**
 * Imports a whole configuration from JSON text: parsed, validated and saved like any save. A file
 * of schema version 1 is migrated first (against the site's names when `names` is given) and saved
 * as version 2; the outcome lists the names that could not be resolved.
 */
export async function importConfig(store: ConfigDocuments, text: string, expectedVersion: number | null, names: SiteNamesSource = null): Promise<ImportOutcome> {
  if (text.trim() === '') return { status: 'malformed', message: 'The file is empty: paste or choose an exported configuration.' };
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (err) {
    return { status: 'malformed', message: jsonProblem(text, err) };
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { status: 'malformed', message: 'The file must hold one JSON object: the configuration as the export writes it.' };
  let migration: ConfigMigration | null = null;
  if (isV1Config(input)) ({ document: input, migration } = await migrated(input, names));
  const r = await saveConfig(store, input, expectedVersion);
  return r.status === 'saved' ? { ...r, migration } : r;
}

/** The stored configuration as the JSON an import reads back unchanged. */
export function exportConfig(config: Config): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
