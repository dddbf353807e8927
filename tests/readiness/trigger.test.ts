/**
 * The readiness trigger over the demo emulator: which events recompute which issues, a new issue
 * gets its indexed summary, a sub-task's transition recomputes its parent, nothing is written when
 * nothing changed, events it does not understand are ignored, a conflict is retried rather than
 * the refresh dropped, and a forged property is repaired and reported.
 */
import { READINESS_PROPERTY_KEY, ReadinessMirror } from '../../src/domain/checklists';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteIssue } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { issuesToRefresh, IssueEvent, readinessRefresher } from '../../src/forge/readiness-trigger';
import { memoryStore, type Store } from '../../src/forge/store';
import { emulatorTransport as transportFor } from '../../src/emulator/acting-as';
import { createJiraClient } from '../../src/jira/client';
import { emulatorTransport } from '../../src/emulator/acting-as';

const NOW = parseInstant(DEMO_NOW);
let emulator: Emulator;
let story: SiteIssue;
let parent: SiteIssue;
let subtask: SiteIssue;

const asApp = () => {
  return createJiraClient(emulatorTransport(emulator.url, DEMO_USERS.admin), { maxRetries: 0 });
};
const stored = async (key: string) => {
  const v = await asApp().issueProperty(key, READINESS_PROPERTY_KEY);
  return v === null ? null : ReadinessMirror.parse(v);
};
const writes = () => emulator.requests.filter((r) => r.method === 'PUT' && r.endpoint?.includes('/properties/')).length;

function refresher(store: Store = memoryStore(() => NOW)) {
  void store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  return readinessRefresher({ jira: asApp, store, now: () => NOW, sleep: async () => undefined });
}

async function clear(key: string) {
  const r = await transportFor(emulator.url, DEMO_USERS.admin)({ method: 'DELETE', path: `/rest/api/3/issue/${key}/properties/${READINESS_PROPERTY_KEY}` });
  expect([204, 404]).toContain(r.status);
}

/** A store where, once armed, someone else writes the same document just before each of the next `n` compare-and-sets on readiness. */
function contended(): { store: Store; arm(n: number): void; conflicts: () => number } {
  const base = memoryStore(() => NOW);
  let left = 0;
  let made = 0;
  const store: Store = {
    ...base,
    get: (k) => base.get(k),
    set: (k, v, o) => base.set(k, v, o),
    delete: (k) => base.delete(k),
    async compareAndSet(key, value, expected, options) {
      if (left > 0 && key.startsWith('readiness') && expected !== null) {
        left--;
        made++;
        const current = await base.get(key);
        if (current) await base.set(key, current.value);
      }
      return base.compareAndSet(key, value, expected, options);
    },
  };
  return { store, arm: (n) => (left = n), conflicts: () => made };
}

const event = (issue: SiteIssue, type: 'created' | 'updated', fields: string[] = []) => ({
  eventType: `avi:jira:${type}:issue`,
  issue: { id: issue.id, key: issue.key, fields: { issuetype: issue.fields.issuetype, ...(issue.fields.parent ? { parent: issue.fields.parent } : {}) } },
  ...(type === 'updated' ? { changelog: { items: fields.map((f) => ({ field: f, fieldId: f })) } } : {}),
  atlassianId: DEMO_USERS.productOwner,
});

beforeAll(async () => {
  const site = buildDemoSite();
  const isType = (i: SiteIssue, name: string) => (i.fields.issuetype as { name: string }).name === name;
  story = site.issues.find((i) => isType(i, 'Story') && i.key.startsWith('PAY-')) as SiteIssue;
  subtask = site.issues.find((i) => isType(i, 'Sub-task') && i.fields.parent) as SiteIssue;
  const parentKey = (subtask.fields.parent as { key: string }).key;
  parent = site.issues.find((i) => i.key === parentKey) as SiteIssue;
  emulator = await startEmulator(site, { now: () => NOW });
});
afterAll(() => emulator.close());

describe('which issues an event recomputes', () => {
  const parse = (e: unknown) => IssueEvent.parse(e);
  it('a created issue, and a change to what an auto-check or the template choice reads', () => {
    expect(issuesToRefresh(parse(event(story, 'created')))).toEqual([story.key]);
    for (const f of ['description', 'assignee', 'issuetype', 'project', 'timeoriginalestimate', 'customfield_10016'])
      expect(issuesToRefresh(parse(event(story, 'updated', [f])))).toEqual([story.key]);
  });

  it('not a change to anything readiness reads', () => {
    expect(issuesToRefresh(parse(event(story, 'updated', ['labels', 'summary', 'status', 'Rank'])))).toEqual([]);
  });

  it("a sub-task's transition: its parent, whose \"all sub-tasks done\" may have changed", () => {
    expect(issuesToRefresh(parse(event(subtask, 'updated', ['status'])))).toEqual([parent.key]);
    expect(issuesToRefresh(parse(event(subtask, 'created')))).toEqual([subtask.key, parent.key]);
  });
});

describe('the trigger over the emulator', () => {
  beforeEach(async () => {
    await clear(story.key);
    await clear(parent.key);
  });

  it('gives a new issue its indexed summary, and writes nothing when nothing changed', async () => {
    const refresh = refresher();
    expect(await stored(story.key)).toBeNull();
    await expect(refresh(event(story, 'created'))).resolves.toEqual([story.key]);
    const doc = await stored(story.key);
    expect(doc).toMatchObject({ schemaVersion: 2, version: 1, dor: { applies: 'true', ready: 'false' } });
    const before = writes();
    await expect(refresh(event(story, 'updated', ['description']))).resolves.toEqual([]);
    expect(writes()).toBe(before);
  });

  it("recomputes a parent when a sub-task moves", async () => {
    const refresh = refresher();
    await expect(refresh(event(subtask, 'updated', ['status']))).resolves.toEqual([parent.key]);
    const doc = await stored(parent.key);
    expect(doc?.dod.applies).toBe('true');
  });

  it('re-reads and retries on a conflict instead of dropping its refresh', async () => {
    const { store, arm, conflicts } = contended();
    const refresh = refresher(store);
    await expect(refresh(event(story, 'created'))).resolves.toEqual([story.key]);
    await clear(story.key);
    arm(2);
    await expect(refresh(event(story, 'updated', ['description']))).resolves.toEqual([story.key]);
    expect(conflicts()).toBe(2);
    expect(await stored(story.key)).toMatchObject({ schemaVersion: 2, dor: { applies: 'true' } });
  });

  it('asks to be run again, rather than drop its refresh, when the conflicts do not stop', async () => {
    const { store, arm } = contended();
    const refresh = refresher(store);
    await expect(refresh(event(story, 'created'))).resolves.toEqual([story.key]);
    await clear(story.key);
    arm(1000);
    await expect(refresh(event(story, 'updated', ['description']))).rejects.toMatchObject({ name: 'ReadinessRetryLater' });
  });

  it('repairs a property someone wrote through the REST API, and reports it to administrators', async () => {
    const store = memoryStore(() => NOW);
    const refresh = refresher(store);
    await refresh(event(story, 'created'));
    const forged = { schemaVersion: 2, version: 42, updatedAt: '2026-11-27T11:00:00Z', dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 6, total: 6 }, dod: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 9, total: 9 } };
    const put = await transportFor(emulator.url, DEMO_USERS.scrumMaster)({ method: 'PUT', path: `/rest/api/3/issue/${story.key}/properties/${READINESS_PROPERTY_KEY}`, body: forged });
    expect(put.status).toBe(200);
    await expect(refresh(event(story, 'updated', ['assignee']))).resolves.toEqual([story.key]);
    expect(await stored(story.key)).toMatchObject({ version: 1, dor: { ready: 'false' } });
    const mirror = (await store.get(`readiness-mirror:${story.id}`))?.value as { incidents: unknown[] };
    expect(mirror.incidents).toEqual([expect.objectContaining({ kind: 'tampered', detectedBy: 'trigger', repaired: true })]);
  });

  it('ignores what it does not understand', async () => {
    const refresh = refresher();
    const before = writes();
    await expect(refresh({ hello: 'world' })).resolves.toEqual([]);
    await expect(refresh({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'not a key' } })).resolves.toEqual([]);
    expect(writes()).toBe(before);
  });
});
