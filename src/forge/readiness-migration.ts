/**
 * The scheduled job of the one-time migration from the property of earlier versions
 * (`services/readiness-migration.ts`): manifest.yml `scheduledTrigger` `readiness-migration`,
 * every hour, with 900 s to run. Once the migration is closed a run only reads one document.
 */
import { createJiraClient } from '../jira/client';
import { migrateLegacyReadiness } from '../services/readiness-migration';
import { kvsStore } from './kvs-store';
import { forgeTransport } from './transport';

/** Leaves a minute of the 900 s for the last issue and the record. */
const BUDGET_MS = 840_000;

export async function handler(): Promise<void> {
  const started = Date.now();
  await migrateLegacyReadiness({
    app: createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 3, maxWaitMs: 10_000 }),
    store: kvsStore(),
    now: Date.now(),
    outOfTime: () => Date.now() - started > BUDGET_MS,
  });
}
