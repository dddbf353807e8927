/**
 * An issue as it stood at an earlier instant, at the edges: a change or an update exactly at the
 * instant, an assignee or priority other than today's or none at all, a status the site no longer
 * has, a Sprint field holding junk, and a sprint starting exactly then.
 */
import { asOfNow, issueAsOf, sprintAsOf } from '../../src/domain/hygiene/as-of';
import { prepareIssue, statusCatalog } from '../../src/domain/issue';
import { ALL_STATUSES, generateHistories, generateIssue, SPRINT_FIELD_ID, STATUSES, STORY_POINTS_FIELD_ID, type Change } from '../../src/domain/testing/generate';
import { SITE_FIELDS } from './hygiene-fixtures';

const t = (iso: string) => Date.parse(iso);
const catalog = statusCatalog(ALL_STATUSES);
const fields = { sprintFieldId: SPRINT_FIELD_ID, estimationFieldId: STORY_POINTS_FIELD_ID };
const CREATED = '2026-02-10T09:00:00.000Z';
const prepare = (o: Parameters<typeof generateIssue>[0], changes: Change[] = []) => prepareIssue(generateIssue({ created: CREATED, ...o }), SITE_FIELDS, generateHistories(changes));
const fieldsAt = (p: ReturnType<typeof prepare>, iso: string) => {
  const r = issueAsOf(p, t(iso), catalog, fields);
  if (!r) throw new Error('no issue');
  return r.issue.fields as unknown as Record<string, unknown>;
};

describe('when it was last updated', () => {
  it('is its update when that is exactly the instant, and a change exactly at the instant when it was updated later', () => {
    const p = prepare({ updated: '2026-03-20T10:00:00.000Z', status: STATUSES.inProgress }, [{ at: '2026-03-05T10:00:00.000Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.inProgress.id }]);
    expect(fieldsAt(p, '2026-03-20T10:00:00.000Z').updated).toBe('2026-03-20T10:00:00.000Z');
    expect(fieldsAt(p, '2026-03-05T10:00:00.000Z').updated).toBe('2026-03-05T10:00:00.000Z');
    expect(fieldsAt(p, '2026-03-05T09:59:59.999Z').updated).toBe(CREATED);
  });
});

describe('the people and priority then', () => {
  it('gives the assignee of the instant when it is not today\'s, and no priority when it had none', () => {
    const p = prepare({ assignee: 'bob', priority: 'High', updated: '2026-03-20T00:00:00.000Z' }, [
      { at: '2026-03-01T00:00:00.000Z', field: 'assignee', from: 'anna', to: 'bob' },
      { at: '2026-03-02T00:00:00.000Z', field: 'priority', from: null, to: '2' },
    ]);
    const then = fieldsAt(p, '2026-02-20T00:00:00.000Z');
    expect(then.assignee).toEqual({ accountId: 'anna' });
    expect(then.priority).toBeNull();
    const now = fieldsAt(p, '2026-03-10T00:00:00.000Z');
    expect(now.assignee).toBe(p.issue.fields.assignee);
    expect(now.priority).toBe(p.issue.fields.priority);
  });
});

describe('the status and resolution then', () => {
  it('reads the category of today\'s status from the issue, even where the site\'s list lacks it', () => {
    const p = prepare({ status: STATUSES.done, resolution: 'Done', fields: { resolutiondate: '2026-03-01T00:00:00.000+0000' } });
    const r = issueAsOf(p, t('2026-03-10T00:00:00.000Z'), new Map(), fields);
    expect(r?.issue.fields.resolution).toEqual({ id: '1', name: 'Done' });
    expect(r?.issue.fields.resolutiondate).toBe('2026-03-01T00:00:00.000+0000');
    expect(r?.issue.fields.status).toBe(p.issue.fields.status);
  });

  it('gives a status the site no longer has an unknown category, not done', () => {
    const p = prepare({ status: STATUSES.todo, updated: '2026-03-20T00:00:00.000Z' }, [{ at: '2026-03-15T00:00:00.000Z', field: 'status', from: '99999', to: STATUSES.todo.id }]);
    const then = fieldsAt(p, '2026-03-01T00:00:00.000Z');
    expect(then.status).toEqual({ id: '99999', name: '99999', statusCategory: { key: 'undefined' } });
    expect([then.resolution, then.resolutiondate]).toEqual([null, null]);
  });

  it('has no resolution where Jira left the fields out and it was not done then or now', () => {
    const p = prepare({ status: STATUSES.todo, fields: { resolution: undefined, resolutiondate: undefined } });
    const then = fieldsAt(p, '2026-03-01T00:00:00.000Z');
    expect([then.resolution, then.resolutiondate]).toEqual([null, null]);
  });
});

describe('the Sprint field then', () => {
  it('skips entries that are no sprint objects, and starts a sprint exactly at its start date', () => {
    const s = { id: 4, name: 'S4', state: 'closed', startDate: '2026-03-02T09:00:00.000Z', completeDate: '2026-03-16T09:00:00.000Z' };
    const p = prepare({ updated: '2026-03-20T00:00:00.000Z', fields: { [SPRINT_FIELD_ID]: [null, 7, 'S4', s] } }, [{ at: '2026-03-01T00:00:00.000Z', field: 'sprint', from: '', to: '4' }]);
    expect(fieldsAt(p, '2026-03-02T09:00:00.000Z')[SPRINT_FIELD_ID]).toEqual([{ id: 4, name: 'S4', state: 'active', startDate: s.startDate }]);
    expect(fieldsAt(p, '2026-03-02T08:59:59.999Z')[SPRINT_FIELD_ID]).toEqual([{ id: 4, name: 'S4', state: 'future', startDate: s.startDate }]);
    expect(sprintAsOf({ id: 4, name: 'S4', state: 'closed', startDate: s.startDate, completeDate: s.completeDate }, t(s.startDate)).state).toBe('active');
  });
});

describe('an issue as of now', () => {
  it('is put back when any replayed field changed after now, whichever field changed last', () => {
    const p = prepare({ status: STATUSES.inProgress, assignee: 'anna', updated: '2026-03-01T00:00:00.000Z' }, [
      { at: '2026-03-20T00:00:00.000Z', field: 'status', from: STATUSES.todo.id, to: STATUSES.inProgress.id },
      { at: '2026-03-01T00:00:00.000Z', field: 'assignee', from: null, to: 'anna' },
    ]);
    const back = asOfNow(p, t('2026-03-10T00:00:00.000Z'), catalog, fields);
    expect(back).not.toBe(p);
    expect(back?.issue.fields.status.id).toBe(STATUSES.todo.id);
    expect(asOfNow(p, t('2026-03-20T00:00:00.000Z'), catalog, fields)).toBe(p);
  });
});
