/**
 * docs/privacy.md promises that what the app caches for a viewer (documents under keys naming
 * them, holding what Jira showed them, assignees' names included) is gone within 15 minutes, and
 * rows computed by a job within an hour: that is why the personal-data report leaves caches out.
 * Here every surface that caches is used as a viewer, and every write the store saw is checked.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore, type Store, type StoreSetOptions } from '../../src/forge/store';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const { clientFor } = demoSiteEmulator();

interface Write {
  key: string;
  value: string;
  ttlSeconds: number | null;
}

/** A memory store that records every write with its time to live. */
function recordingStore(): Store & { writes: Write[] } {
  const inner = memoryStore(() => NOW);
  const writes: Write[] = [];
  const record = (key: string, value: unknown, options?: StoreSetOptions) => writes.push({ key, value: JSON.stringify(value), ttlSeconds: options?.ttlSeconds ?? null });
  return {
    ...inner,
    writes,
    async set(key, value, options) {
      record(key, value, options);
      return inner.set(key, value, options);
    },
    async compareAndSet(key, value, expected, options) {
      record(key, value, options);
      return inner.compareAndSet(key, value, expected, options);
    },
  };
}

it('keeps nothing about a viewer for more than 15 minutes, and nothing computed for viewers for more than an hour', async () => {
  const store = recordingStore();
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  store.writes.length = 0;
  const call = resolverCall(clientFor, { store });
  const viewer = DEMO_USERS.productOwner;
  const gadget = { type: 'jira:dashboardGadget', gadget: { id: '1' }, gadgetConfiguration: { boardIds: [1], rollup: null, sprints: 3, basis: 'issues', target: 0.9 } };
  const answers = [
    await call('boards/list', {}, { type: 'jira:dashboardGadget' }, viewer),
    // Once the boards are synced, each surface asks Jira which issues this viewer may see.
    await call.synced('convergence/report', {}, gadget, viewer),
    await call.synced('governance/report', {}, { type: 'jira:projectPage', project: { key: 'PAY' } }, viewer),
    await call('ownership/matrix', {}, { type: 'jira:projectPage', project: { key: 'PAY' } }, viewer),
  ];
  expect(answers.map((a) => (a.ok ? "ok" : a.error.message))).toEqual(["ok", "ok", "ok", "ok"]);

  const aboutViewer = store.writes.filter((w) => w.key.includes(viewer));
  // Each surface kept something about this viewer (boards they see, issues they may browse, their
  // sync budget): the check below is not vacuous.
  expect(new Set(aboutViewer.map((w) => w.key.split(':')[0])).size).toBeGreaterThanOrEqual(3);
  for (const w of aboutViewer) expect({ key: w.key, ttlSeconds: w.ttlSeconds }).toEqual({ key: w.key, ttlSeconds: expect.any(Number) });
  for (const w of aboutViewer) expect(w.ttlSeconds as number).toBeLessThanOrEqual(15 * 60);
  // Whatever else names a person (an assignee's id in shared rows) expires within an hour.
  const people = Object.values(DEMO_USERS);
  for (const w of store.writes.filter((x) => people.some((id) => x.value.includes(id))))
    expect({ key: w.key, expires: w.ttlSeconds !== null && w.ttlSeconds <= 3600 }).toEqual({ key: w.key, expires: true });
});
