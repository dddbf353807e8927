/** An issue and a sprint as they stood at an earlier instant (the hygiene score a week ago), and the CSV export's cells. */
import { asOfNow, issueAsOf, sprintAsOf, timelineAt } from '../../src/domain/hygiene/as-of';
import { prepareIssue, statusCatalog } from '../../src/domain/issue';
import { ALL_STATUSES, generateHistories, generateIssue, SPRINT_FIELD_ID, STATUSES, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';
import { SITE_FIELDS } from './hygiene-fixtures';
import { toCsv } from '../../static/src/components/governance/csv';

const t = (iso: string) => Date.parse(iso);

describe('as of an earlier instant', () => {
  const sprint = { id: 7, name: 'S7', state: 'closed' as const, startDate: '2026-11-02T09:00:00.000Z', completeDate: '2026-11-16T09:00:00.000Z' };

  it('puts a sprint back to future before its start, active until its completion, closed after', () => {
    expect(sprintAsOf(sprint, t('2026-11-01T00:00:00Z'))).toMatchObject({ state: 'future' });
    expect(sprintAsOf(sprint, t('2026-11-10T00:00:00Z'))).toMatchObject({ state: 'active' });
    expect(sprintAsOf(sprint, t('2026-11-10T00:00:00Z')).completeDate).toBeUndefined();
    expect(sprintAsOf(sprint, t('2026-11-16T09:00:00Z'))).toBe(sprint);
  });

  it('cuts a timeline to the changes at or before the instant', () => {
    const tl = { created: 0, initial: 'a', changeAt: [10, 20, 30], values: ['b', 'c', 'd'] };
    expect(timelineAt(tl, 20)).toEqual({ created: 0, initial: 'a', changeAt: [10, 20], values: ['b', 'c'] });
    expect(timelineAt(tl, 5)).toEqual({ created: 0, initial: 'a', changeAt: [], values: [] });
    expect(timelineAt(tl, 30)).toBe(tl);
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, neutralises formulas, and starts with a BOM for spreadsheets', () => {
    const csv = toCsv([['Issue', 'Summary'], ['PAY-1', 'Fix "A", then B'], ['PAY-2', '=HYPERLINK("x")'], ['PAY-3', null]]);
    expect(csv).toBe('\uFEFFIssue,Summary\r\nPAY-1,"Fix ""A"", then B"\r\nPAY-2,"\'=HYPERLINK(""x"")"\r\nPAY-3,\r\n');
  });
});

describe('an issue as it stood at an earlier instant', () => {
  // Created 10 Feb; in progress and assigned to anna on 1 Mar; in sprint 2 from 2 Mar, and 3 too from
  // 16 Mar until 28 Mar; estimated 5 on 5 Mar; priority Medium → High on 10 Mar; done on 20 Mar.
  const s2 = { id: 2, name: 'S2', state: 'closed', startDate: '2026-03-02T11:00:00.000Z', completeDate: '2026-03-16T10:00:00.000Z' };
  const histories = generateHistories([
    { at: '2026-03-01T10:00:00Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.inProgress.id },
    { at: '2026-03-01T10:00:00Z', field: 'assignee', from: null, to: 'anna' },
    { at: '2026-03-02T12:00:00Z', field: 'sprint', from: '', to: '2' },
    { at: '2026-03-05T10:00:00Z', field: 'estimate', from: null, to: '5' },
    { at: '2026-03-10T10:00:00Z', field: 'priority', from: '3', to: '2' },
    { at: '2026-03-16T12:00:00Z', field: 'sprint', from: '2', to: '2, 3' },
    { at: '2026-03-20T10:00:00Z', field: 'status', from: STATUSES.inProgress.id, to: STATUSES.done.id },
    { at: '2026-03-28T10:00:00Z', field: 'sprint', from: '2, 3', to: '2' },
  ]);
  const jira = generateIssue({
    key: 'PAY-77',
    created: '2026-02-10T09:00:00Z',
    updated: '2026-03-31T09:00:00Z',
    status: STATUSES.done,
    resolution: 'Done',
    assignee: 'anna',
    priority: 'High',
    estimate: 5,
    // Jira's Sprint field: today's objects, one of them no sprint object at all.
    fields: { [SPRINT_FIELD_ID]: [s2, 'junk', { id: 'x' }] },
  });
  const p = prepareIssue(jira, SITE_FIELDS, histories);
  const catalog = statusCatalog(ALL_STATUSES);
  const fields = { sprintFieldId: SPRINT_FIELD_ID, estimationFieldId: STORY_POINTS_FIELD_ID };
  const at = (iso: string) => {
    const r = issueAsOf(p, t(iso), catalog, fields);
    if (!r) throw new Error('no issue');
    return r;
  };
  const f = (r: ReturnType<typeof at>) => r.issue.fields as unknown as Record<string, unknown>;

  it('did not exist before it was created, and did from that instant', () => {
    expect(issueAsOf(p, t('2026-02-10T08:59:59Z'), catalog, fields)).toBeNull();
    expect(issueAsOf(p, t('2026-02-10T09:00:00Z'), catalog, fields)).not.toBeNull();
  });

  it('has every replayed field back at its first value before any change', () => {
    const r = at('2026-02-20T00:00:00Z');
    expect(f(r).status).toEqual({ id: STATUSES.todo.id, name: STATUSES.todo.id, statusCategory: { key: 'new' } });
    expect(f(r).assignee).toBeNull();
    expect(f(r).priority).toEqual({ id: '3', name: '#3' });
    expect(f(r)[STORY_POINTS_FIELD_ID]).toBeNull();
    expect(f(r)[SPRINT_FIELD_ID]).toEqual([]);
    // Not done then: no resolution, though it has one now.
    expect([f(r).resolution, f(r).resolutiondate]).toEqual([null, null]);
    // Nothing had changed yet: last updated when created.
    expect(f(r).updated).toBe('2026-02-10T09:00:00.000Z');
    expect(r.status.changeAt).toEqual([]);
    expect(r.everSprints).toEqual([]);
  });

  it('takes the values at the instant, the current objects where they are the same, and the last change as updated', () => {
    const r = at('2026-03-12T00:00:00Z');
    expect(f(r).status).toEqual({ id: STATUSES.inProgress.id, name: STATUSES.inProgress.id, statusCategory: { key: 'indeterminate' } });
    expect(f(r).assignee).toBe(jira.fields.assignee);
    expect(f(r).priority).toBe(jira.fields.priority);
    expect(f(r)[STORY_POINTS_FIELD_ID]).toBe(5);
    expect(f(r).updated).toBe('2026-03-10T10:00:00.000Z');
    // Sprint 2 was active then: its state is put back and its completion is not known yet.
    expect(f(r)[SPRINT_FIELD_ID]).toEqual([{ id: 2, name: 'S2', state: 'active', startDate: s2.startDate }]);
    expect(r.status.changeAt).toEqual([t('2026-03-01T10:00:00Z')]);
    expect(r.priority.changeAt).toEqual([t('2026-03-10T10:00:00Z')]);
    expect(r.everSprints).toEqual([2]);
  });

  it('keeps the current status and resolution when it was done then as now, and a sprint that has no object as its id', () => {
    const r = at('2026-03-25T00:00:00Z');
    expect(f(r).status).toBe(jira.fields.status);
    expect(f(r).resolution).toEqual(jira.fields.resolution);
    expect(f(r).updated).toBe('2026-03-20T10:00:00.000Z');
    expect(f(r)[SPRINT_FIELD_ID]).toEqual([s2, { id: 3 }]);
    expect(r.everSprints).toEqual([2, 3]);
  });

  it('gives a resolution to an issue done then and reopened since', () => {
    const reopened = prepareIssue(
      generateIssue({ key: 'PAY-78', created: '2026-02-10T09:00:00Z', updated: '2026-03-31T09:00:00Z', status: STATUSES.inProgress, resolution: null }),
      SITE_FIELDS,
      generateHistories([
        { at: '2026-03-01T10:00:00Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.done.id },
        { at: '2026-03-20T10:00:00Z', field: 'status', from: STATUSES.done.id, to: STATUSES.inProgress.id },
      ]),
    );
    const r = issueAsOf(reopened, t('2026-03-10T00:00:00Z'), catalog, fields);
    expect(r?.issue.fields.resolution).toEqual({ name: 'Done' });
    expect(r?.issue.fields.resolutiondate).toBeNull();
    expect(r?.issue.fields.status.statusCategory.key).toBe('done');
  });
});

describe('an issue as of now', () => {
  const catalog = statusCatalog(ALL_STATUSES);
  const fields = { sprintFieldId: SPRINT_FIELD_ID, estimationFieldId: STORY_POINTS_FIELD_ID };
  const make = (updated: string, changes: Parameters<typeof generateHistories>[0] = []) =>
    prepareIssue(generateIssue({ created: '2026-02-10T09:00:00Z', updated, status: changes.length ? STATUSES.inProgress : STATUSES.todo }), SITE_FIELDS, generateHistories(changes));
  const moved = [{ at: '2026-03-20T10:00:00Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.inProgress.id }];

  it('is the issue itself when nothing about it changed after now', () => {
    const p = make('2026-03-20T10:00:00Z', moved);
    expect(asOfNow(p, t('2026-03-20T10:00:00Z'), catalog, fields)).toBe(p);
    expect(asOfNow(p, t('2026-03-25T00:00:00Z'), catalog, fields)).toBe(p);
  });

  it('is put back when it was updated after now, or a replayed field changed after now', () => {
    const updatedLater = make('2026-03-20T10:00:01Z');
    const back = asOfNow(updatedLater, t('2026-03-20T10:00:00Z'), catalog, fields);
    expect(back).not.toBe(updatedLater);
    expect(back?.issue.fields.updated).toBe('2026-02-10T09:00:00.000Z');
    // Jira's `updated` may lag behind a change: the change still counts.
    const changedLater = make('2026-03-01T00:00:00Z', moved);
    const before = asOfNow(changedLater, t('2026-03-15T00:00:00Z'), catalog, fields);
    expect(before).not.toBe(changedLater);
    expect(before?.issue.fields.status.id).toBe(STATUSES.todo.id);
  });

  it('does not exist when it was created after now', () => {
    const p = make('2026-03-01T00:00:00Z');
    expect(asOfNow(p, t('2026-02-10T08:59:59Z'), catalog, fields)).toBeNull();
    expect(asOfNow(p, t('2026-02-10T09:00:00Z'), catalog, fields)?.key).toBe(p.key);
  });
});
