import fc from 'fast-check';
import type { BusinessCalendar, GovernanceConfig } from '../../src/domain/config';
import { defaultConfig } from '../../src/domain/config';
import { defectClock, defectReport, type DefectSettings } from '../../src/domain/defects';
import { changePointsIn, valueAt } from '../../src/domain/history';
import type { ChangelogHistory, JiraStatus } from '../../src/domain/jira';
import { prepareIssue, statusCatalog, type PreparedIssue } from '../../src/domain/issue';
import { ALL_STATUSES, generateHistory, generateIssue } from '../../src/domain/testing/generate';

const MINUTE = 60_000;
const BASE = Date.parse('2026-03-02T00:00:00Z');
const UNKNOWN: JiraStatus = { id: '99999', name: 'Unmapped', statusCategory: { key: 'undefined' } };
const STATUSES = [...ALL_STATUSES, UNKNOWN];
const catalog = statusCatalog(ALL_STATUSES);
const fields = { sprint: null, estimation: null };

const CALENDARS: BusinessCalendar[] = [
  { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '18:00' }, holidays: ['2026-03-27'] },
  { timeZone: 'America/New_York', workingDays: [7, 1, 2, 3, 4], workingHours: { start: '08:30', end: '24:00' }, holidays: [] },
];

interface Scenario {
  created: number;
  initial: JiraStatus;
  histories: ChangelogHistory[];
  now: number;
  pauseStatuses: { id: string }[];
}

/** A bug's random life: status changes minutes to days apart (several sometimes at one instant). */
const arbScenario: fc.Arbitrary<Scenario> = fc
  .record({
    createdMinute: fc.integer({ min: 0, max: 60 * 24 * 30 }),
    initial: fc.constantFrom(...STATUSES),
    steps: fc.array(fc.record({ gap: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 * 24 * 4 })), to: fc.constantFrom(...STATUSES) }), {
      maxLength: 12,
    }),
    nowMinute: fc.integer({ min: -60 * 24, max: 60 * 24 * 40 }),
    pauseStatuses: fc.subarray([...STATUSES.map((x) => x.id), '424242']).map((ids) => ids.map((id) => ({ id }))),
  })
  .map(({ createdMinute, initial, steps, nowMinute, pauseStatuses }) => {
    const created = BASE + createdMinute * MINUTE;
    let t = created;
    let from = initial;
    const histories = steps.map(({ gap, to }) => {
      t += gap * MINUTE;
      const h = generateHistory([{ at: t, field: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name }]);
      from = to;
      return h;
    });
    return { created, initial, histories, now: created + nowMinute * MINUTE, pauseStatuses };
  });

function prepared(s: Scenario, histories = s.histories): PreparedIssue {
  const last = s.histories.length ? (STATUSES.find((x) => x.id === s.histories.at(-1)?.items[0]?.to) as JiraStatus) : s.initial;
  return prepareIssue(generateIssue({ key: 'PAY-1', id: '1', type: 'Bug', created: s.created, status: last, histories }), fields, histories);
}

function settings(s: Scenario, calendar: BusinessCalendar | null = null): DefectSettings {
  const defects: GovernanceConfig['defects'] = { ...defaultConfig().defects, pauseStatuses: s.pauseStatuses, calendar };
  return { defects };
}

/** Reference: replays the status at every change point with `valueAt` and adds up the running spans. */
function referenceElapsed(issue: PreparedIssue, config: DefectSettings, now: number): number {
  if (now < issue.created) return 0;
  const pause = new Set(config.defects.pauseStatuses.map((p) => p.id));
  const running = (id: string | null | undefined) => (id === undefined || id === null ? true : catalog.get(id) !== 'done' && !pause.has(id));
  const points = [issue.created, ...changePointsIn(issue.status, issue.created, now), now];
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as number;
    if (running(valueAt(issue.status, a))) total += (points[i + 1] as number) - a;
  }
  return total;
}

describe('defect clock properties', () => {
  it('never counts more than the time since creation, and 24×7 equals a replay of the status at each change', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const issue = prepared(s);
        const config = settings(s);
        const c = defectClock(issue, catalog, config, s.now);
        expect(c.elapsedMs).toBeGreaterThanOrEqual(0);
        expect(c.elapsedMs).toBeLessThanOrEqual(Math.max(0, s.now - s.created));
        expect(c.elapsedMs).toBe(referenceElapsed(issue, config, s.now));
      }),
      { numRuns: 300 },
    );
  });

  it('counts no more with a business calendar than round the clock', () => {
    fc.assert(
      fc.property(arbScenario, fc.constantFrom(...CALENDARS), (s, calendar) => {
        const issue = prepared(s);
        const always = defectClock(issue, catalog, settings(s), s.now);
        const working = defectClock(issue, catalog, settings(s, calendar), s.now);
        expect(working.elapsedMs).toBeLessThanOrEqual(always.elapsedMs);
        expect(working.done).toBe(always.done);
        expect(working.resolvedAt).toBe(always.resolvedAt);
      }),
      { numRuns: 200 },
    );
  });

  it('has a resolution exactly when done now, between creation and now', () => {
    fc.assert(
      fc.property(arbScenario, (s) => {
        const c = defectClock(prepared(s), catalog, settings(s), s.now);
        expect(c.resolvedAt !== null).toBe(c.done);
        if (c.resolvedAt !== null) {
          expect(c.resolvedAt).toBeGreaterThanOrEqual(s.created);
          expect(c.resolvedAt).toBeLessThanOrEqual(s.now);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same clock and report whatever order Jira returns the histories in', () => {
    const arb = arbScenario.chain((s) =>
      fc.tuple(fc.constant(s), fc.shuffledSubarray(s.histories, { minLength: s.histories.length, maxLength: s.histories.length }), fc.constantFrom(null, ...CALENDARS)),
    );
    fc.assert(
      fc.property(arb, ([s, shuffled, calendar]) => {
        const config = settings(s, calendar);
        const inOrder = prepared(s);
        const reordered = prepared(s, shuffled);
        expect(defectClock(reordered, catalog, config, s.now)).toEqual(defectClock(inOrder, catalog, config, s.now));
        const args = { catalog, config, now: s.now, from: BASE, to: BASE + 40 * 24 * 60 * MINUTE };
        const boards = [{ boardId: 1, issueIds: new Set(['1']) }];
        expect(defectReport({ ...args, issues: [reordered], boards })).toEqual(defectReport({ ...args, issues: [inOrder], boards }));
      }),
      { numRuns: 200 },
    );
  });
});
