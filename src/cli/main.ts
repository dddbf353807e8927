#!/usr/bin/env node
/**
 * `governance`: the governance metrics outside Jira's UI (CONTRACT.md).
 * Exit 0 on success; 2 on bad arguments or configuration (a board Jira says does not exist
 * included); 3 when Jira cannot be read after retries. On a non-zero exit stdout stays empty.
 */
import { readFile } from 'node:fs/promises';
import { defaultConfig, formatZodError, GovernanceConfig } from '../domain/config';
import { createJiraClient } from '../jira/client';
import { fetchTransport } from '../jira/fetch-transport';
import { JiraError, type JiraClient } from '../jira/types';
import { BoardNotFoundError } from '../services/board-data';
import { governanceReport } from '../services/report';
import { parseArgs, type ReportArgs, USAGE, UsageError } from './args';
import { formatCsv, formatJson, formatTable } from './format';

export interface CliIo {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines may be redrawn in place on a terminal. */
  stderrIsTty: boolean;
  stdoutIsTty: boolean;
  clock: () => number;
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
export const EXIT_JIRA = 3;

async function loadConfig(path: string | null): Promise<GovernanceConfig> {
  if (path === null) return defaultConfig();
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
  const r = GovernanceConfig.safeParse(json);
  if (!r.success) throw new UsageError(`--config ${path}: ${formatZodError(r.error).join('; ')}`);
  return r.data;
}

interface Site {
  client: JiraClient;
  close(): Promise<void>;
}

async function openSite(args: ReportArgs): Promise<Site> {
  if (args.site === 'demo') {
    // The demo site is served by the in-process emulator over real HTTP on 127.0.0.1, as the
    // admin user, so the command exercises exactly the code paths it uses against Jira Cloud.
    const [{ startEmulator }, { demoSite, DEMO_USERS }] = await Promise.all([import('../emulator/server'), import('../demo/site')]);
    const site = demoSite();
    const admin = site.users.find((u) => u.accountId === DEMO_USERS.admin);
    if (!admin) throw new Error('the demo site has no admin user');
    const server = await startEmulator(site);
    const client = createJiraClient(fetchTransport({ baseUrl: server.url, email: admin.emailAddress, apiToken: admin.apiToken }));
    return { client, close: () => server.close() };
  }
  const client = createJiraClient(
    fetchTransport({ baseUrl: args.site.replace(/\/+$/, ''), email: args.email ?? '', apiToken: args.token ?? '' }),
  );
  return { client, close: async () => undefined };
}

function progressReporter(io: CliIo, quiet: boolean): (msg: string) => void {
  if (quiet) return () => undefined;
  if (!io.stderrIsTty) return (msg) => io.stderr(`${msg}\n`);
  let last = 0;
  return (msg) => {
    const t = io.clock();
    if (t - last < 100) return;
    last = t;
    io.stderr(`\r\u001b[2K${msg}`);
  };
}

export async function run(io: CliIo): Promise<number> {
  let args: ReportArgs;
  let config: GovernanceConfig;
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
    args = parsed;
    config = await loadConfig(args.config);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`governance: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }

  const now = args.now ?? io.clock();
  const to = args.to ?? now;
  const from = args.from ?? now - 30 * 24 * 3600_000;
  const progress = progressReporter(io, args.quiet || args.site === 'demo');
  let site: Site | null = null;
  try {
    site = await openSite(args);
    const report = await governanceReport(site.client, {
      boardIds: args.boards,
      sprints: args.sprints,
      now,
      from,
      to,
      config,
      onProgress: progress,
    });
    if (io.stderrIsTty && !args.quiet && args.site !== 'demo') io.stderr('\r\u001b[2K');
    const text =
      args.format === 'json' ? formatJson(report) : args.format === 'csv' ? formatCsv(report) : formatTable(report, { color: io.stdoutIsTty && !io.env.NO_COLOR });
    io.stdout(text);
    return EXIT_OK;
  } catch (e) {
    if (io.stderrIsTty && !args.quiet) io.stderr('\r\u001b[2K');
    if (e instanceof BoardNotFoundError) {
      io.stderr(`governance: --board ${e.boardId}: Jira says this board does not exist (404)\n`);
      return EXIT_USAGE;
    }
    if (e instanceof JiraError) {
      io.stderr(`governance: cannot read Jira: ${e.endpoint}: ${e.status === null ? '' : `HTTP ${e.status}: `}${firstLine(e.message)}\n`);
      return EXIT_JIRA;
    }
    throw e;
  } finally {
    await site?.close();
  }
}

const firstLine = (s: string): string => s.split('\n')[0] ?? s;

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
      process.stderr.write(`governance: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
