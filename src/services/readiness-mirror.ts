/**
 * The readiness mirror: the issue property `governance-readiness`, which JQL searches
 * (`dorReady = false`) and nothing else believes. Anyone who may edit an issue can write its
 * properties through Jira's REST API, so each time the app reads an issue's readiness (the panel,
 * the trigger, a workflow validator) it compares the property with what its own state says:
 *
 * - `current`: the property says what the state says: nothing to do;
 * - `absent` / `stale`: never written, or written by the app for an earlier state: rewritten;
 * - `tampered` / `deleted`: something the app never wrote, or the property removed after the app
 *   wrote it: reported (an incident administrators see in the panel) and rewritten.
 *
 * What the app wrote is known by the digests of the mirrors it sent (the last few, kept with the
 * bookkeeping document `readiness-mirror:<issue id>` in the app's storage), recorded *before* each
 * write, so a write that landed is always recognised as the app's own.
 *
 * Jira's property PUT has no condition, so writes are serialised by a lease in the same document:
 * a writer takes the lease (compare-and-set; each lease gets a new, larger fencing token), and just
 * before it sends the PUT checks that the lease is still its own with at least
 * MIRROR_PUT_BUDGET_MS left; otherwise the write is not sent. Every change it makes to the document
 * carries the token and is refused once someone else holds the lease. A writer that finds the lease
 * held leaves the write to its holder, who writes again if the state moved on while it was writing.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  canonicalJson,
  ChecklistSummary,
  checkMirrorSize,
  Instant,
  isoSeconds,
  READINESS_PROPERTY_KEY,
  type ReadinessMirror,
  readStoredReadiness,
  sameMirror,
} from '../domain/checklists';
import type { JiraClient } from '../jira/types';

/** How long a lease on the mirror lasts. */
export const MIRROR_LEASE_MS = 15_000;
/** The time a PUT may take: a write is sent only while at least this much of its lease is left. */
export const MIRROR_PUT_BUDGET_MS = 5_000;
/** Rounds a holder writes at most when the state keeps moving while it writes. */
const MIRROR_ROUNDS = 3;
const WRITTEN_KEPT = 20;
const INCIDENTS_KEPT = 20;
/** Compare-and-set attempts on the bookkeeping document before giving up (someone else keeps writing it). */
const DOC_ATTEMPTS = 5;

/** The storage the mirror needs: the app's `Store` fits. */
export interface MirrorStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  compareAndSet(key: string, value: unknown, expected: number | null): Promise<{ ok: true; version: number } | { ok: false }>;
}

export type Detector = 'panel' | 'trigger' | 'validator' | 'migration';
export type MirrorFinding = 'current' | 'absent' | 'stale' | 'tampered' | 'deleted';

const Lease = z.object({ token: z.number().int().min(1), holder: z.string().min(1).max(300), expiresAt: z.number() }).strict();
const Written = z.object({ digest: z.string().min(1).max(64), version: z.number().int().min(0), at: Instant }).strict();
/** The last mirror that landed, with its summaries: what the project page shows (never the property itself). */
const Landed = Written.extend({ dor: ChecklistSummary, dod: ChecklistSummary }).strict();
export type LandedMirror = z.infer<typeof Landed>;
export const Incident = z
  .object({
    at: Instant,
    detectedBy: z.enum(['panel', 'trigger', 'validator', 'migration']),
    kind: z.enum(['tampered', 'deleted']),
    /** What was found, for an administrator. */
    found: z.string().min(1).max(400),
    /** The digest of what was found (null: nothing, it was deleted). */
    digest: z.string().max(64).nullable(),
    /** Whether the app has rewritten the property since. */
    repaired: z.boolean(),
  })
  .strict();
export type Incident = z.infer<typeof Incident>;

const MirrorDoc = z
  .object({
    lease: Lease.nullable(),
    lastToken: z.number().int().min(0),
    /** Mirrors the app sent (or accepted as its own), newest last. */
    written: z.array(Written).max(WRITTEN_KEPT),
    /** The last mirror the app knows landed in Jira. */
    landed: Landed.nullable(),
    /** Tampering found, newest last. */
    incidents: z.array(Incident).max(INCIDENTS_KEPT),
  })
  .strict();
type MirrorDoc = z.infer<typeof MirrorDoc>;

const EMPTY: MirrorDoc = { lease: null, lastToken: 0, written: [], landed: null, incidents: [] };

export const mirrorKey = (issueId: string) => `readiness-mirror:${issueId}`;

/** Raised when the bookkeeping document keeps changing under a writer. */
export class MirrorConflictError extends Error {
  constructor(issueId: string) {
    super(`The readiness mirror of issue ${issueId} is being changed by someone else; try again.`);
    this.name = 'MirrorConflictError';
  }
}

/** A short fingerprint of a property value, whatever the order of its keys. */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}

async function readDoc(store: MirrorStore, issueId: string): Promise<{ doc: MirrorDoc; version: number | null }> {
  const raw = await store.get(mirrorKey(issueId));
  if (!raw) return { doc: EMPTY, version: null };
  const parsed = MirrorDoc.safeParse(raw.value);
  // A bookkeeping document the app cannot read is started again (it only ever holds what can be rebuilt).
  return { doc: parsed.success ? parsed.data : EMPTY, version: raw.version };
}

/** Applies `change` to the document by compare-and-set, re-reading on conflict; `change` returning null gives up. */
async function updateDoc(store: MirrorStore, issueId: string, change: (doc: MirrorDoc) => MirrorDoc | null): Promise<{ doc: MirrorDoc; version: number } | null> {
  for (let attempt = 0; attempt < DOC_ATTEMPTS; attempt++) {
    const { doc, version } = await readDoc(store, issueId);
    const next = change(doc);
    if (next === null) return null;
    const r = await store.compareAndSet(mirrorKey(issueId), next, version);
    if (r.ok) return { doc: next, version: r.version };
  }
  throw new MirrorConflictError(issueId);
}

const remember = (written: MirrorDoc['written'], entry: MirrorDoc['written'][number]) => [...written.filter((w) => w.digest !== entry.digest), entry].slice(-WRITTEN_KEPT);
/** Two readers that find the same tampering at about the same time report it once. */
const SAME_INCIDENT_MS = 60_000;
const addIncident = (incidents: Incident[], incident: Incident) =>
  incidents.some((i) => i.digest === incident.digest && i.kind === incident.kind && (!i.repaired || Math.abs(Date.parse(incident.at) - Date.parse(i.at)) < SAME_INCIDENT_MS))
    ? incidents
    : [...incidents, incident].slice(-INCIDENTS_KEPT);

export interface MirrorLease {
  issueId: string;
  token: number;
  holder: string;
  expiresAt: number;
}

/**
 * Takes the lease on an issue's mirror for `holder`, unless someone else holds a live one (null).
 * `extra` adds to the same write what the holder is about to do (the digest it will send, an incident).
 */
export async function acquireMirrorLease(
  store: MirrorStore,
  issueId: string,
  holder: string,
  clock: () => number,
  extra: (doc: MirrorDoc) => Partial<MirrorDoc> = () => ({}),
): Promise<MirrorLease | null> {
  let lease: MirrorLease | null = null;
  await updateDoc(store, issueId, (doc) => {
    const now = clock();
    if (doc.lease && doc.lease.expiresAt > now) return null;
    const token = doc.lastToken + 1;
    lease = { issueId, token, holder, expiresAt: now + MIRROR_LEASE_MS };
    return { ...doc, ...extra(doc), lease: { token, holder, expiresAt: lease.expiresAt }, lastToken: token };
  });
  return lease;
}

class LeaseLostError extends Error {}

/** A change the lease holder makes; refused (LeaseLostError) once the lease is someone else's. */
async function asHolder(store: MirrorStore, lease: MirrorLease, change: (doc: MirrorDoc) => MirrorDoc): Promise<void> {
  const r = await updateDoc(store, lease.issueId, (doc) => (doc.lease?.token === lease.token ? change(doc) : null));
  if (!r) throw new LeaseLostError();
}

/** The fence: the lease is still this writer's, with time left for a PUT. */
async function fenceHolds(store: MirrorStore, lease: MirrorLease, clock: () => number): Promise<boolean> {
  const { doc } = await readDoc(store, lease.issueId);
  return doc.lease?.token === lease.token && clock() + MIRROR_PUT_BUDGET_MS <= doc.lease.expiresAt;
}

/** Accepts a property value as one the app put there (the legacy document an import read). */
export async function acceptAsWritten(store: MirrorStore, issueId: string, value: unknown, version: number, now: number): Promise<void> {
  await updateDoc(store, issueId, (doc) => ({ ...doc, written: remember(doc.written, { digest: digestOf(value), version, at: isoSeconds(now) }) }));
}

/** Records a mirror put in the property by the app without a PUT of its own (the demo's seeding): written and landed. */
export async function acceptAsLanded(store: MirrorStore, issueId: string, mirror: ReadinessMirror, now: number): Promise<void> {
  const entry = { digest: digestOf(mirror), version: mirror.version, at: isoSeconds(now) };
  await updateDoc(store, issueId, (doc) => ({ ...doc, written: remember(doc.written, entry), landed: { ...entry, dor: mirror.dor, dod: mirror.dod } }));
}

/**
 * The summaries of the last mirror the app wrote for each issue (null: none yet), read from the
 * app's storage: what a page that lists many issues shows, so that a property written through the
 * REST API changes nothing there either.
 */
export async function landedSummaries(store: MirrorStore, issueIds: readonly string[]): Promise<Map<string, LandedMirror | null>> {
  const found = await Promise.all(issueIds.map(async (id) => [id, (await readDoc(store, id)).doc.landed] as const));
  return new Map(found);
}

/** The incidents of an issue's mirror, newest first. */
export async function mirrorIncidents(store: MirrorStore, issueId: string): Promise<Incident[]> {
  return [...(await readDoc(store, issueId)).doc.incidents].reverse();
}

const clip = (s: string, max = 400) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const readyOf = (m: { dor?: { ready?: unknown }; dod?: { ready?: unknown } }) => `dor.ready ${JSON.stringify(m.dor?.ready ?? null)}, dod.ready ${JSON.stringify(m.dod?.ready ?? null)}`;

/** What the property holds, measured against the mirror the state gives and what the app wrote. */
export function classify(value: unknown, expected: ReadinessMirror, doc: Pick<MirrorDoc, 'written' | 'landed'>): { finding: MirrorFinding; found: string | null } {
  const read = readStoredReadiness(value);
  if (read.kind === 'absent') return doc.landed ? { finding: 'deleted', found: `the property was deleted after the app wrote it (version ${doc.landed.version})` } : { finding: 'absent', found: null };
  if (read.kind === 'mirror' && sameMirror(read.mirror, expected)) return { finding: 'current', found: null };
  if (doc.written.some((w) => w.digest === digestOf(value))) return { finding: 'stale', found: null };
  const says = `while the app's state says ${readyOf(expected)} (version ${expected.version})`;
  switch (read.kind) {
    case 'mirror':
      return { finding: 'tampered', found: clip(`a summary the app did not write: ${readyOf(read.mirror)} (version ${read.mirror.version}), ${says}`) };
    case 'legacy':
      return { finding: 'tampered', found: clip(`a document in the earlier format (schema 1, version ${read.document.version}, claiming ${readyOf(read.document)}) that the app did not import, ${says}`) };
    case 'newer':
      return { finding: 'tampered', found: clip(`a document of schema ${read.schemaVersion}, which no version of the app writes, ${says}`) };
    case 'invalid':
      return { finding: 'tampered', found: clip(`something that is not a readiness document (${read.problems.join('; ')}), ${says}`) };
  }
}

export interface MirrorSyncOptions {
  /** Jira as the app: reads and writes the property. */
  app: Pick<JiraClient, 'issueProperty' | 'setIssueProperty'>;
  store: MirrorStore;
  issue: { id: string; key: string };
  /** The mirror of the state as it is now (read again after each write). */
  latest(): Promise<{ version: number; mirror: ReadinessMirror }>;
  detectedBy: Detector;
  /** The wall clock the lease is measured with. */
  clock(): number;
  /** Who writes (for the lease); a unique suffix is added. */
  holder?: string;
}

export interface MirrorSync {
  finding: MirrorFinding;
  /** Whether this writer sent the property. */
  wrote: boolean;
  /** Someone else holds the lease: the write is theirs. */
  busy: boolean;
  /** The lease ran out or was taken over before a write could be sent: it was not sent. */
  fenced: boolean;
  incident: Incident | null;
}

/** Compares the property with the state's mirror; reports tampering; rewrites it under a fenced lease. */
export async function syncMirror(o: MirrorSyncOptions): Promise<MirrorSync> {
  const [value, { doc }] = await Promise.all([o.app.issueProperty(o.issue.key, READINESS_PROPERTY_KEY), readDoc(o.store, o.issue.id)]);
  let target = await o.latest();
  const { finding, found } = classify(value, target.mirror, doc);
  const result: MirrorSync = { finding, wrote: false, busy: false, fenced: false, incident: null };
  if (finding === 'current') return result;
  const stamp = isoSeconds(o.clock());
  if (found !== null) result.incident = { at: stamp, detectedBy: o.detectedBy, kind: finding === 'deleted' ? 'deleted' : 'tampered', found, digest: value === null ? null : digestOf(value), repaired: false };
  const incident = result.incident;

  checkMirrorSize(target.mirror);
  const intend = (mirror: ReadinessMirror, version: number, d: MirrorDoc) => remember(d.written, { digest: digestOf(mirror), version, at: isoSeconds(o.clock()) });
  const holder = `${o.holder ?? o.detectedBy}#${randomUUID()}`;
  const lease = await acquireMirrorLease(o.store, o.issue.id, holder, o.clock, (d) => ({
    written: intend(target.mirror, target.version, d),
    incidents: incident ? addIncident(d.incidents, incident) : d.incidents,
  }));
  if (!lease) {
    if (incident) await updateDoc(o.store, o.issue.id, (d) => ({ ...d, incidents: addIncident(d.incidents, incident) }));
    return { ...result, busy: true };
  }
  try {
    for (let round = 0; round < MIRROR_ROUNDS; round++) {
      if (!(await fenceHolds(o.store, lease, o.clock))) return { ...result, fenced: true };
      await o.app.setIssueProperty(o.issue.key, READINESS_PROPERTY_KEY, target.mirror);
      result.wrote = true;
      const landed: LandedMirror = { digest: digestOf(target.mirror), version: target.version, at: isoSeconds(o.clock()), dor: target.mirror.dor, dod: target.mirror.dod };
      await asHolder(o.store, lease, (d) => ({ ...d, landed, incidents: d.incidents.map((i) => (i.repaired ? i : { ...i, repaired: true })) }));
      if (result.incident) result.incident = { ...result.incident, repaired: true };
      const next = await o.latest();
      if (next.version === target.version) break;
      // The state moved on while this writer was writing: write again, with the lease renewed while it still holds.
      target = next;
      checkMirrorSize(target.mirror);
      await asHolder(o.store, lease, (d) => {
        const expiresAt = d.lease && d.lease.expiresAt > o.clock() ? o.clock() + MIRROR_LEASE_MS : (d.lease?.expiresAt ?? 0);
        lease.expiresAt = expiresAt;
        return { ...d, lease: { token: lease.token, holder: lease.holder, expiresAt }, written: intend(target.mirror, target.version, d) };
      });
    }
    return result;
  } catch (err) {
    if (err instanceof LeaseLostError) return { ...result, fenced: true };
    throw err;
  } finally {
    // Free the lease (only if it is still this writer's).
    await asHolder(o.store, lease, (d) => ({ ...d, lease: null })).catch(() => undefined);
  }
}
