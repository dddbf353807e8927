import type { BusinessCalendar, GovernanceConfig } from '../../src/domain/config';
import { defaultConfig } from '../../src/domain/config';
import { defectClock, defectOutcome, defectTarget, isDefect, nearestRank, priorityAt, type DefectSettings } from '../../src/domain/defects';
import type { JiraStatus } from '../../src/domain/jira';
import { prepareIssue, statusCatalog, type PreparedIssue } from '../../src/domain/issue';
import { ALL_STATUSES, generateHistory, generateIssue, STATUSES as S } from '../../src/domain/testing/generate';

const HOUR = 3_600_000;
const at = (iso: string): number => Date.parse(iso);
const catalog = statusCatalog(ALL_STATUSES);

function settings(o: Partial<GovernanceConfig['defects']> = {}): DefectSettings {
  return { defects: { ...defaultConfig().defects, ...o } };
}

/** A bug created in To Do (or `initial`) that moves through `moves` (instant, status). */
function bug(o: {
  created: string;
  moves?: [string, JiraStatus][];
  initial?: JiraStatus;
  type?: string;
  typeId?: string;
  untranslatedType?: string | null;
  priority?: string | null;
}): PreparedIssue {
  let current = o.initial ?? S.todo;
  const histories = (o.moves ?? []).map(([when, to]) => {
    const h = generateHistory([{ at: when, field: 'status', from: current.id, fromString: current.name, to: to.id, toString: to.name }]);
    current = to;
    return h;
  });
  const issue = generateIssue({
    type: o.type ?? 'Bug',
    created: o.created,
    status: current,
    histories,
    priority: o.priority,
    ...(o.typeId !== undefined ? { typeId: o.typeId } : {}),
    ...(o.untranslatedType !== undefined ? { untranslatedType: o.untranslatedType } : {}),
  });
  return prepareIssue(issue, { sprint: null, estimation: null });
}

const clock = (issue: PreparedIssue, now: string, config = settings()) => defectClock(issue, catalog, config, at(now));

describe('isDefect', () => {
  const created = '2026-03-02T09:00:00Z';
  it('matches the built-in default (untranslated name Bug) whatever name the reader sees', () => {
    expect(isDefect(bug({ created, type: 'Bug' }), settings())).toBe(true);
    // A Russian-speaking reader: the name is localized, the untranslated name stays English.
    expect(isDefect(bug({ created, type: 'Ошибка', untranslatedType: 'Bug', typeId: '10004' }), settings())).toBe(true);
    expect(isDefect(bug({ created, type: 'История', untranslatedType: 'Story', typeId: '10001' }), settings())).toBe(false);
  });
  it('compares untranslated names case-insensitively, and falls back to the name only where Jira gave no untranslated name', () => {
    expect(isDefect(bug({ created, type: 'bug', untranslatedType: null }), settings())).toBe(true);
    expect(isDefect(bug({ created, type: 'Incident', untranslatedType: 'Incident', typeId: '10100' }), settings({ issueTypes: [{ untranslatedName: 'BUG' }, { untranslatedName: 'incident' }] }))).toBe(true);
    // A localized name is never taken for an untranslated one.
    expect(isDefect(bug({ created, type: 'Ошибка', untranslatedType: 'Defect', typeId: '10004' }), settings())).toBe(false);
  });
  it('matches a type configured by id, whatever its names', () => {
    const byId = settings({ issueTypes: [{ id: '10100', name: 'Incident' }] });
    expect(isDefect(bug({ created, type: 'Инцидент', untranslatedType: null, typeId: '10100' }), byId)).toBe(true);
    expect(isDefect(bug({ created, type: 'Incident', untranslatedType: 'Incident', typeId: '10101' }), byId)).toBe(false);
  });
});

describe('defectTarget', () => {
  const config = settings({ targets: [{ priority: { id: '1', name: 'Highest' }, hours: 24 }, { priority: { id: '2' }, hours: 72 }], defaultTargetHours: null });
  it("takes the target of the defect's priority, by id", () => {
    expect(defectTarget('1', config)).toBe(24);
    expect(defectTarget('2', config)).toBe(72);
  });
  it('falls back to the default target, and to none', () => {
    expect(defectTarget('10000', config)).toBeNull();
    expect(defectTarget(null, config)).toBeNull();
    const withDefault = settings({ targets: [{ priority: { id: '2' }, hours: 72 }], defaultTargetHours: 500 });
    expect(defectTarget('10000', withDefault)).toBe(500);
    expect(defectTarget(null, withDefault)).toBe(500);
  });
  it('has targets for Jira Cloud default priorities (ids 1–4) in the built-in defaults', () => {
    expect(['1', '2', '3', '4', '5'].map((id) => defectTarget(id, settings()))).toEqual([24, 72, 240, 720, null]);
  });
});

describe('defectClock', () => {
  it('runs from creation while the bug is not done', () => {
    const c = clock(bug({ created: '2026-03-02T09:00:00Z', moves: [['2026-03-02T10:00:00Z', S.inProgress]] }), '2026-03-02T15:30:00Z');
    expect(c).toEqual({ elapsedMs: 6.5 * HOUR, done: false, resolvedAt: null });
  });

  it('stops when the bug is done and runs again after reopening; resolved at its last entry into done', () => {
    const reopened = bug({
      created: '2026-03-02T09:00:00Z',
      moves: [
        ['2026-03-02T10:00:00Z', S.inProgress],
        ['2026-03-02T15:00:00Z', S.done], // 6 h
        ['2026-03-03T09:00:00Z', S.todo], // reopened
        ['2026-03-03T12:00:00Z', S.done], // 3 h more
        ['2026-03-04T09:00:00Z', S.closed], // done to done: not a new resolution
      ],
    });
    expect(clock(reopened, '2026-03-05T00:00:00Z')).toEqual({ elapsedMs: 9 * HOUR, done: true, resolvedAt: at('2026-03-03T12:00:00Z') });
    // Seen while reopened, the clock is running and the bug has no resolution.
    expect(clock(reopened, '2026-03-03T10:00:00Z')).toEqual({ elapsedMs: 7 * HOUR, done: false, resolvedAt: null });
    // Seen between the two resolutions, the first one counts.
    expect(clock(reopened, '2026-03-02T20:00:00Z')).toEqual({ elapsedMs: 6 * HOUR, done: true, resolvedAt: at('2026-03-02T15:00:00Z') });
  });

  it('counts a change stamped exactly at now as having happened', () => {
    const c = clock(bug({ created: '2026-03-02T09:00:00Z', moves: [['2026-03-02T11:00:00Z', S.done]] }), '2026-03-02T11:00:00Z');
    expect(c).toEqual({ elapsedMs: 2 * HOUR, done: true, resolvedAt: at('2026-03-02T11:00:00Z') });
  });

  it('does not count time in a pause status, matched by id', () => {
    const waiting = bug({
      created: '2026-03-02T09:00:00Z',
      moves: [
        ['2026-03-02T11:00:00Z', S.waiting], // 2 h, then paused
        ['2026-03-02T15:00:00Z', S.inProgress], // 2 h more until now
      ],
    });
    expect(clock(waiting, '2026-03-02T17:00:00Z', settings({ pauseStatuses: [{ id: S.waiting.id, name: 'Ожидает клиента' }] })).elapsedMs).toBe(4 * HOUR);
    expect(clock(waiting, '2026-03-02T17:00:00Z', settings({ pauseStatuses: [{ id: S.waiting.id }] })).elapsedMs).toBe(4 * HOUR);
    expect(clock(waiting, '2026-03-02T17:00:00Z', settings({ pauseStatuses: [] })).elapsedMs).toBe(8 * HOUR);
    // Paused now: the clock stands still, and the bug is open.
    expect(clock(waiting, '2026-03-02T14:00:00Z', settings({ pauseStatuses: [{ id: S.waiting.id }] }))).toEqual({
      elapsedMs: 2 * HOUR,
      done: false,
      resolvedAt: null,
    });
  });

  it('keeps the clock running in a status of unknown category', () => {
    const mystery: JiraStatus = { id: '99999', name: 'Mystery', statusCategory: { key: 'undefined' } };
    const c = clock(bug({ created: '2026-03-02T09:00:00Z', moves: [['2026-03-02T10:00:00Z', mystery]] }), '2026-03-02T12:00:00Z');
    expect(c).toEqual({ elapsedMs: 3 * HOUR, done: false, resolvedAt: null });
  });

  it('resolves a bug created straight into done at its creation', () => {
    const c = clock(bug({ created: '2026-03-02T09:00:00Z', initial: S.done }), '2026-03-03T00:00:00Z');
    expect(c).toEqual({ elapsedMs: 0, done: true, resolvedAt: at('2026-03-02T09:00:00Z') });
  });

  it('has not started for a bug created after now', () => {
    expect(clock(bug({ created: '2026-03-05T09:00:00Z' }), '2026-03-04T00:00:00Z')).toEqual({ elapsedMs: 0, done: false, resolvedAt: null });
  });

  it('counts only working time with a calendar: Friday 16:00 to Monday 11:00 in Berlin is 4 h', () => {
    const berlin: BusinessCalendar = {
      timeZone: 'Europe/Berlin',
      workingDays: [1, 2, 3, 4, 5],
      workingHours: { start: '09:00', end: '18:00' },
      holidays: [],
    };
    const weekend = bug({ created: '2026-03-06T15:00:00Z' }); // Friday 16:00 in Berlin
    expect(clock(weekend, '2026-03-09T10:00:00Z', settings({ calendar: berlin })).elapsedMs).toBe(4 * HOUR);
    // Monday 9 March a holiday: only Friday's 2 h.
    expect(clock(weekend, '2026-03-09T10:00:00Z', settings({ calendar: { ...berlin, holidays: ['2026-03-09'] } })).elapsedMs).toBe(2 * HOUR);
  });
});

describe('priorityAt', () => {
  it("is the priority id at now, replayed from the changelog, else the issue's current priority", () => {
    const history = generateHistory([
      { at: '2026-03-03T09:00:00Z', field: 'priority', from: '3', fromString: 'Medium', to: '1', toString: 'Highest' },
    ]);
    const issue = prepareIssue(generateIssue({ type: 'Bug', created: '2026-03-02T09:00:00Z', priority: 'Highest', histories: [history] }), {
      sprint: null,
      estimation: null,
    });
    expect(priorityAt(issue, at('2026-03-02T12:00:00Z'))).toBe('3');
    expect(priorityAt(issue, at('2026-03-03T09:00:00Z'))).toBe('1');
    expect(priorityAt(bug({ created: '2026-03-02T09:00:00Z', priority: 'Low' }), at('2026-03-04T00:00:00Z'))).toBe('4');
    expect(priorityAt(bug({ created: '2026-03-02T09:00:00Z', priority: null }), at('2026-03-04T00:00:00Z'))).toBeNull();
  });
});

describe('defectOutcome', () => {
  it('is met when done within the target, the target itself included', () => {
    expect(defectOutcome(24, 24, true, 0.8)).toBe('met');
    expect(defectOutcome(3, 24, true, 0.8)).toBe('met');
  });
  it('is breached past the target, done or not', () => {
    expect(defectOutcome(24 + 1 / HOUR, 24, true, 0.8)).toBe('breached');
    expect(defectOutcome(25, 24, false, 0.8)).toBe('breached');
  });
  it('is at risk from exactly atRiskShare × target while open', () => {
    // 0.8 × 24 is 19.200000000000003 in floating point; 19.2 h of elapsed time is still at risk.
    expect(defectOutcome((19.2 * HOUR) / HOUR, 24, false, 0.8)).toBe('atRisk');
    expect(defectOutcome(24, 24, false, 0.8)).toBe('atRisk');
    expect(defectOutcome(5, 10, false, 0.5)).toBe('atRisk');
  });
  it('is on track below that', () => {
    expect(defectOutcome((19.2 * HOUR - 1) / HOUR, 24, false, 0.8)).toBe('onTrack');
    expect(defectOutcome(0, 24, false, 0.8)).toBe('onTrack');
  });
  it('is noSla without a target', () => {
    expect(defectOutcome(1000, null, false, 0.8)).toBe('noSla');
    expect(defectOutcome(1, null, true, 0.8)).toBe('noSla');
  });
});

describe('nearestRank', () => {
  it('takes the value at rank ⌈p × N⌉ of the sorted values', () => {
    const seven = [1, 2, 3, 4, 5, 6, 7];
    expect(nearestRank(seven, 50)).toBe(4); // ⌈3.5⌉
    expect(nearestRank(seven, 85)).toBe(6); // ⌈5.95⌉
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(nearestRank(twenty, 85)).toBe(17); // exactly 17, not 18
    expect(nearestRank(twenty, 50)).toBe(10);
    expect(nearestRank([42], 85)).toBe(42);
    expect(nearestRank([], 50)).toBeNull();
  });

  it('rounds the rank up, never to the nearest: a fraction below one half still moves to the next value', () => {
    expect(nearestRank([1, 2, 3, 4], 85)).toBe(4); // ⌈3.4⌉ = 4, where rounding would give 3
    expect(nearestRank([10, 20, 30, 40, 50], 85)).toBe(50); // ⌈4.25⌉ = 5
    expect(nearestRank([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 50)).toBe(60); // ⌈5.5⌉ = 6
    expect(nearestRank([5, 6, 7], 10)).toBe(5); // ⌈0.3⌉ = 1: never rank 0
  });
});
