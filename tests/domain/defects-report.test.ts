import type { GovernanceConfig } from '../../src/domain/config';
import { defaultConfig } from '../../src/domain/config';
import { defectClock, defectReport, type DefectReportArgs } from '../../src/domain/defects';
import type { JiraStatus } from '../../src/domain/jira';
import { prepareIssue, statusCatalog, type PreparedIssue } from '../../src/domain/issue';
import type { DefectFigures } from '../../src/domain/report';
import { ALL_STATUSES, generateHistory, generateIssue, STATUSES as S } from '../../src/domain/testing/generate';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const NOW = '2026-03-20T00:00:00.000Z';
const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-03-15T00:00:00.000Z';

interface BugSpec {
  key: string;
  created: string | number;
  /** Instants and the status moved to; the bug starts in To Do. */
  moves?: [string | number, JiraStatus][];
  type?: string;
  priority?: string | null;
}

function bug(o: BugSpec): PreparedIssue {
  let current = S.todo;
  const histories = (o.moves ?? []).map(([when, to]) => {
    const h = generateHistory([{ at: when, field: 'status', from: current.id, fromString: current.name, to: to.id, toString: to.name }]);
    current = to;
    return h;
  });
  const issue = generateIssue({ key: o.key, id: `id-${o.key}`, type: o.type ?? 'Bug', created: o.created, status: current, histories, priority: o.priority });
  return prepareIssue(issue, { sprint: null, estimation: null });
}

/** A bug of the given priority resolved at `resolved`, `hours` after its creation. */
function resolvedBug(key: string, resolved: string | number, hours: number, priority = 'High'): PreparedIssue {
  const end = typeof resolved === 'number' ? resolved : at(resolved);
  return bug({ key, priority, created: end - hours * HOUR, moves: [[end, S.done]] });
}

/** A bug of the given priority still open at NOW, created `hours` before it. */
function openBug(key: string, hours: number, priority: string | null = 'High'): PreparedIssue {
  return bug({ key, priority, created: at(NOW) - hours * HOUR });
}

function report(issues: PreparedIssue[], o: { defects?: Partial<GovernanceConfig['defects']>; boards?: DefectReportArgs['boards'] } = {}) {
  return defectReport({
    issues,
    boards: o.boards ?? [{ boardId: 1, issueIds: new Set(issues.map((i) => i.id)) }],
    catalog: statusCatalog(ALL_STATUSES),
    config: { defects: { ...defaultConfig().defects, ...o.defects } },
    now: at(NOW),
    from: at(FROM),
    to: at(TO),
  });
}

const empty: DefectFigures = {
  resolved: 0,
  met: 0,
  breached: 0,
  compliance: null,
  medianHours: null,
  p85Hours: null,
  open: 0,
  openBreached: 0,
  atRisk: 0,
};

describe('defectReport', () => {
  it('lists the bugs open at now or resolved in the period, sorted by key, with unrounded hours', () => {
    const r = report([
      openBug('PAY-10', 4 / 3),
      resolvedBug('PAY-9', '2026-03-10T00:00:00Z', 2.5),
      resolvedBug('ABC-2', '2026-03-10T00:00:00Z', 1, 'Highest'),
      resolvedBug('PAY-1', '2026-02-10T00:00:00Z', 1), // resolved before the period
      bug({ key: 'PAY-3', type: 'Story', created: '2026-03-02T00:00:00Z' }), // not a defect
    ]);
    expect(r.from).toBe(FROM);
    expect(r.to).toBe(TO);
    expect(r.issues).toEqual([
      { key: 'ABC-2', priority: 'Highest', priorityId: '1', elapsedHours: 1, targetHours: 24, outcome: 'met' },
      { key: 'PAY-9', priority: 'High', priorityId: '2', elapsedHours: 2.5, targetHours: 72, outcome: 'met' },
      { key: 'PAY-10', priority: 'High', priorityId: '2', elapsedHours: 4 / 3, targetHours: 72, outcome: 'onTrack' },
    ]);
  });

  it('includes resolutions exactly at both ends of the period, and nothing a millisecond outside', () => {
    const r = report([
      resolvedBug('PAY-1', at(FROM), 1),
      resolvedBug('PAY-2', at(TO), 1),
      resolvedBug('PAY-3', at(FROM) - 1, 1),
      resolvedBug('PAY-4', at(TO) + 1, 1),
    ]);
    expect(r.issues.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2']);
    expect(r.total.resolved).toBe(2);
  });

  it('ignores a bug created after now', () => {
    const r = report([openBug('PAY-1', 1), bug({ key: 'PAY-2', created: at(NOW) + 1 })]);
    expect(r.issues.map((i) => i.key)).toEqual(['PAY-1']);
    expect(r.total.open).toBe(1);
    expect(r.openPerBoard).toEqual([{ boardId: 1, open: 1, openNoSla: 0 }]);
  });

  it('judges each bug against its target: met, breached (done or not), at risk, on track', () => {
    // High: 72 h, at risk from 57.6 h.
    const r = report([
      resolvedBug('PAY-1', '2026-03-10T00:00:00Z', 72), // met: exactly the target
      resolvedBug('PAY-2', '2026-03-10T00:00:00Z', 73), // breached, done
      openBug('PAY-3', 80), // breached, open
      openBug('PAY-4', 57.6), // at risk: exactly 0.8 × 72
      openBug('PAY-5', 57.5), // on track
    ]);
    expect(r.issues.map((i) => [i.key, i.outcome])).toEqual([
      ['PAY-1', 'met'],
      ['PAY-2', 'breached'],
      ['PAY-3', 'breached'],
      ['PAY-4', 'atRisk'],
      ['PAY-5', 'onTrack'],
    ]);
    const figures: DefectFigures = {
      resolved: 2,
      met: 1,
      breached: 1,
      compliance: 0.5,
      medianHours: 72,
      p85Hours: 73,
      open: 3,
      openBreached: 1,
      atRisk: 1,
    };
    expect(r.total).toEqual(figures);
    expect(r.byPriority.find((row) => row.priority === 'High')).toEqual({ priority: 'High', priorityId: '2', targetHours: 72, ...figures });
  });

  it('counts a bug without a target in noSla, lists it with outcome noSla, and leaves it out of the figures', () => {
    const r = report([openBug('PAY-1', 5000, 'Trivial'), resolvedBug('PAY-2', '2026-03-10T00:00:00Z', 2, 'Trivial'), openBug('PAY-3', 1, 'Low')]);
    expect(r.noSla).toBe(2);
    expect(r.issues.slice(0, 2)).toEqual([
      { key: 'PAY-1', priority: 'Trivial', priorityId: '10010', elapsedHours: 5000, targetHours: null, outcome: 'noSla' },
      { key: 'PAY-2', priority: 'Trivial', priorityId: '10010', elapsedHours: 2, targetHours: null, outcome: 'noSla' },
    ]);
    expect(r.total).toEqual({ ...empty, open: 1 });
    // It is still an open defect of its team.
    expect(r.openPerBoard).toEqual([{ boardId: 1, open: 2, openNoSla: 1 }]);
  });

  it('gives a bug of an unlisted priority the default target: in the total, in no priority row', () => {
    const r = report([openBug('PAY-1', 150, 'Trivial'), openBug('PAY-2', 1, null)], { defects: { defaultTargetHours: 100 } });
    expect(r.noSla).toBe(0);
    expect(r.issues).toEqual([
      { key: 'PAY-1', priority: 'Trivial', priorityId: '10010', elapsedHours: 150, targetHours: 100, outcome: 'breached' },
      { key: 'PAY-2', priority: null, priorityId: null, elapsedHours: 1, targetHours: 100, outcome: 'onTrack' },
    ]);
    expect(r.total).toEqual({ ...empty, open: 2, openBreached: 1 });
    expect(r.byPriority.every((row) => row.open === 0)).toBe(true);
  });

  it("lists a row for every configured priority, in the configuration's order, even without defects", () => {
    const targets = [
      { priority: { id: '4', name: 'Low' }, hours: 720 },
      { priority: { id: '1', name: 'Highest' }, hours: 24 },
      { priority: { id: '2', name: 'High' }, hours: 72 },
    ];
    const r = report([openBug('PAY-1', 1, 'High')], { defects: { targets } });
    expect(r.byPriority.map((row) => [row.priority, row.targetHours])).toEqual([
      ['Low', 720],
      ['Highest', 24],
      ['High', 72],
    ]);
    expect(r.byPriority[0]).toEqual({ priority: 'Low', priorityId: '4', targetHours: 720, ...empty });
    expect(r.byPriority[2]?.open).toBe(1);
    expect(r.issues[0]).toMatchObject({ priority: 'High', priorityId: '2', targetHours: 72 });
  });

  it('counts a defect by its priority id whatever the name its reader sees, and shows the configured name', () => {
    const russian = prepareIssue(generateIssue({ key: 'PAY-1', id: 'id-PAY-1', type: 'Ошибка', untranslatedType: 'Bug', typeId: '10004', created: at(NOW) - HOUR, priority: 'Высокий', priorityId: '2' }), {
      sprint: null,
      estimation: null,
    });
    const english = prepareIssue(generateIssue({ key: 'PAY-1', id: 'id-PAY-1', type: 'Bug', created: at(NOW) - HOUR, priority: 'High' }), { sprint: null, estimation: null });
    expect(report([russian])).toEqual(report([english]));
    expect(report([russian]).issues[0]).toMatchObject({ priority: 'High', priorityId: '2', targetHours: 72 });
  });

  it('says how many open defects have no SLA target, so the per-board counts add up', () => {
    const r = report([openBug('PAY-1', 1, 'High'), openBug('PAY-2', 1, 'Blocker'), resolvedBug('PAY-3', '2026-03-10T00:00:00Z', 1, 'Blocker')]);
    expect(r.total.open).toBe(1);
    expect(r.noSla).toBe(2);
    expect(r.noSlaOpen).toBe(1);
    expect(r.openPerBoard).toEqual([{ boardId: 1, open: 2, openNoSla: 1 }]);
    expect(r.total.open + r.noSlaOpen).toBe(r.openPerBoard[0]?.open);
  });

  it('takes the median and 85th percentile of resolution hours by nearest rank (N = 7)', () => {
    const hours = [7, 1, 6, 2, 5, 3, 4];
    const r = report(hours.map((h, i) => resolvedBug(`PAY-${i + 1}`, '2026-03-10T00:00:00Z', h, 'Medium')));
    expect(r.total.medianHours).toBe(4);
    expect(r.total.p85Hours).toBe(6);
    expect(r.byPriority.find((row) => row.priority === 'Medium')).toMatchObject({ resolved: 7, met: 7, compliance: 1, medianHours: 4, p85Hours: 6 });
  });

  it('takes the 85th percentile of four resolution times as the longest (rank ⌈3.4⌉ = 4)', () => {
    const r = report([1, 8, 2, 4].map((h, i) => resolvedBug(`PAY-${i + 1}`, '2026-03-10T00:00:00Z', h, 'Medium')));
    expect(r.total.p85Hours).toBe(8);
    expect(r.total.medianHours).toBe(2);
  });

  it('leaves compliance and percentiles null when nothing was resolved in the period', () => {
    const r = report([openBug('PAY-1', 1)]);
    expect(r.total).toEqual({ ...empty, open: 1 });
    expect(r.byPriority.every((row) => row.compliance === null && row.medianHours === null && row.p85Hours === null)).toBe(true);
  });

  it('counts the open defects of each board, a bug on two boards on both', () => {
    const a = openBug('PAY-1', 1);
    const b = openBug('PAY-2', 1, 'Trivial');
    const c = resolvedBug('PAY-3', '2026-03-10T00:00:00Z', 1);
    const d = openBug('WEB-1', 1);
    const story = bug({ key: 'WEB-2', type: 'Story', created: '2026-03-02T00:00:00Z' });
    const r = report([a, b, c, d, story], {
      boards: [
        { boardId: 7, issueIds: new Set([a.id, b.id, c.id]) },
        { boardId: 3, issueIds: new Set([b.id, d.id, story.id]) },
        { boardId: 9, issueIds: new Set() },
      ],
    });
    expect(r.openPerBoard).toEqual([
      { boardId: 7, open: 2, openNoSla: 1 },
      { boardId: 3, open: 2, openNoSla: 1 },
      { boardId: 9, open: 0, openNoSla: 0 },
    ]);
  });

  it('counts a bug given twice once', () => {
    const a = openBug('PAY-1', 1);
    const r = report([a, a]);
    expect(r.total.open).toBe(1);
    expect(r.issues).toHaveLength(1);
  });

  it("takes the target of the bug's priority at now, not of a later change", () => {
    const raised = generateHistory([{ at: at(NOW) + HOUR, field: 'priority', from: '3', fromString: 'Medium', to: '1', toString: 'Highest' }]);
    const issue = prepareIssue(generateIssue({ key: 'PAY-1', type: 'Bug', created: at(NOW) - 30 * HOUR, priority: 'Highest', histories: [raised] }), {
      sprint: null,
      estimation: null,
    });
    expect(report([issue]).issues).toEqual([{ key: 'PAY-1', priority: 'Medium', priorityId: '3', elapsedHours: 30, targetHours: 240, outcome: 'onTrack' }]);
  });

  it('recognises defect types by untranslated name, case-insensitively', () => {
    const r = report([bug({ key: 'PAY-1', type: 'bug', created: at(NOW) - HOUR }), bug({ key: 'PAY-2', type: 'Defect', created: at(NOW) - HOUR })], {
      defects: { issueTypes: [{ untranslatedName: 'BUG' }, { untranslatedName: 'defect' }] },
    });
    expect(r.issues.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2']);
  });
});

describe('defect report: edges a mutation run found untested', () => {
  it('counts a bug created at the very instant of now, and not one created after it', () => {
    const r = report([openBug('PAY-1', 0), bug({ key: 'PAY-2', created: at(NOW) + 1 })]);
    expect(r.total.open).toBe(1);
    expect(r.issues.map((i) => i.key)).toEqual(['PAY-1']);
  });

  it('tells bugs from stories whichever comes first, each type judged on its own', () => {
    for (const order of [
      ['Story', 'Bug'],
      ['Bug', 'Story'],
    ]) {
      const issues = order.map((type, i) => bug({ key: `PAY-${i + 1}`, created: at(NOW) - HOUR, type }));
      const r = report(issues);
      expect(r.issues.map((i) => i.key)).toEqual([`PAY-${order.indexOf('Bug') + 1}`]);
    }
  });

  it('lists the defects by project key, then by number as a number', () => {
    const r = report([openBug('WEB-1', 1), openBug('PAY-10', 1), openBug('PAY-2', 1), openBug('CARD-3', 1)]);
    expect(r.issues.map((i) => i.key)).toEqual(['CARD-3', 'PAY-2', 'PAY-10', 'WEB-1']);
  });

  it('labels a priority with no target by the issue’s own name when it is the current one, else by its id', () => {
    const r = report([openBug('PAY-1', 1, 'Blocker')], { defects: { defaultTargetHours: 100 } });
    expect(r.issues[0]?.priority).toBe('Blocker');
    const moved = prepareIssue(
      generateIssue({
        key: 'PAY-2',
        id: 'id-PAY-2',
        type: 'Bug',
        created: at(NOW) - 10 * HOUR,
        priority: 'Blocker',
        histories: [generateHistory([{ at: at(NOW) + HOUR, field: 'priority', from: '10077', fromString: 'Critical', to: '10010', toString: 'Blocker' }])],
      }),
      { sprint: null, estimation: null },
    );
    // At now the priority was the one it had before (10077), not today's: named by its id.
    expect(report([moved], { defects: { defaultTargetHours: 100 } }).issues[0]).toMatchObject({ priorityId: '10077', priority: '#10077' });
  });
});

describe('defect clock at the instant of creation', () => {
  it('has a bug created straight into a done status done at that very instant', () => {
    const created = at(NOW) - 5 * HOUR;
    const done = prepareIssue(generateIssue({ key: 'PAY-3', type: 'Bug', created, status: S.done }), { sprint: null, estimation: null });
    const config = { defects: defaultConfig().defects };
    expect(defectClock(done, statusCatalog(ALL_STATUSES), config, created)).toEqual({ elapsedMs: 0, done: true, resolvedAt: created });
    expect(defectClock(done, statusCatalog(ALL_STATUSES), config, created - 1)).toMatchObject({ done: false, resolvedAt: null });
  });
});
