/** The loader shares equal repeated values between issues, and only equal ones. */
import { equalJson, SharedValues } from '../../src/services/issue-reader';
import type { JiraIssue } from '../../src/domain/jira';

const issue = (fields: Record<string, unknown>): JiraIssue => ({ id: '1', key: 'A-1', fields: fields as JiraIssue['fields'] });

describe('equalJson', () => {
  it('is JSON equality: same properties in the same order, equal values', () => {
    expect(equalJson({ a: 1, b: [1, { c: null }] }, { a: 1, b: [1, { c: null }] })).toBe(true);
    expect(equalJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(equalJson({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(equalJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
    expect(equalJson({ a: '1' }, { a: 1 })).toBe(false);
    expect(equalJson(null, {})).toBe(false);
  });
});

describe('SharedValues', () => {
  it('gives the first of equal values to every issue, and keeps values that only share an id', () => {
    const shared = new SharedValues();
    const status = () => ({ id: '3', name: 'In Progress', statusCategory: { key: 'indeterminate' } });
    const sprints = () => [{ id: 10, name: 'S1', state: 'closed' }, { id: 11, name: 'S2', state: 'active' }];
    const a = issue({ status: status(), customfield_10020: sprints(), labels: ['x', 'y'] });
    const b = issue({ status: status(), customfield_10020: sprints(), labels: ['x', 'y'] });
    const c = issue({ status: { ...status(), name: 'В работе' }, customfield_10020: [{ id: 10, name: 'S1 renamed', state: 'closed' }], labels: ['y', 'x'] });
    for (const i of [a, b, c]) shared.shareFields(i, ['customfield_10020']);
    const f = (i: JiraIssue) => i.fields as Record<string, unknown>;
    expect(f(b).status).toBe(f(a).status);
    expect(f(b).customfield_10020).toBe(f(a).customfield_10020);
    expect(f(b).labels).toBe(f(a).labels);
    expect(f(c).status).not.toBe(f(a).status);
    expect(f(c).status).toEqual({ ...status(), name: 'В работе' });
    expect(f(c).customfield_10020).toEqual([{ id: 10, name: 'S1 renamed', state: 'closed' }]);
    expect(f(c).labels).toEqual(['y', 'x']);
  });
});
