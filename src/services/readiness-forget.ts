/**
 * A deleted issue's readiness leaves the app's storage with it: its state (checklists and audit
 * trail, with the account ids in them), the archived parts of its trail and the mirror's
 * bookkeeping. Jira deletes the issue and its properties; nothing of it stays with the app.
 */
import { ReadinessState } from '../domain/checklists';
import { stateKey } from './checklists';
import { mirrorKey } from './readiness-mirror';

export interface ForgetStore {
  get(key: string): Promise<{ value: unknown } | null>;
  delete(key: string): Promise<void>;
}

/** Deletes everything the app keeps of the issue's readiness; returns the keys deleted. */
export async function forgetReadiness(store: ForgetStore, issueId: string): Promise<string[]> {
  if (!/^\d{1,19}$/.test(issueId)) throw new Error(`forgetReadiness: '${issueId}' is not a Jira issue id`);
  const state = ReadinessState.safeParse((await store.get(stateKey(issueId)))?.value);
  const keys = [...(state.success ? state.data.archive : []), stateKey(issueId), mirrorKey(issueId)];
  for (const key of keys) await store.delete(key);
  return keys;
}
