/**
 * Preparing an issue for replay: the Sprint and estimation fields found by schema (or the board's
 * configuration), the current values of those fields in every shape Jira gives, issue keys in
 * Jira's order, and the timelines of a site with or without each field.
 */
import { fieldRef, valueAt } from '../../src/domain/history';
import { compareKeys, currentEstimate, currentSprintIds, discoverFields, distinctSprintIds, issueNumber, prepareIssue, type SiteFields, sortKeys, statusCatalog } from '../../src/domain/issue';
import type { JiraField } from '../../src/domain/jira';
import { ALL_STATUSES, at, FIELDS, generateHistory, generateIssue, SPRINT_FIELD_ID, STATUSES, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';

const SPRINT = FIELDS.find((f) => f.id === SPRINT_FIELD_ID) as JiraField;
const POINTS = FIELDS.find((f) => f.id === STORY_POINTS_FIELD_ID) as JiraField;
const numberField = (id: string, name: string): JiraField => ({ id, name, custom: true, schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float' } });
const textField = (id: string, name: string): JiraField => ({ id, name, custom: true, schema: { type: 'string' } });

describe('the Sprint and estimation fields of a site', () => {
  it('are found by schema, named as the site names them', () => {
    expect(discoverFields(FIELDS)).toEqual({
      sprint: { id: SPRINT_FIELD_ID, names: ['sprint'] },
      estimation: { id: STORY_POINTS_FIELD_ID, names: ['story point estimate'] },
    });
    expect(discoverFields([FIELDS[0] as JiraField, numberField('customfield_1', 'Effort')])).toEqual({ sprint: null, estimation: null });
  });

  it('take the board\'s estimation field when it names one, even one the field list does not have', () => {
    const effort = numberField('customfield_1', 'Effort');
    expect(discoverFields([...FIELDS, effort], 'customfield_1').estimation).toEqual({ id: 'customfield_1', names: ['effort'] });
    expect(discoverFields(FIELDS, 'customfield_404')).toEqual({ sprint: { id: SPRINT_FIELD_ID, names: ['sprint'] }, estimation: { id: 'customfield_404', names: [] } });
    expect(discoverFields([POINTS], 'customfield_404')).toEqual({ sprint: null, estimation: { id: 'customfield_404', names: [] } });
    expect(discoverFields(FIELDS, null).estimation?.id).toBe(STORY_POINTS_FIELD_ID);
    expect(discoverFields(FIELDS, '').estimation?.id).toBe(STORY_POINTS_FIELD_ID);
  });

  it('fall back to a number field named Story Points or Story point estimate, in any case', () => {
    expect(discoverFields([SPRINT, textField('customfield_2', 'Story Points'), numberField('customfield_3', 'STORY POINTS')]).estimation).toEqual({ id: 'customfield_3', names: ['story points'] });
    expect(discoverFields([numberField('customfield_4', 'story point estimate')]).estimation?.id).toBe('customfield_4');
    expect(discoverFields([numberField('customfield_5', 'Points')]).estimation).toBeNull();
    expect(discoverFields([numberField('customfield_6', 'Story Points'), POINTS]).estimation?.id).toBe(STORY_POINTS_FIELD_ID);
  });
});

describe('the current value of the Sprint and estimation fields', () => {
  const sprint = fieldRef(SPRINT_FIELD_ID);
  const points = fieldRef(STORY_POINTS_FIELD_ID);
  const issue = (fields: Record<string, unknown>) => generateIssue({ fields });

  it('reads sprint ids from sprint objects or bare ids, skipping anything else', () => {
    expect(currentSprintIds(issue({ [SPRINT_FIELD_ID]: [{ id: 3, name: 'S3' }, 4, { id: '5' }, null, 'Sprint 6', { name: 'S7' }] }), sprint)).toEqual([3, 4]);
    expect(currentSprintIds(issue({ [SPRINT_FIELD_ID]: { id: 3 } }), sprint)).toEqual([]);
    expect(currentSprintIds(issue({ [SPRINT_FIELD_ID]: [3] }), null)).toEqual([]);
  });

  it('reads an estimate as a number of 0 or more, unusable when negative or infinite, from a number or its text', () => {
    const est = (v: unknown) => currentEstimate(issue({ [STORY_POINTS_FIELD_ID]: v }), points);
    expect([est(5), est(0), est(' 2.5 '), est(null), est(''), est({ value: 3 })]).toEqual([5, 0, 2.5, null, null, null]);
    expect([est(-1), est(Number.POSITIVE_INFINITY), est(Number.NaN), est('-3'), est('x')]).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(currentEstimate(issue({ [STORY_POINTS_FIELD_ID]: 5 }), null)).toBeNull();
  });
});

describe('issue keys', () => {
  it('order by project key, then by issue number, not as text', () => {
    expect(sortKeys(['PAY-10', 'AB-2', 'PAY-9', 'PAYX-1', 'AB-10', 'PAY-1'])).toEqual(['AB-2', 'AB-10', 'PAY-1', 'PAY-9', 'PAY-10', 'PAYX-1']);
    expect(sortKeys(new Set(['B-1', 'A-1']))).toEqual(['A-1', 'B-1']);
    expect(compareKeys('PAY-7', 'PAY-7')).toBe(0);
    expect(compareKeys('PAY-7', 'AB-70')).toBeGreaterThan(0);
    expect(compareKeys('AB-70', 'PAY-7')).toBeLessThan(0);
  });

  it('number by what follows the last dash, 0 when that is no number', () => {
    expect(['PAY-12', 'MY-PROJ-7', 'PAY-', 'PAY', 'PAY-x1'].map(issueNumber)).toEqual([12, 7, 0, 0, 0]);
  });
});

describe('a prepared issue', () => {
  const created = '2026-03-01T00:00:00.000Z';
  const histories = [
    generateHistory([{ at: '2026-03-02T00:00:00.000Z', field: 'sprint', from: '1', to: '1, 2' }]),
    generateHistory([{ at: '2026-03-03T00:00:00.000Z', field: 'estimate', fromString: '3', toString: '5' }]),
    generateHistory([{ at: '2026-03-04T00:00:00.000Z', field: 'priority', from: '3', fromString: 'Medium', to: '2', toString: 'High' }]),
    generateHistory([{ at: '2026-03-05T00:00:00.000Z', field: 'assignee', from: null, to: 'u-ann' }]),
  ];
  const jira = generateIssue({ key: 'PAY-42', created, type: 'Bug', untranslatedType: null, typeId: '10004', sprints: [1, 2], estimate: 5, priority: 'High', assignee: 'u-ann', status: STATUSES.review, histories });

  it('carries the issue\'s identity and type as Jira gave them', () => {
    const p = prepareIssue(jira, discoverFields(FIELDS));
    expect(p).toMatchObject({ id: jira.id, key: 'PAY-42', projectKey: 'PAY', number: 42, created: at(created), subtask: false, typeId: '10004', typeName: 'Bug', typeUntranslatedName: null });
    expect(prepareIssue(generateIssue({ subtask: true }), discoverFields(FIELDS))).toMatchObject({ subtask: true, typeUntranslatedName: 'Sub-task' });
  });

  it('replays the status, assignee, priority by id, sprints and estimate', () => {
    const p = prepareIssue(jira, discoverFields(FIELDS));
    const t = (d: string) => at(`2026-03-0${d}T00:00:00.000Z`);
    expect([valueAt(p.sprints, t('1')), valueAt(p.sprints, t('2'))]).toEqual([[1], [1, 2]]);
    expect([valueAt(p.estimate, t('2')), valueAt(p.estimate, t('3'))]).toEqual([3, 5]);
    expect([valueAt(p.priority, t('3')), valueAt(p.priority, t('4'))]).toEqual(['3', '2']);
    expect([valueAt(p.assignee, t('4')), valueAt(p.assignee, t('5'))]).toEqual([null, 'u-ann']);
    expect(valueAt(p.status, t('9'))).toBe(STATUSES.review.id);
    expect(p.everSprints).toEqual([1, 2]);
  });

  it('has no sprints on a site without a Sprint field, and still its estimate', () => {
    const fields: SiteFields = { sprint: null, estimation: fieldRef(STORY_POINTS_FIELD_ID, 'Story point estimate') };
    const p = prepareIssue(jira, fields);
    expect(p.sprints).toEqual({ created: at(created), initial: [], changeAt: [], values: [] });
    expect(p.everSprints).toEqual([]);
    expect([valueAt(p.estimate, at(created)), valueAt(p.estimate, at('2026-03-09T00:00:00.000Z'))]).toEqual([3, 5]);
  });

  it('has no estimate on a board that estimates nothing, and still its sprints', () => {
    const fields: SiteFields = { sprint: fieldRef(SPRINT_FIELD_ID, 'Sprint'), estimation: null };
    const p = prepareIssue(jira, fields);
    expect(p.estimate).toEqual({ created: at(created), initial: null, changeAt: [], values: [] });
    expect(valueAt(p.sprints, at('2026-03-09T00:00:00.000Z'))).toEqual([1, 2]);
    const neither = prepareIssue(jira, { sprint: null, estimation: null });
    expect([neither.sprints.initial, neither.estimate.initial]).toEqual([[], null]);
    expect(valueAt(neither.priority, at(created))).toBe('3');
    // The replays of different sites' fields are kept apart, whichever was used last.
    expect(valueAt(prepareIssue(jira, fields).sprints, at(created))).toEqual([1]);
    expect(valueAt(prepareIssue(jira, { sprint: null, estimation: fieldRef(STORY_POINTS_FIELD_ID) }).estimate, at(created))).toBe(3);
  });

  it('reads a complete changelog given apart from the issue instead of the embedded one', () => {
    const p = prepareIssue(jira, discoverFields(FIELDS), histories.slice(0, 1));
    expect(valueAt(p.estimate, at(created))).toBe(5);
    expect(valueAt(p.sprints, at(created))).toEqual([1]);
    const bare = { ...jira, changelog: null };
    expect(prepareIssue(bare, discoverFields(FIELDS)).sprints.changeAt).toEqual([]);
  });

  it('names every sprint it was ever in once, in the order the history first names them', () => {
    expect(distinctSprintIds({ created: 0, initial: [5, 1], changeAt: [1, 2, 3], values: [[1, 3], [], [4, 5, 3, 2]] })).toEqual([5, 1, 3, 4, 2]);
  });

  it('knows the category of every status of the site', () => {
    const catalog = statusCatalog(ALL_STATUSES);
    expect(catalog.get(STATUSES.done.id)).toBe('done');
    expect(catalog.get(STATUSES.todo.id)).toBe('new');
    expect(catalog.size).toBe(ALL_STATUSES.length);
  });
});
