/**
 * `governance report` against the contract's error, progress and hostile-server clauses: exit 3
 * with one line naming host, endpoint and status (or network cause); a Retry-After cap; response
 * and page caps; credentials never over plain http nor in `--site`; nothing Jira sends reaches the
 * terminal with control characters; CSV text that a spreadsheet would run is neutralised.
 */
import { buildDemoSite, DEMO_NOW } from '../../src/demo/site';
import { EXIT_JIRA, EXIT_OK, EXIT_USAGE, MAX_RETRY_WAIT_MS, run, type CliLimits } from '../../src/cli/main';
import { parseArgs } from '../../src/cli/args';
import { formatCsv, formatJson, formatTable } from '../../src/cli/format';
import type { GovernanceReport } from '../../src/domain/report';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { endlessBody, proxy, refusedPort, type HostileServer } from '../jira/hostile-server';

const NOW = Date.parse(DEMO_NOW);
const MiB = 1024 * 1024;
/** Control characters other than the newline (C0, DEL, C1). */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

interface CliOptions {
  env?: Record<string, string>;
  stderrIsTty?: boolean;
  stdoutIsTty?: boolean;
  limits?: Partial<CliLimits>;
  clock?: () => number;
}

async function cli(argv: string[], options: CliOptions = {}) {
  let stdout = '';
  let stderr = '';
  const waits: number[] = [];
  const started = Date.now();
  const code = await run({
    argv,
    env: options.env ?? {},
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTty: options.stderrIsTty ?? false,
    stdoutIsTty: options.stdoutIsTty ?? false,
    clock: options.clock ?? (() => NOW),
    limits: {
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options.limits,
    },
  });
  return { code, stdout, stderr, waits, elapsedMs: Date.now() - started };
}

/** Exit status non-zero, stdout empty, stderr exactly one line: what the contract says of every failure. */
function expectOneLineFailure(r: { code: number; stdout: string; stderr: string }, code: number): string {
  expect(r.code).toBe(code);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.split('\n')).toHaveLength(2);
  expect(r.stderr).not.toMatch(CONTROL);
  return r.stderr.trimEnd();
}

let site: SiteData;
let emu: Emulator;
let env: Record<string, string>;
const host = () => new URL(emu.url).host;

beforeAll(async () => {
  site = buildDemoSite();
  const board1Sprints = site.sprints.filter((s) => s.originBoardId === 1 && s.state === 'closed').sort((a, b) => b.id - a.id);
  const [s0, s1, s2] = board1Sprints;
  if (!s0 || !s1 || !s2) throw new Error('the demo board 1 has too few closed sprints');
  // Jira data a hostile site admin controls: sprint and board names with terminal escapes.
  s0.name = 'Sprint \u001b]0;owned\u0007 \u001b[2J\u009b31m';
  s1.name = '=HYPERLINK("http://evil.example","click")';
  s2.name = '-2+3';
  const board1 = site.boards.find((b) => b.board.id === 1);
  if (!board1) throw new Error('no demo board 1');
  board1.board.name = 'Board \u001b[31mred\u001b[0m';
  emu = await startEmulator(site);
  const admin = site.users.find((u) => u.admin);
  if (!admin) throw new Error('no admin');
  env = { JIRA_EMAIL: admin.emailAddress, JIRA_API_TOKEN: admin.apiToken };
});
afterEach(() => emu.faults.clear());
afterAll(() => emu.close());

describe('exit 3: one line naming the host, the endpoint and the status or network cause', () => {
  it('does not wait an hour for Retry-After: 3600, ends at once with exit 3', async () => {
    expect(MAX_RETRY_WAIT_MS).toBe(60_000);
    emu.faults.next(1000, { status: 429, retryAfterSeconds: 3600 });
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(line).toContain(host());
    expect(line).toMatch(/GET \/rest\/api\/3\/(field|status)/);
    expect(line).toContain('429');
    expect(line).toContain('3600 s');
    expect(r.waits).toEqual([]);
  });

  it('honours Retry-After up to the 60 s cap', async () => {
    emu.faults.next(2, { status: 429, retryAfterSeconds: 60, path: '/rest/api/3/field' });
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json'], { env });
    expect(r.code).toBe(EXIT_OK);
    expect(r.waits.filter((ms) => ms >= 60_000)).toHaveLength(2);
  });

  it('ends the run when Retry-After asks for more than the cap (injectable)', async () => {
    emu.faults.next(1, { status: 503, retryAfterSeconds: 6, path: '/rest/api/3/status' });
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env, limits: { maxRetryWaitMs: 5000 } });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(line).toContain('GET /rest/api/3/status');
    expect(line).toContain('503');
  });

  it('names a status that is not retried', async () => {
    emu.faults.next(1, { status: 500, path: '/rest/agile/1.0/board/1/configuration' });
    const line = expectOneLineFailure(await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env }), EXIT_JIRA);
    expect(line).toMatch(new RegExp(`^governance: cannot read Jira at ${host()}: GET /rest/agile/1\\.0/board/\\{id\\}/configuration answered 500`));
  });

  it('names the status of an answer it cannot understand', async () => {
    emu.faults.malformed('/rest/api/3/status', () => ({ unexpected: '\u001b[2J' }));
    const line = expectOneLineFailure(await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env }), EXIT_JIRA);
    expect(line).toContain(`at ${host()}: GET /rest/api/3/status: unexpected response`);
    expect(line).toContain('HTTP 200');
  });

  it('fails within seconds on a refused connection, naming host and cause', async () => {
    const port = await refusedPort();
    const r = await cli(['report', '--site', `http://127.0.0.1:${port}`, '--board', '1'], { env, limits: { sleep: undefined } });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(r.elapsedMs).toBeLessThan(3000);
    expect(line).toContain(`127.0.0.1:${port}`);
    expect(line).toMatch(/GET \/rest\/api\/3\/(field|status)/);
    expect(line).toContain('connection refused');
  });

  it('fails within seconds on a host that does not exist', async () => {
    const r = await cli(['report', '--site', 'https://no-such-site.invalid', '--board', '1'], { env });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(r.elapsedMs).toBeLessThan(15_000);
    expect(line).toContain('no-such-site.invalid');
    expect(line).toContain('host not found');
    expect(r.waits).toEqual([]);
  });

  it('fails at once on TLS trouble, naming it', async () => {
    const r = await cli(['report', '--site', `https://${host()}`, '--board', '1'], { env });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(line).toContain(host());
    expect(line).toMatch(/TLS: /);
    expect(r.waits).toEqual([]);
  });

  it('strips control characters from Jira’s error text and keeps it on one line', async () => {
    emu.faults.next(1, { status: 400, path: '/rest/api/3/field', body: { errorMessages: ['bad \u001b]0;owned\u0007 thing\nsecond \u009b2J line'], errors: {} } });
    const line = expectOneLineFailure(await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env }), EXIT_JIRA);
    expect(line).toContain('GET /rest/api/3/field answered 400');
    expect(line).toContain('owned');
    expect(line).toContain('second');
  });
});

describe('hostile servers', () => {
  let p: HostileServer | null = null;
  afterEach(async () => {
    await p?.close();
    p = null;
  });

  it('caps the size of an answer: a body without end is an exit 3 naming the endpoint and the cap', async () => {
    p = await proxy(emu.url, (req, res) => {
      if (!req.path.startsWith('/rest/api/3/status')) return false;
      endlessBody(res);
      return true;
    });
    const r = await cli(['report', '--site', p.url, '--board', '1', '--now', DEMO_NOW], { env, limits: { maxResponseBytes: 1 * MiB } });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(line).toContain(p.host);
    expect(line).toContain('GET /rest/api/3/status');
    expect(line).toContain('1 MiB');
  });

  it('caps the pages of a listing: a search that keeps inventing cursors is an exit 3', async () => {
    let invented = 0;
    p = await proxy(emu.url, async (req, res, forward) => {
      if (req.method !== 'POST' || !req.path.startsWith('/rest/api/3/search/jql')) return false;
      const body = JSON.parse(req.body) as Record<string, unknown>;
      delete body.nextPageToken;
      const answer = await forward({ ...req, body: JSON.stringify(body) });
      const page = JSON.parse(answer.text) as Record<string, unknown>;
      const text = JSON.stringify({ ...page, nextPageToken: `invented-${++invented}`, isLast: false });
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      res.end(text);
      return true;
    });
    const r = await cli(['report', '--site', p.url, '--board', '1', '--now', DEMO_NOW], { env, limits: { maxPages: 20 } });
    const line = expectOneLineFailure(r, EXIT_JIRA);
    expect(line).toContain('POST /rest/api/3/search/jql');
    expect(line).toMatch(/more than 20 pages/);
    expect(p.requests.filter((q) => q.path.startsWith('/rest/api/3/search/jql'))).toHaveLength(20);
  });
});

describe('credentials', () => {
  it.each([
    ['--site with a user name and a password', ['--site', 'https://alice.smith:s3cr3t-T0ken@example.atlassian.net']],
    ['--site with a user name', ['--site', 'https://alice.smith@example.atlassian.net']],
    ['--site= with a password', ['--site=https://alice.smith:s3cr3t-T0ken@example.atlassian.net/']],
    ['--site not a URL, with a password', ['--site', 'https://alice.smith:s3cr3t-T0ken@']],
  ])('refuses %s with exit 2, echoing neither', async (_what, site) => {
    const r = await cli(['report', ...site, '--board', '1'], { env: { JIRA_EMAIL: 'a@example.com', JIRA_API_TOKEN: 'tok' } });
    const line = expectOneLineFailure(r, EXIT_USAGE);
    expect(line).toContain('--site');
    expect(line).not.toContain('alice.smith');
    expect(line).not.toContain('s3cr3t');
  });

  it('refuses to send credentials over plain http to another machine (exit 2, token not echoed)', async () => {
    const cases: { argv: string[]; env: Record<string, string> }[] = [
      { argv: [], env: { JIRA_EMAIL: 'a@example.com', JIRA_API_TOKEN: 'SECRET-TOKEN-123' } },
      { argv: ['--email', 'a@example.com', '--token', 'SECRET-TOKEN-123'], env: {} },
    ];
    for (const creds of cases) {
      const r = await cli(['report', '--site', 'http://jira.example.com', '--board', '1', ...creds.argv], { env: creds.env });
      const line = expectOneLineFailure(r, EXIT_USAGE);
      expect(line).toContain('https');
      expect(line).toContain('jira.example.com');
      expect(line).not.toContain('SECRET-TOKEN-123');
    }
  });

  it('allows plain http to this machine', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])
      expect(parseArgs(['report', '--site', url, '--board', '1'], { JIRA_EMAIL: 'a@example.com', JIRA_API_TOKEN: 't' })).toMatchObject({ site: url });
  });
});

describe('progress and the one error line', () => {
  it('writes no progress when stderr is not a terminal, so a failure is one line', async () => {
    emu.faults.next(1, { status: 500, path: '/rest/api/3/search/jql' });
    const line = expectOneLineFailure(await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env }), EXIT_JIRA);
    expect(line).toContain('POST /rest/api/3/search/jql answered 500');
  });

  it('writes no progress on a successful run when stderr is not a terminal', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json'], { env });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stderr).toBe('');
  });

  it('--progress shows progress without a terminal, redrawn on one line, without Jira’s control characters', async () => {
    const ok = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json', '--progress'], { env });
    expect(ok.code).toBe(EXIT_OK);
    expect(ok.stderr).toContain('searching issues');
    expect(ok.stderr).toContain('Board \ufffd[31mred\ufffd[0m');
    expect(ok.stderr).not.toContain('\n');
    // Our own line clearing is the only escape sequence.
    expect(ok.stderr.replace(/\r\u001b\[2K/g, '')).not.toMatch(CONTROL);
    expect(ok.stderr.endsWith('\r\u001b[2K')).toBe(true);

    emu.faults.next(1, { status: 500, path: '/rest/api/3/search/jql' });
    const failed = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--progress'], { env });
    expect(failed.code).toBe(EXIT_JIRA);
    expect(failed.stdout).toBe('');
    expect(failed.stderr.split('\n')).toHaveLength(2);
    expect(failed.stderr.split('\r\u001b[2K').at(-1)).toMatch(/^governance: cannot read Jira at .*answered 500.*\n$/);
  });

  it('shows progress when stderr is a terminal, and clears it before the error line', async () => {
    emu.faults.next(1, { status: 500, path: '/rest/api/3/search/jql' });
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env, stderrIsTty: true });
    expect(r.code).toBe(EXIT_JIRA);
    expect(r.stderr).toContain('searching issues');
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.split('\r\u001b[2K').at(-1)).toMatch(/^governance: cannot read Jira at /);
    const quiet = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--quiet', '--format', 'json'], { env, stderrIsTty: true });
    expect(quiet.code).toBe(EXIT_OK);
    expect(quiet.stderr).toBe('');
  });

  it('reports an unexpected error on one line, without a stack, and nothing on stdout', async () => {
    const boom = new Error('boom \u001b[2J\n    at somewhere (file.ts:1:1)');
    const r = await cli(['report', '--site', 'demo', '--board', '1'], {
      clock: () => {
        throw boom;
      },
    });
    const line = expectOneLineFailure(r, 1);
    expect(line).toMatch(/^governance: unexpected error: boom/);
    expect(line).not.toContain('file.ts');
  });
});

describe('nothing Jira sends reaches the terminal with control characters', () => {
  it('table: names are shown with their control characters replaced', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('Sprint \ufffd]0;owned\ufffd \ufffd[2J\ufffd31m');
  });

  it('table in colour: our colour codes are the only escape sequences', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW], { env, stdoutIsTty: true });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain('\u001b[32m');
    expect(r.stdout.replace(/\u001b\[(0|1|2|31|32|33)m/g, '')).not.toMatch(CONTROL);
  });

  it('JSON: control characters, C1 and DEL included, are \\u escapes, and the values are intact', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json'], { env });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stdout).toContain('\\u001b]0;owned\\u0007');
    expect(r.stdout).toContain('\\u009b31m');
    const report = JSON.parse(r.stdout) as GovernanceReport;
    expect(report.convergence.sprints.map((s) => s.name)).toContain('Sprint \u001b]0;owned\u0007 \u001b[2J\u009b31m');
    const weird = { ...report, now: 'a\u007fb\u0085c\u2028d' };
    expect(formatJson(weird)).not.toMatch(CONTROL);
    expect((JSON.parse(formatJson(weird)) as GovernanceReport).now).toBe(weird.now);
  });

  it('every string of the report is cleaned in the table, issue keys included', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json'], { env });
    const report = JSON.parse(r.stdout) as GovernanceReport;
    const rule = report.hygiene.rules.find((x) => x.count > 0);
    if (!rule) throw new Error('the demo board breaks no hygiene rule');
    rule.issues[0] = 'PAY-1\u001b[8m';
    const text = formatTable(report, { color: false });
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain('PAY-1\ufffd[8m');
  });
});

describe('CSV', () => {
  it('neutralises text cells a spreadsheet would take for a formula, not numbers', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'json', '--sprints', '10'], { env });
    const report = JSON.parse(r.stdout) as GovernanceReport;
    const names = ['=1+1', '+1', '-2', '@SUM(A1)', '\t=cmd', '\r=cmd', 'Sprint 7', 'a=b'];
    const sprints = report.convergence.sprints.slice(0, names.length);
    expect(sprints).toHaveLength(names.length);
    sprints.forEach((s, i) => {
      s.name = names[i] as string;
      s.scopeChange = -0.5;
      s.committed.points = -3;
    });
    const rows = formatCsv(report)
      .split('\n')
      .filter((l) => l.startsWith('convergence,'))
      .slice(0, names.length)
      .map((l) => l.split(','));
    expect(rows.map((cells) => cells[3])).toEqual(["'=1+1", "'+1", "'-2", "'@SUM(A1)", "' =cmd", "' =cmd", 'Sprint 7', 'a=b']);
    for (const cells of rows) {
      expect(cells[10]).toBe('-3'); // committedPoints, a number
      expect(cells[25]).toBe('-0.5'); // scopeChange, a number
    }
    expect(formatCsv(report)).not.toMatch(CONTROL);
  });

  it('neutralises a formula inside the usual CSV quoting, on a real run', async () => {
    const r = await cli(['report', '--site', emu.url, '--board', '1', '--now', DEMO_NOW, '--format', 'csv'], { env });
    expect(r.code).toBe(EXIT_OK);
    expect(r.stdout).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(r.stdout).toContain(`,'-2+3,`);
    expect(r.stdout).not.toMatch(CONTROL);
  });
});

describe('arguments', () => {
  it.each([
    [['report', '--site', 'demo', '--board', '1', '--bogus'], 'unknown option --bogus'],
    [['report', '--site', 'demo', '--bogus', '--board', '1'], 'unknown option --bogus'],
    [['report', '--site', 'demo', '--board', '1', '--progress=yes'], '--progress takes no value'],
    [['report', '--site', 'demo', '--board', '1', '--quiet=1'], '--quiet takes no value'],
    [['report', '--site', 'demo', '--board', '1', '--quiet', '--progress'], '--quiet and --progress'],
    [['report', '--site', 'demo', '--board'], '--board: a value is missing'],
  ])('%j → %s', async (argv, message) => {
    const line = expectOneLineFailure(await cli(argv), EXIT_USAGE);
    expect(line).toContain(message);
  });

  it('takes --progress and --quiet as flags without a value, anywhere on the line', () => {
    expect(parseArgs(['report', '--progress', '--site', 'demo', '--board', '1'], {})).toMatchObject({ progress: true, quiet: false, boards: [1] });
    expect(parseArgs(['report', '--site', 'demo', '--quiet', '--board', '1'], {})).toMatchObject({ progress: false, quiet: true, boards: [1] });
  });
});
