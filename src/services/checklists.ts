/**
 * Readiness of one issue: read it (the issue's fields for the auto-checks, its remote links, the
 * stored property) and change one item, as the user, with optimistic concurrency.
 *
 * Every write carries the version it read. Jira's property PUT has no condition, so the check is
 * made atomic with a claim in the app's store (a compare-and-set on `readiness-claim:<issue id>`):
 * of two writers that read version n, exactly one claims n+1 and writes; the other is told its
 * version is stale, re-reads, and re-applies its change on top. A claim whose property write never
 * landed (the writer died) is ignored after CLAIM_FRESH_MS.
 *
 * Reading also keeps the stored summary current: when the template changed, an auto-check changed
 * its outcome, or the issue has no property yet, a viewer who may edit the issue writes the
 * refreshed document, so JQL and the workflow validators see what the panel shows.
 */
import { fillUntranslatedTypeName, untranslatedTypeNames } from './issue-types';
import { z } from 'zod';
import type { GovernanceConfig } from '../domain/config';
import {
  applyChange,
  autoCheckFields,
  autoCheckResults,
  type AutoResults,
  type ChecklistView,
  evaluate,
  type Evaluation,
  type HistoryEntry,
  type IssueKind,
  type ItemChange,
  nextDocument,
  READINESS_PROPERTY_KEY,
  readStoredReadiness,
  type ReadinessBody,
  ReadinessTooLargeError,
} from '../domain/checklists';
import { discoverFields } from '../domain/issue';
import type { ChecklistKind, LocalizedText } from '../domain/config';
import type { JiraClient } from '../jira/types';

export const CLAIM_FRESH_MS = 30_000;
const CLAIM_TTL_SECONDS = 24 * 3600;
const SITE_FIELDS_TTL_SECONDS = 3600;
/** People shown with a name and an avatar; anyone beyond is shown by account only. */
const USERS_LOOKED_UP = 20;

/** The storage this use case needs (claims, a cached field id): the app's `Store` fits. */
export interface ReadinessStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<number>;
  compareAndSet(key: string, value: unknown, expected: number | null, options?: { ttlSeconds?: number }): Promise<{ ok: true; version: number } | { ok: false }>;
}

/** Store keys allow letters, digits and `:._-#`; an issue id is digits. */
const claimKey = (issueId: string) => `readiness-claim:${issueId.replace(/[^a-zA-Z0-9._-]/g, '_')}`;
const SITE_FIELDS_KEY = 'site-fields:v1';

export type ReadinessFailure =
  /** The version the writer read is no longer the stored one, or another write is under way. */
  | { kind: 'conflict'; message: string }
  /** The change cannot apply (unknown item, no reason, auto item ticked by hand, too large). */
  | { kind: 'refused'; message: string }
  | { kind: 'forbidden'; message: string }
  /** The stored property cannot be read (newer app version, or not a readiness document). */
  | { kind: 'unreadable'; message: string };

export class ReadinessError extends Error {
  constructor(readonly failure: ReadinessFailure) {
    super(failure.message);
    this.name = 'ReadinessError';
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

export interface ReadinessView {
  issue: { id: string; key: string; summary: string | null; issueType: string; projectKey: string };
  /** The stored document's version: the next update must carry it. 0 when nothing is stored. */
  version: number;
  canEdit: boolean;
  lists: Record<ChecklistKind, ChecklistView | null>;
  /** Newest first. */
  history: ReadinessHistoryEntry[];
  people: Record<string, ReadinessPerson>;
}

export interface ReadinessRequest {
  /** Reads and writes as the user. */
  client: JiraClient;
  store: ReadinessStore;
  config: GovernanceConfig;
  issueKey: string;
  accountId: string;
  /** The instant stamped on a change. */
  now: number;
}

interface Loaded {
  issue: ReadinessView['issue'];
  issueKind: IssueKind;
  auto: AutoResults;
  evaluation: Evaluation;
}

const CachedFields = z.object({ estimation: z.string().nullable() });
const Claim = z.object({ version: z.number().int().min(1), at: z.number() });

/** The site's estimation field, found once an hour from `GET /rest/api/3/field`. */
async function estimationFieldId(client: JiraClient, store: ReadinessStore): Promise<string | null> {
  const key = SITE_FIELDS_KEY;
  const cached = CachedFields.safeParse((await store.get(key))?.value);
  if (cached.success) return cached.data.estimation;
  const estimation = discoverFields(await client.fields()).estimation?.id ?? null;
  await store.set(key, { estimation }, { ttlSeconds: SITE_FIELDS_TTL_SECONDS }).catch(() => undefined);
  return estimation;
}

function templatesInput(req: ReadinessRequest, loaded: Pick<Loaded, 'issueKind' | 'auto'>) {
  return { templates: req.config.checklists.templates, issue: loaded.issueKind, auto: loaded.auto, now: req.now };
}

async function load(req: ReadinessRequest): Promise<Loaded> {
  const { client } = req;
  const acField = req.config.hygiene.acceptanceCriteriaField;
  const [estimation, stored, remote] = await Promise.all([
    estimationFieldId(client, req.store),
    client.issueProperty(req.issueKey, READINESS_PROPERTY_KEY),
    client.remoteLinks(req.issueKey),
  ]);
  const jiraIssue = await client.issue(req.issueKey, ['summary', ...autoCheckFields(estimation, acField)]);
  const read = readStoredReadiness(stored);
  if (read.kind === 'newer')
    throw new ReadinessError({ kind: 'unreadable', message: `The readiness of ${jiraIssue.key} was saved by a newer version of the app (schema ${read.schemaVersion}); update the app to read it.` });
  if (read.kind === 'invalid')
    throw new ReadinessError({ kind: 'unreadable', message: `The stored readiness of ${jiraIssue.key} is not a readiness document (${read.problems.join('; ')}); it was left untouched.` });
  const f = jiraIssue.fields;
  // A template naming types by untranslated name needs the type's English name, which Jira does not always embed.
  if (!f.issuetype.untranslatedName && req.config.checklists.templates.some((t) => t.issueTypes.some((r) => r.untranslatedName !== undefined)))
    fillUntranslatedTypeName(jiraIssue, await untranslatedTypeNames(client));
  const issueKind: IssueKind = {
    projectKey: f.project.key,
    issueType: { id: f.issuetype.id, name: f.issuetype.name, untranslatedName: f.issuetype.untranslatedName },
    subtask: f.issuetype.subtask === true,
  };
  const auto = autoCheckResults({ issue: jiraIssue, estimationFieldId: estimation, acceptanceCriteriaField: acField, remoteLinks: remote.map((l) => l.object.url) });
  const partial = { issueKind, auto };
  const evaluation = evaluate({ ...templatesInput(req, partial), stored: read.kind === 'ok' ? read.document : null });
  return {
    issue: { id: jiraIssue.id, key: jiraIssue.key, summary: f.summary ?? null, issueType: f.issuetype.name, projectKey: f.project.key },
    issueKind,
    auto,
    evaluation,
  };
}

async function mayEdit(req: ReadinessRequest): Promise<boolean> {
  const p = await req.client.myPermissions(['EDIT_ISSUES'], { issueKey: req.issueKey });
  return p.EDIT_ISSUES === true;
}

const conflict = (message: string) => new ReadinessError({ kind: 'conflict', message });

/**
 * Writes `body` as the version after `loaded`'s, if nobody else has claimed it. `by` null: the
 * app refreshing the summary.
 */
async function persist(req: ReadinessRequest, loaded: Loaded, body: ReadinessBody, by: string | null): Promise<Evaluation> {
  const key = claimKey(loaded.issue.id);
  const current = await req.store.get(key);
  const claim = Claim.safeParse(current?.value);
  const read = loaded.evaluation.version;
  if (claim.success && claim.data.version > read && req.now - claim.data.at < CLAIM_FRESH_MS)
    throw conflict(`Someone else is saving the checklists of ${loaded.issue.key} right now; they were re-read.`);
  const version = Math.max(read, claim.success ? claim.data.version : 0) + 1;
  let next: ReturnType<typeof nextDocument>;
  try {
    next = nextDocument(templatesInput(req, loaded), body, version, by);
  } catch (err) {
    if (err instanceof ReadinessTooLargeError) throw new ReadinessError({ kind: 'refused', message: err.message });
    throw err;
  }
  const cas = await req.store.compareAndSet(key, { version, at: req.now }, current?.version ?? null, { ttlSeconds: CLAIM_TTL_SECONDS });
  if (!cas.ok) throw conflict(`The checklists of ${loaded.issue.key} were changed by someone else at the same time; they were re-read.`);
  await req.client.setIssueProperty(loaded.issue.key, READINESS_PROPERTY_KEY, next.document);
  return next.evaluation;
}

function historyText(entry: HistoryEntry, lists: Loaded['evaluation']['lists']): LocalizedText {
  if (entry.change === 'removed') return entry.text;
  const item = lists[entry.list]?.items.find((i) => i.id === entry.item);
  return item?.text ?? { en: entry.item, ru: entry.item };
}

function historyView(evaluation: Evaluation): ReadinessHistoryEntry[] {
  return evaluation.body.history
    .map(
      (e): ReadinessHistoryEntry =>
        e.change === 'state'
          ? { at: e.at, by: e.by, list: e.list, item: e.item, text: historyText(e, evaluation.lists), change: 'state', from: e.from, to: e.to, reason: e.reason ?? null }
          : { at: e.at, by: null, list: e.list, item: e.item, text: e.text, change: 'removed', from: e.last, to: e.last, reason: e.reason ?? null },
    )
    .reverse();
}

async function people(client: JiraClient, evaluation: Evaluation): Promise<Record<string, ReadinessPerson>> {
  const ids = new Set<string>();
  for (const kind of ['dor', 'dod'] as const) for (const i of evaluation.lists[kind]?.items ?? []) if (i.by) ids.add(i.by);
  for (const e of evaluation.body.history) if (e.change === 'state') ids.add(e.by);
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

async function viewOf(req: ReadinessRequest, loaded: Loaded, evaluation: Evaluation, canEdit: boolean): Promise<ReadinessView> {
  return {
    issue: loaded.issue,
    version: evaluation.version,
    canEdit,
    lists: evaluation.lists,
    history: historyView(evaluation),
    people: await people(req.client, evaluation),
  };
}

/** The issue's checklists as the viewer sees them; refreshes the stored summary when it is out of date. */
export async function getReadiness(req: ReadinessRequest): Promise<ReadinessView> {
  const [loaded, canEdit] = await Promise.all([load(req), mayEdit(req)]);
  let evaluation = loaded.evaluation;
  if (evaluation.stale && canEdit) {
    // Keeping the index current is a courtesy of the read: a conflict or a refusal leaves the view as read.
    evaluation = await persist(req, loaded, evaluation.body, null).catch((err: unknown) => {
      if (err instanceof ReadinessError) return loaded.evaluation;
      throw err;
    });
  }
  return viewOf(req, loaded, evaluation, canEdit);
}

export interface ReadinessUpdate {
  /** The version the change was made on (ReadinessView.version). */
  version: number;
  change: ItemChange;
}

/** Applies one change made on `update.version`; refuses a stale version, a change that cannot apply, or a user who may not edit. */
export async function updateReadiness(req: ReadinessRequest, update: ReadinessUpdate): Promise<ReadinessView> {
  const [loaded, canEdit] = await Promise.all([load(req), mayEdit(req)]);
  if (!canEdit) throw new ReadinessError({ kind: 'forbidden', message: `You may not edit ${loaded.issue.key}, so you cannot change its checklists.` });
  if (loaded.evaluation.version !== update.version)
    throw conflict(`The checklists of ${loaded.issue.key} changed since you read them (version ${update.version}, now ${loaded.evaluation.version}); they were re-read.`);
  const applied = applyChange(loaded.evaluation, loaded.auto, update.change, req.accountId, req.now);
  if (!applied.ok) throw new ReadinessError({ kind: 'refused', message: applied.problem });
  if (!applied.changed && !loaded.evaluation.stale) return viewOf(req, loaded, loaded.evaluation, canEdit);
  const evaluation = await persist(req, loaded, applied.body, applied.changed ? req.accountId : null);
  return viewOf(req, loaded, evaluation, canEdit);
}

/**
 * Recomputes an issue's stored summary (for a trigger after the issue changed, run as the app):
 * writes only when it is out of date. Returns whether it wrote.
 */
export async function refreshReadiness(req: Omit<ReadinessRequest, 'accountId'>): Promise<boolean> {
  const full = { ...req, accountId: '' };
  const loaded = await load(full);
  if (!loaded.evaluation.stale) return false;
  await persist(full, loaded, loaded.evaluation.body, null);
  return true;
}
