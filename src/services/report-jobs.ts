/**
 * Hygiene and defect rows for a viewer, inline or through a background job.
 *
 * - A cheap count first (Jira's approximate count of each board's scope, as the viewer) decides:
 *   up to `inlineLimit` issues the rows are read and computed at once, as the viewer, and cached
 *   for that viewer only; above it a job is queued and the caller polls it.
 * - A job runs in an async consumer (up to 900 s), as the app: Jira hides nothing from it. Its rows
 *   keep every issue's project, are cached for every viewer of the same boards and parameters, and
 *   are cut, on each read, to the projects the viewer may browse (asked of Jira as the viewer), so
 *   no viewer ever sees an issue — or a count, score or percentile built from one — they could not
 *   browse.
 * - Cached rows and job documents live in the app's store (KVS on Forge). Rows bigger than a KVS
 *   value are split into chunks.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { GovernanceConfig } from '../domain/config';
import { type GovernanceRows, restrictToProjects, rowProjects } from '../domain/governance-rows';
import { JiraError, type JiraClient } from '../jira/types';
import { GovernanceRowsSchema, type JobDocument, JobDocumentSchema, type JobParams } from '../shared/governance-schemas';
import type { JobView } from '../shared/governance-protocol';
import { BoardNotFoundError, type LoadStep } from './board-data';
import { DAY_MS, governanceRows, WEEK_MS } from './governance-rows';
import { jqlDateBefore, withoutOrderBy } from './jql';
import { HYGIENE_RECENT_DAYS } from '../domain/hygiene';

/** The part of the app's store this service uses (`src/forge/store.ts` has it). */
export interface DocumentStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<number>;
  delete(key: string): Promise<void>;
}

/** Hands a job to the async consumer: `@forge/events` on Forge, in-process in the preview and tests. */
export interface ReportQueue {
  push(jobId: string): Promise<void>;
}

/** Above this many issues in scope a report is computed by a job, not inside a 25 s resolver. */
export const INLINE_ISSUE_LIMIT = 1_500;
/** Rows computed as a viewer are kept this long; rows of a job, longer (they cost more). */
export const VIEWER_ROWS_TTL_SECONDS = 15 * 60;
export const APP_ROWS_TTL_SECONDS = 60 * 60;
/** A job that has not finished by then died with its consumer (Forge stops one at 900 s). */
export const JOB_STALE_MS = 20 * 60_000;
const JOB_TTL_SECONDS = 24 * 3600;
/** A KVS value holds at most 240 KiB; chunks stay well below. */
const CHUNK_CHARS = 180_000;

export interface RowsDeps {
  store: DocumentStore;
  /** Null where no queue exists: every report is then computed inline. */
  queue: ReportQueue | null;
  now(): number;
  inlineLimit?: number;
}

export interface RowsRequest {
  accountId: string;
  /** Reads Jira as the viewer. */
  client: JiraClient;
  params: JobParams;
  config: GovernanceConfig;
  configVersion: number | null;
  refresh: boolean;
}

export type RowsOutcome =
  | { kind: 'ready'; rows: GovernanceRows; computedAt: string; fromCache: boolean; computedAs: 'viewer' | 'app' }
  | { kind: 'pending'; job: JobView };

const safe = (s: string): string => s.replace(/[^a-zA-Z0-9:._#-]/g, '_');

/** The cache key of rows: the boards and parameters, the configuration's version, and who computed them. */
export function rowsKey(params: JobParams, configVersion: number | null, scope: { app: true } | { viewer: string }): string {
  const canonical = JSON.stringify([[...params.boardIds].sort((a, b) => a - b), params.rollup, params.periodDays, configVersion]);
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 32);
  return 'app' in scope ? `gov:rows:v1:app:${hash}` : `gov:rows:v1:user:${safe(scope.viewer)}:${hash}`;
}

const jobKey = (id: string) => `gov:job:v1:${safe(id)}`;
const jobForKey = (rowsCacheKey: string) => `gov:job-for:v1:${rowsCacheKey.slice('gov:rows:v1:app:'.length)}`;

// ---- chunked documents ---------------------------------------------------------------------------

interface Head {
  id: string;
  chunks: number;
  computedAt: string;
}

export async function writeChunked(store: DocumentStore, key: string, value: unknown, computedAt: string, ttlSeconds: number): Promise<void> {
  const json = JSON.stringify(value);
  const id = randomUUID().slice(0, 8);
  const chunks = Math.max(1, Math.ceil(json.length / CHUNK_CHARS));
  for (let i = 0; i < chunks; i++) await store.set(`${key}:${id}:${i}`, json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS), { ttlSeconds });
  // The head is written last: a reader never finds a head whose chunks are not all there.
  await store.set(key, { id, chunks, computedAt } satisfies Head, { ttlSeconds });
}

export async function readChunked(store: DocumentStore, key: string): Promise<{ value: unknown; computedAt: string } | null> {
  const head = (await store.get(key))?.value as Partial<Head> | undefined;
  if (!head || typeof head.id !== 'string' || typeof head.chunks !== 'number' || typeof head.computedAt !== 'string') return null;
  let json = '';
  for (let i = 0; i < head.chunks; i++) {
    const part = (await store.get(`${key}:${head.id}:${i}`))?.value;
    if (typeof part !== 'string') return null;
    json += part;
  }
  try {
    return { value: JSON.parse(json) as unknown, computedAt: head.computedAt };
  } catch {
    return null;
  }
}

async function readRows(store: DocumentStore, key: string): Promise<{ rows: GovernanceRows; computedAt: string } | null> {
  const doc = await readChunked(store, key);
  if (!doc) return null;
  const parsed = GovernanceRowsSchema.safeParse(doc.value);
  return parsed.success ? { rows: parsed.data, computedAt: doc.computedAt } : null;
}

// ---- what a viewer may see -----------------------------------------------------------------------

/** Reads each board as the viewer: Jira answers 404 for a board they may not see. */
export async function checkBoardsVisible(client: JiraClient, boardIds: readonly number[]): Promise<{ id: number; name: string; projectKey: string | null }[]> {
  return Promise.all(
    boardIds.map(async (id) => {
      try {
        const b = await client.board(id);
        return { id, name: b.name, projectKey: b.location?.projectKey ?? null };
      } catch (err) {
        if (err instanceof JiraError && err.status === 404) throw new BoardNotFoundError(id);
        throw err;
      }
    }),
  );
}

/** The projects among `projectKeys` the viewer may browse, asked of Jira as the viewer. */
export async function browsableProjects(client: JiraClient, projectKeys: readonly string[]): Promise<Set<string>> {
  const answers = await Promise.all(
    projectKeys.map(async (projectKey) => {
      try {
        const p = await client.myPermissions(['BROWSE_PROJECTS'], { projectKey });
        return p.BROWSE_PROJECTS === true ? projectKey : null;
      } catch (err) {
        // Jira answers 404 for a project the viewer may not see.
        if (err instanceof JiraError && err.status === 404) return null;
        throw err;
      }
    }),
  );
  return new Set(answers.filter((k): k is string => k !== null));
}

// ---- inline or queued ----------------------------------------------------------------------------

/** The earliest update any figure looks at: the defect period, and the 30 days before the previous week. */
export function updatedSince(now: number, periodDays: number): number {
  return Math.min(now - periodDays * DAY_MS, now - WEEK_MS - HYGIENE_RECENT_DAYS * DAY_MS);
}

/**
 * How many issues the rows would read: Jira's approximate count of each board's scope, as the
 * viewer (three cheap requests a board). Null when the client cannot count.
 */
export async function countScope(client: JiraClient, params: JobParams, now: number): Promise<number | null> {
  const count = client.approximateCount?.bind(client);
  if (!count) return null;
  const since = jqlDateBefore(updatedSince(now, params.periodDays));
  const counts = await Promise.all(
    params.boardIds.map(async (id) => {
      const configuration = await client.boardConfiguration(id);
      const filter = await client.filter(configuration.filter.id);
      const base = withoutOrderBy(filter.jql);
      return count(`${base ? `(${base}) AND ` : ''}(statusCategory != Done OR updated >= ${since})`);
    }),
  );
  return counts.reduce((a, b) => a + b, 0);
}

export function jobView(doc: JobDocument): JobView {
  const { cacheKey: _k, params: _p, configVersion: _v, ...view } = doc;
  return view;
}

async function readJob(store: DocumentStore, id: string): Promise<JobDocument | null> {
  const parsed = JobDocumentSchema.safeParse((await store.get(jobKey(id)))?.value);
  return parsed.success ? parsed.data : null;
}

async function writeJob(store: DocumentStore, doc: JobDocument): Promise<void> {
  await store.set(jobKey(doc.id), doc, { ttlSeconds: JOB_TTL_SECONDS });
}

/** A job still queued or running, and not given up for dead. */
function live(doc: JobDocument | null, now: number): doc is JobDocument {
  return doc !== null && (doc.status === 'queued' || doc.status === 'running') && now - Date.parse(doc.queuedAt) < JOB_STALE_MS;
}

/** The job of a report, if one was queued for it. */
async function jobFor(store: DocumentStore, cacheKey: string): Promise<JobDocument | null> {
  const pointer = (await store.get(jobForKey(cacheKey)))?.value as { jobId?: unknown } | undefined;
  return typeof pointer?.jobId === 'string' ? readJob(store, pointer.jobId) : null;
}

async function cutForViewer(client: JiraClient, rows: GovernanceRows): Promise<GovernanceRows> {
  return restrictToProjects(rows, await browsableProjects(client, rowProjects(rows)));
}

/** The rows a viewer may see: from their cache, the app's cache, a fresh inline computation, or a job. */
export async function viewerRows(deps: RowsDeps, req: RowsRequest): Promise<RowsOutcome> {
  const { store } = deps;
  const now = deps.now();
  await checkBoardsVisible(req.client, req.params.boardIds);
  const viewerKey = rowsKey(req.params, req.configVersion, { viewer: req.accountId });
  const appKey = rowsKey(req.params, req.configVersion, { app: true });

  const running = await jobFor(store, appKey);
  if (!req.refresh) {
    const mine = await readRows(store, viewerKey);
    if (mine) return { kind: 'ready', rows: mine.rows, computedAt: mine.computedAt, fromCache: true, computedAs: 'viewer' };
    const shared = await readRows(store, appKey);
    if (shared) return { kind: 'ready', rows: await cutForViewer(req.client, shared.rows), computedAt: shared.computedAt, fromCache: true, computedAs: 'app' };
  }
  if (live(running, now)) return { kind: 'pending', job: jobView(running) };

  const expected = deps.queue ? await countScope(req.client, req.params, now) : null;
  if (deps.queue && expected !== null && expected > (deps.inlineLimit ?? INLINE_ISSUE_LIMIT)) {
    const doc: JobDocument = {
      id: randomUUID(),
      cacheKey: appKey,
      params: req.params,
      configVersion: req.configVersion,
      status: 'queued',
      phase: 'queued',
      boardsDone: 0,
      boardsTotal: req.params.boardIds.length,
      issuesFetched: 0,
      issuesExpected: expected,
      queuedAt: new Date(now).toISOString(),
      startedAt: null,
      finishedAt: null,
      error: null,
    };
    await writeJob(store, doc);
    await store.set(jobForKey(appKey), { jobId: doc.id }, { ttlSeconds: JOB_TTL_SECONDS });
    await deps.queue.push(doc.id);
    return { kind: 'pending', job: jobView((await readJob(store, doc.id)) ?? doc) };
  }

  const rows = await governanceRows(req.client, { ...req.params, now, config: req.config });
  const computedAt = new Date(now).toISOString();
  // The cache only saves time: failing to write it must not cost the viewer the figures.
  await writeChunked(store, viewerKey, rows, computedAt, VIEWER_ROWS_TTL_SECONDS).catch(() => undefined);
  return { kind: 'ready', rows, computedAt, fromCache: false, computedAs: 'viewer' };
}

/** A job's progress, for the UI to poll. */
export async function jobStatus(store: DocumentStore, jobId: string): Promise<JobView | null> {
  const doc = await readJob(store, jobId);
  return doc ? jobView(doc) : null;
}

export interface RunJobDeps {
  store: DocumentStore;
  /** Reads Jira as the app (a consumer has no user). */
  client: JiraClient;
  now(): number;
  /** The configuration the job was queued with, or null when it has changed since (the job then fails). */
  config(version: number | null): Promise<GovernanceConfig | null>;
}

/**
 * The consumer's work: read the boards as the app, compute the rows, cache them for every viewer
 * (each read cuts them to the viewer's projects), and keep the job document's progress current.
 */
export async function runJob(deps: RunJobDeps, jobId: string): Promise<void> {
  const { store } = deps;
  const found = await readJob(store, jobId);
  if (!found || found.status === 'done') return;
  let doc: JobDocument = { ...found, status: 'running', phase: 'boards', startedAt: new Date(deps.now()).toISOString(), error: null };
  // Progress writes are chained, so they land in order, and thinned to every fifth page.
  let writes = Promise.resolve();
  const save = (patch: Partial<JobDocument>) => {
    doc = { ...doc, ...patch };
    const snapshot = doc;
    writes = writes.then(() => writeJob(store, snapshot)).catch(() => undefined);
  };
  save({});
  const fetched = new Map<number, number>();
  let pages = 0;
  const onStep = (step: LoadStep) => {
    if (step.kind === 'board') save({ phase: 'boards', boardsDone: step.index });
    else if (step.kind === 'issues') {
      fetched.set(step.boardId, step.fetched);
      if (++pages % 5 === 0) save({ issuesFetched: [...fetched.values()].reduce((a, b) => a + b, 0) });
    } else save({ phase: 'changelogs', boardsDone: doc.boardsTotal, issuesFetched: step.issues });
  };
  try {
    const config = await deps.config(doc.configVersion);
    if (!config) throw new Error('the governance configuration changed while the report waited; refresh to compute it again');
    const rows = await governanceRows(deps.client, { ...doc.params, now: deps.now(), config, onStep });
    save({ phase: 'saving' });
    await writes;
    const computedAt = new Date(deps.now()).toISOString();
    await writeChunked(store, doc.cacheKey, rows, computedAt, APP_ROWS_TTL_SECONDS);
    save({ status: 'done', phase: 'done', finishedAt: computedAt });
  } catch (err) {
    save({ status: 'failed', phase: 'failed', finishedAt: new Date(deps.now()).toISOString(), error: err instanceof Error ? err.message : String(err) });
  }
  await writes;
}

/**
 * A queue that runs each job in this process, after the caller has had its answer: the local
 * preview's and the tests' stand-in for `@forge/events`. `idle()` resolves when every job pushed so
 * far has finished.
 */
export function inProcessQueue(run: (jobId: string) => Promise<void>): ReportQueue & { idle(): Promise<void> } {
  let pending: Promise<void> = Promise.resolve();
  return {
    async push(jobId) {
      pending = pending.then(() => new Promise<void>((resolve) => setTimeout(() => void run(jobId).catch(() => undefined).then(resolve), 0)));
    },
    idle: () => pending,
  };
}

/** The consumer's view of the configuration: the one a job was queued with, or null when it changed since. */
export function configAtVersion(read: () => Promise<{ config: GovernanceConfig; version: number | null }>): (version: number | null) => Promise<GovernanceConfig | null> {
  return async (version) => {
    const current = await read();
    return current.version === version ? current.config : null;
  };
}
