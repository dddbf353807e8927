/**
 * What a checklist says at a glance given where the work is (docs/readiness.md, "What the panel and
 * the summary say"), and when the mirror Jira indexes says what the state says.
 */
import { canonicalJson, checklistVerdict, expandedAtFirst, missingItems, type ChecklistSummary, type ReadinessMirror, sameMirror, workStage } from '../../src/domain/checklists';
import type { ChecklistItemView } from '../../src/domain/checklists';

const item = (id: string, required: boolean, state: ChecklistItemView['state']): Pick<ChecklistItemView, 'id' | 'text' | 'required' | 'state'> => ({
  id,
  text: { en: id.toUpperCase(), ru: id },
  required,
  state,
});
const list = (...items: ReturnType<typeof item>[]) => ({ items: items as ChecklistItemView[] });

const ALL_DONE = list(item('a', true, 'done'), item('b', true, 'notApplicable'), item('opt', false, 'open'));
const OPEN = list(item('a', true, 'open'), item('opt', false, 'open'), item('b', true, 'done'), item('c', true, 'open'));

describe('the stage of work', () => {
  it('follows the status category, anything unknown counting as not started', () => {
    expect(['new', 'indeterminate', 'done', 'undefined', null, undefined, 'Done'].map(workStage)).toEqual(['toDo', 'inProgress', 'done', 'toDo', 'toDo', 'toDo', 'toDo']);
  });
});

describe('the verdict of a checklist', () => {
  it('names the required items still open, in template order, never the optional ones', () => {
    expect(missingItems(OPEN)).toEqual([
      { id: 'a', text: { en: 'A', ru: 'a' } },
      { id: 'c', text: { en: 'C', ru: 'c' } },
    ]);
    expect(missingItems(ALL_DONE)).toEqual([]);
  });

  it('before work starts: the DoR is ready or not, the DoD does not apply yet', () => {
    expect(checklistVerdict('dor', 'toDo', ALL_DONE)).toEqual({ verdict: 'ready' });
    expect(checklistVerdict('dor', 'toDo', OPEN)).toEqual({ verdict: 'notReady', missing: missingItems(OPEN) });
    expect(checklistVerdict('dod', 'toDo', OPEN)).toEqual({ verdict: 'notStarted' });
    expect(checklistVerdict('dod', 'toDo', ALL_DONE)).toEqual({ verdict: 'notStarted' });
  });

  it('while work runs: both are ready or name what is open', () => {
    expect(checklistVerdict('dod', 'inProgress', ALL_DONE)).toEqual({ verdict: 'ready' });
    expect(checklistVerdict('dod', 'inProgress', OPEN)).toEqual({ verdict: 'notReady', missing: missingItems(OPEN) });
    expect(checklistVerdict('dor', 'inProgress', OPEN)).toEqual({ verdict: 'notReady', missing: missingItems(OPEN) });
  });

  it('once done: never "not ready", but done, or done with the required items left open', () => {
    for (const kind of ['dor', 'dod'] as const) {
      expect(checklistVerdict(kind, 'done', ALL_DONE)).toEqual({ verdict: 'done' });
      expect(checklistVerdict(kind, 'done', OPEN)).toEqual({ verdict: 'doneLeftOpen', missing: missingItems(OPEN) });
    }
  });

  it('shows the items at first only while the list is a step of the work', () => {
    expect(expandedAtFirst({ verdict: 'ready' })).toBe(true);
    expect(expandedAtFirst({ verdict: 'notReady', missing: [] })).toBe(true);
    expect(expandedAtFirst({ verdict: 'notStarted' })).toBe(false);
    expect(expandedAtFirst({ verdict: 'done' })).toBe(false);
    expect(expandedAtFirst({ verdict: 'doneLeftOpen', missing: [] })).toBe(false);
  });
});

describe('the mirror Jira indexes', () => {
  const summary = (o: Partial<ChecklistSummary> = {}): ChecklistSummary => ({ ready: 'false', applies: 'true', progress: 50, openRequired: 1, required: 2, total: 2, ...o });
  const mirror = (o: Partial<ReadinessMirror> = {}): ReadinessMirror => ({ schemaVersion: 2, version: 3, updatedAt: '2026-11-27T12:00:00Z', dor: summary(), dod: summary({ ready: 'true', openRequired: 0 }), ...o });

  it('says what the state says whatever its key order and when it was written', () => {
    const reordered = JSON.parse('{"dod":{"total":2,"required":2,"openRequired":0,"progress":50,"applies":"true","ready":"true"},"dor":{"total":2,"required":2,"openRequired":1,"progress":50,"applies":"true","ready":"false"},"version":3,"updatedAt":"2020-01-01T00:00:00Z","schemaVersion":2}') as ReadinessMirror;
    expect(sameMirror(reordered, mirror())).toBe(true);
  });

  it('differs for another version, or any other summary value of either list', () => {
    expect(sameMirror(mirror({ version: 4 }), mirror())).toBe(false);
    expect(sameMirror(mirror({ dor: summary({ progress: 51 }) }), mirror())).toBe(false);
    expect(sameMirror(mirror({ dod: summary({ ready: 'false', openRequired: 0 }) }), mirror())).toBe(false);
    expect(sameMirror(mirror({ dor: mirror().dod, dod: mirror().dor }), mirror())).toBe(false);
    expect(sameMirror(mirror({ dor: { ...summary(), extra: 1 } as ChecklistSummary }), mirror())).toBe(false);
  });

  it('is compared as canonical JSON: keys sorted, undefined left out, like JSON for the rest', () => {
    expect(canonicalJson({ b: 1, a: [2, undefined, { d: null, c: 'x' }], u: undefined })).toBe('{"a":[2,null,{"c":"x","d":null}],"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson({ aa: 1, a: 2, B: 3 })).toBe('{"B":3,"a":2,"aa":1}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson('t"x')).toBe('"t\\"x"');
    expect(canonicalJson([])).toBe('[]');
    expect(canonicalJson({})).toBe('{}');
  });
});
