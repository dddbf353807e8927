/**
 * Readiness of one issue: read it, change one item, keep the JQL mirror in step, and judge a
 * workflow transition.
 *
 * The checklists live in the app's storage (`readiness:<issue id>`, a `ReadinessState`), which only
 * the app writes: a person's change is applied after Jira confirmed, as that person, that they may
 * edit the issue, and is stamped with the account id of the Forge context (nothing else of the
 * context is trusted; the issue is looked up in Jira as the person). Every write carries the
 * version it read and is a compare-and-set: of two people who read version 7 and save at once,
 * exactly one writes version 8; the other is told their version is stale and the panel applies
 * their change again on top, so no tick is lost. A write that lands late is refused the same way.
 *
 * The issue property `governance-readiness` is a mirror for JQL (`readiness-mirror.ts`): compared
 * with the state on every read, repaired and reported when it disagrees, never believed. The
 * workflow validators judge the state (`gateReadiness`).
 *
 * The first time the app meets an issue it creates its state: empty, or, while the one-time
 * migration is open, with the ticks of a property written by an earlier version imported as
 * unverified claims (`domain/checklists/migration.ts`).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { GovernanceConfig } from '../domain/config';
import {
  applyChange,
  ArchivedHistory,
  autoCheckFields,
  autoCheckResults,
  type AutoResults,
  type ChecklistView,
  evaluate,
  type Evaluation,
  fitState,
  gateUnavailable,
  gateVerdict,
  type GateVerdict,
  type HistoryEntry,
  importLegacy,
  type IssueKind,
  type ItemChange,
  mirrorOf,
  READINESS_PROPERTY_KEY,
  type ReadinessBody,
  type ReadinessMirror,
  ReadinessState,
  ReadinessTooLargeError,
  readStoredReadiness,
  stateOf,
  unverifiedCount,
  type WorkStage,
  workStage,
} from '../domain/checklists';
import { discoverFields } from '../domain/issue';
import type { JiraIssue } from '../domain/jira';
import type { ChecklistKind, LocalizedText } from '../domain/config';
import { JiraError, type JiraClient } from '../jira/types';
import { fillUntranslatedTypeName, untranslatedTypeNames } from './issue-types';
import { acceptAsWritten, type Detector, type Incident, MirrorConflictError, mirrorIncidents, type MirrorSync, syncMirror } from './readiness-mirror';

const SITE_FIELDS_TTL_SECONDS = 3600;
/** People shown with a name and an avatar; anyone beyond is shown by account only. */
const USERS_LOOKED_UP = 20;
/** Attempts of the trigger when someone else writes the same issue's readiness at the same moment. */
export const REFRESH_ATTEMPTS = 5;

/** The storage this use case needs: the app's `Store` fits. */
export interface ReadinessStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<number>;
  compareAndSet(key: string, value: unknown, expected: number | null, options?: { ttlSeconds?: number }): Promise<{ ok: true; version: number } | { ok: false }>;
}

/** Store keys allow letters, digits and `:._-#`; an issue id is digits. */
export const stateKey = (issueId: string) => `readiness:${issueId}`;
const archiveKey = (issueId: string, baseVersion: number) => `readiness-audit:${issueId}:${baseVersion}`;
const SITE_FIELDS_KEY = 'site-fields:v1';
/** The one-time migration's record (`readiness-migration.ts`): while it has no `completedAt`, legacy properties are imported. */
export const MIGRATION_KEY = 'readiness-migration';
export const MigrationRecord = z.object({ completedAt: z.string().nullable(), imported: z.number().int().min(0), scanned: z.number().int().min(0) }).strict();

export type ReadinessFailure =
  /** The version the writer read is no longer the stored one, or another write is under way. */
  | { kind: 'conflict'; message: string }
  /** The change cannot apply (unknown item, no reason, auto item ticked by hand, too large). */
  | { kind: 'refused'; message: string }
  | { kind: 'forbidden'; message: string }
  /** The stored state cannot be read. */
  | { kind: 'unreadable'; message: string };

export class ReadinessError extends Error {
  constructor(readonly failure: ReadinessFailure) {
    super(failure.message);
    this.name = 'ReadinessError';
  }
}

/** The trigger met conflicts on every attempt: it asks to be run again rather than drop its refresh. */
export class ReadinessRetryLater extends Error {
  constructor(issueKey: string, cause: unknown) {
    super(`The readiness of ${issueKey} kept changing while it was refreshed; the refresh will be retried.`);
    this.name = 'ReadinessRetryLater';
    this.cause = cause;
  }
}

export interface ReadinessPerson {
  accountId: string;
  displayName: string | null;
  avatarUrl: string | null;
}

export interface ReadinessHistoryEntry {
  at: string;
  /** Null for the app (an item removed by a template change). */
  by: string | null;
  list: ChecklistKind;
  item: string;
  text: LocalizedText;
  change: 'state' | 'removed';
  from: 'open' | 'done' | 'notApplicable' | null;
  to: 'open' | 'done' | 'notApplicable';
  reason: string | null;
}

/** Ticks imported from a property written by an earlier version: claims, not counted until confirmed. */
export interface ReadinessImportView {
  at: string;
  claimedVersion: number;
  claimedUpdatedAt: string;
  claimedUpdatedBy: string | null;
  /** Claims not confirmed yet. */
  unverified: number;
  /** The property's history as it claimed it, newest first. */
  history: ReadinessHistoryEntry[];
}

export interface ReadinessIncident {
  at: string;
  detectedBy: Detector;
  kind: 'tampered' | 'deleted';
  found: string;
  repaired: boolean;
}

export interface ReadinessView {
  issue: {
    id: string;
    key: string;
    summary: string | null;
    issueType: string;
    projectKey: string;
    /** The issue's status as the viewer reads it, its category (`new`, `indeterminate`, `done`) and the stage of work that makes. */
    status: string;
    statusCategory: string;
    stage: WorkStage;
  };
  /** The state's version in the app's storage: the next update must carry it. 0 when nothing is stored. */
  version: number;
  canEdit: boolean;
  lists: Record<ChecklistKind, ChecklistView | null>;
  /** Newest first. */
  history: ReadinessHistoryEntry[];
  /** Parts of the audit trail moved to the archive (the oldest entries), kept in the app's storage. */
  archivedParts: number;
  imported: ReadinessImportView | null;
  /** For Jira administrators only (null for everyone else): tampering found in the issue property. */
  integrity: { incidents: ReadinessIncident[] } | null;
  people: Record<string, ReadinessPerson>;
}

export interface ReadinessRequest {
  /** Jira as the person (as the app for triggers): reads the issue, checks permissions. */
  client: JiraClient;
  /** Jira as the app: reads and writes the mirror property. */
  app: JiraClient;
  store: ReadinessStore;
  config: GovernanceConfig;
  issueKey: string;
  /** The person, from the Forge context (the only thing of it that is trusted). */
  accountId: string;
  /** The instant stamped on a change. */
  now: number;
  /** The wall clock leases are measured with (default: Date.now). */
  clock?: () => number;
}

interface Loaded {
  issue: ReadinessView['issue'];
  issueKind: IssueKind;
  auto: AutoResults;
  state: ReadinessState | null;
  /** The state's version; 0 when there is none. */
  version: number;
  evaluation: Evaluation;
}

const CachedFields = z.object({ estimation: z.string().nullable() });

/** The site's estimation field, found once an hour from `GET /rest/api/3/field`. */
async function estimationFieldId(client: JiraClient, store: ReadinessStore): Promise<string | null> {
  const cached = CachedFields.safeParse((await store.get(SITE_FIELDS_KEY))?.value);
  if (cached.success) return cached.data.estimation;
  const estimation = discoverFields(await client.fields()).estimation?.id ?? null;
  await store.set(SITE_FIELDS_KEY, { estimation }, { ttlSeconds: SITE_FIELDS_TTL_SECONDS }).catch(() => undefined);
  return estimation;
}

const templatesInput = (config: GovernanceConfig, loaded: Pick<Loaded, 'issueKind' | 'auto'>, now: number) => ({ templates: config.checklists.templates, issue: loaded.issueKind, auto: loaded.auto, now });

async function readState(store: ReadinessStore, issue: { id: string; key: string }): Promise<{ state: ReadinessState | null; version: number }> {
  const raw = await store.get(stateKey(issue.id));
  if (!raw) return { state: null, version: 0 };
  const parsed = ReadinessState.safeParse(raw.value);
  if (!parsed.success || parsed.data.issueId !== issue.id) {
    const problems = parsed.success ? ['it belongs to another issue'] : parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ReadinessError({ kind: 'unreadable', message: `The readiness of ${issue.key} kept by the app cannot be read (${problems.join('; ')}); it was left untouched.` });
  }
  return { state: parsed.data, version: raw.version };
}

const bodyOf = (state: ReadinessState | null): ReadinessBody | null => (state ? { lists: state.lists, history: state.history, imported: state.imported } : null);

/** The issue fields the readiness of an issue reads (the estimation field found once an hour). */
export async function readinessFields(client: JiraClient, store: ReadinessStore, config: GovernanceConfig): Promise<{ fields: string[]; estimation: string | null }> {
  const estimation = await estimationFieldId(client, store);
  return { fields: ['summary', 'status', ...autoCheckFields(estimation, config.hygiene.acceptanceCriteriaField)], estimation };
}

/** The issue's facts and auto-checks, from the issue as read (with `readinessFields`) and its remote links. */
async function issueFacts(client: JiraClient, config: GovernanceConfig, jiraIssue: JiraIssue, remoteUrls: readonly string[], estimation: string | null): Promise<Pick<Loaded, 'issue' | 'issueKind' | 'auto'>> {
  const f = jiraIssue.fields;
  // A template naming types by untranslated name needs the type's English name, which Jira does not always embed.
  if (!f.issuetype.untranslatedName && config.checklists.templates.some((t) => t.issueTypes.some((r) => r.untranslatedName !== undefined)))
    fillUntranslatedTypeName(jiraIssue, await untranslatedTypeNames(client));
  const statusCategory = f.status.statusCategory.key;
  return {
    issue: {
      id: jiraIssue.id,
      key: jiraIssue.key,
      summary: f.summary ?? null,
      issueType: f.issuetype.name,
      projectKey: f.project.key,
      status: f.status.name,
      statusCategory,
      stage: workStage(statusCategory),
    },
    issueKind: {
      projectKey: f.project.key,
      issueType: { id: f.issuetype.id, name: f.issuetype.name, untranslatedName: f.issuetype.untranslatedName },
      subtask: f.issuetype.subtask === true,
    },
    auto: autoCheckResults({ issue: jiraIssue, estimationFieldId: estimation, acceptanceCriteriaField: config.hygiene.acceptanceCriteriaField, remoteLinks: remoteUrls }),
  };
}

/** The issue (as `client` sees it) and its auto-checks. */
async function loadIssue(client: JiraClient, store: ReadinessStore, config: GovernanceConfig, issueKey: string): Promise<Pick<Loaded, 'issue' | 'issueKind' | 'auto'>> {
  const { fields, estimation } = await readinessFields(client, store, config);
  const [jiraIssue, remote] = await Promise.all([client.issue(issueKey, fields), client.remoteLinks(issueKey)]);
  return issueFacts(client, config, jiraIssue, remote.map((l) => l.object.url), estimation);
}

/**
 * The checklists of an issue already read as the viewer (with `readinessFields`), as the app's
 * storage holds them, evaluated now; nothing is written (an issue the app has not met yet reads as
 * every item open, which is what the panel creates on first view). For the issue's context summary.
 */
export async function peekReadiness(
  req: { client: JiraClient; store: ReadinessStore; config: GovernanceConfig; now: number },
  jiraIssue: JiraIssue,
  remoteUrls: readonly string[],
  estimation: string | null,
): Promise<{ issue: ReadinessView['issue']; lists: Record<ChecklistKind, ChecklistView | null> }> {
  const partial = await issueFacts(req.client, req.config, jiraIssue, remoteUrls, estimation);
  const { state } = await readState(req.store, partial.issue);
  const evaluation = evaluate({ ...templatesInput(req.config, partial, req.now), stored: bodyOf(state) });
  return { issue: partial.issue, lists: evaluation.lists };
}

/** Whether properties in the earlier format may still be imported (the one-time migration is not finished). */
export async function legacyImportOpen(store: ReadinessStore): Promise<boolean> {
  const record = MigrationRecord.safeParse((await store.get(MIGRATION_KEY))?.value);
  return !(record.success && record.data.completedAt !== null);
}

/**
 * The issue's state, created the first time the app meets the issue: with the unverified ticks of a
 * property of the earlier format while the migration is open, else empty. Created with
 * compare-and-set against "absent": of two first readers one creates, the other reads its state.
 */
async function ensureState(
  base: { app: JiraClient; store: ReadinessStore; config: GovernanceConfig; now: number },
  partial: Pick<Loaded, 'issue' | 'issueKind' | 'auto'>,
): Promise<{ state: ReadinessState; version: number }> {
  const current = await readState(base.store, partial.issue);
  if (current.state) return { state: current.state, version: current.version };
  let initial = stateOf({ lists: { dor: null, dod: null }, history: [], imported: null }, { issueId: partial.issue.id, archive: [] }, null, base.now);
  const property = await base.app.issueProperty(partial.issue.key, READINESS_PROPERTY_KEY);
  const read = readStoredReadiness(property);
  if (read.kind === 'legacy' && (await legacyImportOpen(base.store))) {
    initial = importLegacy(read.document, partial.issue.id, base.now);
    // The document imported is the app's own from now on: rewriting it is no tampering.
    await acceptAsWritten(base.store, partial.issue.id, property, 0, base.now);
  }
  // Start from the reconciled form, so that reading it back does not count as a change.
  const reconciled = evaluate({ ...templatesInput(base.config, partial, base.now), stored: bodyOf(initial) }).body;
  initial = stateOf(reconciled, { issueId: partial.issue.id, archive: [] }, null, base.now);
  const created = await base.store.compareAndSet(stateKey(partial.issue.id), fitState(initial).state, null);
  if (created.ok) return { state: initial, version: created.version };
  const again = await readState(base.store, partial.issue);
  if (!again.state) throw new ReadinessError({ kind: 'conflict', message: `The readiness of ${partial.issue.key} was being created by someone else; it was re-read.` });
  return { state: again.state, version: again.version };
}

async function load(
  base: { client: JiraClient; app: JiraClient; store: ReadinessStore; config: GovernanceConfig; issueKey: string; now: number },
  options: { create: boolean },
): Promise<Loaded> {
  const partial = await loadIssue(base.client, base.store, base.config, base.issueKey);
  const { state, version } = options.create ? await ensureState(base, partial) : await readState(base.store, partial.issue);
  const evaluation = evaluate({ ...templatesInput(base.config, partial, base.now), stored: bodyOf(state) });
  return { ...partial, state, version, evaluation };
}

const conflict = (message: string) => new ReadinessError({ kind: 'conflict', message });

/**
 * Writes the state `body` as the version after `loaded.version` (compare-and-set): refused as a
 * conflict when anyone wrote in between. `by` null: the app (a template change). When the state
 * would outgrow the store, the oldest half of its audit trail moves to an archived part first.
 */
async function persist(store: ReadinessStore, loaded: Loaded, body: ReadinessBody, by: string | null, now: number): Promise<{ state: ReadinessState; version: number }> {
  const issueId = loaded.issue.id;
  let fitted: ReturnType<typeof fitState>;
  try {
    fitted = fitState(stateOf(body, { issueId, archive: loaded.state?.archive ?? [] }, by, now));
  } catch (err) {
    if (err instanceof ReadinessTooLargeError) throw new ReadinessError({ kind: 'refused', message: err.message });
    throw err;
  }
  let state = fitted.state;
  if (fitted.archived.length > 0) {
    // The part is named after the version it was split from: of two writers splitting the same version, one archives and writes.
    const key = archiveKey(issueId, loaded.version);
    const page = await store.compareAndSet(key, ArchivedHistory.parse({ issueId, entries: fitted.archived }), null);
    if (!page.ok) throw conflict(`The checklists of ${loaded.issue.key} were changed by someone else at the same time; they were re-read.`);
    state = { ...state, archive: [...state.archive, key] };
  }
  const cas = await store.compareAndSet(stateKey(issueId), state, loaded.version === 0 ? null : loaded.version);
  if (!cas.ok) throw conflict(`The checklists of ${loaded.issue.key} were changed by someone else at the same time; they were re-read.`);
  return { state, version: cas.version };
}

/** After a write: the loaded issue with the state written. */
function reloaded(base: { config: GovernanceConfig; now: number }, loaded: Loaded, written: { state: ReadinessState; version: number }): Loaded {
  return { ...loaded, state: written.state, version: written.version, evaluation: evaluate({ ...templatesInput(base.config, loaded, base.now), stored: bodyOf(written.state) }) };
}

/** Brings the mirror in step with the state (as the app). */
function mirrorSync(
  base: { app: JiraClient; store: ReadinessStore; config: GovernanceConfig; now: number; clock?: () => number },
  loaded: Loaded,
  detectedBy: Detector,
  holder: string,
): Promise<MirrorSync> {
  const clock = base.clock ?? (() => Date.now());
  return syncMirror({
    app: base.app,
    store: base.store,
    issue: loaded.issue,
    detectedBy,
    clock,
    holder,
    // The state as it is now: if someone wrote since it was loaded, evaluated again with the same issue fields.
    async latest(): Promise<{ version: number; mirror: ReadinessMirror }> {
      const { state, version } = await readState(base.store, loaded.issue);
      const evaluation = version === loaded.version ? loaded.evaluation : evaluate({ ...templatesInput(base.config, loaded, base.now), stored: bodyOf(state) });
      return { version, mirror: mirrorOf(evaluation, version, base.now) };
    },
  });
}

function historyText(entry: HistoryEntry, lists: Evaluation['lists']): LocalizedText {
  if (entry.change === 'removed') return entry.text;
  const item = lists[entry.list]?.items.find((i) => i.id === entry.item);
  return item?.text ?? { en: entry.item, ru: entry.item };
}

function historyView(entries: readonly HistoryEntry[], lists: Evaluation['lists']): ReadinessHistoryEntry[] {
  return entries
    .map(
      (e): ReadinessHistoryEntry =>
        e.change === 'state'
          ? { at: e.at, by: e.by, list: e.list, item: e.item, text: historyText(e, lists), change: 'state', from: e.from, to: e.to, reason: e.reason ?? null }
          : { at: e.at, by: null, list: e.list, item: e.item, text: e.text, change: 'removed', from: e.last, to: e.last, reason: e.reason ?? null },
    )
    .reverse();
}

async function people(client: JiraClient, evaluation: Evaluation): Promise<Record<string, ReadinessPerson>> {
  const ids = new Set<string>();
  for (const kind of ['dor', 'dod'] as const)
    for (const i of evaluation.lists[kind]?.items ?? []) {
      if (i.by) ids.add(i.by);
      if (i.imported) ids.add(i.imported.by);
    }
  for (const e of evaluation.body.history) if (e.change === 'state') ids.add(e.by);
  const imported = evaluation.body.imported;
  if (imported?.claimedUpdatedBy) ids.add(imported.claimedUpdatedBy);
  for (const e of imported?.history ?? []) if (e.change === 'state') ids.add(e.by);
  const wanted = [...ids].slice(0, USERS_LOOKED_UP);
  const found = await Promise.all(
    wanted.map(async (accountId): Promise<ReadinessPerson> => {
      const u = await client.user(accountId).catch(() => null);
      const urls = u?.avatarUrls ?? {};
      return { accountId, displayName: u?.displayName ?? null, avatarUrl: urls['48x48'] ?? urls['32x32'] ?? Object.values(urls)[0] ?? null };
    }),
  );
  return Object.fromEntries(found.map((p) => [p.accountId, p]));
}

const incidentView = (i: Incident): ReadinessIncident => ({ at: i.at, detectedBy: i.detectedBy, kind: i.kind, found: i.found, repaired: i.repaired });

async function viewOf(req: ReadinessRequest, loaded: Loaded, canEdit: boolean, isAdmin: boolean): Promise<ReadinessView> {
  const { evaluation } = loaded;
  const imported = evaluation.body.imported;
  return {
    issue: loaded.issue,
    version: loaded.version,
    canEdit,
    lists: evaluation.lists,
    history: historyView(evaluation.body.history, evaluation.lists),
    archivedParts: loaded.state?.archive.length ?? 0,
    imported: imported
      ? {
          at: imported.at,
          claimedVersion: imported.claimedVersion,
          claimedUpdatedAt: imported.claimedUpdatedAt,
          claimedUpdatedBy: imported.claimedUpdatedBy,
          unverified: unverifiedCount(imported),
          history: historyView(imported.history, evaluation.lists),
        }
      : null,
    integrity: isAdmin ? { incidents: (await mirrorIncidents(req.store, loaded.issue.id)).map(incidentView) } : null,
    people: await people(req.client, evaluation),
  };
}

async function permissions(req: ReadinessRequest): Promise<{ canEdit: boolean; isAdmin: boolean }> {
  const p = await req.client.myPermissions(['EDIT_ISSUES', 'ADMINISTER'], { issueKey: req.issueKey });
  return { canEdit: p.EDIT_ISSUES === true, isAdmin: p.ADMINISTER === true };
}

/** Keeping the mirror in step is the read's courtesy: a failure to write it leaves the view as read. */
async function courtesySync(req: ReadinessRequest, loaded: Loaded): Promise<void> {
  await mirrorSync(req, loaded, 'panel', `panel:${req.accountId}`).catch((err: unknown) => {
    if (err instanceof JiraError || err instanceof MirrorConflictError || err instanceof ReadinessError || err instanceof ReadinessTooLargeError) return;
    throw err;
  });
}

/** The issue's checklists as the viewer sees them; brings the JQL mirror in step (and reports tampering). */
export async function getReadiness(req: ReadinessRequest): Promise<ReadinessView> {
  const [first, perms] = await Promise.all([load(req, { create: true }), permissions(req)]);
  let loaded = first;
  if (loaded.evaluation.stale) {
    // A template change moved marks into the history: written by the app, whoever reads. A conflict leaves the view as read.
    loaded = await persist(req.store, loaded, loaded.evaluation.body, null, req.now).then(
      (written) => reloaded(req, loaded, written),
      (err: unknown) => {
        if (err instanceof ReadinessError) return loaded;
        throw err;
      },
    );
  }
  await courtesySync(req, loaded);
  return viewOf(req, loaded, perms.canEdit, perms.isAdmin);
}

export interface ReadinessUpdate {
  /** The version the change was made on (ReadinessView.version). */
  version: number;
  change: ItemChange;
}

/** Applies one change made on `update.version`; refuses a stale version, a change that cannot apply, or a user who may not edit. */
export async function updateReadiness(req: ReadinessRequest, update: ReadinessUpdate): Promise<ReadinessView> {
  const [loaded, perms] = await Promise.all([load(req, { create: true }), permissions(req)]);
  if (!perms.canEdit) throw new ReadinessError({ kind: 'forbidden', message: `You may not edit ${loaded.issue.key}, so you cannot change its checklists.` });
  if (loaded.version !== update.version)
    throw conflict(`The checklists of ${loaded.issue.key} changed since you read them (version ${update.version}, now ${loaded.version}); they were re-read.`);
  const applied = applyChange(loaded.evaluation, loaded.auto, update.change, req.accountId, req.now);
  if (!applied.ok) throw new ReadinessError({ kind: 'refused', message: applied.problem });
  let after = loaded;
  if (applied.changed || loaded.evaluation.stale) after = reloaded(req, loaded, await persist(req.store, loaded, applied.body, applied.changed ? req.accountId : null, req.now));
  await courtesySync(req, after);
  return viewOf(req, after, perms.canEdit, perms.isAdmin);
}

export interface RefreshOptions {
  /** Waits between attempts (default: setTimeout); tests pass one that does not wait. */
  sleep?(ms: number): Promise<void>;
  attempts?: number;
  /** Who is refreshing, as named in an incident (default: the trigger). */
  detectedBy?: Detector;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const retryable = (err: unknown) => (err instanceof ReadinessError && err.failure.kind === 'conflict') || err instanceof MirrorConflictError;

/**
 * Recomputes an issue's readiness after the issue changed (a trigger, run as the app: `client` and
 * `app` are both the app): applies a template change to the state, brings the mirror in step and
 * reports tampering. On a conflict (someone saving, another refresh holding the mirror's lease) it
 * re-reads and tries again; when the conflicts do not stop it throws ReadinessRetryLater so that
 * the platform runs it again, rather than dropping the refresh. Returns whether it wrote.
 */
export async function refreshReadiness(req: Omit<ReadinessRequest, 'accountId'>, options: RefreshOptions = {}): Promise<boolean> {
  const sleep = options.sleep ?? defaultSleep;
  const attempts = options.attempts ?? REFRESH_ATTEMPTS;
  const detectedBy = options.detectedBy ?? 'trigger';
  const holder = `${detectedBy}:${randomUUID()}`;
  let last: unknown = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await sleep(250 * 2 ** (attempt - 1));
    try {
      let loaded = await load(req, { create: true });
      let wrote = false;
      if (loaded.evaluation.stale) {
        loaded = reloaded(req, loaded, await persist(req.store, loaded, loaded.evaluation.body, null, req.now));
        wrote = true;
      }
      const sync = await mirrorSync(req, loaded, detectedBy, holder);
      // Someone else holds the mirror's lease, or this one's ran out: try again until the mirror is seen current.
      if (sync.busy || sync.fenced) {
        last = new Error(sync.busy ? 'the mirror was being written by someone else' : 'the lease on the mirror ran out');
        continue;
      }
      return wrote || sync.wrote;
    } catch (err) {
      if (!retryable(err)) throw err;
      last = err;
    }
  }
  throw new ReadinessRetryLater(req.issueKey, last);
}

export interface GateRequest {
  /** Jira as the app (a validator has no user to act as). */
  app: JiraClient;
  store: ReadinessStore;
  config: GovernanceConfig;
  issueKey: string;
  now: number;
  clock?: () => number;
}

function why(err: unknown): string {
  if (err instanceof JiraError) return err.status === 404 ? 'Jira could not find the issue' : `Jira answered ${err.status ?? err.message}`;
  if (err instanceof ReadinessError) return err.message;
  return 'the app failed';
}

/**
 * A workflow validator's verdict: judged on the app's state (never on the issue property), with the
 * issue's auto-checks read now. Fails closed when the state cannot be read. Then brings the mirror
 * in step, reporting tampering; that never changes the verdict.
 */
export async function gateReadiness(req: GateRequest, kind: ChecklistKind): Promise<GateVerdict> {
  let loaded: Loaded;
  try {
    loaded = await load({ ...req, client: req.app }, { create: false });
  } catch (err) {
    return gateUnavailable(kind, why(err));
  }
  const verdict = gateVerdict(kind, loaded.evaluation.lists[kind], loaded.state !== null);
  // Without a state the app has not met the issue: a property there may still be one to import, so it is left alone.
  if (loaded.state) await mirrorSync(req, loaded, 'validator', 'validator').catch(() => undefined);
  return verdict;
}
