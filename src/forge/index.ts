/**
 * The Forge entry point: the resolver definitions wired to the real platform — Jira through
 * `requestJira`, storage through KVS, the clock. manifest.yml names `index.handler`.
 */
import { createJiraClient } from '../jira/client';
import { kvsStore } from './kvs-store';
import { buildResolver } from './resolver';
import { forgeReportQueue } from './report-queue';
import { forgeTransport } from './transport';

// Forge runs one invocation per process at a time; a resolver has 25 s, so retries stay short.
const clientOptions = { concurrency: 4, maxRetries: 2, maxWaitMs: 5_000 };

export const handler = buildResolver({
  // asUser() takes the viewer from the invocation, so the account id is not needed to build it.
  jiraForUser: () => createJiraClient(forgeTransport('user'), clientOptions),
  jiraAsApp: () => createJiraClient(forgeTransport('app'), clientOptions),
  store: kvsStore(),
  now: () => Date.now(),
  // Reports too large for a resolver's 25 s go to the `report-consumer` (manifest.yml).
  reportQueue: forgeReportQueue(),
}).getDefinitions();
