/**
 * Replaying a field's history (docs/metrics.md, "How history is read"): the value of a field at an instant, from an issue's
 * changelog as Jira returns it (any order, offsets, string-form numbers, missing field ids).
 */
import { changePointsIn, orderHistories, parseNumberValue, parseSprintIds, valueAt } from '../../src/domain/history';
import { discoverFields, prepareIssue, type PreparedIssue } from '../../src/domain/issue';
import type { ChangelogHistory } from '../../src/domain/jira';
import {
  at,
  FIELDS,
  generateHistory,
  generateIssue,
  type IssueOverrides,
  STATUSES,
} from '../../src/domain/testing/generate';

const fields = discoverFields(FIELDS);
const prepare = (o: IssueOverrides): PreparedIssue => prepareIssue(generateIssue(o), fields);

const { todo, inProgress, review, done } = STATUSES;
const CREATED = '2026-03-01T08:00:00.000Z';

describe('value of a field at an instant', () => {
  const issue = prepare({
    created: CREATED,
    status: done,
    histories: [
      generateHistory([{ at: '2026-03-03T10:00:00.000Z', field: 'status', from: todo.id, to: inProgress.id }]),
      generateHistory([{ at: '2026-03-05T10:00:00.000Z', field: 'status', from: inProgress.id, to: done.id }]),
    ],
  });

  it('is the `to` of the last change at or before the instant, a change at the instant included', () => {
    expect(valueAt(issue.status, at('2026-03-03T10:00:00.000Z'))).toBe(inProgress.id);
    expect(valueAt(issue.status, at('2026-03-04T00:00:00.000Z'))).toBe(inProgress.id);
    expect(valueAt(issue.status, at('2026-03-05T09:59:59.999Z'))).toBe(inProgress.id);
    expect(valueAt(issue.status, at('2026-03-05T10:00:00.000Z'))).toBe(done.id);
    expect(valueAt(issue.status, at('2027-01-01T00:00:00.000Z'))).toBe(done.id);
  });

  it('is the `from` of the first change before any change', () => {
    expect(valueAt(issue.status, at(CREATED))).toBe(todo.id);
    expect(valueAt(issue.status, at('2026-03-03T09:59:59.999Z'))).toBe(todo.id);
  });

  it('does not exist before the issue was created', () => {
    expect(valueAt(issue.status, at(CREATED) - 1)).toBeUndefined();
    expect(valueAt(issue.sprints, at(CREATED) - 1)).toBeUndefined();
    expect(valueAt(issue.estimate, at(CREATED) - 1)).toBeUndefined();
  });

  it('is the current value at every instant when the field never changed', () => {
    const never = prepare({ created: CREATED, status: review, estimate: 8, sprints: [4, 5], assignee: 'u-ann' });
    for (const t of [at(CREATED), at('2026-06-01T00:00:00.000Z')]) {
      expect(valueAt(never.status, t)).toBe(review.id);
      expect(valueAt(never.estimate, t)).toBe(8);
      expect(valueAt(never.sprints, t)).toEqual([4, 5]);
      expect(valueAt(never.assignee, t)).toBe('u-ann');
    }
  });
});

describe('number fields written only in the string form', () => {
  const issue = prepare({
    created: CREATED,
    estimate: null,
    histories: [
      generateHistory([{ at: '2026-03-02T00:00:00.000Z', field: 'estimate', fromString: null, toString: '5' }]),
      generateHistory([{ at: '2026-03-03T00:00:00.000Z', field: 'estimate', fromString: '5', toString: '3.5' }]),
      generateHistory([{ at: '2026-03-04T00:00:00.000Z', field: 'estimate', fromString: '3.5', toString: '0' }]),
      generateHistory([{ at: '2026-03-05T00:00:00.000Z', field: 'estimate', fromString: '0', toString: '' }]),
    ],
  });

  it('reads the string as a number, 0 as a value and an empty string as no value', () => {
    expect(valueAt(issue.estimate, at(CREATED))).toBeNull();
    expect(valueAt(issue.estimate, at('2026-03-02T00:00:00.000Z'))).toBe(5);
    expect(valueAt(issue.estimate, at('2026-03-03T00:00:00.000Z'))).toBe(3.5);
    expect(valueAt(issue.estimate, at('2026-03-04T00:00:00.000Z'))).toBe(0);
    expect(valueAt(issue.estimate, at('2026-03-05T00:00:00.000Z'))).toBeNull();
  });

  it('reads a changelog item that carries the number only in `toString`, even when written as `to` by a generator', () => {
    const h = generateHistory([{ at: '2026-03-02T00:00:00.000Z', field: 'estimate', from: '2', to: '5' }]);
    expect(h.items[0]).toMatchObject({ from: null, fromString: '2', to: null, toString: '5' });
    const issue = prepare({ created: CREATED, estimate: 5, histories: [h] });
    expect(valueAt(issue.estimate, at(CREATED))).toBe(2);
    expect(valueAt(issue.estimate, at('2026-03-02T00:00:00.000Z'))).toBe(5);
  });

  it('parses the raw values the same way', () => {
    expect(parseNumberValue(' 13 ')).toBe(13);
    expect(parseNumberValue('')).toBeNull();
    expect(parseNumberValue(null)).toBeNull();
    expect(parseNumberValue('abc')).toBeNull();
  });
});

describe('the Sprint field', () => {
  it('holds the set of sprint ids written comma-separated, not the sprint names', () => {
    expect(parseSprintIds('12, 13')).toEqual([12, 13]);
    expect(parseSprintIds('')).toEqual([]);
    const issue = prepare({
      created: CREATED,
      sprints: [12, 13],
      histories: [
        generateHistory([
          { at: '2026-03-02T00:00:00.000Z', field: 'sprint', from: '12', fromString: 'Q1, wave 2', to: '12, 13', toString: 'Q1, wave 2, Q2' },
        ]),
      ],
    });
    expect(valueAt(issue.sprints, at(CREATED))).toEqual([12]);
    expect(valueAt(issue.sprints, at('2026-03-02T00:00:00.000Z'))).toEqual([12, 13]);
    expect([...issue.everSprints].sort()).toEqual([12, 13]);
  });

  it('is matched by name, case-insensitively, when the item has no fieldId', () => {
    const h = generateHistory([{ at: '2026-03-02T00:00:00.000Z', field: 'sprint', from: '', to: '7', omitFieldId: true }]);
    (h.items[0] as { field: string }).field = 'SPRINT';
    const issue = prepare({ created: CREATED, sprints: [7], histories: [h] });
    expect(valueAt(issue.sprints, at(CREATED))).toEqual([]);
    expect(valueAt(issue.sprints, at('2026-03-02T00:00:00.000Z'))).toEqual([7]);
  });

  it('ignores items of other fields with the same name when a fieldId says otherwise', () => {
    const h = generateHistory([{ at: '2026-03-02T00:00:00.000Z', field: 'customfield_99999', from: '', to: '9' }]);
    (h.items[0] as { field: string }).field = 'Sprint';
    const issue = prepare({ created: CREATED, sprints: [7], histories: [h] });
    expect(valueAt(issue.sprints, at('2026-03-03T00:00:00.000Z'))).toEqual([7]);
  });
});

describe('histories in no guaranteed order', () => {
  const h = (id: number, created: string, from: string, to: string): ChangelogHistory =>
    generateHistory([{ at: created, field: 'status', from, to }], id);

  it('applies them by created, then by history id as a number', () => {
    const histories = [
      h(10, '2026-03-03T00:00:00.000Z', review.id, done.id),
      h(9, '2026-03-03T00:00:00.000Z', inProgress.id, review.id),
      h(2, '2026-03-02T00:00:00.000Z', todo.id, inProgress.id),
    ];
    expect(orderHistories(histories).map((x) => x.id)).toEqual([2, 9, 10]);
    const issue = prepare({ created: CREATED, status: done, histories });
    // 9 and 10 share an instant: 10 wins, and "In Review", held only between them, never holds.
    expect(valueAt(issue.status, at('2026-03-03T00:00:00.000Z'))).toBe(done.id);
    expect(valueAt(issue.status, at('2026-03-02T23:59:59.999Z'))).toBe(inProgress.id);
    expect(issue.status.values).not.toContain(review.id);
    expect(changePointsIn(issue.status, at(CREATED), at('2026-04-01T00:00:00.000Z'))).toEqual([
      at('2026-03-02T00:00:00.000Z'),
      at('2026-03-03T00:00:00.000Z'),
    ]);
  });

  it('compares instants written in different offsets as UTC instants', () => {
    const early = generateHistory([{ at: 0, field: 'status', from: todo.id, to: inProgress.id }], 1);
    early.created = '2026-03-02T12:00:00.000+0300'; // 09:00 UTC
    const late = generateHistory([{ at: 0, field: 'status', from: inProgress.id, to: done.id }], 2);
    late.created = '2026-03-02T10:00:00.000+0000'; // 10:00 UTC
    const issue = prepare({ created: CREATED, status: done, histories: [late, early] });
    expect(valueAt(issue.status, at('2026-03-02T09:30:00.000Z'))).toBe(inProgress.id);
    expect(valueAt(issue.status, at('2026-03-02T10:00:00.000Z'))).toBe(done.id);
  });

  it('keeps the last item when one history changes a field twice', () => {
    const issue = prepare({
      created: CREATED,
      sprints: [],
      histories: [
        generateHistory([
          { at: '2026-03-02T00:00:00.000Z', field: 'sprint', from: '', to: '7' },
          { at: '2026-03-02T00:00:00.000Z', field: 'sprint', from: '7', to: '' },
        ]),
      ],
    });
    expect(valueAt(issue.sprints, at('2026-03-02T00:00:00.000Z'))).toEqual([]);
    expect(issue.everSprints.includes(7)).toBe(false);
  });
});

describe('change points', () => {
  it('include the creation instant when the issue came into existence inside the interval', () => {
    const issue = prepare({
      created: '2026-03-05T00:00:00.000Z',
      sprints: [7],
      histories: [generateHistory([{ at: '2026-03-06T00:00:00.000Z', field: 'status', from: todo.id, to: inProgress.id }])],
    });
    expect(changePointsIn(issue.sprints, at('2026-03-01T00:00:00.000Z'), at('2026-03-10T00:00:00.000Z'))).toEqual([
      at('2026-03-05T00:00:00.000Z'),
    ]);
    expect(changePointsIn(issue.status, at('2026-03-05T00:00:00.000Z'), at('2026-03-10T00:00:00.000Z'))).toEqual([
      at('2026-03-06T00:00:00.000Z'),
    ]);
  });
});
