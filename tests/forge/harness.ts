/**
 * What the resolver tests share: the Jira REST emulator serving the demo site for the test file,
 * clients acting as its users, and the resolver definitions called as Forge calls them
 * (`getDefinitions()` with the call, the extension context and the calling user).
 */
import { DEMO_NOW, DEMO_USERS, buildDemoSite } from '../../src/demo/site';
import { parseInstant } from '../../src/domain/jira';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { buildResolver, type ResolverDeps } from '../../src/forge/resolver';
import { createJiraClient } from '../../src/jira/client';
import type { JiraClient } from '../../src/jira/types';
import type { Envelope } from '../../src/shared/protocol';

export const NOW = parseInstant(DEMO_NOW);

/** Runs the emulator on the demo site for the file's tests (jest hooks); `clientFor` reads Jira as a site user. */
export function demoSiteEmulator(): { clientFor: (accountId: string) => JiraClient } {
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
  };
}

/** A resolver call: function key, payload, the extension in the context, and the calling user (default the demo admin). */
export type ResolverCall = <T = unknown>(functionKey: string, payload: unknown, extension: unknown, user?: string) => Promise<Envelope<T>>;

/** The resolvers reading Jira through `clientFor` (as the viewer; as the app through the demo admin), at `NOW`. */
export function resolverCall(clientFor: (accountId: string) => JiraClient, deps: Pick<ResolverDeps, 'store'> & Partial<ResolverDeps>): ResolverCall {
  const definitions = buildResolver({ jiraForUser: clientFor, jiraAsApp: () => clientFor(DEMO_USERS.admin), now: () => NOW, ...deps }).getDefinitions();
  return async <T = unknown>(functionKey: string, payload: unknown, extension: unknown, user: string = DEMO_USERS.admin) =>
    (await definitions({ call: { functionKey, payload }, context: { extension } }, { principal: { accountId: user } })) as Envelope<T>;
}
