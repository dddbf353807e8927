/**
 * What the resolver tests share: the Jira REST emulator serving the demo site for the test file,
 * clients acting as its users, and the resolver definitions called as Forge calls them
 * (`getDefinitions()` with the call, the extension context and the calling user).
 */
import { DEMO_NOW, DEMO_USERS, buildDemoSite } from '../../src/demo/site';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { DEMO_APP } from '../../src/demo/people';
import { configWithKey } from '../../src/forge/config-store';
import { buildResolver, type ResolverDeps } from '../../src/forge/resolver';
import { memoryGovernanceStore } from '../../src/store/memory';
import type { GovernanceStore } from '../../src/store/types';
import { inProcessSync, type InProcessSync } from '../../src/sync/in-process';
import { createJiraClient } from '../../src/jira/client';
import type { JiraClient } from '../../src/jira/types';
import type { Envelope } from '../../src/shared/protocol';

export const NOW = parseInstant(DEMO_NOW);

/** Runs the emulator on the demo site for the file's tests (jest hooks); `clientFor` reads Jira as a site user. */
export function demoSiteEmulator(): { clientFor: (accountId: string) => JiraClient; requests: () => Emulator['requests'] } {
  let emulator: Emulator | null = null;
  beforeAll(async () => {
    emulator = await startEmulator(buildDemoSite(), { now: () => NOW });
  });
  afterAll(() => emulator?.close());
  return {
    clientFor: (accountId) => {
      if (!emulator) throw new Error('the emulator starts in beforeAll: call clientFor inside a test');
      return createJiraClient(emulatorTransport(emulator.url, accountId));
    },
    requests: () => emulator?.requests ?? [],
  };
}

/** A resolver call: function key, payload, the extension in the context, and the calling user (default the demo admin). */
export type ResolverCall = (<T = unknown>(functionKey: string, payload: unknown, extension: unknown, user?: string) => Promise<Envelope<T>>) & {
  /** The shared store the surfaces read, and the sync that fills it (as the app, in this process). */
  readonly governance: GovernanceStore;
  readonly sync: InProcessSync;
  /**
   * The call once the figures it reads are in: called, the syncs it asked for run to the end, and
   * called again (a first view of a board the store does not hold answers "pending").
   */
  synced<T = unknown>(functionKey: string, payload: unknown, extension: unknown, user?: string): Promise<Envelope<T>>;
};

/**
 * The resolvers reading Jira through `clientFor` (as the viewer; as the app through the demo's app
 * account), at `NOW`. Unless given, the shared store is a fresh memory store, synced in process as
 * the app with the configuration in `deps.store`.
 */
export function resolverCall(
  clientFor: (accountId: string) => JiraClient,
  deps: Pick<ResolverDeps, 'store'> & Partial<ResolverDeps>,
  options: { /** The account the sync reads Jira as (default the demo's app account). */ syncAs?: string } = {},
): ResolverCall {
  const governance = deps.governance ?? memoryGovernanceStore();
  const sync = inProcessSync({ client: clientFor(options.syncAs ?? DEMO_APP), store: governance, clock: deps.now ?? (() => NOW), config: () => configWithKey(deps.store) });
  const definitions = buildResolver({
    jiraForUser: clientFor,
    jiraAsApp: () => clientFor(DEMO_APP),
    now: () => NOW,
    governance,
    syncQueue: sync,
    ...deps,
  }).getDefinitions();
  const call = async <T = unknown>(functionKey: string, payload: unknown, extension: unknown, user: string = DEMO_USERS.admin) =>
    (await definitions({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: user } })) as Envelope<T>;
  return Object.assign(call, {
    governance,
    sync,
    async synced<T = unknown>(functionKey: string, payload: unknown, extension: unknown, user?: string) {
      await call(functionKey, payload, extension, user);
      await sync.idle();
      return call<T>(functionKey, payload, extension, user);
    },
  });
}
