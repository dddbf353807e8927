/** A client talking to a fresh emulator over real HTTP, with a recorded (instant) sleep. */
import { createJiraClient, type CountingClient, type JiraClientOptions } from '../../src/jira/client';
import { fetchTransport } from '../../src/jira/fetch-transport';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { USERS, type SiteUserName } from '../emulator/fixture';

export interface Harness {
  emu: Emulator;
  client: CountingClient;
  /** Every backoff the client asked for, in ms. */
  waits: number[];
  /** A further client on the same emulator (another user, other options). */
  clientFor(user: SiteUserName, options?: JiraClientOptions): CountingClient;
  /** Requests logged for an endpoint template since the start, or since `from`. */
  calls(endpoint: string, from?: number): Emulator['requests'];
  close(): Promise<void>;
}

export async function harness(site: SiteData, emulator: EmulatorOptions = {}, options: JiraClientOptions = {}, user: SiteUserName = 'admin'): Promise<Harness> {
  const emu = await startEmulator(site, emulator);
  const waits: number[] = [];
  const clientFor = (name: SiteUserName, extra: JiraClientOptions = {}) =>
    createJiraClient(fetchTransport({ baseUrl: emu.url, email: USERS[name].emailAddress, apiToken: USERS[name].apiToken }), {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      ...options,
      ...extra,
    });
  return {
    emu,
    client: clientFor(user),
    waits,
    clientFor,
    calls: (endpoint, from = 0) => emu.requests.slice(from).filter((r) => r.endpoint === endpoint),
    close: () => emu.close(),
  };
}

/** The JiraError a promise rejects with (fails the test if it resolves or throws something else). */
export async function rejection(p: Promise<unknown>): Promise<import('../../src/jira/types').JiraError> {
  const { JiraError } = await import('../../src/jira/types');
  try {
    await p;
  } catch (e) {
    if (e instanceof JiraError) return e;
    throw e;
  }
  throw new Error('expected a JiraError, got a result');
}
