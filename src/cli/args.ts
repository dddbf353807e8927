/**
 * Parsing `governance report` arguments (README.md, "The `governance` command"). Every bad value gets a one-line message that
 * names it; nothing runs until all arguments are valid.
 */
import { parseInstant } from '../domain/jira';
import { isLoopbackHost } from '../jira/fetch-transport';

export type Format = 'json' | 'table' | 'csv';

export interface ReportArgs {
  command: 'report';
  site: string; // 'demo' or an https URL (http only to this machine), without user name or password
  boards: number[];
  sprints: number;
  now: number | null;
  from: number | null;
  to: number | null;
  config: string | null;
  format: Format;
  email: string | null;
  token: string | null;
  quiet: boolean;
  /** Progress on stderr even when it is not a terminal. */
  progress: boolean;
  /** Sync the boards into a local store in this directory and report from it (null: read Jira directly). */
  store: string | null;
}

export type ParsedArgs = ReportArgs | { command: 'help' } | { command: 'version' };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: governance report --site <URL|demo> --board <id> [--board <id> ...]
                         [--sprints <n>] [--now <ISO instant>] [--from <ISO> --to <ISO>]
                         [--config <file.json>] [--format json|table|csv] [--store <dir>]
                         [--email <email> --token <API token>] [--quiet | --progress]

Backlog convergence, defect SLA and Jira hygiene of Jira boards.
  --site      a Jira Cloud site (https://your-site.atlassian.net) or "demo" (built in, no network)
  --board     a board id; repeat for several boards
  --sprints   closed sprints per board, newest first (default 6)
  --now       the instant "now" (default: the clock; the demo site is built around 2026-11-27T12:00:00Z)
  --from/--to the defect period (default: the 30 days before now)
  --config    a governance configuration (JSON; default: the built-in defaults)
  --format    table (default), json or csv
  --store     keep a local copy of the boards in this directory (created if absent; one directory
              per site) and report from it: the first run reads each board whole, later runs read
              only what changed since (issues updated, added, deleted or moved; sprints and board
              settings); the same figures and formats as without it, for periods up to 400 days back
  --email/--token, or JIRA_EMAIL/JIRA_API_TOKEN: credentials for a real site (basic auth, sent
              only over https, or to this machine)
  --quiet     no progress on stderr
  --progress  progress on stderr even when it is not a terminal (by default only on a terminal)`;

/** ISO instants as the contract takes them; an offset is required so "now" is never ambiguous. */
export function parseIsoInstant(name: string, value: string): number {
  let ms = parseInstant(value);
  if (Number.isNaN(ms) && /^\d{4}-\d{2}-\d{2}$/.test(value)) ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new UsageError(`${name}: "${value}" is not an ISO instant (e.g. 2026-11-27T12:00:00Z)`);
  return ms;
}

function positiveInt(name: string, value: string, max: number): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${name}: "${value}" is not a whole number`);
  const n = Number(value);
  if (n < 1 || n > max) throw new UsageError(`${name}: ${value} is out of range (1–${max})`);
  return n;
}

/** Flags without a value, and the field each sets. */
const FLAGS: ReadonlyMap<string, 'quiet' | 'progress'> = new Map([
  ['--quiet', 'quiet'],
  ['-q', 'quiet'],
  ['--progress', 'progress'],
]);
const WITH_VALUE: ReadonlySet<string> = new Set(['--site', '--board', '--sprints', '--now', '--from', '--to', '--config', '--format', '--email', '--token', '--store']);

/**
 * A real site's URL: http(s), no user name or password in it (they would be echoed in messages and
 * logs; neither is ever repeated here), https whenever credentials go to another machine.
 */
function checkSite(site: string, credentials: boolean): void {
  // Checked on the raw text too: a URL that does not parse may still hold a password.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(site)?.[1] ?? '';
  if (authority.includes('@')) throw new UsageError('--site: a URL with a user name or password is refused; give credentials with JIRA_EMAIL and JIRA_API_TOKEN (or --email and --token)');
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new UsageError(`--site: ${site.includes('@') ? 'the value given' : `"${site}"`} is not a URL or "demo"`);
  }
  if (url.username !== '' || url.password !== '') throw new UsageError('--site: a URL with a user name or password is refused; give credentials with JIRA_EMAIL and JIRA_API_TOKEN (or --email and --token)');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--site: "${site}" is not an http(s) URL`);
  if (!credentials) throw new UsageError('credentials missing: set JIRA_EMAIL and JIRA_API_TOKEN (or --email and --token) for a real site');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    throw new UsageError(`--site: https is required to send credentials to ${url.host} (plain http only to this machine: localhost, 127.0.0.1, ::1)`);
}

export function parseArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { command: 'help' };
  if (command === '--version' || command === '-V') return { command: 'version' };
  if (command !== 'report') throw new UsageError(`unknown command "${command}" (expected: report)`);

  const out: ReportArgs = {
    command: 'report',
    site: '',
    boards: [],
    sprints: 6,
    now: null,
    from: null,
    to: null,
    config: null,
    format: 'table',
    email: env.JIRA_EMAIL ?? null,
    token: env.JIRA_API_TOKEN ?? null,
    quiet: false,
    progress: false,
    store: null,
  };
  const seen = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (arg === '--help' || arg === '-h') return { command: 'help' };
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    let value: string | undefined = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    if (!name.startsWith('-')) throw new UsageError(`unexpected argument "${arg}"`);
    // The name is checked before any value is looked for: `--bogus` at the end is unknown, not short of a value.
    const flag = FLAGS.get(name);
    if (flag !== undefined) {
      if (value !== undefined) throw new UsageError(`${name} takes no value`);
      out[flag] = true;
      continue;
    }
    if (!WITH_VALUE.has(name)) throw new UsageError(`unknown option ${name}`);
    if (value === undefined) {
      value = rest[++i];
      if (value === undefined || (value.startsWith('--') && value.length > 2)) throw new UsageError(`${name}: a value is missing`);
    }
    if (name !== '--board' && seen.has(name)) throw new UsageError(`${name}: given twice`);
    seen.add(name);
    switch (name) {
      case '--site':
        out.site = value;
        break;
      case '--board':
        for (const part of value.split(',')) {
          const id = positiveInt('--board', part.trim(), Number.MAX_SAFE_INTEGER);
          if (!out.boards.includes(id)) out.boards.push(id);
        }
        break;
      case '--sprints':
        out.sprints = positiveInt('--sprints', value, 100);
        break;
      case '--now':
        out.now = parseIsoInstant('--now', value);
        break;
      case '--from':
        out.from = parseIsoInstant('--from', value);
        break;
      case '--to':
        out.to = parseIsoInstant('--to', value);
        break;
      case '--config':
        out.config = value;
        break;
      case '--format':
        if (value !== 'json' && value !== 'table' && value !== 'csv')
          throw new UsageError(`--format: "${value}" is not one of json, table, csv`);
        out.format = value;
        break;
      case '--email':
        out.email = value;
        break;
      case '--token':
        out.token = value;
        break;
      case '--store':
        if (value.trim() === '') throw new UsageError('--store: a directory is missing');
        out.store = value;
        break;
    }
  }
  if (out.quiet && out.progress) throw new UsageError('--quiet and --progress contradict each other: give one');
  if (!out.site) throw new UsageError('--site is required (a Jira Cloud URL or "demo")');
  if (out.site !== 'demo') checkSite(out.site, Boolean(out.email && out.token));
  if (out.boards.length === 0) throw new UsageError('--board is required (a board id; repeat for several boards)');
  if ((out.from === null) !== (out.to === null)) throw new UsageError('--from and --to go together');
  if (out.from !== null && out.to !== null && out.from > out.to) throw new UsageError('--from is after --to');
  return out;
}
