/**
 * The changelog replay in detail (docs/metrics.md, "How history is read"): which items belong to a
 * field, which side of an item is its value, the order histories apply in, values at and between
 * instants, and the raw values of Sprint, number and estimate fields.
 */
import fc from 'fast-check';
import {
  buildTimeline,
  buildTimelines,
  changePointsIn,
  compileReplay,
  estimatePoints,
  fieldRef,
  finalValue,
  historyIdNumber,
  isUnusableEstimate,
  itemFrom,
  itemMatches,
  itemTo,
  lastChangeIndex,
  orderHistories,
  parseEstimate,
  parseNumberValue,
  parseSprintIds,
  PRIORITY_FIELD,
  STATUS_FIELD,
  type Timeline,
  valueAt,
} from '../../src/domain/history';
import { ChangelogItem as ChangelogItemSchema, type ChangelogHistory, type ChangelogItem } from '../../src/domain/jira';
import { at } from '../../src/domain/testing/generate';

const CREATED = at('2026-03-01T00:00:00.000Z');
const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T00:00:00.000Z`;
/** An item; `toStr` is Jira's `toString` (an object literal's own `toString` would clash with the inherited method). */
interface ItemOf {
  field: string;
  fieldId?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toStr?: string | null;
}
const item = ({ toStr, ...o }: ItemOf): ChangelogItem => ({ from: null, fromString: null, to: null, toString: toStr ?? null, ...o });
const history = (id: string, created: string, ...items: ChangelogItem[]): ChangelogHistory => ({ id, created, items });
const status = (from: string, to: string): ChangelogItem => item({ field: 'status', fieldId: 'status', from, to });
const str = (raw: string | null): string | null => raw;

describe('which changelog items belong to a field', () => {
  const sprint = fieldRef('customfield_10020', 'Sprint', 'Спринт');

  it('goes by fieldId when the item has one, whatever its name says', () => {
    expect(itemMatches(item({ field: 'Sprint', fieldId: 'customfield_10020' }), sprint)).toBe(true);
    expect(itemMatches(item({ field: 'Sprint', fieldId: 'customfield_99999' }), sprint)).toBe(false);
    expect(itemMatches(item({ field: 'whatever', fieldId: 'status' }), STATUS_FIELD)).toBe(true);
  });

  it('goes by any of the names, or the id, case-insensitively, when it has none', () => {
    expect(itemMatches(item({ field: 'SPRINT' }), sprint)).toBe(true);
    expect(itemMatches(item({ field: 'спринт' }), sprint)).toBe(true);
    expect(itemMatches(item({ field: 'CustomField_10020' }), sprint)).toBe(true);
    expect(itemMatches(item({ field: 'Story Points' }), sprint)).toBe(false);
    expect(itemMatches(item({ field: 'Status' }), STATUS_FIELD)).toBe(true);
  });

  it('reads `to`, else `toString`, else no value (and the same for `from`)', () => {
    expect([itemTo(item({ field: 'x', to: '1', toStr: 'one' })), itemFrom(item({ field: 'x', from: '0', fromString: 'zero' }))]).toEqual(['1', '0']);
    expect([itemTo(item({ field: 'x', toStr: 'one' })), itemFrom(item({ field: 'x', fromString: 'zero' }))]).toEqual(['one', 'zero']);
    expect([itemTo(item({ field: 'x' })), itemFrom(item({ field: 'x' }))]).toEqual([null, null]);
  });

  it('replays the Sprint field by ids only, and a priority read by name by its string form first', () => {
    const histories = orderHistories([
      history('1', day(2), item({ field: 'Sprint', fromString: 'Sprint 1', toStr: 'Sprint 1, Sprint 2' })),
      history('2', day(3), item({ field: 'Sprint', from: '1', fromString: 'Sprint 1', to: '1, 2', toStr: 'Sprint 1, Sprint 2' })),
    ]);
    const ids = buildTimeline(histories, sprint, CREATED, 'now', str, 'ids');
    expect([valueAt(ids, CREATED), valueAt(ids, at(day(2))), valueAt(ids, at(day(3)))]).toEqual([null, null, '1, 2']);
    const value = buildTimeline(histories, sprint, CREATED, 'now', str);
    expect([valueAt(value, CREATED), valueAt(value, at(day(2))), valueAt(value, at(day(3)))]).toEqual(['Sprint 1', 'Sprint 1, Sprint 2', '1, 2']);

    const priorities = orderHistories([
      history('3', day(2), item({ field: 'priority', fieldId: 'priority', from: '3', fromString: 'Medium', to: '2', toStr: 'High' })),
      history('4', day(3), item({ field: 'priority', fieldId: 'priority', from: '2', to: '1' })),
    ]);
    const names = buildTimeline(priorities, PRIORITY_FIELD, CREATED, 'now', str, 'names');
    expect([valueAt(names, CREATED), valueAt(names, at(day(2))), valueAt(names, at(day(3)))]).toEqual(['Medium', 'High', '1']);
    const byIds = buildTimeline(priorities, PRIORITY_FIELD, CREATED, 'now', str, 'ids');
    expect([valueAt(byIds, CREATED), valueAt(byIds, at(day(2))), valueAt(byIds, at(day(3)))]).toEqual(['3', '2', '1']);
    const noValue = buildTimeline(orderHistories([history('5', day(2), item({ field: 'priority' }))]), PRIORITY_FIELD, CREATED, 'now', str, 'names');
    expect([valueAt(noValue, CREATED), valueAt(noValue, at(day(2)))]).toEqual([null, null]);
  });
});

describe('the order histories apply in', () => {
  it('reads a history id as the number it is, exactly as Number does, for any id', () => {
    expect(['0', '7', '10', '123456789012345', '1234567890123456', '', ' 7', '7a', '-1', '1e3', '0x10', '٣'].map(historyIdNumber)).toEqual([
      0, 7, 10, 123456789012345, 1234567890123456, 0, 7, Number.NaN, -1, 1000, 16, Number.NaN,
    ]);
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9]{0,18}$/), fc.string({ maxLength: 6 })), (id) => {
        expect(historyIdNumber(id)).toBe(Number(id));
      }),
    );
  });

  it('is by instant, then by id as a number, whatever order they come in', () => {
    const a = history('10', day(3), status('1', '2'));
    const b = history('9', day(3), status('2', '3'));
    const c = history('11', day(2), status('3', '4'));
    expect(orderHistories([a, b, c]).map((h) => h.history)).toEqual([c, b, a]);
    expect(orderHistories([c, b, a]).map((h) => h.history)).toEqual([c, b, a]);
    expect(orderHistories([c, a, b]).map((h) => h.history)).toEqual([c, b, a]);
    expect(orderHistories([b, c]).map((h) => h.history)).toEqual([c, b]);
    expect(orderHistories([c, b, a]).map((h) => [h.at, h.id])).toEqual([
      [at(day(2)), 11],
      [at(day(3)), 9],
      [at(day(3)), 10],
    ]);
  });

  it('gives the same timeline from the histories in any order', () => {
    const hs = [history('1', day(2), status('a', 'b')), history('2', day(2), status('b', 'c')), history('3', day(4), status('c', 'd')), history('4', day(5), status('d', 'e'))];
    const replay = compileReplay([{ ref: STATUS_FIELD, convert: str }]);
    const expected = { created: CREATED, initial: 'a', changeAt: [at(day(2)), at(day(4)), at(day(5))], values: ['c', 'd', 'e'] };
    fc.assert(
      fc.property(fc.shuffledSubarray(hs, { minLength: 4, maxLength: 4 }), (shuffled) => {
        expect(replay.build(shuffled, CREATED, ['now'])).toEqual([expected]);
      }),
    );
  });
});

describe('a compiled replay of several fields', () => {
  const assignee = fieldRef('assignee', 'assignee');
  const points = fieldRef('customfield_10016', 'Story Points');
  const replay = compileReplay([
    { ref: STATUS_FIELD, convert: str },
    { ref: assignee, convert: str },
    { ref: points, convert: parseNumberValue },
  ]);

  it('gives each field its own timeline, and a field that never changed its value now', () => {
    const [s, a, p] = replay.build(
      [
        history('2', day(3), status('b', 'c'), item({ field: 'Story Points', fromString: '3', toStr: '5' })),
        history('1', day(2), status('a', 'b')),
      ],
      CREATED,
      ['c', 'u-now', 5],
    ) as [Timeline<unknown>, Timeline<unknown>, Timeline<unknown>];
    expect(s).toEqual({ created: CREATED, initial: 'a', changeAt: [at(day(2)), at(day(3))], values: ['b', 'c'] });
    expect(a).toEqual({ created: CREATED, initial: 'u-now', changeAt: [], values: [] });
    expect(p).toEqual({ created: CREATED, initial: 3, changeAt: [at(day(3))], values: [5] });
  });

  it('keeps a field that first changes in the last history apart from a field that changed in every history', () => {
    const [s, a] = replay.build(
      [
        history('1', day(2), status('a', 'b')),
        history('2', day(3), status('b', 'c'), item({ field: 'assignee', fieldId: 'assignee', from: 'u-1', to: 'u-2' })),
      ],
      CREATED,
      ['c', 'u-2', null],
    ) as [Timeline<unknown>, Timeline<unknown>];
    expect(s).toEqual({ created: CREATED, initial: 'a', changeAt: [at(day(2)), at(day(3))], values: ['b', 'c'] });
    expect(a).toEqual({ created: CREATED, initial: 'u-1', changeAt: [at(day(3))], values: ['u-2'] });
  });

  it('starts afresh for each issue', () => {
    replay.build([history('1', day(2), status('a', 'b'), item({ field: 'assignee', fieldId: 'assignee', from: 'u-1', to: 'u-2' }))], CREATED, ['b', 'u-2', null]);
    const [s, a, p] = replay.build([history('7', day(9), item({ field: 'Story Points', toStr: '8' }))], CREATED, ['x', 'u-3', 8]);
    expect(s).toEqual({ created: CREATED, initial: 'x', changeAt: [], values: [] });
    expect(a).toEqual({ created: CREATED, initial: 'u-3', changeAt: [], values: [] });
    expect(p).toEqual({ created: CREATED, initial: null, changeAt: [at(day(9))], values: [8] });
  });

  it('reads a long changelog in full, past any buffer it keeps between issues', () => {
    for (const n of [70, 300, 40, 700]) {
      const hs: ChangelogHistory[] = [];
      for (let i = n - 1; i >= 0; i--) hs.push(history(String(i + 1), new Date(CREATED + (i + 1) * 60_000).toISOString(), status(`s${i}`, `s${i + 1}`), item({ field: 'assignee', fieldId: 'assignee', from: `u${i}`, to: `u${i + 1}` })));
      const [s, a, p] = replay.build(hs, CREATED, [`s${n}`, `u${n}`, null]) as [Timeline<unknown>, Timeline<unknown>, Timeline<unknown>];
      expect(s.changeAt).toHaveLength(n);
      expect([s.initial, valueAt(s, CREATED + 60_000), finalValue(s), valueAt(s, CREATED + n * 60_000 - 1)]).toEqual(['s0', 's1', `s${n}`, `s${n - 1}`]);
      expect([a.initial, finalValue(a), a.values.length]).toEqual(['u0', `u${n}`, n]);
      expect(a.changeAt).toEqual(s.changeAt);
      expect(valueAt(a, CREATED + n * 60_000 - 1)).toBe(`u${n - 1}`);
      expect(p.changeAt).toHaveLength(0);
    }
  });

  it('orders a long changelog written in one instant by history id, past any buffer it keeps between issues', () => {
    const n = 600;
    const hs: ChangelogHistory[] = [];
    for (let i = n; i >= 1; i--) hs.push(history(String(i), day(5), status(`s${i - 1}`, `s${i}`)));
    const [s] = replay.build(hs, CREATED, [`s${n}`, 'u', null]) as [Timeline<unknown>];
    expect(s).toEqual({ created: CREATED, initial: 's0', changeAt: [at(day(5))], values: [`s${n}`] });
  });

  it('takes the last of several fields that carry one id, and ignores items of no field it reads', () => {
    const twice = compileReplay([
      { ref: STATUS_FIELD, convert: (r) => `first:${r}` },
      { ref: fieldRef('status', 'state'), convert: (r) => `second:${r}` },
    ]);
    const [first, second] = twice.build([history('1', day(2), status('a', 'b'), item({ field: 'labels', fieldId: 'labels', from: 'x', to: 'y' }))], CREATED, ['now', 'now']);
    expect(first).toEqual({ created: CREATED, initial: 'now', changeAt: [], values: [] });
    expect(second).toEqual({ created: CREATED, initial: 'second:a', changeAt: [at(day(2))], values: ['second:b'] });
    const sprint = compileReplay([{ ref: STATUS_FIELD, convert: str }, { ref: fieldRef('customfield_10020', 'Sprint'), convert: str, read: 'ids' }]);
    const [, byId] = sprint.build([history('1', day(2), item({ field: 'CustomField_10020', from: '1', to: '2' })), history('2', day(3), item({ field: 'SPRINT', from: '2', to: '3' }))], CREATED, ['now', 'now']);
    expect(byId).toEqual({ created: CREATED, initial: '1', changeAt: [at(day(2)), at(day(3))], values: ['2', '3'] });
    expect(buildTimelines([], CREATED, [{ ref: STATUS_FIELD, current: 'now', convert: str }])).toEqual([{ created: CREATED, initial: 'now', changeAt: [], values: [] }]);
  });
});

describe('values at and between instants', () => {
  const tl: Timeline<string> = { created: at(day(1)), initial: 'a', changeAt: [at(day(3)), at(day(5)), at(day(7))], values: ['b', 'c', 'd'] };

  it('finds the last change at or before an instant, as a scan from the start would', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { maxLength: 12 }), fc.integer({ min: -5, max: 105 }), (xs, t) => {
        const changeAt = [...xs].sort((x, y) => x - y);
        let expected = -1;
        changeAt.forEach((c, i) => {
          if (c <= t) expected = i;
        });
        expect(lastChangeIndex(changeAt, t)).toBe(expected);
      }),
    );
  });

  it('holds the initial value from creation, each value from its change, and none before creation', () => {
    expect(valueAt(tl, at(day(1)) - 1)).toBeUndefined();
    expect([day(1), day(3), day(4), day(5), day(7), day(9)].map((d) => valueAt(tl, at(d)))).toEqual(['a', 'b', 'b', 'c', 'd', 'd']);
    expect(valueAt(tl, at(day(3)) - 1)).toBe('a');
    expect(finalValue(tl)).toBe('d');
    expect(finalValue({ ...tl, changeAt: [], values: [] })).toBe('a');
  });

  it('has change points in (from, to]: a change at `from` is not one, a change at `to` is', () => {
    expect(changePointsIn(tl, at(day(3)), at(day(7)))).toEqual([at(day(5)), at(day(7))]);
    expect(changePointsIn(tl, at(day(3)) - 1, at(day(7)) - 1)).toEqual([at(day(3)), at(day(5))]);
    expect(changePointsIn(tl, at(day(7)), at(day(9)))).toEqual([]);
    expect(changePointsIn(tl, at(day(1)) - 1, at(day(4)))).toEqual([at(day(1)), at(day(3))]);
    expect(changePointsIn(tl, at(day(1)), at(day(4)))).toEqual([at(day(3))]);
    expect(changePointsIn(tl, 0, at(day(1)))).toEqual([at(day(1))]);
  });

  it('counts no change at or before creation as a change point (the issue did not exist yet)', () => {
    const early: Timeline<string> = { created: at(day(5)), initial: 'a', changeAt: [at(day(4)), at(day(5)), at(day(6))], values: ['b', 'c', 'd'] };
    expect(changePointsIn(early, 0, at(day(9)))).toEqual([at(day(5)), at(day(6))]);
    expect(changePointsIn(early, 0, at(day(4)))).toEqual([]);
  });
});

describe('raw values of the Sprint field, number fields and estimates', () => {
  it('read sprint ids separated by commas, with or without spaces, and skip what is not an id', () => {
    expect(parseSprintIds('101,102')).toEqual([101, 102]);
    expect(parseSprintIds(' 7 , 8 ')).toEqual([7, 8]);
    expect(parseSprintIds('12, Sprint 3, 14')).toEqual([12, 14]);
    expect(parseSprintIds('5,,6')).toEqual([5, 6]);
    expect(parseSprintIds('0')).toEqual([0]);
    expect(parseSprintIds('9x')).toEqual([]);
    expect(parseSprintIds(null)).toEqual([]);
    expect(parseSprintIds('31, 32')).toBe(parseSprintIds('31, 32'));
  });

  it('keep reading sprint ids right however many different values a site has', () => {
    const wrong: string[] = [];
    for (let i = 0; i < 4200; i++) {
      const ids = parseSprintIds(`${i}, ${i + 1}`);
      if (ids.length !== 2 || ids[0] !== i || ids[1] !== i + 1) wrong.push(`${i}: ${ids.join(',')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('read a number field as a finite number, and anything else as no value', () => {
    expect(['1e3', '-2', '0', 'Infinity', 'NaN', ' ', '12abc'].map(parseNumberValue)).toEqual([1000, -2, 0, null, null, null, null]);
  });

  it('read an estimate as 0 or more, no value when empty, and unusable when negative, infinite or not a number', () => {
    expect([' 5 ', '0', '0.5'].map(parseEstimate)).toEqual([5, 0, 0.5]);
    expect([null, '', '   '].map(parseEstimate)).toEqual([null, null, null]);
    expect(['-1', 'Infinity', 'abc'].map(parseEstimate)).toEqual([Number.NaN, Number.NaN, Number.NaN]);
    expect([5, 0, null, undefined, Number.NaN].map(estimatePoints)).toEqual([5, 0, 0, 0, 0]);
    expect([5, 0, null, undefined, Number.NaN].map(isUnusableEstimate)).toEqual([false, false, false, false, true]);
  });
});

describe('an item Jira sends without its empty sides (no `to`, no `toString` key at all)', () => {
  // Parsed by the schema the client uses: a key that is absent stays absent, and a plain object
  // still answers `toString` with Object.prototype's method, which must never be read as a value.
  const parsed = (json: string): ChangelogItem => ChangelogItemSchema.parse(JSON.parse(json));

  it('reads as no value on that side, not as a function', () => {
    const cleared = parsed('{"field":"duedate","fieldId":"duedate","from":"2026-03-05","fromString":"2026-03-05 00:00:00.0"}');
    expect(itemTo(cleared)).toBeNull();
    expect(itemFrom(cleared)).toBe('2026-03-05');
    const set = parsed('{"field":"duedate","fieldId":"duedate","to":"2026-03-09"}');
    expect(itemFrom(set)).toBeNull();
    expect(itemTo(set)).toBe('2026-03-09');
  });

  it('replays a field read by name to no value when the new side is absent', () => {
    const priority = fieldRef('priority', 'Priority');
    const histories = orderHistories([
      history('1', day(2), parsed('{"field":"priority","fieldId":"priority","from":"3","fromString":"Medium","to":"2","toString":"High"}')),
      history('2', day(4), parsed('{"field":"priority","fieldId":"priority","from":"2","fromString":"High"}')),
    ]);
    const [tl] = buildTimelines(histories, CREATED, [{ ref: priority, read: 'names', current: 'unused', convert: str }]);
    expect(tl?.values).toEqual(['High', null]);
    expect(tl?.initial).toBe('Medium');
  });
});
