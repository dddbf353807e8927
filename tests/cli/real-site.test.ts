/**
 * The command on a site shaped like a real one (the demo site served by the emulator over HTTP):
 * names in the API user's language, shared sprints, a deleted status, a negative estimate, a
 * version 1 configuration file. The figures must not depend on the language of the API token's
 * user, and what the report cannot classify is said, not guessed.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT_OK, run } from '../../src/cli/main';
import { DEMO_NOW, DEMO_USERS, demoSite } from '../../src/demo/site';
import { DELETED_STATUS, DESIGN_SYSTEM_LABEL } from '../../src/demo/quirks';
import { defaultConfig } from '../../src/domain/config';
import type { GovernanceReport } from '../../src/domain/report';
import { startEmulator, type Emulator } from '../../src/emulator/server';

const NOW = Date.parse(DEMO_NOW);

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run({ argv, env, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), stderrIsTty: false, stdoutIsTty: false, clock: () => NOW });
  return { code, stdout, stderr };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator(demoSite(), { now: () => NOW });
});
afterAll(async () => {
  await emulator.close();
});

function credentials(accountId: string): Record<string, string> {
  const user = demoSite().users.find((u) => u.accountId === accountId);
  if (!user) throw new Error('no such demo user');
  return { JIRA_EMAIL: user.emailAddress, JIRA_API_TOKEN: user.apiToken };
}

const ALL_BOARDS = () => demoSite().boards.flatMap((b) => ['--board', String(b.board.id)]);

async function reportAs(accountId: string, extra: string[] = []): Promise<GovernanceReport> {
  const r = await cli(['report', '--site', emulator.url, ...ALL_BOARDS(), '--now', DEMO_NOW, '--format', 'json', ...extra], credentials(accountId));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(EXIT_OK);
  return JSON.parse(r.stdout) as GovernanceReport;
}

/** A report with the names Jira gives in the reader's language left out: only figures and ids remain. */
function figuresOnly(report: GovernanceReport): unknown {
  return { ...report, defects: { ...report.defects, issues: report.defects.issues.map(({ priority: _name, ...rest }) => rest) } };
}

describe('governance report on a real-shaped site', () => {
  let russian: GovernanceReport;
  let english: GovernanceReport;
  beforeAll(async () => {
    [russian, english] = await Promise.all([reportAs(DEMO_USERS.admin), reportAs(DEMO_USERS.englishAdmin)]);
  }, 60_000);

  it('gives the same figures whether the API user reads Jira in Russian or in English', () => {
    expect(figuresOnly(russian)).toEqual(figuresOnly(english));
    // The built-in defaults find the bugs in both languages (types by untranslated name, targets by priority id).
    expect(russian.defects.total.resolved + russian.defects.total.open).toBeGreaterThan(20);
    expect(russian.defects.byPriority.map((r) => [r.priority, r.priorityId])).toEqual([
      ['Highest', '1'],
      ['High', '2'],
      ['Medium', '3'],
      ['Low', '4'],
    ]);
    // Names Jira gives are the reader's: the priority with no target reads in each one's language.
    const lowest = (r: GovernanceReport) => r.defects.issues.find((i) => i.priorityId === '5')?.priority;
    expect([lowest(russian), lowest(english)]).toEqual(['Самый низкий', 'Lowest']);
  });

  it('applies the built-in defaults, which configure no product: no-product is not among the rules', () => {
    expect(russian.hygiene.rules.map((r) => r.id)).not.toContain('no-product');
    expect(russian.hygiene.score).toBeGreaterThan(0.6);
  });

  it("reports another board's sprint on the board whose issues were in it, marked shared", () => {
    const ds = demoSite().boards.find((b) => b.board.location?.projectKey === 'DS')?.board.id;
    const shared = russian.convergence.sprints.filter((s) => s.shared);
    expect(shared.length).toBeGreaterThan(0);
    for (const s of shared) {
      expect(s.boardId).toBe(ds);
      expect(s.name).toMatch(/^PAY Sprint/);
      // Only the payments stories the design-system board takes count on it.
      const labelled = new Set(demoSite().issues.filter((i) => ((i.fields.labels as string[] | null) ?? []).includes(DESIGN_SYSTEM_LABEL)).map((i) => i.key));
      for (const key of [...s.committed.issues, ...s.added.issues]) expect(labelled.has(key)).toBe(true);
    }
    // The payments board reports its own sprints, none of them shared.
    expect(russian.convergence.sprints.filter((s) => s.boardId === 1).every((s) => !s.shared)).toBe(true);
  });

  it('says what it could not classify: a deleted status, a negative estimate, a priority without a target', () => {
    const w = russian.warnings;
    expect(w.deletedStatuses.statusIds).toEqual([DELETED_STATUS.id]);
    expect(w.deletedStatuses.count).toBeGreaterThan(0);
    expect(w.deletedStatuses.issues.every((k) => k.startsWith('PLAT-'))).toBe(true);
    expect(w.invalidEstimates.count).toBe(1);
    expect(w.invalidEstimates.issues[0]).toMatch(/^PAYA-/);
    expect(w.unknownPriorities.priorityIds).toEqual(['5']);
    expect(w.unknownPriorities.count).toBe(russian.defects.issues.filter((i) => i.priorityId === '5').length);
    expect(w.unresolvedConfigNames).toEqual({ count: 0, names: [] });
  });

  it('counts a negative estimate as no estimate (0 points), never as negative points', () => {
    const key = russian.warnings.invalidEstimates.issues[0] as string;
    const sprint = russian.convergence.sprints.find((s) => s.state === 'active' && s.committed.issues.includes(key));
    expect(sprint).toBeDefined();
    for (const s of russian.convergence.sprints) for (const set of [s.committed, s.completed, s.notCompleted, s.added]) expect(set.points).toBeGreaterThanOrEqual(0);
  });

  it('still reads a version 1 configuration file, and lists the names it could not resolve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gov-v1-'));
    const file = join(dir, 'v1.json');
    const v1 = JSON.parse(JSON.stringify(defaultConfig())) as Record<string, unknown> & { defects: Record<string, unknown> };
    v1.schemaVersion = 1;
    v1.defects.issueTypes = ['Bug'];
    v1.defects.targetHours = { Highest: 24, High: 72, Medium: 240, Low: 720, Blocker: 2 };
    delete v1.defects.targets;
    v1.defects.pauseStatuses = ['Waiting for customer'];
    writeFileSync(file, JSON.stringify(v1));
    const fromV1 = await reportAs(DEMO_USERS.admin, ['--config', file]);
    expect(fromV1.warnings.unresolvedConfigNames.names).toEqual(['defects.targetHours.Blocker: Blocker', 'defects.pauseStatuses[0]: Waiting for customer']);
    // Everything it could resolve gives the figures of the built-in defaults.
    expect(fromV1.defects.byPriority).toEqual(russian.defects.byPriority);
  }, 60_000);
});
