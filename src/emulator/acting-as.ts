/**
 * A transport to the emulator that acts as one of the site's users, as the local preview and tests
 * do (the emulator reads `x-emulator-user`; a real Jira site never sees this header).
 */
import { fetchTransport } from '../jira/fetch-transport';
import type { Transport } from '../jira/types';
import { EMULATOR_USER_HEADER } from './server';

export function emulatorTransport(baseUrl: string, accountId: string): Transport {
  const base = fetchTransport({ baseUrl });
  return (req) => base({ ...req, headers: { ...req.headers, [EMULATOR_USER_HEADER]: accountId } });
}
