/**
 * The readiness trigger over the demo emulator: which events recompute which issues, a new issue
 * gets its indexed summary, a sub-task's transition recomputes its parent, nothing is written when
 * nothing changed, and events it does not understand are ignored.
 */
import { READINESS_PROPERTY_KEY, ReadinessDocument } from '../../src/domain/checklists';
import { parseConfigOrThrow } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteIssue } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { issuesToRefresh, IssueEvent, readinessRefresher } from '../../src/forge/readiness-trigger';
import { memoryStore } from '../../src/forge/store';
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
  return v === null ? null : ReadinessDocument.parse(v);
};
const writes = () => emulator.requests.filter((r) => r.method === 'PUT' && r.endpoint?.includes('/properties/')).length;

function refresher() {
  const store = memoryStore(() => NOW);
  void store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  return readinessRefresher({ jira: asApp, store, now: () => NOW });
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
  it('gives a new issue its indexed summary, and writes nothing when nothing changed', async () => {
    const refresh = refresher();
    expect(await stored(story.key)).toBeNull();
    await expect(refresh(event(story, 'created'))).resolves.toEqual([story.key]);
    const doc = await stored(story.key);
    expect(doc).toMatchObject({ version: 1, updatedBy: null, dor: { applies: 'true', ready: 'false' } });
    const before = writes();
    await expect(refresh(event(story, 'updated', ['description']))).resolves.toEqual([]);
    expect(writes()).toBe(before);
  });

  it("recomputes a parent when a sub-task moves", async () => {
    const refresh = refresher();
    await expect(refresh(event(subtask, 'updated', ['status']))).resolves.toEqual([parent.key]);
    const doc = await stored(parent.key);
    expect(doc?.lists.dod?.templateId).toBe('dod-default');
  });

  it('ignores what it does not understand', async () => {
    const refresh = refresher();
    const before = writes();
    await expect(refresh({ hello: 'world' })).resolves.toEqual([]);
    await expect(refresh({ eventType: 'avi:jira:updated:issue', issue: { id: '1', key: 'not a key' } })).resolves.toEqual([]);
    expect(writes()).toBe(before);
  });
});
