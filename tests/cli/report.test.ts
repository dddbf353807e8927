/**
 * `governance report` end to end on the demo site (over real HTTP to the in-process emulator),
 * with its figures checked against the engine fed the demo data directly, with no HTTP, no JQL and
 * no client in between.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultConfig, type GovernanceConfig } from '../../src/domain/config';
import { discoverFields, prepareIssue, statusCatalog } from '../../src/domain/issue';
import { JiraIssue } from '../../src/domain/jira';
import type { GovernanceReport } from '../../src/domain/report';
import { demoSite, DEMO_NOW } from '../../src/demo/site';
import { run, EXIT_JIRA, EXIT_OK, EXIT_USAGE } from '../../src/cli/main';
import { computeReport } from '../../src/services/report';
import { directLoaded } from '../demo/direct';
import { startEmulator } from '../../src/emulator/server';

const NOW = Date.parse(DEMO_NOW);
const DAY = 24 * 3600_000;

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run({
    argv,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    stderrIsTty: false,
    stdoutIsTty: false,
    clock: () => NOW,
  });
  return { code, stdout, stderr };
}

/** The engine on the demo data directly: every issue of each board's filter, full changelogs, no HTTP. */
function directReport(boardIds: number[], config: GovernanceConfig, sprints = 6, from = NOW - 30 * DAY, to = NOW): GovernanceReport {
  return computeReport(directLoaded(demoSite(), boardIds, NOW), { boardIds, sprints, now: NOW, from, to, config });
}

describe('governance report --site demo', () => {
  const boards = demoSite().boards.map((b) => b.board.id);

  it('prints, as JSON, exactly the figures the engine computes from the demo data', async () => {
    const pick = boards.slice(0, 3);
    const r = await cli(['report', '--site', 'demo', ...pick.flatMap((b) => ['--board', String(b)]), '--now', DEMO_NOW, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(EXIT_OK);
    const printed = JSON.parse(r.stdout) as GovernanceReport;
    expect(printed).toEqual(directReport(pick, defaultConfig()));
    // The story a manager recognises: real sprints with real work in them.
    expect(printed.convergence.sprints.filter((s) => s.state === 'closed').length).toBe(3 * 6);
    expect(printed.convergence.sprints.some((s) => s.committed.count > 0)).toBe(true);
    expect(printed.hygiene.scanned).toBeGreaterThan(0);
  });

  it('agrees with the engine for every demo board, one board at a time', async () => {
    for (const b of boards) {
      const r = await cli(['report', '--site', 'demo', '--board', String(b), '--now', DEMO_NOW, '--format', 'json', '--sprints', '8']);
      expect(r.code).toBe(EXIT_OK);
      expect(JSON.parse(r.stdout)).toEqual(directReport([b], defaultConfig(), 8));
    }
  });

  it('honours --sprints, --from/--to and a configuration file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-cli-'));
    const config = { ...defaultConfig(), convergence: { ...defaultConfig().convergence, target: 0.8, basis: 'points' as const } };
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    const from = '2026-09-01T00:00:00Z';
    const to = '2026-10-01T00:00:00Z';
    const r = await cli(['report', '--site', 'demo', '--board', String(boards[0]), '--now', DEMO_NOW, '--sprints', '2', '--from', from, '--to', to, '--config', file, '--format', 'json']);
    expect(r.code).toBe(EXIT_OK);
    const printed = JSON.parse(r.stdout) as GovernanceReport;
    expect(printed.convergence.target).toBe(0.8);
    expect(printed.convergence.sprints.filter((s) => s.state === 'closed')).toHaveLength(2);
    expect(printed.defects.from).toBe('2026-09-01T00:00:00.000Z');
    expect(printed.defects.to).toBe('2026-10-01T00:00:00.000Z');
    const direct = directReport([boards[0] as number], config, 2, Date.parse(from), Date.parse(to));
    expect(printed).toEqual(direct);
  });

  it('prints an aligned table with the target status of every sprint', async () => {
    const r = await cli(['report', '--site', 'demo', '--board', String(boards[0]), '--now', DEMO_NOW]);
    expect(r.code).toBe(EXIT_OK);
    const json = directReport([boards[0] as number], defaultConfig());
    expect(r.stdout).toContain('BACKLOG CONVERGENCE');
    expect(r.stdout).toContain('DEFECT SLA');
    expect(r.stdout).toContain('JIRA HYGIENE');
    for (const s of json.convergence.sprints) {
      const line = r.stdout.split('\n').find((l) => l.includes(` ${s.name} `) || l.includes(` ${s.name}  `));
      expect(line).toBeDefined();
      const word = s.status === 'met' ? 'MET' : s.status === 'near' ? 'NEAR' : s.status === 'missed' ? 'MISSED' : '—';
      expect(line).toContain(word);
    }
    // Columns line up: every row of the sprint table has the status column at the same offset.
    const rows = r.stdout.split('\n').filter((l) => /(MET|NEAR|MISSED)$/.test(l) && l.includes('→'));
    expect(rows.length).toBe(json.convergence.sprints.length);
    const statusColumn = new Set(rows.map((l) => l.search(/[✔✘~] (MET|NEAR|MISSED)$/)));
    expect(statusColumn.size).toBe(1);
    expect(r.stdout).toContain(`Score ${((json.hygiene.score ?? 0) * 100).toFixed(1)}%`);
  });

  it('prints CSV blocks whose rows carry the same figures as the JSON', async () => {
    const b = String(boards[1]);
    const r = await cli(['report', '--site', 'demo', '--board', b, '--now', DEMO_NOW, '--format', 'csv']);
    expect(r.code).toBe(EXIT_OK);
    const json = directReport([Number(b)], defaultConfig());
    const rows = r.stdout.trim().split('\n').filter((l) => l.startsWith('convergence,'));
    expect(rows).toHaveLength(json.convergence.sprints.length);
    const first = json.convergence.sprints[0];
    expect(first).toBeDefined();
    expect(rows[0]?.split(',').slice(0, 3)).toEqual(['convergence', b, String(first?.sprintId)]);
    expect(r.stdout).toContain(`hygiene-total,,,,,${json.hygiene.scanned},${json.hygiene.violating},${json.hygiene.score}`);
  });

  it('exits 2 with a one-line message naming a board Jira does not know, and prints nothing on stdout', async () => {
    const r = await cli(['report', '--site', 'demo', '--board', '424242', '--now', DEMO_NOW]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('424242');
  });

  it.each([
    [['report', '--board', '1'], '--site'],
    [['report', '--site', 'demo'], '--board'],
    [['report', '--site', 'demo', '--board', 'one'], '"one"'],
    [['report', '--site', 'demo', '--board', '1', '--format', 'xml'], '"xml"'],
    [['report', '--site', 'demo', '--board', '1', '--now', 'yesterday'], '"yesterday"'],
    [['report', '--site', 'demo', '--board', '1', '--sprints', '0'], '--sprints'],
    [['report', '--site', 'demo', '--board', '1', '--from', '2026-01-01T00:00:00Z'], '--from and --to'],
    [['report', '--site', 'demo', '--board', '1', '--config', '/nonexistent/config.json'], '/nonexistent/config.json'],
    [['report', '--site', 'https://example.atlassian.net', '--board', '1'], 'JIRA_API_TOKEN'],
    [['report', '--site', 'demo', '--board', '1', '--colour'], '--colour'],
    [['frobnicate'], 'frobnicate'],
  ])('exits 2 on bad arguments %j naming %s', async (argv, named) => {
    const r = await cli(argv);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(named);
  });

  it('exits 2 naming the path of a bad configuration value', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-cli-'));
    const file = join(dir, 'bad.json');
    const bad = defaultConfig() as unknown as { defects: { targets: { hours: unknown }[] } };
    (bad.defects.targets[1] as { hours: unknown }).hours = -3;
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['report', '--site', 'demo', '--board', '1', '--config', file]);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('defects.targets[1].hours');
  });

  it('exits 3 naming the endpoint and status when Jira cannot be read after retries', async () => {
    const site = demoSite();
    const server = await startEmulator(site);
    const admin = site.users.find((u) => u.admin);
    try {
      server.faults.next(1000, { status: 503, retryAfterSeconds: 0 });
      const r = await cli(['report', '--site', server.url, '--board', '1', '--now', DEMO_NOW], {
        JIRA_EMAIL: admin?.emailAddress ?? '',
        JIRA_API_TOKEN: admin?.apiToken ?? '',
      });
      expect(r.code).toBe(EXIT_JIRA);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/\/rest\/api\/3\/(field|status)/);
      expect(r.stderr).toContain('503');
    } finally {
      server.faults.clear();
      await server.close();
    }
  });

  it('exits 3 on a wrong API token, naming the endpoint and 401', async () => {
    const site = demoSite();
    const server = await startEmulator(site);
    try {
      const r = await cli(['report', '--site', server.url, '--board', '1', '--now', DEMO_NOW, '--email', 'nobody@example.com', '--token', 'wrong']);
      expect(r.code).toBe(EXIT_JIRA);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('401');
    } finally {
      await server.close();
    }
  });

  it('runs as the installed `governance` binary', () => {
    const bin = join(__dirname, '../../dist/src/cli/main.js');
    if (!existsSync(bin)) execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: join(__dirname, '../..') });
    const ok = spawnSync(process.execPath, [bin, 'report', '--site', 'demo', '--board', '1', '--now', DEMO_NOW, '--format', 'json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).boards).toEqual([1]);
    const bad = spawnSync(process.execPath, [bin, 'report', '--site', 'demo', '--board', '999999'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
  });

  it('runs as `npx governance` in the repository after npm ci (the postinstall launcher)', () => {
    const root = join(__dirname, '../..');
    const r = spawnSync('npx', ['--no-install', 'governance', 'report', '--site', 'demo', '--board', '2', '--now', DEMO_NOW, '--format', 'csv'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^section,boardId,sprintId/);
  });
});
