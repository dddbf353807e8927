/**
 * The personal-data reporting cycle Atlassian asks of every app that stores account ids (its user
 * privacy guide for app developers): report each stored account, with when its data was stored or
 * last refreshed, to the personal data reporting API (`POST /app/report-accounts`, at most 90
 * accounts a request, through `privacy.reportPersonalData` of `@forge/api`), at least once every
 * 7 days; then erase everything kept about each account Atlassian answers `closed`, and refresh
 * (or erase) what is kept about each one it answers `updated`.
 *
 * What the app keeps is collected by `PersonalDataSource`s (the configuration's owners, the
 * checklists' audit trails): this file knows no storage and no Forge, so it runs under test with a
 * fake reporter. docs/privacy.md lists what is kept, where and for how long.
 *
 * A cycle survives its function's time limit and Atlassian's rate limit: its progress (the last
 * account reported) is saved after every batch, and the next run goes on from there.
 */
import { createHash } from 'node:crypto';

/** Accounts per request: the reporting API takes at most 90. */
export const REPORT_BATCH = 90;
/** Atlassian's reporting cycle: every stored account is reported at least this often. */
export const CYCLE_MS = 7 * 24 * 3600 * 1000;

export const CYCLE_KEY = 'privacy:cycle:v1';
const LEDGER_SHARDS = 16;
export const ledgerKey = (shard: number) => `privacy:ledger:v1:${shard.toString(16)}`;

/** One account as reported: `updatedAt` is when the app stored or last refreshed its data (ISO 8601). */
export interface ReportedAccount {
  accountId: string;
  updatedAt: string;
}

/** Atlassian's answer for an account that needs something done; accounts that need nothing are left out. */
export interface AccountUpdate {
  accountId: string;
  status: 'closed' | 'updated';
}

/** The personal data reporting API. */
export interface AccountReporter {
  /** Reports at most REPORT_BATCH accounts; throws `ReportRateLimited` when Atlassian answers 429. */
  report(accounts: readonly ReportedAccount[]): Promise<AccountUpdate[]>;
}

export class ReportRateLimited extends Error {
  constructor(readonly retryAfterSeconds: number | null) {
    super(`the personal data reporting API asked to wait${retryAfterSeconds === null ? '' : ` ${retryAfterSeconds} s`}`);
    this.name = 'ReportRateLimited';
  }
}

/** A place where the app keeps account ids. */
export interface PersonalDataSource {
  readonly name: string;
  /** Every account it keeps data about: account id → when that data was stored or refreshed (ISO), or null when it does not know. */
  accounts(): Promise<Map<string, string | null>>;
  /** Erases everything it keeps about these accounts (closed accounts). */
  erase(accountIds: ReadonlySet<string>): Promise<void>;
  /** Refreshes (or erases) what it keeps about these accounts (their profile changed). */
  refresh(accountIds: ReadonlySet<string>): Promise<void>;
}

/** The storage the cycle needs for its progress and its ledger: the app's `Store` fits. */
export interface CycleStore {
  get(key: string): Promise<{ value: unknown; version: number } | null>;
  set(key: string, value: unknown): Promise<number>;
}

export interface CycleDeps {
  sources: readonly PersonalDataSource[];
  reporter: AccountReporter;
  store: CycleStore;
  now(): number;
  /** Stop starting batches after this instant (the function's time limit, less a margin); default: never. */
  deadline?: number;
}

export type CycleOutcome =
  | { kind: 'not-due'; nextDueAt: string }
  | { kind: 'paused'; reason: 'rate-limited' | 'time'; reported: number; remaining: number; retryAfterSeconds: number | null }
  | { kind: 'completed'; reported: number; closed: string[]; updated: string[]; batches: number };

interface CycleState {
  lastCompletedAt: string | null;
  /** The cycle under way: accounts after `after` (in sorted order) are still to be reported. */
  current: { startedAt: string; after: string | null } | null;
}

function readState(value: unknown): CycleState {
  const v = (value ?? {}) as Partial<CycleState>;
  const current = v.current && typeof v.current.startedAt === 'string' ? { startedAt: v.current.startedAt, after: typeof v.current.after === 'string' ? v.current.after : null } : null;
  return { lastCompletedAt: typeof v.lastCompletedAt === 'string' ? v.lastCompletedAt : null, current };
}

const shardOf = (accountId: string): number => parseInt(createHash('sha256').update(accountId).digest('hex').slice(0, 1), 16) % LEDGER_SHARDS;

/**
 * When the app first kept, or last refreshed, each account's data, for the sources that do not know
 * themselves (an account id in the configuration has no date of its own). Sharded: one document
 * holds a few thousand accounts.
 */
class Ledger {
  private constructor(
    private readonly shards: Record<string, string>[],
    private readonly dirty: Set<number>,
  ) {}

  static async read(store: CycleStore): Promise<Ledger> {
    const shards = await Promise.all(
      Array.from({ length: LEDGER_SHARDS }, async (_, i) => {
        const value = (await store.get(ledgerKey(i)))?.value;
        const out: Record<string, string> = {};
        if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
        return out;
      }),
    );
    return new Ledger(shards, new Set());
  }

  get(accountId: string): string | undefined {
    return this.shards[shardOf(accountId)]?.[accountId];
  }

  set(accountId: string, at: string): void {
    const shard = shardOf(accountId);
    const s = this.shards[shard];
    if (s && s[accountId] !== at) {
      s[accountId] = at;
      this.dirty.add(shard);
    }
  }

  delete(accountId: string): void {
    const shard = shardOf(accountId);
    const s = this.shards[shard];
    if (s && accountId in s) {
      delete s[accountId];
      this.dirty.add(shard);
    }
  }

  /** Forgets accounts no source keeps any more. */
  keepOnly(ids: ReadonlySet<string>): void {
    this.shards.forEach((s, shard) => {
      for (const id of Object.keys(s))
        if (!ids.has(id)) {
          delete s[id];
          this.dirty.add(shard);
        }
    });
  }

  async save(store: CycleStore): Promise<void> {
    for (const shard of [...this.dirty].sort((a, b) => a - b)) await store.set(ledgerKey(shard), this.shards[shard]);
    this.dirty.clear();
  }
}

const earliest = (a: string | null | undefined, b: string | null | undefined): string | null => {
  if (!a) return b ?? null;
  if (!b) return a;
  return Date.parse(a) <= Date.parse(b) ? a : b;
};

/** Runs (or goes on with) the reporting cycle, if one is due. */
export async function runPrivacyCycle(deps: CycleDeps): Promise<CycleOutcome> {
  const now = deps.now();
  const iso = new Date(now).toISOString();
  const state = readState((await deps.store.get(CYCLE_KEY))?.value);
  if (!state.current && state.lastCompletedAt !== null && now - Date.parse(state.lastCompletedAt) < CYCLE_MS)
    return { kind: 'not-due', nextDueAt: new Date(Date.parse(state.lastCompletedAt) + CYCLE_MS).toISOString() };
  const current = state.current ?? { startedAt: iso, after: null };

  // Who is kept where, and since when.
  const held = new Map<string, { updatedAt: string | null; sources: PersonalDataSource[] }>();
  for (const source of deps.sources) {
    for (const [accountId, at] of await source.accounts()) {
      const entry = held.get(accountId) ?? { updatedAt: null, sources: [] };
      entry.updatedAt = earliest(entry.updatedAt, at);
      entry.sources.push(source);
      held.set(accountId, entry);
    }
  }
  const ledger = await Ledger.read(deps.store);
  const reported = (accountId: string): ReportedAccount => {
    const known = held.get(accountId)?.updatedAt ?? null;
    let at = ledger.get(accountId);
    if (at === undefined) {
      // First seen now: the app has kept it at most since now, as far as anything tells.
      at = known ?? iso;
      ledger.set(accountId, at);
    }
    return { accountId, updatedAt: earliest(known, at) ?? iso };
  };

  const ids = [...held.keys()].sort();
  const todo = current.after === null ? ids : ids.filter((id) => id > (current.after as string));
  const save = async (next: CycleState) => {
    await ledger.save(deps.store);
    await deps.store.set(CYCLE_KEY, next);
  };
  const closed: string[] = [];
  const updated: string[] = [];
  let done = 0;
  let batches = 0;
  for (let i = 0; i < todo.length; i += REPORT_BATCH) {
    if (deps.deadline !== undefined && deps.now() >= deps.deadline) {
      await save({ lastCompletedAt: state.lastCompletedAt, current });
      return { kind: 'paused', reason: 'time', reported: done, remaining: todo.length - done, retryAfterSeconds: null };
    }
    const batch = todo.slice(i, i + REPORT_BATCH);
    let answers: AccountUpdate[];
    try {
      answers = await deps.reporter.report(batch.map(reported));
    } catch (err) {
      if (!(err instanceof ReportRateLimited)) throw err;
      await save({ lastCompletedAt: state.lastCompletedAt, current });
      return { kind: 'paused', reason: 'rate-limited', reported: done, remaining: todo.length - done, retryAfterSeconds: err.retryAfterSeconds };
    }
    batches++;
    const inBatch = new Set(batch);
    const status = new Map(answers.filter((a) => inBatch.has(a.accountId)).map((a) => [a.accountId, a.status]));
    for (const source of deps.sources) {
      const mine = batch.filter((id) => held.get(id)?.sources.includes(source));
      const toErase = new Set(mine.filter((id) => status.get(id) === 'closed'));
      const toRefresh = new Set(mine.filter((id) => status.get(id) === 'updated'));
      if (toErase.size > 0) await source.erase(toErase);
      if (toRefresh.size > 0) await source.refresh(toRefresh);
    }
    for (const [accountId, s] of status) {
      if (s === 'closed') {
        closed.push(accountId);
        ledger.delete(accountId);
      } else {
        updated.push(accountId);
        ledger.set(accountId, new Date(deps.now()).toISOString());
      }
    }
    done += batch.length;
    current.after = batch[batch.length - 1] ?? current.after;
    await save({ lastCompletedAt: state.lastCompletedAt, current });
  }
  const stillHeld = new Set(ids.filter((id) => !closed.includes(id)));
  ledger.keepOnly(stillHeld);
  await save({ lastCompletedAt: iso, current: null });
  return { kind: 'completed', reported: done, closed, updated, batches };
}
