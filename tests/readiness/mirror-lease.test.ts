/**
 * The mirror's writer: Jira's property PUT has no condition, so at most one writer at a time holds
 * a lease (in the app's storage) to write it, and a write carries its lease: it is not sent once
 * the lease has run out or someone else holds it (a fencing token, checked just before the PUT,
 * with time to spare for the PUT itself). A writer that finds the lease held leaves the write to
 * its holder, who writes again when the state moved on while it was writing.
 */
import { mirrorOf, READINESS_PROPERTY_KEY, ReadinessMirror, type ChecklistSummary } from '../../src/domain/checklists';
import { memoryStore, type Store } from '../../src/forge/store';
import type { JiraClient } from '../../src/jira/types';
import { acquireMirrorLease, MIRROR_LEASE_MS, mirrorIncidents, syncMirror } from '../../src/services/readiness-mirror';

const T0 = Date.parse('2026-11-28T09:30:00Z');
const ISSUE = { id: '10001', key: 'PAY-1' };
const summary = (ready: boolean): ChecklistSummary => ({ ready: ready ? 'true' : 'false', applies: 'true', progress: ready ? 100 : 0, openRequired: ready ? 0 : 2, required: 2, total: 2 });

function fakeJira() {
  const props = new Map<string, unknown>();
  const puts: unknown[] = [];
  const app = {
    async issueProperty(key: string, prop: string) {
      return props.get(`${key}/${prop}`) ?? null;
    },
    async setIssueProperty(key: string, prop: string, value: unknown) {
      puts.push(value);
      props.set(`${key}/${prop}`, JSON.parse(JSON.stringify(value)));
    },
  } as unknown as JiraClient;
  return { app, props, puts, current: () => props.get(`${ISSUE.key}/${READINESS_PROPERTY_KEY}`) ?? null };
}

function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const latest = (version: number, ready: boolean, now: () => number) => async () => ({ version, mirror: mirrorOf({ summary: { dor: summary(ready), dod: summary(ready) } }, version, now()) });

/** A store that runs `after` once, right after the first lease is taken (between the lease and the PUT). */
function interrupting(base: Store, after: () => Promise<void>): Store {
  let done = false;
  return {
    ...base,
    get: (k) => base.get(k),
    set: (k, v, o) => base.set(k, v, o),
    delete: (k) => base.delete(k),
    async compareAndSet(key, value, expected, options) {
      const r = await base.compareAndSet(key, value, expected, options);
      const lease = (value as { lease?: { holder?: string } | null }).lease;
      if (!done && r.ok && key.startsWith('readiness-mirror:') && lease?.holder?.startsWith('A') === true) {
        done = true;
        await after();
      }
      return r;
    },
  };
}

describe('the mirror writer', () => {
  it('writes the mirror under a lease and leaves it free', async () => {
    const jira = fakeJira();
    const c = clock();
    const store = memoryStore(c.now);
    const r = await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(3, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' });
    expect(r).toMatchObject({ finding: 'absent', wrote: true });
    expect(ReadinessMirror.parse(jira.current())).toMatchObject({ version: 3, dor: { ready: 'false' } });
    // Free again: another writer gets the lease at once.
    expect(await acquireMirrorLease(store, ISSUE.id, 'B', c.now)).not.toBeNull();
  });

  it('does not send a write whose lease ran out before it could be sent', async () => {
    const jira = fakeJira();
    const c = clock();
    const base = memoryStore(c.now);
    const store = interrupting(base, async () => {
      c.advance(MIRROR_LEASE_MS + 1); // the writer stalls past its lease
    });
    const r = await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(3, true, c.now), detectedBy: 'trigger', clock: c.now, holder: 'A' });
    expect(r).toMatchObject({ wrote: false, fenced: true });
    expect(jira.puts).toEqual([]);
  });

  it('does not send a write once someone else holds the lease (a later fencing token)', async () => {
    const jira = fakeJira();
    const c = clock();
    const base = memoryStore(c.now);
    let taken: unknown = null;
    const store = interrupting(base, async () => {
      c.advance(MIRROR_LEASE_MS + 1);
      taken = await acquireMirrorLease(base, ISSUE.id, 'B', c.now);
    });
    const r = await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(3, true, c.now), detectedBy: 'trigger', clock: c.now, holder: 'A' });
    expect(taken).toMatchObject({ holder: 'B' });
    expect(r).toMatchObject({ wrote: false, fenced: true });
    expect(jira.puts).toEqual([]);
  });

  it('leaves the write to the holder of a live lease, and takes over a lease that ran out', async () => {
    const jira = fakeJira();
    const c = clock();
    const store = memoryStore(c.now);
    const lease = await acquireMirrorLease(store, ISSUE.id, 'dead writer', c.now);
    expect(lease).not.toBeNull();
    expect(await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(1, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' })).toMatchObject({ wrote: false, busy: true });
    expect(jira.puts).toEqual([]);
    c.advance(MIRROR_LEASE_MS + 1);
    expect(await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(1, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' })).toMatchObject({ wrote: true });
    expect(jira.puts).toHaveLength(1);
  });

  it('writes again when the state moved on while it was writing', async () => {
    const jira = fakeJira();
    const c = clock();
    const store = memoryStore(c.now);
    let version = 3;
    const moving = async () => {
      const v = version;
      version = 4; // someone ticked while this writer was writing version 3
      return { version: v, mirror: mirrorOf({ summary: { dor: summary(v === 4), dod: summary(false) } }, v, c.now()) };
    };
    const r = await syncMirror({ app: jira.app, store, issue: ISSUE, latest: moving, detectedBy: 'panel', clock: c.now, holder: 'A' });
    expect(r.wrote).toBe(true);
    expect(ReadinessMirror.parse(jira.current())).toMatchObject({ version: 4, dor: { ready: 'true' } });
  });

  it('writes nothing when the mirror already says what the state says', async () => {
    const jira = fakeJira();
    const c = clock();
    const store = memoryStore(c.now);
    await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(2, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' });
    c.advance(60_000);
    expect(await syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(2, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' })).toMatchObject({ finding: 'current', wrote: false });
    expect(jira.puts).toHaveLength(1);
  });

  it('reports the same tampering found by two readers at about the same time once, and a repeat later again', async () => {
    const jira = fakeJira();
    const c = clock();
    const store = memoryStore(c.now);
    const sync = () => syncMirror({ app: jira.app, store, issue: ISSUE, latest: latest(2, false, c.now), detectedBy: 'panel', clock: c.now, holder: 'A' });
    await sync();
    const forged = { ...mirrorOf({ summary: { dor: summary(true), dod: summary(true) } }, 7, c.now()) };
    const forge = () => jira.props.set(`${ISSUE.key}/${READINESS_PROPERTY_KEY}`, forged);
    forge();
    // A second reader holds the lease while the first one finds the tampering: the first reports it, unrepaired…
    const lease = await acquireMirrorLease(store, ISSUE.id, 'B', c.now);
    expect(await sync()).toMatchObject({ finding: 'tampered', busy: true });
    expect(await mirrorIncidents(store, ISSUE.id)).toEqual([expect.objectContaining({ kind: 'tampered', repaired: false })]);
    // …the holder, finding the same, writes and marks it repaired, without a second report.
    c.advance(MIRROR_LEASE_MS + 1);
    expect(lease).not.toBeNull();
    expect(await sync()).toMatchObject({ finding: 'tampered', wrote: true });
    expect(await mirrorIncidents(store, ISSUE.id)).toEqual([expect.objectContaining({ repaired: true })]);
    // The same forgery written again an hour later is a new incident.
    c.advance(3_600_000);
    forge();
    await sync();
    expect(await mirrorIncidents(store, ISSUE.id)).toHaveLength(2);
  });
});
