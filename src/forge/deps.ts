/** What every resolver definition is built with: injected, so the same definitions run on Forge, in the preview and in tests. */
import type { JiraClient } from '../jira/types';
import type { SurfaceDeps } from '../services/surfaces';
import type { SyncQueue } from '../services/sync-requests';
import type { GovernanceStore } from '../store/types';
import type { Store } from './store';

export interface ResolverDeps {
  /** A client that reads Jira as this user, with their permissions. */
  jiraForUser(accountId: string): JiraClient;
  /** A client that reads Jira as the app: only for work without a viewer, after a permission check. */
  jiraAsApp(): JiraClient;
  /** The app's documents: configuration, checklists, viewers' kept permission answers, throttles. */
  store: Store;
  /** The shared governance store every surface reads its figures from (kept current by the sync). */
  governance: GovernanceStore;
  /** Where syncs are asked for (a Forge queue in Jira; in process in the preview and tests). */
  syncQueue: SyncQueue;
  /** The instant "now" of every figure. */
  now(): number;
  /** The wall clock stamped on audit trails (who ticked what, when); default `now`. */
  clock?(): number;
}

/** What the surfaces reading the store need, from the resolver's dependencies. */
export function surfaceDeps(deps: ResolverDeps): SurfaceDeps & { documents: Store } {
  return { store: deps.governance, cache: deps.store, queue: deps.syncQueue, throttle: deps.store, now: deps.now, documents: deps.store };
}

