/**
 * Checklists at their edges: what a gate says with unverified imported ticks, the estimate and
 * design auto-checks with odd values, instants and sizes as people read them, and what the issue
 * property holds when it is not what the app wrote.
 */
import {
  autoCheckFields,
  autoCheckResults,
  bytesText,
  type ChecklistItemView,
  type ChecklistView,
  gateVerdict,
  isoSeconds,
  propertySummaries,
  readStoredReadiness,
  specificity,
  unverifiedCount,
} from '../../src/domain/checklists';
import { generateIssue, STATUSES, STORY_POINTS_FIELD_ID, type IssueOverrides } from '../../src/domain/testing/generate';

const auto = (o: IssueOverrides = {}, remoteLinks: string[] = [], designHosts?: string[]) =>
  autoCheckResults({ issue: generateIssue(o), estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks, ...(designHosts ? { designHosts } : {}) });

describe('the gate with unverified imported ticks', () => {
  const item = (id: string, required: boolean, state: ChecklistItemView['state'], imported: boolean): ChecklistItemView =>
    ({ id, required, state, imported: imported ? { state: 'done', by: 'x', at: '2026-01-01T00:00:00Z', reason: null } : null }) as ChecklistItemView;
  const list = (items: ChecklistItemView[]): ChecklistView =>
    ({ ready: false, openRequired: items.filter((i) => i.required && i.state === 'open').length, items }) as ChecklistView;

  it('says how many of the open items await confirmation, one or several, in both languages', () => {
    const one = gateVerdict('dor', list([item('a', true, 'open', true), item('b', true, 'open', false), item('c', false, 'open', true)]), true);
    expect(one.errorMessage).toBe(
      "The Definition of Ready is not met: 2 required items are open. One of them was imported from an earlier version of the app and awaits confirmation. Tick them or mark them not applicable in the issue's Readiness panel. / DoR не выполнен, открытых обязательных пунктов: 2. Из них ждут подтверждения (импортированы из прежней версии): 1. Отметьте их на панели «Готовность».",
    );
    const two = gateVerdict('dod', list([item('a', true, 'open', true), item('b', true, 'open', true), item('d', true, 'done', true)]), true);
    expect(two.errorMessage).toContain('2 of them were imported from an earlier version of the app and await confirmation.');
    expect(two.errorMessage).toContain('Из них ждут подтверждения (импортированы из прежней версии): 2.');
  });

  it('passes a list that is ready, checked or not', () => {
    expect(gateVerdict('dor', { ...list([]), ready: true }, false)).toEqual({ result: true });
  });
});

describe('the auto-checks with odd values', () => {
  it('take no estimate from unusable story points or a zero, negative or infinite original estimate', () => {
    expect(auto({ fields: { [STORY_POINTS_FIELD_ID]: -3, timeoriginalestimate: 0 } }).estimate).toEqual({ passed: false, detail: { check: 'estimate', storyPoints: null, originalEstimateSeconds: null } });
    expect(auto({ fields: { [STORY_POINTS_FIELD_ID]: 'x', timeoriginalestimate: -60 } }).estimate.passed).toBe(false);
    expect(auto({ estimate: null, fields: { timeoriginalestimate: Number.POSITIVE_INFINITY } }).estimate.passed).toBe(false);
    expect(auto({ estimate: null, fields: { timeoriginalestimate: '3600' } }).estimate.passed).toBe(false);
    expect(auto({ estimate: 3, fields: { timeoriginalestimate: 3600 } }).estimate.detail).toEqual({ check: 'estimate', storyPoints: 3, originalEstimateSeconds: 3600 });
    expect(autoCheckResults({ issue: generateIssue({ estimate: 5 }), estimationFieldId: null, acceptanceCriteriaField: null, remoteLinks: [] }).estimate.passed).toBe(false);
  });

  it('take the first design link, from the hosts the site lists when it lists them', () => {
    expect(auto({}, ['https://design.example.com/a', 'https://figma.com/b'], ['example.com']).designLink.detail).toEqual({ check: 'designLink', url: 'https://design.example.com/a', source: 'remoteLink' });
    expect(auto({}, ['https://figma.com/b'], ['example.com']).designLink.passed).toBe(false);
    expect(auto({ description: 'see https://figma.com/x and https://miro.com/y' }).designLink.detail).toEqual({ check: 'designLink', url: 'https://figma.com/x', source: 'description' });
  });

  it('pass when the evidence is found, wherever it is found', () => {
    expect(auto({ description: 'see https://figma.com/x' }).designLink.passed).toBe(true);
    expect(auto({}, ['https://figma.com/b']).designLink.passed).toBe(true);
    const withField = autoCheckResults({ issue: generateIssue({ fields: { customfield_10500: 'Given a payment, when it is sent, then it arrives' } }), estimationFieldId: null, acceptanceCriteriaField: 'customfield_10500', remoteLinks: [] });
    expect([withField.acceptanceCriteria.passed, withField.acceptanceCriteria.detail]).toEqual([true, { check: 'acceptanceCriteria', source: 'field' }]);
    const inDescription = auto({ description: 'Acceptance criteria: the payment arrives' });
    expect(inDescription.acceptanceCriteria.passed).toBe(true);
  });

  it('count a sub-task without a status as not done', () => {
    const issue = generateIssue({ subtasks: [{ key: 'PAY-2', status: STATUSES.done }] });
    (issue.fields.subtasks as unknown[]).push({ key: 'PAY-3', fields: null }, { key: 'PAY-4', fields: { status: null } });
    expect(autoCheckResults({ issue, estimationFieldId: null, acceptanceCriteriaField: null, remoteLinks: [] }).subtasksDone.detail).toEqual({ check: 'subtasksDone', done: 1, total: 3 });
  });

  it('ask Jira for the fields they read, and the site\'s estimation and acceptance-criteria fields when it has them', () => {
    expect(autoCheckFields(null, null)).toEqual(['description', 'assignee', 'subtasks', 'timeoriginalestimate']);
    expect(autoCheckFields('customfield_1', 'customfield_2')).toEqual(['description', 'assignee', 'subtasks', 'timeoriginalestimate', 'customfield_1', 'customfield_2']);
    expect(autoCheckFields('', 'customfield_2')).toEqual(['description', 'assignee', 'subtasks', 'timeoriginalestimate', 'customfield_2']);
  });
});

describe('instants and sizes as people read them', () => {
  it('writes an instant to the second, in UTC, as Jira\'s date index reads it', () => {
    expect(isoSeconds(Date.parse('2026-11-27T12:00:00.999Z'))).toBe('2026-11-27T12:00:00Z');
    expect(isoSeconds(Date.parse('2026-11-27T12:00:01.000Z'))).toBe('2026-11-27T12:00:01Z');
  });

  it('writes a size in bytes, with KiB only when whole', () => {
    expect(bytesText(245_760)).toBe('245,760 bytes (240 KiB)');
    expect(bytesText(1000)).toBe('1,000 bytes');
    expect(bytesText(0)).toBe('0 bytes (0 KiB)');
  });
});

describe('what the issue property holds', () => {
  it('names at most five problems of a property that is neither mirror nor legacy document, by path', () => {
    const read = readStoredReadiness({ schemaVersion: 1 });
    expect(read.kind).toBe('invalid');
    if (read.kind !== 'invalid') return;
    expect(read.problems).toHaveLength(5);
    expect(read.problems[0]).toMatch(/^version: /);
    const nested = readStoredReadiness({ schemaVersion: 2, version: 1, updatedAt: '2026-11-27T12:00:00Z', dor: { ready: 'yes' }, dod: null });
    expect(nested.kind === 'invalid' && nested.problems[0]).toMatch(/^dor\.ready: /);
    expect(readStoredReadiness('text')).toEqual({ kind: 'invalid', problems: [expect.stringMatching(/^\(root\): /)] });
    expect(readStoredReadiness(undefined)).toEqual({ kind: 'absent' });
    expect(readStoredReadiness({ schemaVersion: 3 })).toEqual({ kind: 'newer', schemaVersion: 3 });
    expect(readStoredReadiness({ schemaVersion: '3' }).kind).toBe('invalid');
    expect(propertySummaries({ schemaVersion: 1 })).toBeNull();
    expect(unverifiedCount(null)).toBe(0);
  });
});

describe('which template is the most specific', () => {
  const template = (projects: string[], issueTypes: { untranslatedName: string }[]) =>
    ({ id: 't', kind: 'dor', name: { en: 'T', ru: 'T' }, projects, issueTypes, items: [] }) as unknown as Parameters<typeof specificity>[0];
  const story = { projectKey: 'PAY', issueType: { id: '10001', name: 'Story', untranslatedName: 'Story' }, subtask: false };

  it('scores project and type 3, project 2, type 1, neither 0, and no match null', () => {
    expect(specificity(template(['PAY'], [{ untranslatedName: 'Story' }]), story)).toBe(3);
    expect(specificity(template(['PAY'], []), story)).toBe(2);
    expect(specificity(template([], [{ untranslatedName: 'Story' }]), story)).toBe(1);
    expect(specificity(template([], []), story)).toBe(0);
    expect(specificity(template(['LOAN'], []), story)).toBeNull();
    expect(specificity(template([], [{ untranslatedName: 'Bug' }]), story)).toBeNull();
    expect(specificity(template(['PAY'], []), { ...story, subtask: true })).toBeNull();
  });
});
