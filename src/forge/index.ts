/**
 * The Forge entry point: the resolver definitions wired to the real platform — Jira through
 * `requestJira`, the app's documents in KVS, the shared governance store on Forge SQL, the sync
 * queue, the clock. manifest.yml names `index.handler`; the sync's handlers are in `sync.ts`.
 */
import { createJiraClient } from '../jira/client';
import { kvsStore } from './kvs-store';
import { buildResolver } from './resolver';
import { forgeGovernanceStore } from './sql-client';
import { forgeSyncQueue } from './sync';
import { forgeTransport } from './transport';

// Forge runs one invocation per process at a time; a resolver has 25 s, so retries stay short.
const clientOptions = { concurrency: 4, maxRetries: 2, maxWaitMs: 5_000 };

export const handler = buildResolver({
  // asUser() takes the viewer from the invocation, so the account id is not needed to build it.
  jiraForUser: () => createJiraClient(forgeTransport('user'), clientOptions),
  jiraAsApp: () => createJiraClient(forgeTransport('app'), clientOptions),
  store: kvsStore(),
  governance: forgeGovernanceStore(),
  syncQueue: forgeSyncQueue(),
  now: () => Date.now(),
}).getDefinitions();
