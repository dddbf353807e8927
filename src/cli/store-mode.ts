/**
 * `governance report --store <dir>`: the boards synced into a local store (a directory) with the
 * command's own credentials, exactly as the app syncs them into its store, then the report read
 * from the store: the figures derived at `--now` with the closed sprints asked for, aggregated by
 * the same code that aggregates the app's stored figures (`storeReport`). The first run reads each
 * board's kept scope (the backfill); a later run reads what Jira says of the board (its
 * configuration, filter and sprints: a sprint closed since is seen), the issues updated since the
 * last run (the catch-up search, with the changelogs of those issues only) and the ids of the scope
 * (an issue deleted or moved away since leaves the store), never an unchanged issue again.
 */
import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { GovernanceConfig } from '../domain/config';
import type { GovernanceReport } from '../domain/report';
import { JiraError, type JiraClient } from '../jira/types';
import { BoardNotFoundError } from '../services/board-data';
import { storeReport } from '../services/store-report';
import { directoryGovernanceStore } from '../store/directory';
import { deriveFigures, syncBoard } from '../sync/engine';

export interface StoreRunRequest {
  /** The store's directory. */
  dir: string;
  /** The site the boards are read from (its URL, or "demo"): a directory holds one site's boards. */
  site: string;
  boardIds: readonly number[];
  sprints: number;
  /** The instant the figures are derived at. */
  now: number;
  from: number;
  to: number;
  config: GovernanceConfig;
  unresolvedConfigNames: readonly { path: string; name: string }[];
  /** The wall clock: what the sync's watermark and leases are kept in. */
  clock: () => number;
  onProgress: (message: string) => void;
}

/** A run on another machine holds a board of the store (its claim ends within two minutes of its last write), or took it over from this run. */
export class StoreBusyError extends Error {
  constructor(
    readonly dir: string,
    readonly boardId: number,
  ) {
    super(`board ${boardId} is being synced into it by another run of governance; try again when that run ends (at most two minutes after its last progress)`);
    this.name = 'StoreBusyError';
  }
}

/** A configuration's key: the store's figures are derived again, and new fields read, when it changes. */
export function configKey(config: GovernanceConfig): string {
  return `cli:${createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16)}`;
}

const number = (n: number) => n.toLocaleString('en-US');

/** What the site says of itself, the same for every board: read once per run, not once per board. */
const SITE_WIDE: ReadonlySet<PropertyKey> = new Set(['fields', 'statuses', 'issueTypes']);

/**
 * The client as the sync uses it here: each answer reports progress, the site-wide lists are read
 * once per run, and the last Jira error is kept (the sync records a failure as a message; the
 * command names the host, endpoint and status).
 */
function observed(client: JiraClient, onAnswer: () => void): { client: JiraClient; lastError: () => JiraError | null } {
  let last: JiraError | null = null;
  const once = new Map<PropertyKey, Promise<unknown>>();
  const wrapped = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'stats') return value;
      return (...args: unknown[]) => {
        const kept = args.length === 0 && SITE_WIDE.has(property) ? once.get(property) : undefined;
        if (kept) return kept;
        const result: unknown = Reflect.apply(value, target, args);
        if (!(result instanceof Promise)) return result;
        if (args.length === 0 && SITE_WIDE.has(property)) {
          // A failed read is not kept: the next board asks again.
          once.set(property, result);
          result.catch(() => once.delete(property));
        }
        return result.then(
          (answer: unknown) => {
            onAnswer();
            return answer;
          },
          (e: unknown) => {
            if (e instanceof JiraError) last = e;
            throw e;
          },
        );
      };
    },
  });
  return { client: wrapped, lastError: () => last };
}

/** Syncs the boards into the store in `req.dir`, then reads the report from it. */
export async function storeModeReport(jira: JiraClient, req: StoreRunRequest): Promise<GovernanceReport> {
  const store = directoryGovernanceStore(req.dir, { site: req.site });
  const key = configKey(req.config);
  // One owner per machine: a run stopped midway (Ctrl-C) leaves its claim, and the next run here
  // takes the board over at once; a run elsewhere waits until the claim ends (two minutes).
  const owner = `governance-cli:${hostname()}`;
  let board = '';
  const stats = () => jira.stats?.() ?? null;
  const { client, lastError } = observed(jira, () => {
    const s = stats();
    req.onProgress(s ? `${board}: ${number(s.issues)} issues and ${number(s.histories)} histories read (${number(s.requests)} requests)` : `${board}: reading`);
  });
  for (const [i, boardId] of req.boardIds.entries()) {
    board = `syncing board ${boardId} (${i + 1} of ${req.boardIds.length})`;
    req.onProgress(board);
    // What Jira says of the board is read every run (a sprint closed, a filter changed), and the
    // stored ids are checked against the scope (deletions and moves have no `updated` to catch up on).
    // The figures are derived below, once, at --now.
    const outcome = await syncBoard({ client, store, clock: req.clock, config: async () => ({ config: req.config, key }), owner }, boardId, { refreshMeta: true, reconcile: true, derive: false });
    if (outcome.status === 'busy') throw new StoreBusyError(req.dir, boardId);
    if (outcome.status === 'gone') throw new BoardNotFoundError(boardId);
    if (outcome.status === 'failed') {
      const jiraError = lastError();
      if (jiraError) throw jiraError;
      throw new Error(`board ${boardId}: ${outcome.message}`);
    }
    if (outcome.status === 'more') throw new Error(`board ${boardId}: the sync stopped before the end`);
  }
  for (const boardId of req.boardIds) {
    req.onProgress(`deriving the figures of board ${boardId}`);
    const meta = (await store.board(boardId))?.value.meta;
    if (!meta) throw new Error(`board ${boardId}: the store holds nothing of it after its sync`);
    await deriveFigures(store, boardId, meta, req.config, req.now, { closedSprints: req.sprints, resolvedSince: Math.min(req.from, req.now) });
  }
  const read = await storeReport(store, req.boardIds, {
    sprints: req.sprints,
    from: req.from,
    to: req.to,
    config: req.config,
    unresolvedConfigNames: req.unresolvedConfigNames,
  });
  if (!read.report || read.pending.length > 0) throw new Error(`the store holds no figures of board ${read.pending.join(', ')}`);
  const { convergence, defects, hygiene } = read.report;
  if (!convergence || !defects || !hygiene) throw new Error('the report read from the store lacks a section');
  return { ...read.report, convergence, defects, hygiene };
}
