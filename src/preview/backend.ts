/**
 * What the preview reads Jira from: the in-process emulator serving the demo site (default), or a
 * real Jira Cloud site when JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN are set. Either way the app
 * talks to it over HTTP through the same client it uses on Forge.
 */
import path from 'node:path';
import { z } from 'zod';
import { parseInstant } from '../domain/jira';
import { seedDemoReadiness } from '../demo/readiness';
import { DEMO_APP } from '../demo/people';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../demo/site';
import { parseConfigOrThrow } from '../domain/config';
import { startEmulator } from '../emulator/server';
import { createJiraClient } from '../jira/client';
import { fetchTransport } from '../jira/fetch-transport';
import type { JiraClient, Transport } from '../jira/types';
import type { Store } from '../forge/store';
import { readJson, writeJsonAtomic } from './files';
import { emulatorTransport } from '../emulator/acting-as';

export interface PreviewUser {
  accountId: string;
  displayName: string;
  admin: boolean;
}

export interface PreviewBackend {
  mode: 'demo' | 'real';
  siteName: string;
  /** Where `/browse/KEY` links lead: the preview itself for the demo site, the real site otherwise. */
  browseBase: string | null;
  users: PreviewUser[];
  defaultUser: string;
  jiraForUser(accountId: string): JiraClient;
  jiraAsApp(): JiraClient;
  now(): number;
  close(): Promise<void>;
}

/** Issue properties written in the preview, by issue key then property key. */
const IssueProperties = z.record(z.string(), z.record(z.string(), z.unknown()));
/** Issue fields edited in the preview, by issue key then field id. */
const IssueEdits = z.record(z.string(), z.record(z.string(), z.unknown()));

async function demoBackend(stateDir: string, store: Store & { batch?<T>(body: () => Promise<T>): Promise<T> }): Promise<PreviewBackend> {
  const site = buildDemoSite();
  const propsFile = path.join(stateDir, 'issue-properties.json');
  const parsed = IssueProperties.safeParse(readJson(propsFile, {}));
  const saved = parsed.success ? parsed.data : {};
  // Properties written in earlier runs are put back before the emulator serves the site.
  for (const issue of site.issues) Object.assign(issue.properties, saved[issue.key] ?? {});
  // So are the fields edited in the issue view (their values; the changelog of the edit is not kept).
  const editsFile = path.join(stateDir, 'issue-edits.json');
  const parsedEdits = IssueEdits.safeParse(readJson(editsFile, {}));
  const edits = parsedEdits.success ? parsedEdits.data : {};
  for (const issue of site.issues) Object.assign(issue.fields, edits[issue.key] ?? {});
  // The demo teams already use the Readiness panel: issues with no saved readiness get the demo's
  // (the checklists in the app's store, their summary in the issue property JQL searches).
  const seed = () => seedDemoReadiness(site, store, parseConfigOrThrow(demoConfig()), parseInstant(DEMO_NOW));
  await (store.batch ? store.batch(seed) : seed());
  const now = parseInstant(DEMO_NOW);
  const emulator = await startEmulator(site, {
    now: () => now,
    onPropertyWrite(issueKey, propertyKey, value) {
      const forIssue = { ...(saved[issueKey] ?? {}) };
      if (value === undefined) delete forIssue[propertyKey];
      else forIssue[propertyKey] = value;
      saved[issueKey] = forIssue;
      writeJsonAtomic(propsFile, saved);
    },
    onIssueWrite(issueKey, fields) {
      edits[issueKey] = { ...(edits[issueKey] ?? {}), ...fields };
      writeJsonAtomic(editsFile, edits);
    },
  });
  const asUser = (accountId: string): Transport => emulatorTransport(emulator.url, accountId);
  const byRole = Object.entries(DEMO_USERS);
  const roleOf = new Map(byRole.map(([role, id]) => [id, role]));
  const users = site.users
    .filter((u) => roleOf.has(u.accountId))
    .map((u) => ({ accountId: u.accountId, displayName: `${u.displayName} (${roleOf.get(u.accountId)})`, admin: u.admin }));
  return {
    mode: 'demo',
    siteName: site.name,
    browseBase: null,
    users,
    defaultUser: DEMO_USERS.admin,
    jiraForUser: (accountId) => createJiraClient(asUser(accountId)),
    // The app's own account on the demo site: it reads every project and security level, as Forge's asApp() does.
    jiraAsApp: () => createJiraClient(asUser(DEMO_APP)),
    now: () => now,
    close: () => emulator.close(),
  };
}

async function realBackend(site: string, email: string, apiToken: string): Promise<PreviewBackend> {
  const client = createJiraClient(fetchTransport({ baseUrl: site, email, apiToken }));
  const me = await client.myself();
  const name = me.displayName ?? email;
  return {
    mode: 'real',
    siteName: new URL(site).host,
    browseBase: site.replace(/\/+$/, ''),
    // An API token acts as one person: the preview can only be that person.
    users: [{ accountId: me.accountId, displayName: name, admin: false }],
    defaultUser: me.accountId,
    jiraForUser: () => client,
    jiraAsApp: () => client,
    now: () => Date.now(),
    close: async () => undefined,
  };
}

/** `store`: the app's storage of the preview, where the demo's readiness is seeded. */
export async function startBackend(env: NodeJS.ProcessEnv, stateDir: string, store: Store & { batch?<T>(body: () => Promise<T>): Promise<T> }): Promise<PreviewBackend> {
  const { JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN } = env;
  if (JIRA_SITE && JIRA_EMAIL && JIRA_API_TOKEN) return realBackend(JIRA_SITE, JIRA_EMAIL, JIRA_API_TOKEN);
  if (JIRA_SITE || JIRA_EMAIL || JIRA_API_TOKEN) console.warn('preview: set all of JIRA_SITE, JIRA_EMAIL and JIRA_API_TOKEN to use a real site; using the demo site');
  return demoBackend(stateDir, store);
}
