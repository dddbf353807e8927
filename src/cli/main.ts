#!/usr/bin/env node
/**
 * `governance`: the governance metrics outside Jira's UI (README.md, "The `governance` command").
 * Exit 0 on success; 2 on bad arguments or configuration (a board Jira says does not exist
 * included); 3 when Jira cannot be read, naming the host, the endpoint and the status or network
 * cause; 1 for a bug. On a non-zero exit stdout stays empty and stderr holds exactly one line.
 */
import { readFile } from 'node:fs/promises';
import { defaultConfig, type GovernanceConfig, parseConfig } from '../domain/config';
import type { UnresolvedName } from '../domain/config-migration';
import { createJiraClient } from '../jira/client';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchTransport } from '../jira/fetch-transport';
import { MAX_PAGES } from '../jira/pager';
import { JiraError, type JiraClient } from '../jira/types';
import { BoardNotFoundError } from '../services/board-data';
import { governanceReport } from '../services/report';
import { checkStoreDirectory, StoreDirectoryError } from '../store/directory';
import { parseArgs, type ReportArgs, USAGE, UsageError } from './args';
import { formatCsv, formatJson, formatTable } from './format';
import { oneLine } from './sanitize';
import { StoreBusyError, storeModeReport } from './store-mode';

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines may be redrawn in place on a terminal. */
  stderrIsTty: boolean;
  stdoutIsTty: boolean;
  clock: () => number;
  /** Tests shorten or record these; the command itself uses the defaults. */
  limits?: Partial<CliLimits>;
}

export const EXIT_OK = 0;
/** A failure of the command itself (a bug): one line on stderr like any other failure. */
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;
export const EXIT_JIRA = 3;

/** Longest wait a `Retry-After` is honoured for; a longer ask ends the run with exit 3. */
export const MAX_RETRY_WAIT_MS = 60_000;
/** Per request, reading the answer included. A timeout is retried twice at most. */
export const REQUEST_TIMEOUT_MS = 30_000;

/** What bounds a run against a site that misbehaves. */
export interface CliLimits {
  /** Longest `Retry-After` honoured (default `MAX_RETRY_WAIT_MS`). */
  maxRetryWaitMs: number;
  /** Largest answer read (default `DEFAULT_MAX_RESPONSE_BYTES`, 64 MiB). */
  maxResponseBytes: number;
  /** Most pages of one listing (default `MAX_PAGES`). */
  maxPages: number;
  /** Per request (default `REQUEST_TIMEOUT_MS`). */
  timeoutMs: number;
  /** How the client waits before a retry (default: a timer). */
  sleep: (ms: number) => Promise<void>;
}

function resolveLimits(given: Partial<CliLimits> = {}): CliLimits {
  return {
    maxRetryWaitMs: given.maxRetryWaitMs ?? MAX_RETRY_WAIT_MS,
    maxResponseBytes: given.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    maxPages: given.maxPages ?? MAX_PAGES,
    timeoutMs: given.timeoutMs ?? REQUEST_TIMEOUT_MS,
    sleep: given.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };
}

/** The configuration, and the names of a version 1 file that no id was found for (reported in the warnings). */
interface LoadedConfig {
  config: GovernanceConfig;
  unresolved: readonly UnresolvedName[];
}

async function loadConfig(path: string | null): Promise<LoadedConfig> {
  if (path === null) return { config: defaultConfig(), unresolved: [] };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--config ${path}: cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--config ${path}: not JSON (${(e as Error).message})`);
  }
  // A version 1 file (names instead of ids) still works: it is migrated, and what it names that no
  // id could be found for is listed in the report's warnings.
  const r = parseConfig(json);
  if (!r.ok) throw new UsageError(`--config ${path}: ${r.errors.join('; ')}`);
  return { config: r.config, unresolved: r.migration?.unresolved ?? [] };
}

interface Site {
  client: JiraClient;
  /** `your-site.atlassian.net`: named in every exit-3 message. */
  host: string;
  close(): Promise<void>;
}

async function openSite(args: ReportArgs, limits: CliLimits): Promise<Site> {
  const clientOptions = { maxWaitMs: limits.maxRetryWaitMs, maxPages: limits.maxPages, sleep: limits.sleep };
  const transportOptions = { timeoutMs: limits.timeoutMs, maxResponseBytes: limits.maxResponseBytes };
  if (args.site === 'demo') {
    // The demo site is served by the in-process emulator over real HTTP on 127.0.0.1, as the
    // admin user, so the command exercises exactly the code paths it uses against Jira Cloud.
    const [{ startEmulator }, { demoSite, DEMO_USERS }] = await Promise.all([import('../emulator/server'), import('../demo/site')]);
    const site = demoSite();
    const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
    if (!admin) throw new Error('the demo site has no admin user');
    const server = await startEmulator(site);
    const transport = fetchTransport({ baseUrl: server.url, email: admin.emailAddress, apiToken: admin.apiToken, ...transportOptions });
    return { client: createJiraClient(transport, clientOptions), host: new URL(server.url).host, close: () => server.close() };
  }
  const baseUrl = args.site.replace(/\/+$/, '');
  const transport = fetchTransport({ baseUrl, email: args.email ?? '', apiToken: args.token ?? '', ...transportOptions });
  return { client: createJiraClient(transport, clientOptions), host: new URL(baseUrl).host, close: async () => undefined };
}

/**
 * Progress on stderr, redrawn in place on one line (`\r`, erase line) and erased before the report
 * or the error line, so a failure still leaves exactly one line. Only when stderr is a terminal,
 * or with `--progress`.
 */
class Progress {
  private shown = false;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly io: CliIo,
    private readonly enabled: boolean,
  ) {}

  readonly report = (message: string): void => {
    if (!this.enabled) return;
    const t = this.io.clock();
    if (t - this.last < 100) return;
    this.last = t;
    this.shown = true;
    this.io.stderr(`${ERASE_LINE}${oneLine(message, 200)}`);
  };

  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.io.stderr(ERASE_LINE);
  }
}

const ERASE_LINE = '\r\u001b[2K';

/** A JiraError as one line: the endpoint first, and the HTTP status when there was one. */
function describeJiraError(e: JiraError): string {
  const message = e.message.startsWith(e.endpoint) ? e.message : `${e.endpoint}: ${e.message}`;
  return e.status !== null && !message.includes(String(e.status)) ? `${message} (HTTP ${e.status})` : message;
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;

export async function run(io: CliIo): Promise<number> {
  let progress: Progress | null = null;
  let site: Site | null = null;
  // Every failure ends here: the progress line erased, then exactly one line, nothing on stdout.
  const fail = (code: number, message: string): number => {
    progress?.clear();
    io.stderr(`governance: ${oneLine(message)}\n`);
    return code;
  };
  try {
    const parsed = parseArgs(io.argv, io.env);
    if (parsed.command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (parsed.command === 'version') {
      io.stdout('governance 0.1.0\n');
      return EXIT_OK;
    }
    const args: ReportArgs = parsed;
    const { config, unresolved } = await loadConfig(args.config);
    const now = args.now ?? io.clock();
    const to = args.to ?? now;
    const from = args.from ?? now - 30 * 24 * 3600_000;
    progress = new Progress(io, !args.quiet && (args.progress || (io.stderrIsTty && args.site !== 'demo')));
    // A directory that cannot hold the store is refused before Jira is asked anything.
    const siteName = args.site === 'demo' ? 'demo' : args.site.replace(/\/+$/, '');
    if (args.store !== null) checkStoreDirectory(args.store, siteName);
    site = await openSite(args, resolveLimits(io.limits));
    const report =
      args.store === null
        ? await governanceReport(site.client, { boardIds: args.boards, sprints: args.sprints, now, from, to, config, unresolvedConfigNames: unresolved, onProgress: progress.report })
        : await storeModeReport(site.client, {
            dir: args.store,
            site: siteName,
            boardIds: args.boards,
            sprints: args.sprints,
            now,
            from,
            to,
            config,
            unresolvedConfigNames: unresolved,
            clock: io.clock,
            onProgress: progress.report,
          });
    const text =
      args.format === 'json' ? formatJson(report) : args.format === 'csv' ? formatCsv(report) : formatTable(report, { color: io.stdoutIsTty && !io.env.NO_COLOR });
    progress.clear();
    io.stdout(text);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof UsageError) return fail(EXIT_USAGE, e.message);
    if (e instanceof StoreDirectoryError) return fail(EXIT_USAGE, `--store ${e.message}`);
    if (e instanceof StoreBusyError) return fail(EXIT_USAGE, `--store ${e.dir}: ${e.message}`);
    if (e instanceof BoardNotFoundError) return fail(EXIT_USAGE, `--board ${e.boardId}: Jira says this board does not exist (404)`);
    if (e instanceof JiraError) return fail(EXIT_JIRA, `cannot read Jira at ${site?.host ?? 'the site'}: ${describeJiraError(e)}`);
    // A bug, not a Jira answer: its first line only (never a stack).
    return fail(EXIT_INTERNAL, `unexpected error: ${firstLine(e instanceof Error ? e.message : String(e))}`);
  } finally {
    await site?.close();
  }
}

if (require.main === module) {
  run({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stderrIsTty: Boolean(process.stderr.isTTY),
    stdoutIsTty: Boolean(process.stdout.isTTY),
    clock: () => Date.now(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // run() answers every failure itself; this is the last resort, held to the same one line.
      process.stderr.write(`governance: unexpected error: ${oneLine(firstLine(e instanceof Error ? e.message : String(e)))}\n`);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
