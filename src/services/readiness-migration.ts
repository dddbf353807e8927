/**
 * The one-time migration from the version that kept the checklists in the issue property. Run as
 * the app by a scheduled job until it has seen every issue with a readiness property: each issue
 * whose property is in the earlier format and that the app has not met yet gets its state, with
 * the property's ticks imported as unverified claims, and its property rewritten as the mirror.
 * When a full pass is done the migration is closed (`readiness-migration` in the app's storage):
 * from then on a property in the earlier format is never imported again, wherever it turns up:
 * it is tampering, reported and repaired like any other.
 *
 * The job is idempotent and resumable: an issue already met is skipped, so a run cut short (the
 * 900 s limit) is simply continued by the next one.
 */
import { defaultConfig, type GovernanceConfig, parseConfig } from '../domain/config';
import { isoSeconds, READINESS_PROPERTY_KEY, readStoredReadiness } from '../domain/checklists';
import { JiraError, type JiraClient } from '../jira/types';
import { legacyImportOpen, MIGRATION_KEY, MigrationRecord, type ReadinessStore, refreshReadiness, stateKey } from './checklists';
import { CONFIG_DOCUMENT } from './config';

export { MIGRATION_KEY } from './checklists';

/** Issues with a readiness summary in the property: written by any version of the app (or by anyone). */
export const MIGRATION_JQL = `issue.property[${READINESS_PROPERTY_KEY}].dor.ready IS NOT EMPTY OR issue.property[${READINESS_PROPERTY_KEY}].dod.ready IS NOT EMPTY ORDER BY key ASC`;

export interface MigrationRequest {
  /** Jira as the app. */
  app: JiraClient;
  store: ReadinessStore;
  now: number;
  /** The configuration (default: the stored one). */
  config?: GovernanceConfig;
  /** Stop after importing this many issues; the next run goes on (default 2,000). */
  maxImports?: number;
  /** Stop when this returns true (the time budget of the run). */
  outOfTime?: () => boolean;
}

export interface MigrationRun {
  /** Issues with a readiness property seen in this run. */
  scanned: number;
  /** Issues whose property in the earlier format was imported in this run. */
  imported: number;
  /** The migration is closed (by this run or an earlier one). */
  done: boolean;
}

async function storedConfig(store: ReadinessStore): Promise<GovernanceConfig> {
  const doc = await store.get(CONFIG_DOCUMENT);
  if (!doc) return defaultConfig();
  const parsed = parseConfig(doc.value);
  if (!parsed.ok) throw new Error(`The governance configuration is invalid (${parsed.errors.slice(0, 3).join('; ')})`);
  return parsed.config;
}

export async function migrateLegacyReadiness(req: MigrationRequest): Promise<MigrationRun> {
  if (!(await legacyImportOpen(req.store))) return { scanned: 0, imported: 0, done: true };
  const config = req.config ?? (await storedConfig(req.store));
  const issues = await req.app.search(MIGRATION_JQL, { fields: ['summary'], properties: [READINESS_PROPERTY_KEY], pageSize: 500 });
  const maxImports = req.maxImports ?? 2000;
  let imported = 0;
  let complete = true;
  for (const issue of issues) {
    if (imported >= maxImports || req.outOfTime?.()) {
      complete = false;
      break;
    }
    if (readStoredReadiness(issue.properties?.[READINESS_PROPERTY_KEY]).kind !== 'legacy') continue;
    if (await req.store.get(stateKey(issue.id))) continue;
    try {
      await refreshReadiness({ client: req.app, app: req.app, store: req.store, config, issueKey: issue.key, now: req.now }, { detectedBy: 'migration' });
      imported++;
    } catch (err) {
      // An issue deleted since the search needs nothing; anything else stops the run (the next one goes on).
      if (err instanceof JiraError && err.status === 404) continue;
      throw err;
    }
  }
  const previous = MigrationRecord.safeParse((await req.store.get(MIGRATION_KEY))?.value);
  const before = previous.success ? previous.data : { completedAt: null, imported: 0, scanned: 0 };
  await req.store.set(MIGRATION_KEY, { completedAt: complete ? isoSeconds(req.now) : null, imported: before.imported + imported, scanned: before.scanned + issues.length });
  return { scanned: issues.length, imported, done: complete };
}
