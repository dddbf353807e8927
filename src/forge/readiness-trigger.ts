/**
 * Keeps the readiness summary Jira indexes (the mirror property) in step with the issue, without
 * anyone opening the panel: a new issue gets its summary at once (so `dorReady = false` finds
 * unchecked stories), and a change to what an auto-check or the template choice reads (estimate,
 * description, assignee, acceptance criteria, type, project) recomputes it; a sub-task's status
 * change recomputes its parent ("all sub-tasks done"). Each run also compares the property with the
 * app's state, and rewrites and reports one someone wrote through the REST API. The write happens
 * only when the summary changed; the manifest's `filter: ignoreSelf` keeps the app's own writes
 * from waking the trigger. It runs as the app (a trigger has no user) and never changes a
 * person's tick. On a conflict it re-reads and tries again; when conflicts do not stop it asks the
 * platform to run it again (an InvocationError) instead of dropping the refresh.
 *
 * manifest.yml: `trigger` `readiness-on-issue-change` on avi:jira:created:issue and avi:jira:updated:issue.
 */
import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { createJiraClient } from '../jira/client';
import type { JiraClient } from '../jira/types';
import { JiraError } from '../jira/types';
import { refreshReadiness, ReadinessRetryLater, type ReadinessStore } from '../services/checklists';
import { IssueKey } from '../shared/schemas';
import { readConfig } from './config-store';
import { kvsStore } from './kvs-store';
import type { Store } from './store';
import { forgeTransport } from './transport';

/** Fields whose change can change an auto-check or which template applies. Custom fields are all candidates (estimation, acceptance criteria). */
const RELEVANT = new Set(['description', 'assignee', 'issuetype', 'project', 'timeoriginalestimate', 'story points', 'story point estimate', 'acceptance criteria']);

const ChangeItem = z.object({ field: z.string().optional(), fieldId: z.string().nullish() }).passthrough();

export const IssueEvent = z
  .object({
    eventType: z.string().optional(),
    issue: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        key: IssueKey,
        fields: z
          .object({
            issuetype: z.object({ subtask: z.boolean().optional() }).passthrough().nullish(),
            parent: z.object({ key: IssueKey }).passthrough().nullish(),
          })
          .passthrough()
          .nullish(),
      })
      .passthrough(),
    changelog: z.object({ items: z.array(ChangeItem).default([]) }).passthrough().nullish(),
  })
  .passthrough();
export type IssueEvent = z.infer<typeof IssueEvent>;

/** The issues whose readiness an event may have changed: the issue itself, and a sub-task's parent. */
export function issuesToRefresh(event: IssueEvent): string[] {
  const items = event.changelog?.items ?? [];
  const created = event.eventType === 'avi:jira:created:issue' || !event.changelog;
  const names = items.map((i) => (i.fieldId ?? i.field ?? '').toLowerCase());
  const keys: string[] = [];
  if (created || names.some((n) => RELEVANT.has(n) || n.startsWith('customfield_'))) keys.push(event.issue.key);
  const parent = event.issue.fields?.parent?.key;
  const subtask = event.issue.fields?.issuetype?.subtask === true;
  if (parent && subtask && (created || names.some((n) => n === 'status' || n === 'resolution'))) keys.push(parent);
  return keys;
}

export interface RefresherDeps {
  /** Jira as the app. */
  jira(): JiraClient;
  store: Store;
  now(): number;
  /** Waits between attempts after a conflict (default: setTimeout). */
  sleep?(ms: number): Promise<void>;
}

/** The trigger's body: recompute each affected issue; returns the keys it rewrote. */
export function readinessRefresher(deps: RefresherDeps): (event: unknown) => Promise<string[]> {
  return async (raw: unknown) => {
    const parsed = IssueEvent.safeParse(raw);
    // Not an issue event the app understands: nothing to do (a trigger has nobody to answer).
    if (!parsed.success) return [];
    const keys = issuesToRefresh(parsed.data);
    if (keys.length === 0) return [];
    const { config } = await readConfig(deps.store);
    const client = deps.jira();
    const store: ReadinessStore = deps.store;
    const written: string[] = [];
    for (const issueKey of keys) {
      try {
        if (await refreshReadiness({ client, app: client, store, config, issueKey, now: deps.now() }, deps.sleep ? { sleep: deps.sleep } : {})) written.push(issueKey);
      } catch (err) {
        // A deleted issue needs no summary. Anything else (ReadinessRetryLater included) is raised: the refresh is not dropped.
        if (err instanceof JiraError && err.status === 404) continue;
        throw err;
      }
    }
    return written;
  };
}

const refresh = readinessRefresher({
  jira: () => createJiraClient(forgeTransport('app'), { concurrency: 4, maxRetries: 3, maxWaitMs: 10_000 }),
  store: kvsStore(),
  now: () => Date.now(),
});

/** Seconds after which the platform runs a refresh again that met conflicts on every attempt. */
const RETRY_AFTER_SECONDS = 30;

export async function handler(event: unknown): Promise<InvocationError | void> {
  try {
    await refresh(event);
  } catch (err) {
    if (err instanceof ReadinessRetryLater)
      return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST, retryData: { reason: err.message } });
    throw err;
  }
}
