/**
 * The personal-data reporting cycle with a fake reporting API and the real places the app keeps
 * account ids: the configuration and the Readiness audit trails (in an in-memory store, the demo's
 * checklists ticked by the demo people, found through the JQL mirror on the Jira emulator).
 * A closed account is erased everywhere, an updated one is refreshed, nothing else is touched; the
 * accounts go in batches of at most 90, once every 7 days, and a cycle cut short goes on where it
 * stopped.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { READINESS_PROPERTY_KEY, ReadinessState } from '../../src/domain/checklists';
import { parseInstant } from '../../src/domain/jira';
import { seedDemoReadiness } from '../../src/demo/readiness';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { forgeAccountReporter } from '../../src/forge/privacy';
import { memoryStore, type Store } from '../../src/forge/store';
import { stateKey } from '../../src/services/checklists';
import { forgetReadiness } from '../../src/services/readiness-forget';
import { createJiraClient } from '../../src/jira/client';
import { CYCLE_KEY, CYCLE_MS, REPORT_BATCH, ReportRateLimited, runPrivacyCycle, type AccountReporter, type AccountUpdate, type PersonalDataSource, type ReportedAccount } from '../../src/services/privacy';
import { accountsOfState, configOwnersSource, ERASED_ACCOUNT, eraseAccounts, readinessTrailSource } from '../../src/services/privacy-sources';

const NOW = parseInstant(DEMO_NOW);
const DAY = 24 * 3600 * 1000;

/** Atlassian's reporting API as a test sees it: it records every request and answers from `statuses`. */
function fakeReporter(statuses: Record<string, AccountUpdate['status']> = {}, failOn: number[] = []): AccountReporter & { requests: ReportedAccount[][] } {
  const requests: ReportedAccount[][] = [];
  let calls = 0;
  return {
    requests,
    async report(accounts) {
      calls++;
      if (failOn.includes(calls)) throw new ReportRateLimited(30);
      requests.push([...accounts]);
      return accounts.flatMap((a) => (statuses[a.accountId] ? [{ accountId: a.accountId, status: statuses[a.accountId] as AccountUpdate['status'] }] : []));
    },
  };
}

/** A source holding `n` made-up accounts, recording what it was asked to erase or refresh. */
function listSource(n: number, at: string | null = null): PersonalDataSource & { erased: string[]; refreshed: string[] } {
  const ids = Array.from({ length: n }, (_, i) => `acc-${String(i).padStart(4, '0')}`);
  const erased: string[] = [];
  const refreshed: string[] = [];
  return {
    name: 'list',
    erased,
    refreshed,
    async accounts() {
      return new Map(ids.filter((id) => !erased.includes(id)).map((id) => [id, at]));
    },
    async erase(set) {
      erased.push(...set);
    },
    async refresh(set) {
      refreshed.push(...set);
    },
  };
}

describe('the reporting cycle', () => {
  it('reports every account once, in batches of at most 90, with when its data was kept', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(200, '2026-10-01T08:00:00.000Z');
    const reporter = fakeReporter();
    const r = await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW });
    expect(r).toMatchObject({ kind: 'completed', reported: 200, batches: 3, closed: [], updated: [] });
    expect(reporter.requests.map((b) => b.length)).toEqual([90, 90, 20]);
    expect(REPORT_BATCH).toBe(90);
    const all = reporter.requests.flat();
    expect(new Set(all.map((a) => a.accountId)).size).toBe(200);
    expect(all.every((a) => a.updatedAt === '2026-10-01T08:00:00.000Z')).toBe(true);
    expect(source.erased).toEqual([]);
    expect(source.refreshed).toEqual([]);
  });

  it('reports at most once every 7 days: a run before then reports nothing', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(3);
    const reporter = fakeReporter();
    await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW });
    const again = await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW + 6 * DAY });
    expect(again).toEqual({ kind: 'not-due', nextDueAt: new Date(NOW + CYCLE_MS).toISOString() });
    expect(reporter.requests).toHaveLength(1);
    expect((await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW + 7 * DAY })).kind).toBe('completed');
    expect(reporter.requests).toHaveLength(2);
  });

  it('gives an account without a date of its own the time the app first saw it, and moves it on when refreshed', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(2);
    const first = fakeReporter({ 'acc-0001': 'updated' });
    await runPrivacyCycle({ sources: [source], reporter: first, store, now: () => NOW });
    expect(first.requests[0]).toEqual([
      { accountId: 'acc-0000', updatedAt: new Date(NOW).toISOString() },
      { accountId: 'acc-0001', updatedAt: new Date(NOW).toISOString() },
    ]);
    expect(source.refreshed).toEqual(['acc-0001']);
    const later = NOW + 8 * DAY;
    const second = fakeReporter();
    await runPrivacyCycle({ sources: [source], reporter: second, store, now: () => later });
    // acc-0000 still since the first sight; acc-0001 since its refresh, so the same change is not reported again.
    expect(second.requests[0]).toEqual([
      { accountId: 'acc-0000', updatedAt: new Date(NOW).toISOString() },
      { accountId: 'acc-0001', updatedAt: new Date(NOW).toISOString() },
    ]);
  });

  it('goes on where it stopped when Atlassian asks it to wait: no account is reported twice or skipped', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(200);
    const reporter = fakeReporter({ 'acc-0150': 'closed' }, [2]);
    const paused = await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW });
    expect(paused).toEqual({ kind: 'paused', reason: 'rate-limited', reported: 90, remaining: 110, retryAfterSeconds: 30 });
    expect(source.erased).toEqual([]);
    const resumed = await runPrivacyCycle({ sources: [source], reporter, store, now: () => NOW + DAY });
    expect(resumed).toMatchObject({ kind: 'completed', reported: 110, closed: ['acc-0150'] });
    const ids = reporter.requests.flat().map((a) => a.accountId);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(source.erased).toEqual(['acc-0150']);
    expect((await store.get(CYCLE_KEY))?.value).toEqual({ lastCompletedAt: new Date(NOW + DAY).toISOString(), current: null });
  });

  it('stops starting batches at its deadline and goes on at the next run', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(100);
    let clock = NOW;
    const reporter = fakeReporter();
    const slow: AccountReporter = {
      async report(accounts) {
        clock += 60_000;
        return reporter.report(accounts);
      },
    };
    const r = await runPrivacyCycle({ sources: [source], reporter: slow, store, now: () => clock, deadline: NOW + 30_000 });
    expect(r).toMatchObject({ kind: 'paused', reason: 'time', reported: 90, remaining: 10 });
    expect((await runPrivacyCycle({ sources: [source], reporter: slow, store, now: () => clock })).kind).toBe('completed');
    expect(reporter.requests.map((b) => b.length)).toEqual([90, 10]);
  });

  it('reports an account kept in two places once, with the earlier time, and erases it from both when closed', async () => {
    const store = memoryStore(() => NOW);
    const a = listSource(1, '2026-10-05T00:00:00.000Z');
    const b = listSource(1, '2026-10-01T00:00:00.000Z');
    const reporter = fakeReporter({ 'acc-0000': 'closed' });
    await runPrivacyCycle({ sources: [a, b], reporter, store, now: () => NOW });
    expect(reporter.requests).toEqual([[{ accountId: 'acc-0000', updatedAt: '2026-10-01T00:00:00.000Z' }]]);
    expect([a.erased, b.erased]).toEqual([['acc-0000'], ['acc-0000']]);
  });

  it('forgets, in its ledger, an account no place keeps any more', async () => {
    const store = memoryStore(() => NOW);
    const source = listSource(2);
    await runPrivacyCycle({ sources: [source], reporter: fakeReporter(), store, now: () => NOW });
    const ledger = () => [...store.entries()].filter(([k]) => k.startsWith('privacy:ledger:')).flatMap(([, v]) => Object.keys(v.value as object)).sort();
    expect(ledger()).toEqual(['acc-0000', 'acc-0001']);
    source.erased.push('acc-0001'); // no longer kept (an administrator removed the owner)
    await runPrivacyCycle({ sources: [source], reporter: fakeReporter(), store, now: () => NOW + 7 * DAY });
    expect(ledger()).toEqual(['acc-0000']);
  });

  it('passes on an error of the reporting API other than a 429, keeping its progress', async () => {
    const store = memoryStore(() => NOW);
    const broken: AccountReporter = {
      async report() {
        throw new Error('HTTP 500');
      },
    };
    await expect(runPrivacyCycle({ sources: [listSource(5)], reporter: broken, store, now: () => NOW })).rejects.toThrow('HTTP 500');
    expect(await store.get(CYCLE_KEY)).toBeNull();
  });
});

describe('the reporting API through @forge/api', () => {
  it('sends one batch of at most 90 accounts and turns a 429 into a pause with its Retry-After', async () => {
    const sent: unknown[] = [];
    const reporter = forgeAccountReporter(async (accounts) => {
      sent.push(accounts);
      return [{ accountId: 'a', status: 'closed' }];
    });
    await expect(reporter.report([{ accountId: 'a', updatedAt: '2026-11-27T12:00:00.000Z' }])).resolves.toEqual([{ accountId: 'a', status: 'closed' }]);
    expect(sent).toEqual([[{ accountId: 'a', updatedAt: '2026-11-27T12:00:00.000Z' }]]);
    const tooMany = Array.from({ length: 91 }, (_, i) => ({ accountId: `a${i}`, updatedAt: '2026-11-27T12:00:00.000Z' }));
    await expect(reporter.report(tooMany)).rejects.toThrow('at most 90');
    const limited = forgeAccountReporter(async () => Promise.reject({ status: 429, headers: { get: (h: string) => (h === 'Retry-After' ? '120' : null) } }));
    await expect(limited.report([{ accountId: 'a', updatedAt: '2026-11-27T12:00:00.000Z' }])).rejects.toEqual(new ReportRateLimited(120));
    const failing = forgeAccountReporter(async () => Promise.reject({ status: 503 }));
    await expect(failing.report([{ accountId: 'a', updatedAt: '2026-11-27T12:00:00.000Z' }])).rejects.toThrow('answered HTTP 503');
  });
});

describe('the places the app keeps account ids', () => {
  let site: SiteData;
  let emulator: Emulator;
  const config = parseConfigOrThrow(demoConfig());
  const client = () => createJiraClient(emulatorTransport(emulator.url, DEMO_USERS.admin), { maxRetries: 0 });
  /** Every readiness state the app's storage holds (every issue of the site, not the JQL the code under test uses). */
  const readiness = async (store: Store) => {
    const out = new Map<string, ReadinessState>();
    for (const issue of site.issues) {
      const stored = await store.get(stateKey(issue.id));
      if (stored) out.set(issue.key, ReadinessState.parse(stored.value));
    }
    return out;
  };
  const idsIn = (state: ReadinessState) => new Set(accountsOfState(state).keys());
  const gateOf = (state: ReadinessState) => [state.lists.dor, state.lists.dod].map((l) => Object.fromEntries(Object.entries(l?.items ?? {}).map(([k, m]) => [k, m.state])));

  async function seeded() {
    const store = memoryStore(() => NOW);
    await store.set(CONFIG_KEY, config);
    await seedDemoReadiness(site, store, config, NOW);
    return store;
  }

  beforeAll(async () => {
    site = buildDemoSite();
    // The mirrors the seeding writes into the site's issue properties are what the JQL finds.
    await seedDemoReadiness(site, memoryStore(() => NOW), config, NOW);
    emulator = await startEmulator(site, { now: () => NOW });
  });
  afterAll(() => emulator.close());

  it('erases a closed account from the configuration and from every audit trail (archived parts and imported claims too), and touches nothing else', async () => {
    const store = await seeded();
    await store.set('unrelated', { keep: true });
    const before = await readiness(store);
    const ticked = new Map<string, number>();
    for (const doc of before.values()) for (const id of idsIn(doc)) ticked.set(id, (ticked.get(id) ?? 0) + 1);
    // The closed account: someone who both owns a product and ticked checklists.
    const owners = new Set(config.products.flatMap((p) => [p.businessOwner, p.digitalOwner]).filter((x): x is string => x !== null));
    const closed = [...ticked.keys()].find((id) => owners.has(id));
    if (!closed) throw new Error('the demo site has no product owner who ticked a checklist');
    const updated = [...ticked.keys()].find((id) => id !== closed) as string;
    // One issue's trail was archived in part, and another holds claims imported from an earlier version.
    const [archivedKey, archivedState] = [...before].find(([, d]) => idsIn(d).has(closed) && d.history.length > 0) ?? [];
    if (!archivedKey || !archivedState) throw new Error('no trail naming the closed account');
    const archivedIssue = site.issues.find((i) => i.key === archivedKey)!;
    const partKey = `readiness-audit:${archivedIssue.id}:1`;
    const moved = archivedState.history.slice(0, 1);
    await store.set(partKey, { issueId: archivedIssue.id, entries: moved });
    const withArchive = { ...archivedState, history: archivedState.history.slice(1), archive: [partKey] };
    const stored = await store.get(stateKey(archivedIssue.id));
    await store.compareAndSet(stateKey(archivedIssue.id), withArchive, stored!.version);
    const [importKey, importState] = [...before].find(([k, d]) => k !== archivedKey && !idsIn(d).has(closed)) ?? [];
    const importIssue = site.issues.find((i) => i.key === importKey)!;
    const withImport: ReadinessState = {
      ...importState!,
      imported: { at: DEMO_NOW, claimedVersion: 3, claimedUpdatedAt: DEMO_NOW, claimedUpdatedBy: closed, marks: { dor: {}, dod: {} }, history: [] },
    };
    const importStored = await store.get(stateKey(importIssue.id));
    await store.compareAndSet(stateKey(importIssue.id), withImport, importStored!.version);

    const sources = [configOwnersSource(store), readinessTrailSource(client(), store)];
    const reported = new Set((await Promise.all(sources.map((s) => s.accounts()))).flatMap((m) => [...m.keys()]));
    expect(reported.has(closed)).toBe(true);
    expect(reported.has(updated)).toBe(true);

    const reporter = fakeReporter({ [closed]: 'closed', [updated]: 'updated' });
    const propertyWrites = emulator.requests.filter((r) => r.method === 'PUT').length;
    const r = await runPrivacyCycle({ sources, reporter, store, now: () => NOW });
    expect(r).toMatchObject({ kind: 'completed', closed: [closed], updated: [updated] });
    expect(reporter.requests.flat().map((a) => a.accountId).sort()).toEqual([...reported].sort());
    // Nothing is written to Jira: the trails are the app's own.
    expect(emulator.requests.filter((r) => r.method === 'PUT').length).toBe(propertyWrites);

    // The configuration: the closed owner's slots are empty, every other owner is where it was.
    const savedConfig = (await store.get(CONFIG_KEY))?.value as typeof config;
    for (const [i, p] of config.products.entries()) {
      expect(savedConfig.products[i]?.businessOwner).toBe(p.businessOwner === closed ? null : p.businessOwner);
      expect(savedConfig.products[i]?.digitalOwner).toBe(p.digitalOwner === closed ? null : p.digitalOwner);
    }
    expect(savedConfig.channels.map((c) => c.leader)).toEqual(config.channels.map((c) => (c.leader === closed ? null : c.leader)));
    expect(JSON.stringify(savedConfig)).not.toContain(closed);
    expect((await store.get('unrelated'))?.value).toEqual({ keep: true });

    // The audit trails: the closed account is gone from every state and archived part; ticks, times and the gate are unchanged.
    const after = await readiness(store);
    for (const [key, doc] of after) {
      expect(JSON.stringify(doc)).not.toContain(closed);
      const was = key === archivedKey ? withArchive : key === importKey ? withImport : (before.get(key) as ReadinessState);
      expect(gateOf(doc)).toEqual(gateOf(was));
      if (!idsIn(was).has(closed)) expect(doc).toEqual(was);
      else expect(doc).toEqual(eraseAccounts(was, new Set([closed])));
    }
    expect(JSON.stringify((await store.get(partKey))?.value)).not.toContain(closed);
    // The updated account needs nothing rewritten: only its id is kept, its name is read from Jira each time.
    expect([...after.values()].some((d) => idsIn(d).has(updated))).toBe(true);

    // The next cycle finds the closed account nowhere.
    const next = await Promise.all(sources.map((s) => s.accounts()));
    expect(next.some((m) => m.has(closed))).toBe(false);
    expect(next.some((m) => m.has(ERASED_ACCOUNT))).toBe(false);
  });

  it('never overwrites a checklist saved at the same moment: the trail is rewritten over the version it read, or the run says it will try again', async () => {
    const store = await seeded();
    const docs = await readiness(store);
    const [key, doc] = [...docs].find(([, d]) => idsIn(d).size > 0) ?? [];
    if (!key || !doc) throw new Error('no audit trail');
    const id = [...idsIn(doc)][0] as string;
    const issue = site.issues.find((i) => i.key === key)!;
    const source = readinessTrailSource(client(), { get: (k) => store.get(k), compareAndSet: async () => ({ ok: false }) });
    await source.accounts();
    await expect(source.erase(new Set([id]))).rejects.toThrow(/kept changing/);
    expect((await store.get(stateKey(issue.id)))?.value).toEqual(doc);
  });

  it('forgets a deleted issue’s readiness: its state, archived trail and mirror bookkeeping', async () => {
    const store = await seeded();
    const issue = site.issues.find((i) => i.properties[READINESS_PROPERTY_KEY] !== undefined)!;
    const state = ReadinessState.parse((await store.get(stateKey(issue.id)))!.value);
    await store.set(`readiness-audit:${issue.id}:1`, { issueId: issue.id, entries: [] });
    await store.compareAndSet(stateKey(issue.id), { ...state, archive: [`readiness-audit:${issue.id}:1`] }, (await store.get(stateKey(issue.id)))!.version);
    const other = site.issues.find((i) => i.id !== issue.id && i.properties[READINESS_PROPERTY_KEY] !== undefined)!;
    const deleted = await forgetReadiness(store, issue.id);
    expect(deleted).toEqual([`readiness-audit:${issue.id}:1`, stateKey(issue.id), `readiness-mirror:${issue.id}`]);
    for (const key of deleted) expect(await store.get(key)).toBeNull();
    expect(await store.get(stateKey(other.id))).not.toBeNull();
    await expect(forgetReadiness(store, '1) OR 1=1')).rejects.toThrow(/not a Jira issue id/);
  });
});
