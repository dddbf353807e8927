/**
 * The sync on Forge (manifest.yml): a queue consumer runs each board's sync as the app (up to 900 s,
 * checkpointed, resumed by queueing itself again); a five-minute schedule queues the boards that
 * are due; Jira's issue, sprint and board events queue the boards they concern; installing or
 * upgrading the app migrates the SQL schema. Every handler parses what Forge hands it and drops
 * what it cannot read (retrying cannot make it readable).
 */
import { Queue } from '@forge/events';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { createJiraClient } from '../jira/client';
import { forgetReadiness } from '../services/readiness-forget';
import type { SyncMessage, SyncQueue } from '../services/sync-requests';
import type { SyncDeps } from '../sync/engine';
import { AgileEventSchema, IssueEventSchema, onAgileEvent, onIssueEvent, registryCache, runSyncMessage, scheduleCatchUp, SyncMessageSchema } from '../sync/triggers';
import { configWithKey as configOf } from './config-store';
import { kvsStore } from './kvs-store';
import { forgeGovernanceStore, migrateGovernanceSql } from './sql-client';
import { forgeTransport } from './transport';

export const SYNC_QUEUE_KEY = 'governance-sync';
/** Board syncs that run at once across the site: they share the app's Jira quota. */
const SYNC_CONCURRENCY = 2;
/** A consumer has 900 s; a run stops at its next checkpoint after this and queues itself again. */
const RUN_BUDGET_MS = 600_000;
/** Forge's `Queue.push` takes at most 50 events per call. */
export const QUEUE_PUSH_MAX = 50;

/** Splits messages into the batches one `Queue.push` takes. */
export function batches<T>(items: readonly T[], size = QUEUE_PUSH_MAX): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function forgeSyncQueue(): SyncQueue {
  const queue = new Queue({ key: SYNC_QUEUE_KEY });
  const event = (message: SyncMessage) => ({ body: { boardId: message.boardId, reason: message.reason }, concurrency: { key: SYNC_QUEUE_KEY, limit: SYNC_CONCURRENCY } });
  return {
    async push(message: SyncMessage) {
      await queue.push([event(message)]);
    },
    async pushAll(messages: readonly SyncMessage[]) {
      for (const batch of batches(messages)) await queue.push(batch.map(event));
    },
  };
}

const documents = kvsStore();
const governance = forgeGovernanceStore();

const configWithKey = () => configOf(documents);

function syncDeps(owner: string): SyncDeps {
  return {
    // A consumer has up to 900 s: retries may wait as long as Jira asks, within reason.
    client: createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 5, maxWaitMs: 60_000 }),
    store: governance,
    clock: () => Date.now(),
    config: configWithKey,
    owner,
    budgetMs: RUN_BUDGET_MS,
    // The site's fields, statuses and types, read once an hour for all boards rather than per board.
    siteCache: documents,
  };
}

const AsyncEvent = z
  .object({
    body: z.unknown(),
    jobId: z.string().optional(),
    eventId: z.string().optional(),
    retryContext: z.object({ retryCount: z.number(), retryReason: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();

/** The queue consumer (`sync-consumer`): one board's sync. A redelivered event runs it again, harmlessly. */
export async function consumer(event: unknown): Promise<void> {
  const parsed = AsyncEvent.safeParse(event);
  if (!parsed.success) return;
  const message = SyncMessageSchema.safeParse(parsed.data.body);
  if (!message.success) return;
  // A retry (Forge redelivers after a timeout or a failure) resumes from the stored checkpoint:
  // the run's id names the delivery, so a claim left by the first try is taken over once it expires.
  const owner = `${parsed.data.eventId ?? randomUUID()}#${parsed.data.retryContext?.retryCount ?? 0}`;
  await runSyncMessage(syncDeps(owner), forgeSyncQueue(), message.data);
}

/** The five-minute schedule (`sync-schedule`): queues every board that is due. */
export async function schedule(): Promise<void> {
  const { key } = await configWithKey();
  await scheduleCatchUp(governance, forgeSyncQueue(), Date.now(), key);
}

const registry = registryCache(governance);

/** Jira's issue, sprint and board events (`sync-events`): ask for a sync of the boards they concern. */
export async function events(event: unknown): Promise<void> {
  const deps = { store: governance, queue: forgeSyncQueue(), throttle: documents, registry, now: Date.now() };
  const issue = IssueEventSchema.safeParse(event);
  if (issue.success) {
    // A deleted issue's readiness (checklists, audit trail, account ids) leaves the app's storage too.
    if (issue.data.eventType === 'avi:jira:deleted:issue') await forgetReadiness(documents, issue.data.issue.id).catch(() => undefined);
    await onIssueEvent(deps, issue.data);
    return;
  }
  const agile = AgileEventSchema.safeParse(event);
  if (agile.success) await onAgileEvent(deps, agile.data);
}

/** Installing or upgrading the app (`sql-migrate`): the store's tables, created or brought up to date. */
export async function migrate(): Promise<void> {
  await migrateGovernanceSql();
}
