import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { buildDemoSite, DEMO_NOW, DEMO_USERS, demoConfig, demoSite } from '../../src/demo/site';
import { parseConfig } from '../../src/domain/config';
import { itemFrom, itemTo, orderHistories, parseNumberValue, parseSprintIds } from '../../src/domain/history';
import { BoardConfiguration, type ChangelogItem, JiraField, JiraFilter, JiraIssue, JiraSprint, parseInstant } from '../../src/domain/jira';
import { accountIdOf, DEMO_APP } from '../../src/demo/people';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator } from '../../src/emulator/server';
import type { SiteIssue, SiteUser } from '../../src/emulator/site';
import { SiteIndex } from '../../src/emulator/site-index';
import { createJiraClient } from '../../src/jira/client';
import { securityLevelOf } from '../../src/jira/schemas';
import { JiraError } from '../../src/jira/types';

async function rejection(p: Promise<unknown>): Promise<JiraError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof JiraError) return e;
    throw e;
  }
  throw new Error('expected a JiraError, got a result');
}

const NOW = parseInstant(DEMO_NOW);
const site = demoSite();
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

const SPRINT = 'customfield_10020';
const POINTS = 'customfield_10016';
const isField = (item: ChangelogItem, id: string, name: string) =>
  item.fieldId ? item.fieldId === id : item.field.toLowerCase() === name.toLowerCase();

/** The items of one field, in the order Jira applied them. */
function itemsOf(issue: SiteIssue, id: string, name: string): ChangelogItem[] {
  return orderHistories(issue.histories).flatMap((h) => h.history.items.filter((i) => isField(i, id, name)));
}

function sprintIdsOf(issue: SiteIssue): number[] {
  const v = issue.fields[SPRINT];
  return Array.isArray(v) ? v.map((s: { id: number }) => s.id) : [];
}

describe('the demo site is deterministic', () => {
  test('two builds are identical, and demoSite() is built once', () => {
    const a = JSON.stringify(buildDemoSite());
    const b = JSON.stringify(buildDemoSite());
    expect(hash(a)).toBe(hash(b));
    expect(JSON.stringify(site)).toBe(a);
    expect(demoSite()).toBe(site);
  });

  test('another process builds the same site (same hash)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-site-'));
    try {
      const entry = join(dir, 'entry.ts');
      const out = join(dir, 'entry.js');
      buildSync({
        stdin: {
          contents: `import { createHash } from 'node:crypto';
            import { buildDemoSite } from ${JSON.stringify(join(__dirname, '../../src/demo/site'))};
            process.stdout.write(createHash('sha256').update(JSON.stringify(buildDemoSite())).digest('hex'));`,
          sourcefile: entry,
          resolveDir: dir,
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        outfile: out,
        logLevel: 'silent',
      });
      const other = execFileSync(process.execPath, [out], { encoding: 'utf8' });
      expect(other).toBe(hash(JSON.stringify(site)));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('builds in well under a second of CPU', () => {
    buildDemoSite(); // warm up the JIT
    const before = process.cpuUsage();
    buildDemoSite();
    const used = process.cpuUsage(before);
    // Measured at about 0.4 s; the bound leaves room for a loaded CI machine.
    expect((used.user + used.system) / 1000).toBeLessThan(2000);
  });
});

describe('sprints and boards', () => {
  test('every sprint id is unique, and each board has 8 closed, 1 active and 1 future sprint', () => {
    const ids = site.sprints.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(site.boards).toHaveLength(12);
    for (const b of site.boards) {
      const mine = site.sprints.filter((s) => s.originBoardId === b.board.id);
      expect(mine.filter((s) => s.state === 'closed')).toHaveLength(8);
      expect(mine.filter((s) => s.state === 'active')).toHaveLength(1);
      expect(mine.filter((s) => s.state === 'future')).toHaveLength(1);
    }
  });

  test('sprint dates are those of two-week sprints around DEMO_NOW', () => {
    for (const s of site.sprints) {
      JiraSprint.parse(s);
      if (s.state === 'future') {
        expect(s.startDate).toBeUndefined();
        continue;
      }
      const start = parseInstant(s.startDate ?? '');
      const end = parseInstant(s.endDate ?? '');
      expect(start).toBeLessThan(NOW);
      expect((end - start) / 86_400_000).toBeGreaterThan(13.5);
      expect((end - start) / 86_400_000).toBeLessThan(14.1);
      expect(parseInstant(s.activatedDate ?? '')).toBeGreaterThanOrEqual(start);
      if (s.state === 'active') expect(end).toBeGreaterThan(NOW);
      if (s.state === 'closed') {
        const complete = parseInstant(s.completeDate ?? '');
        expect(complete).toBeGreaterThan(end);
        expect(complete - end).toBeLessThan(2 * 3_600_000);
        expect(complete).toBeLessThanOrEqual(NOW);
      }
    }
  });

  test('boards have a configuration, a filter on their project and the story-point estimate', () => {
    const fields = site.fields.map((f) => JiraField.parse(f));
    const points = fields.find((f) => f.id === POINTS);
    expect(points?.schema?.custom).toBe('com.pyxis.greenhopper.jira:jsw-story-points');
    expect(fields.find((f) => f.id === SPRINT)?.schema?.custom).toBe('com.pyxis.greenhopper.jira:gh-sprint');
    const keys = new Set(site.projects.map((p) => p.key));
    for (const b of site.boards) {
      const config = BoardConfiguration.parse(b.configuration);
      const filter = JiraFilter.parse(b.filter);
      expect(config.filter.id).toBe(filter.id);
      expect(config.estimation?.field?.fieldId).toBe(POINTS);
      expect(config.columnConfig.columns.map((c) => c.name)).toEqual(['To Do', 'In Progress', 'Review', 'Done']);
      // Every board takes its project; the Design System board also the stories labelled for it (shared sprints).
      const key = /^project = (\w+)(?: OR labels = design-system)? ORDER BY Rank ASC$/.exec(filter.jql)?.[1];
      expect(key && keys.has(key)).toBe(true);
    }
  });
});

describe('issues and their changelogs', () => {
  test('issues parse as Jira issues, with unique ids and keys, all created before now', () => {
    expect(site.issues.length).toBeGreaterThan(2000);
    expect(site.issues.length).toBeLessThan(3200);
    expect(new Set(site.issues.map((i) => i.id)).size).toBe(site.issues.length);
    expect(new Set(site.issues.map((i) => i.key)).size).toBe(site.issues.length);
    const late = site.issues
      .map((i) => JiraIssue.parse({ id: i.id, key: i.key, fields: i.fields }))
      .filter((i) => !(parseInstant(i.fields.created) < NOW) || !i.fields.created.endsWith('+0300'));
    expect(late.map((i) => i.key)).toEqual([]);
  });

  test('every history is between the issue creation and now, ids unique and in time order', () => {
    const ids = new Set<string>();
    const problems: string[] = [];
    let outOfOrder = 0;
    for (const i of site.issues) {
      const created = parseInstant(i.fields.created as string);
      for (const h of i.histories) {
        const t = parseInstant(h.created);
        if (t < created || t > NOW) problems.push(`${i.key} history ${h.id} at ${h.created}`);
        if (ids.has(h.id)) problems.push(`${i.key} history id ${h.id} used twice`);
        ids.add(h.id);
      }
      const ordered = orderHistories(i.histories);
      for (let k = 1; k < ordered.length; k++) {
        if ((ordered[k] as { id: number }).id <= (ordered[k - 1] as { id: number }).id) problems.push(`${i.key}: history ids not in time order`);
      }
      if (i.histories.some((h, k) => k > 0 && Number(h.id) < Number((i.histories[k - 1] as { id: string }).id))) outOfOrder++;
      const last = Math.max(parseInstant(i.fields.created as string), ...i.histories.map((h) => parseInstant(h.created)));
      if (parseInstant(i.fields.updated as string) !== last) problems.push(`${i.key}: updated is not its last change`);
    }
    expect(problems).toEqual([]);
    expect(outOfOrder).toBeGreaterThan(5);
  });

  test('each field replays to its current value, every change continuing from the previous one', () => {
    const problems: string[] = [];
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const i of site.issues) {
      const fields = i.fields as Record<string, { id?: string; accountId?: string } | null>;
      const check = (name: string, items: ChangelogItem[], read: (s: string | null) => unknown, current: unknown) => {
        for (let k = 1; k < items.length; k++) {
          if (!same(read(itemFrom(items[k] as ChangelogItem)), read(itemTo(items[k - 1] as ChangelogItem)))) problems.push(`${i.key} ${name}: change ${k} does not continue`);
        }
        const last = items[items.length - 1];
        if (last && !same(read(itemTo(last)), current)) problems.push(`${i.key} ${name}: replays to ${JSON.stringify(read(itemTo(last)))}, is ${JSON.stringify(current)}`);
      };
      check('status', itemsOf(i, 'status', 'status'), (s) => s, fields.status?.id);
      check('sprint', itemsOf(i, SPRINT, 'Sprint'), (s) => [...parseSprintIds(s)], sprintIdsOf(i));
      const points = itemsOf(i, POINTS, 'Story point estimate');
      check('estimate', points, parseNumberValue, i.fields[POINTS]);
      if (points.some((p) => p.to !== null || p.from !== null)) problems.push(`${i.key}: estimate written outside the string form`);
      check('assignee', itemsOf(i, 'assignee', 'assignee'), (s) => s, fields.assignee?.accountId ?? null);
      check('resolution', itemsOf(i, 'resolution', 'resolution'), (s) => s, fields.resolution?.id ?? null);
    }
    expect(problems).toEqual([]);
  });

  test('changelogs carry what real sites write', () => {
    const items = site.issues.flatMap((i) => i.histories.flatMap((h) => h.items));
    const sprintItems = items.filter((it) => it.field === 'Sprint');
    expect(sprintItems.some((it) => it.from === '' && /^\d+$/.test(it.to ?? ''))).toBe(true); // planned
    expect(sprintItems.some((it) => /^\d+, \d+$/.test(it.to ?? '') && /^\d+$/.test(it.from ?? ''))).toBe(true); // carried over
    expect(sprintItems.some((it) => parseSprintIds(it.to ?? '').length >= 4)).toBe(true); // chronic
    expect(sprintItems.some((it) => parseSprintIds(it.to ?? '').length < parseSprintIds(it.from ?? '').length)).toBe(true); // removed
    expect(sprintItems.some((it) => !it.fieldId)).toBe(true);
    expect(sprintItems.some((it) => it.fieldId === SPRINT)).toBe(true);
    expect(items.some((it) => it.field === 'Story point estimate' && it.fromString && it.toString && !it.fieldId)).toBe(true);
    expect(items.some((it) => it.field === 'status' && it.fromString === 'Done')).toBe(true); // reopened
    expect(items.some((it) => it.field === 'status' && it.toString === 'Waiting for customer')).toBe(true);
    expect(items.some((it) => it.field === 'assignee' && it.from && it.to)).toBe(true); // reassigned
    expect(items.some((it) => it.field === 'Rank')).toBe(true);
    expect(items.some((it) => it.field === 'priority')).toBe(true);
  });

  test('sub-tasks and parents point at each other', () => {
    const byKey = new Map(site.issues.map((i) => [i.key, i]));
    const subtasks = site.issues.filter((i) => (i.fields.issuetype as { subtask: boolean }).subtask);
    expect(subtasks.length).toBeGreaterThan(100);
    for (const st of subtasks) {
      const parentKey = (st.fields.parent as { key: string }).key;
      const parent = byKey.get(parentKey);
      expect((parent?.fields.subtasks as { key: string }[]).map((s) => s.key)).toContain(st.key);
      expect(sprintIdsOf(st)).toEqual(sprintIdsOf(parent as SiteIssue));
    }
  });

  test('bugs of every priority, some without one, some paused and some reopened', () => {
    const bugs = site.issues.filter((i) => (i.fields.issuetype as { name: string }).name === 'Bug');
    const priorities = new Set(bugs.map((b) => (b.fields.priority as { name: string } | null)?.name ?? 'none'));
    expect([...priorities].sort()).toEqual(['High', 'Highest', 'Low', 'Lowest', 'Medium', 'none']);
    expect(bugs.some((b) => (b.fields.status as { name: string }).name === 'Waiting for customer')).toBe(true);
  });

  test('descriptions are ADF, some with acceptance criteria, some with a Figma link', () => {
    const texts = site.issues.map((i) => JSON.stringify(i.fields.description ?? null));
    expect(site.issues.every((i) => i.fields.description === null || (i.fields.description as { type: string }).type === 'doc')).toBe(true);
    expect(texts.filter((t) => t.includes('"Acceptance criteria"')).length).toBeGreaterThan(100);
    expect(texts.filter((t) => t.includes('"Критерии приёмки"')).length).toBeGreaterThan(10);
    expect(texts.filter((t) => t.includes('figma.com')).length).toBeGreaterThan(50);
    expect(site.issues.filter((i) => i.fields.customfield_10050).length).toBeGreaterThan(20);
  });
});

describe('users and configuration', () => {
  test('demoConfig() is a valid configuration naming the demo users', () => {
    const r = parseConfig(demoConfig());
    if (!r.ok) throw new Error(r.errors.join('\n'));
    const ids = new Set(site.users.map((u) => u.accountId));
    for (const p of r.config.products) {
      expect(ids.has(p.businessOwner ?? '')).toBe(true);
      expect(ids.has(p.digitalOwner ?? '')).toBe(true);
    }
    for (const c of r.config.channels) expect(ids.has(c.leader ?? '')).toBe(true);
    expect(r.config.products.map((p) => p.digitalOwner)).toContain(DEMO_USERS.productOwner);
    expect(r.config.channels.map((c) => c.leader)).toContain(DEMO_USERS.channelLeader);
    expect(r.config.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Waiting for customer' }]);
  });

  test('users have unique emails and tokens; the admin browses all; the two restricted users differ', () => {
    const users = new Map(site.users.map((u) => [u.accountId, u]));
    expect(new Set(site.users.map((u) => u.emailAddress)).size).toBe(site.users.length);
    expect(new Set(site.users.map((u) => u.apiToken)).size).toBe(site.users.length);
    for (const id of Object.values(DEMO_USERS)) expect(users.has(id)).toBe(true);
    const admin = users.get(DEMO_USERS.admin);
    expect(admin?.admin).toBe(true);
    expect(admin?.browse).toBe('*');
    const analyst = users.get(DEMO_USERS.loansAnalyst)?.browse;
    const contractor = users.get(DEMO_USERS.paymentsContractor)?.browse;
    expect(analyst).toEqual(['LOAN', 'LOANM', 'CRED']);
    expect(contractor).toEqual(['PAY', 'PAYM', 'PAYA']);
    expect(users.get(DEMO_USERS.restricted)?.admin).toBe(false);
    const scrumMaster = site.boards.find((b) => b.board.location?.projectKey === 'PAY')?.filter.owner as { accountId: string };
    expect(scrumMaster.accountId).toBe(DEMO_USERS.scrumMaster);
  });
});

describe('the "Bank security" issue security level', () => {
  const LEVEL = '10100';
  const secured = site.issues.filter((i) => (i.fields.security as { id?: string } | undefined)?.id === LEVEL);
  const keysOf = (xs: readonly { key: string }[]) => xs.map((i) => i.key).sort();
  const typeOf = (i: SiteIssue) => (i.fields.issuetype as { name: string }).name;
  const projectOf = (i: SiteIssue) => (i.fields.project as { key: string }).key;
  const runningSprintOf = (project: string) => {
    const board = site.boards.find((b) => b.board.location?.projectKey === project);
    return site.sprints.find((s) => s.originBoardId === board?.board.id && s.state === 'active')?.id;
  };

  test('is on three PAY security-incident bugs and one LOAN story, some of them in the running sprints', () => {
    expect(secured.map((i) => [projectOf(i), typeOf(i)]).sort()).toEqual([
      ['LOAN', 'Story'],
      ['PAY', 'Bug'],
      ['PAY', 'Bug'],
      ['PAY', 'Bug'],
    ]);
    for (const i of secured) {
      expect(i.fields.security).toEqual({ id: LEVEL, name: 'Bank security / Банковская безопасность', description: expect.any(String) });
      expect(i.fields.summary).toMatch(projectOf(i) === 'PAY' ? /^Security incident \(.+\): / : /anti-fraud/);
    }
    expect(secured.filter((i) => sprintIdsOf(i).includes(runningSprintOf('PAY') ?? -1)).map(projectOf)).toContain('PAY');
    expect(secured.filter((i) => sprintIdsOf(i).includes(runningSprintOf('LOAN') ?? -1)).map(projectOf)).toEqual(['LOAN']);
    // Jira's system field is on the site's field list, with its JQL name.
    expect(site.fields.find((f) => f.id === 'security')).toMatchObject({ name: 'Security Level', clauseNames: ['level'], schema: { system: 'security' } });
  });

  test('is granted to the administrators and the PAY and LOAN owners and scrum masters only; the app reads every level', () => {
    const handles = ['a.smirnov', 'l.harper', 'e.kuznetsova', 'd.volkov', 'o.sokolova', 's.morozov', 'y.vasilieva', 'r.pavlov'];
    const granted = site.users.filter((u) => !u.app && (u.securityLevels === '*' || (u.securityLevels ?? []).includes(LEVEL)));
    expect(granted.map((u) => u.accountId).sort()).toEqual(handles.map(accountIdOf).sort());
    for (const id of [DEMO_USERS.loansAnalyst, DEMO_USERS.paymentsContractor, DEMO_USERS.channelLeader]) expect(granted.map((u) => u.accountId)).not.toContain(id);
    const app = site.users.find((u) => u.accountId === DEMO_APP);
    expect(app).toMatchObject({ app: true, admin: false, accountType: 'app' });
    expect(new SiteIndex(site).visibleIssues(app as SiteUser)).toHaveLength(site.issues.length);
  });

  test('through Jira’s API, a PAY user without the level neither finds nor reads the secured PAY bugs; the owners and the app do', async () => {
    const emu = await startEmulator(site);
    try {
      const as = (accountId: string) => createJiraClient(emulatorTransport(emu.url, accountId));
      const contractor = as(DEMO_USERS.paymentsContractor);
      const owner = as(DEMO_USERS.productOwner);
      const payBugs = 'project = PAY AND issuetype = Bug';
      const securedPay = keysOf(secured.filter((i) => projectOf(i) === 'PAY'));
      const seen = keysOf(await contractor.search(payBugs, { fields: ['security'] }));
      const ownerSees = await owner.search(payBugs, { fields: ['security'] });
      expect(securedPay.filter((k) => seen.includes(k))).toEqual([]);
      expect(keysOf(ownerSees.filter((i) => securityLevelOf(i.fields)?.id === LEVEL))).toEqual(securedPay);
      // Everything else the contractor sees as the owner does.
      expect(keysOf(ownerSees)).toEqual([...seen, ...securedPay].sort());
      const [first] = securedPay as [string];
      expect((await rejection(contractor.issue(first, ['summary']))).status).toBe(404);
      const id = (secured.find((i) => i.key === first) as SiteIssue).id;
      expect((await contractor.changelogs([{ id, key: first }], [])).get(id) ?? []).toEqual([]);
      expect((await owner.changelogs([{ id, key: first }], [])).get(id)?.length).toBeGreaterThan(0);
      // The app checks a user's permissions without being an administrator.
      const ids = secured.map((i) => i.id);
      const app = as(DEMO_APP);
      const check = { permissions: ['BROWSE_PROJECTS'], projectIds: [], issueIds: ids };
      expect((await app.bulkPermissions({ ...check, accountId: DEMO_USERS.paymentsContractor })).BROWSE_PROJECTS?.issueIds).toEqual([]);
      expect((await app.bulkPermissions({ ...check, accountId: DEMO_USERS.productOwner })).BROWSE_PROJECTS?.issueIds).toEqual(ids);
      expect((await app.bulkPermissions(check)).BROWSE_PROJECTS?.issueIds).toEqual(ids);
    } finally {
      await emu.close();
    }
  });
});
