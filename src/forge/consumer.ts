/**
 * The Forge entry point of the report consumer (manifest.yml `function` `report-consumer`, up to
 * 900 s): runs one queued hygiene and defect report job. A consumer has no user, so Jira is read as
 * the app; every viewer's read of the result is cut to the projects they may browse.
 */
import { createJiraClient } from '../jira/client';
import { configAtVersion } from '../services/report-jobs';
import { readConfig } from './config-store';
import { kvsStore } from './kvs-store';
import { reportConsumer } from './report-queue';
import type { Store } from './store';
import { forgeTransport } from './transport';

const store: Store = kvsStore();

export const handler = reportConsumer({
  store,
  // Up to 900 s: retries may wait as long as Jira asks, within reason.
  client: createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 5, maxWaitMs: 60_000 }),
  now: () => Date.now(),
  config: configAtVersion(() => readConfig(store)),
});
