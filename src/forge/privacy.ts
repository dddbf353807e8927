/**
 * The personal-data reporting cycle on Forge (manifest.yml: `scheduledTrigger` `privacy-report`,
 * daily; the cycle itself reports at most once every 7 days, `src/services/privacy.ts`). Accounts
 * are reported through `privacy.reportPersonalData` of `@forge/api` (Atlassian's
 * `/app/report-accounts`, scope `report:personal-data`), one batch of at most 90 at a time; Jira is
 * read and written as the app. docs/privacy.md says what is kept and for how long.
 */
import { privacy } from '@forge/api';
import { createJiraClient } from '../jira/client';
import { configOwnersSource, readinessTrailSource } from '../services/privacy-sources';
import { REPORT_BATCH, ReportRateLimited, runPrivacyCycle, type AccountReporter, type CycleOutcome } from '../services/privacy';
import { kvsStore } from './kvs-store';
import type { Store } from './store';
import { forgeTransport } from './transport';

/** The function's limit is 900 s (manifest.yml); no batch starts in its last two minutes. */
const RUN_MS = 780_000;

interface ResponseLike {
  status: number;
  headers?: { get(name: string): string | null };
}
const isResponse = (v: unknown): v is ResponseLike => typeof v === 'object' && v !== null && typeof (v as { status?: unknown }).status === 'number';

/** The reporting API through @forge/api; a 429 (the helper rejects with the response) becomes ReportRateLimited. */
export function forgeAccountReporter(report: typeof privacy.reportPersonalData = privacy.reportPersonalData): AccountReporter {
  return {
    async report(accounts) {
      if (accounts.length > REPORT_BATCH) throw new Error(`at most ${REPORT_BATCH} accounts a request`);
      try {
        return await report(accounts.map((a) => ({ accountId: a.accountId, updatedAt: a.updatedAt })));
      } catch (err) {
        if (isResponse(err) && err.status === 429) {
          const seconds = Number(err.headers?.get('Retry-After'));
          throw new ReportRateLimited(Number.isFinite(seconds) && seconds >= 0 ? seconds : null);
        }
        if (isResponse(err)) throw new Error(`the personal data reporting API answered HTTP ${err.status}`);
        throw err;
      }
    },
  };
}

export async function runForgeCycle(store: Store = kvsStore(), now: () => number = Date.now): Promise<CycleOutcome> {
  const client = createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 5, maxWaitMs: 60_000 });
  return runPrivacyCycle({
    sources: [configOwnersSource(store), readinessTrailSource(client, store)],
    reporter: forgeAccountReporter(),
    store,
    now,
    deadline: now() + RUN_MS,
  });
}

/** The scheduled trigger's handler: runs the cycle if due, and answers the platform. */
export async function handler(): Promise<{ statusCode: number }> {
  const outcome = await runForgeCycle();
  console.log(`privacy report: ${JSON.stringify(outcome.kind === 'completed' ? { ...outcome, closed: outcome.closed.length, updated: outcome.updated.length } : outcome)}`);
  return { statusCode: 204 };
}
