import fc from 'fast-check';
import { hygieneBreakdown, hygieneReport, hygieneScope, issueViolations } from '../../src/domain/hygiene';
import { compareKeys } from '../../src/domain/issue';
import { generateIssue, STATUSES } from '../../src/domain/testing/generate';
import { ctx, issue, NOW, withConfig } from './hygiene-fixtures';

const DAY = 24 * 60 * 60 * 1000;

/** The eleven rules of docs/metrics.md ("Jira hygiene"), in the table's order: written out, not taken from the code. */
const METRICS_RULES = [
  'unassigned-in-progress',
  'missing-estimate',
  'missing-description',
  'missing-acceptance-criteria',
  'stale-in-progress',
  'done-without-resolution',
  'resolution-not-done',
  'overdue',
  'no-product',
  'chronic-carryover',
  'open-subtasks-under-done-parent',
];

describe('hygieneReport', () => {
  const clean = (key: string, o = {}) => issue({ key, status: STATUSES.todo, ...o });
  const issues = [
    clean('PAY-10', { status: STATUSES.inProgress, assignee: null }), // unassigned-in-progress
    clean('PAY-9', { status: STATUSES.inProgress, assignee: null, description: null }), // + missing-description, missing AC
    clean('CARD-2', { labels: ['web'] }), // no-product
    clean('PAY-1'),
    clean('PAY-2', { assignee: 'anna' }),
  ];

  it('scores 1 − violating / scanned and lists each rule with its sorted issue keys', () => {
    const r = hygieneReport({ issues, ctx: ctx() });
    expect(r.scanned).toBe(5);
    expect(r.violating).toBe(3);
    expect(r.score).toBeCloseTo(1 - 3 / 5, 12);
    const rule = (id: string) => r.rules.find((x) => x.id === id);
    expect(rule('unassigned-in-progress')).toEqual({ id: 'unassigned-in-progress', severity: 'high', count: 2, issues: ['PAY-9', 'PAY-10'] });
    expect(rule('missing-description')?.issues).toEqual(['PAY-9']);
    expect(rule('missing-acceptance-criteria')?.issues).toEqual(['PAY-9']);
    expect(rule('no-product')?.issues).toEqual(['CARD-2']);
    expect(rule('overdue')).toEqual({ id: 'overdue', severity: 'medium', count: 0, issues: [] });
  });

  it('lists every enabled rule in the order of the hygiene table of docs/metrics.md', () => {
    expect(hygieneReport({ issues, ctx: ctx() }).rules.map((r) => r.id)).toEqual(METRICS_RULES);
  });

  it('leaves out disabled rules, from the list and from the score, and applies severity overrides', () => {
    const config = withConfig((c) => {
      c.hygiene.rules = { 'unassigned-in-progress': { enabled: false }, 'no-product': { enabled: true, severity: 'high' } };
    });
    const r = hygieneReport({ issues, ctx: ctx({}, config) });
    expect(r.rules.map((x) => x.id)).not.toContain('unassigned-in-progress');
    expect(r.rules.find((x) => x.id === 'no-product')?.severity).toBe('high');
    expect(r.violating).toBe(2); // PAY-9 (description) and CARD-2; PAY-10 broke only the disabled rule
  });

  it('ignores issues created after now, and has no score when nothing is scanned', () => {
    const future = issue({ key: 'PAY-50', created: NOW + 1, updated: NOW + 1, description: null });
    expect(hygieneReport({ issues: [future], ctx: ctx() })).toMatchObject({ scanned: 0, violating: 0, score: null });
    expect(hygieneReport({ issues: [], ctx: ctx() }).rules.every((r) => r.count === 0)).toBe(true);
  });

  it('scores 1 when nothing is broken', () => {
    expect(hygieneReport({ issues: [clean('PAY-1'), clean('PAY-2')], ctx: ctx() }).score).toBe(1);
  });
});

describe('issueViolations', () => {
  it('lists the rules an issue breaks with severity and how to fix, in rule order', () => {
    const p = issue({ status: STATUSES.inProgress, assignee: null, description: null, labels: [] });
    const v = issueViolations(p, ctx());
    expect(v.map((x) => x.id)).toEqual(['unassigned-in-progress', 'missing-description', 'missing-acceptance-criteria', 'no-product']);
    expect(v[0]?.severity).toBe('high');
    expect(v[0]?.fix.en).toMatch(/assign/i);
    expect(v[0]?.fix.ru).toMatch(/исполнител/i);
  });
  it('is empty for a clean issue', () => {
    expect(issueViolations(issue({ status: STATUSES.todo }), ctx())).toEqual([]);
  });
});

describe('hygieneBreakdown', () => {
  const issues = [
    issue({ key: 'PAY-1', assignee: 'anna', status: STATUSES.inProgress, description: null }),
    issue({ key: 'PAY-2', assignee: 'anna', labels: ['loans'] }),
    issue({ key: 'CARD-1', assignee: null, status: STATUSES.inProgress, labels: ['payments', 'loans'] }),
    issue({ key: 'CARD-2', assignee: 'boris', labels: ['loans'] }),
  ];
  // Computed inside each test (a getter), so that a mutation run attributes the code to the tests.
  const breakdown = () =>
    hygieneBreakdown({
      issues,
      ctx: ctx(),
      boards: [
        { boardId: 7, issueKeys: new Set(['PAY-1', 'PAY-2']) },
        { boardId: 8, issueKeys: new Set(['CARD-1', 'CARD-2', 'PAY-2']) },
      ],
    });

  it('scores each team over its board issues', () => {
    const b = breakdown();
    expect(b.teams.map((t) => [t.boardId, t.scanned, t.violating])).toEqual([
      [7, 2, 1],
      [8, 3, 1],
    ]);
  });

  it('scores each project, sorted by key', () => {
    const b = breakdown();
    expect(b.projects.map((p) => [p.projectKey, p.scanned, p.violating, p.score])).toEqual([
      ['CARD', 2, 1, 0.5],
      ['PAY', 2, 1, 0.5],
    ]);
  });

  it('scores each configured product, counting an issue in every product it maps to', () => {
    const b = breakdown();
    const row = (k: string) => b.products.find((p) => p.productKey === k);
    expect(b.products.map((p) => p.productKey)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    expect([row('payments')?.scanned, row('payments')?.violating]).toEqual([2, 2]);
    expect([row('loans')?.scanned, row('loans')?.violating]).toEqual([3, 1]);
    expect(row('savings')?.score).toBeNull();
  });

  it('gives the count and keys per rule for each assignee, unassigned last', () => {
    const b = breakdown();
    expect(b.assignees.map((a) => a.accountId)).toEqual(['anna', 'boris', null]);
    const anna = b.assignees[0];
    expect(anna?.rules.find((r) => r.id === 'missing-description')).toMatchObject({ count: 1, issues: ['PAY-1'] });
    expect(b.assignees[2]?.rules.find((r) => r.id === 'unassigned-in-progress')?.issues).toEqual(['CARD-1']);
  });

  it('scores all four issues overall: PAY-1 and CARD-1 break rules, PAY-2 and CARD-2 do not', () => {
    const b = breakdown();
    expect([b.overall.scanned, b.overall.violating, b.overall.score]).toEqual([4, 2, 0.5]);
    const broken = b.overall.rules.filter((r) => r.count > 0).map((r) => [r.id, r.issues]);
    expect(broken).toEqual([
      ['unassigned-in-progress', ['CARD-1']],
      ['missing-description', ['PAY-1']],
      ['missing-acceptance-criteria', ['PAY-1']],
    ]);
  });
});

describe('hygieneScope', () => {
  const jira = (o: Parameters<typeof generateIssue>[0]) => generateIssue({ created: '2026-01-05T09:00:00Z', ...o });
  it('scans every issue not done', () => {
    expect(hygieneScope(jira({ status: STATUSES.inProgress, updated: NOW - 300 * DAY }), NOW)).toBe(true);
  });
  it('scans a done issue updated in the 30 days before now, both ends included', () => {
    expect(hygieneScope(jira({ status: STATUSES.done, updated: NOW - 30 * DAY }), NOW)).toBe(true);
    expect(hygieneScope(jira({ status: STATUSES.done, updated: NOW }), NOW)).toBe(true);
    expect(hygieneScope(jira({ status: STATUSES.done, updated: NOW - 30 * DAY - 1 }), NOW)).toBe(false);
  });
  it('skips issues created after now', () => {
    expect(hygieneScope(jira({ created: NOW + 1, status: STATUSES.todo }), NOW)).toBe(false);
  });
});

describe('hygieneReport on generated issues', () => {
  const statuses = Object.values(STATUSES);
  const arbIssue = fc.record({
    n: fc.integer({ min: 1, max: 400 }),
    project: fc.constantFrom('PAY', 'CARD', 'AB'),
    status: fc.constantFrom(...statuses),
    assignee: fc.option(fc.constantFrom('anna', 'boris'), { nil: null }),
    resolution: fc.option(fc.constant('Done'), { nil: null }),
    labels: fc.subarray(['payments', 'web', 'kib']),
    description: fc.constantFrom(null, '', 'text', 'Acceptance criteria: x'),
    updatedDaysAgo: fc.integer({ min: 0, max: 60 }),
    duedate: fc.constantFrom(null, '2026-03-01', '2026-04-01', '2026-05-01'),
    sprints: fc.subarray([3, 4, 5]),
    estimate: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  });

  it('keeps its figures consistent with the issues it names', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbIssue, { selector: (i) => `${i.project}-${i.n}`, maxLength: 25 }), (specs) => {
        const issues = specs.map((s) =>
          issue({
            key: `${s.project}-${s.n}`,
            status: s.status,
            assignee: s.assignee,
            resolution: s.resolution,
            labels: s.labels,
            description: s.description,
            updated: NOW - s.updatedDaysAgo * DAY,
            duedate: s.duedate,
            sprints: s.sprints,
            estimate: s.estimate,
          }),
        );
        const c = ctx();
        const r = hygieneReport({ issues, ctx: c });
        expect(r.scanned).toBe(issues.length);
        const named = new Set(r.rules.flatMap((x) => x.issues));
        expect(r.violating).toBe(named.size);
        expect(r.score).toBe(issues.length === 0 ? null : 1 - named.size / issues.length);
        for (const rule of r.rules) {
          expect(rule.count).toBe(rule.issues.length);
          expect([...rule.issues].sort(compareKeys)).toEqual(rule.issues);
        }
        for (const p of issues) {
          const mine = issueViolations(p, c).map((v) => v.id);
          expect(r.rules.filter((x) => x.issues.includes(p.key)).map((x) => x.id)).toEqual(mine);
        }
      }),
      { numRuns: 60 },
    );
  });
});
