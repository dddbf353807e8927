/**
 * Checklist changes and reconciliation at their edges: a new reason for an item already not
 * applicable, an open mark that leaves the template, progress rounding, the unverified claim of one
 * item confirmed while the others stay, the size limit met exactly, and an import with no claims.
 */
import {
  applyChange,
  autoCheckResults,
  checkMirrorSize,
  type AutoResults,
  evaluate,
  type EvaluationInput,
  fitState,
  importLegacy,
  LegacyReadinessDocument,
  mirrorOf,
  type ReadinessBody,
  ReadinessTooLargeError,
  stateOf,
  STORE_ENVELOPE_BYTES,
  unverifiedCount,
  utf8Bytes,
} from '../../src/domain/checklists';
import { GovernanceConfig, defaultConfig, type GovernanceConfigInput } from '../../src/domain/config';
import { generateIssue } from '../../src/domain/testing/generate';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const STORY = { projectKey: 'PAY', issueType: { id: '10001', name: 'Story', untranslatedName: 'Story' }, subtask: false };
const AUTO: AutoResults = autoCheckResults({ issue: generateIssue({}), estimationFieldId: null, acceptanceCriteriaField: null, remoteLinks: [] });

function templates(items: GovernanceConfigInput['checklists']['templates'][number]['items']) {
  return GovernanceConfig.parse({ ...defaultConfig(), checklists: { templates: [{ id: 'dor-x', kind: 'dor', name: { en: 'DoR', ru: 'DoR' }, items }] } }).checklists.templates;
}
const THREE = templates([
  { id: 'a', text: { en: 'A', ru: 'А' } },
  { id: 'b', text: { en: 'B', ru: 'Б' } },
  { id: 'c', text: { en: 'C', ru: 'В' }, required: false },
]);
const input = (o: Partial<EvaluationInput> = {}): EvaluationInput => ({ templates: THREE, issue: STORY, auto: AUTO, stored: null, now: NOW, ...o });

function apply(body: ReadinessBody | null, change: Parameters<typeof applyChange>[2], by = 'acc-po', now = NOW, tpl = THREE) {
  const ev = evaluate(input({ stored: body, templates: tpl, now }));
  const r = applyChange(ev, AUTO, change, by, now);
  if (!r.ok) throw new Error(r.problem);
  return r;
}

describe('a change to an item already not applicable', () => {
  it('counts when the reason is new, and not when it is the same once trimmed', () => {
    const first = apply(null, { list: 'dor', item: 'a', state: 'notApplicable', reason: 'No UI' });
    const same = apply(first.body, { list: 'dor', item: 'a', state: 'notApplicable', reason: '  No UI ' }, 'acc-dev');
    expect(same.changed).toBe(false);
    const other = apply(first.body, { list: 'dor', item: 'a', state: 'notApplicable', reason: 'Back-end only' }, 'acc-dev');
    expect(other.changed).toBe(true);
    expect(other.body.history.at(-1)).toEqual({ change: 'state', at: '2026-11-27T12:00:00Z', by: 'acc-dev', list: 'dor', item: 'a', from: 'notApplicable', to: 'notApplicable', reason: 'Back-end only' });
    const reopened = apply(other.body, { list: 'dor', item: 'a', state: 'open' });
    expect(reopened.body.history.at(-1)).toEqual({ change: 'state', at: '2026-11-27T12:00:00Z', by: 'acc-po', list: 'dor', item: 'a', from: 'notApplicable', to: 'open' });
    expect(reopened.body.lists.dor?.items.a).toEqual({ state: 'open', by: 'acc-po', at: '2026-11-27T12:00:00Z', text: { en: 'A', ru: 'А' } });
  });
});

describe('reconciling marks with a changed template', () => {
  it('drops an open mark of an item that left the template without a history entry, and records a done one without a reason', () => {
    let body = apply(null, { list: 'dor', item: 'a', state: 'done' }).body;
    body = apply(body, { list: 'dor', item: 'b', state: 'done' }).body;
    body = apply(body, { list: 'dor', item: 'b', state: 'open' }).body;
    const only = templates([{ id: 'c', text: { en: 'C', ru: 'В' } }]);
    const ev = evaluate(input({ templates: only, stored: body, now: NOW + 5_500 }));
    expect(ev.body.history.slice(3)).toEqual([{ change: 'removed', at: '2026-11-27T12:00:05Z', list: 'dor', item: 'a', text: { en: 'A', ru: 'А' }, last: 'done' }]);
    expect(ev.body.lists.dor).toEqual({ templateId: 'dor-x', items: {} });
    expect(ev.stale).toBe(true);
    expect(evaluate(input({ stored: null })).stale).toBe(false);
  });
});

describe('progress and readiness', () => {
  it('rounds progress down, counts optional items, and is ready with only optional items open', () => {
    let body = apply(null, { list: 'dor', item: 'a', state: 'done' }).body;
    expect(evaluate(input({ stored: body })).lists.dor).toMatchObject({ progress: 33, complete: 1, openRequired: 1, required: 2, total: 3, ready: false });
    body = apply(body, { list: 'dor', item: 'b', state: 'notApplicable', reason: 'n/a' }).body;
    const ev = evaluate(input({ stored: body }));
    expect(ev.lists.dor).toMatchObject({ progress: 66, ready: true, openRequired: 0 });
    expect(ev.summary.dor).toEqual({ ready: 'true', applies: 'true', progress: 66, openRequired: 0, required: 2, total: 3 });
    expect(ev.lists.dor?.items.map((i) => [i.id, i.reason, i.by])).toEqual([
      ['a', null, 'acc-po'],
      ['b', 'n/a', 'acc-po'],
      ['c', null, null],
    ]);
    expect(mirrorOf(ev, 4, NOW + 999)).toEqual({ schemaVersion: 2, version: 4, updatedAt: '2026-11-27T12:00:00Z', dor: ev.summary.dor, dod: ev.summary.dod });
  });

  it('writes the state with its author, instant and a copy of the archive', () => {
    const archive = ['readiness-audit:10001:1'];
    const body = apply(null, { list: 'dor', item: 'a', state: 'done' }).body;
    const state = stateOf(body, { issueId: '10001', archive }, 'acc-po', NOW + 1500);
    expect(state).toMatchObject({ schemaVersion: 1, issueId: '10001', updatedAt: '2026-11-27T12:00:01Z', updatedBy: 'acc-po', archive: ['readiness-audit:10001:1'] });
    expect(state.archive).not.toBe(archive);
  });
});

describe('unverified claims imported from the property', () => {
  const legacy = LegacyReadinessDocument.parse({
    schemaVersion: 1,
    version: 2,
    updatedAt: '2026-11-20T10:00:00Z',
    updatedBy: null,
    dor: { ready: 'false', applies: 'true', progress: 0, openRequired: 2, required: 2, total: 3 },
    dod: { ready: 'true', applies: 'false', progress: 100, openRequired: 0, required: 0, total: 0 },
    lists: {
      dor: {
        templateId: 'dor-x',
        items: {
          a: { state: 'done', by: 'acc-x', at: '2026-11-19T09:00:00Z', text: { en: 'A', ru: 'А' } },
          b: { state: 'done', by: 'acc-x', at: '2026-11-19T09:00:00Z', text: { en: 'B', ru: 'Б' } },
        },
      },
      dod: { templateId: 'dod-x', items: { z: { state: 'open', by: 'acc-x', at: '2026-11-19T09:00:00Z', text: { en: 'Z', ru: 'Z' } } } },
    },
    history: [],
  });

  it('are imported with what the property claims, and only the ticks', () => {
    const state = importLegacy(legacy, '10001', NOW);
    expect(state.imported).toMatchObject({ at: '2026-11-27T12:00:00Z', claimedVersion: 2, claimedUpdatedAt: '2026-11-20T10:00:00Z', claimedUpdatedBy: null, marks: { dod: {} } });
    expect(Object.keys(state.imported?.marks.dor ?? {})).toEqual(['a', 'b']);
    expect(state.lists).toEqual({ dor: { templateId: 'dor-x', items: {} }, dod: { templateId: 'dod-x', items: {} } });
    expect(importLegacy({ ...legacy, lists: { dor: null, dod: null } }, '10001', NOW).lists).toEqual({ dor: null, dod: null });
  });

  it('are hidden by a verified mark of the same item, which alone decides its state', () => {
    const state = importLegacy(legacy, '10001', NOW);
    // A body where item a carries both a verified "open" mark and the imported "done" claim.
    const body: ReadinessBody = {
      lists: { dor: { templateId: 'dor-x', items: { a: { state: 'open', by: 'acc-po', at: '2026-11-27T12:00:00Z', text: { en: 'A', ru: 'А' } } } }, dod: null },
      history: [],
      imported: state.imported,
    };
    const items = evaluate(input({ stored: body })).lists.dor?.items ?? [];
    expect(items.map((i) => [i.id, i.state, i.by, i.imported?.state ?? null])).toEqual([
      ['a', 'open', 'acc-po', null],
      ['b', 'open', null, 'done'],
      ['c', 'open', null, null],
    ]);
  });

  it('are counted across both lists', () => {
    const both = LegacyReadinessDocument.parse({
      ...legacy,
      lists: { ...legacy.lists, dod: { templateId: 'dod-x', items: { z: { state: 'done', by: 'acc-x', at: '2026-11-19T09:00:00Z', text: { en: 'Z', ru: 'Z' } } } } },
    });
    const state = importLegacy(both, '10001', NOW);
    expect([Object.keys(state.imported?.marks.dor ?? {}), Object.keys(state.imported?.marks.dod ?? {})]).toEqual([['a', 'b'], ['z']]);
    expect(unverifiedCount(state.imported)).toBe(3);
  });

  it('are confirmed one item at a time, the other claims kept, and a confirmation always counts', () => {
    const state = importLegacy(legacy, '10001', NOW);
    const body = { lists: state.lists, history: state.history, imported: state.imported };
    const r = apply(body, { list: 'dor', item: 'a', state: 'open' });
    expect(r.changed).toBe(true);
    expect(Object.keys(r.body.imported?.marks.dor ?? {})).toEqual(['b']);
    expect(r.body.imported?.marks.dod).toEqual({});
    expect(unverifiedCount(r.body.imported)).toBe(1);
    const ev = evaluate(input({ stored: r.body }));
    expect(ev.lists.dor?.items.map((i) => [i.id, i.state, i.imported?.state ?? null])).toEqual([
      ['a', 'open', null],
      ['b', 'open', 'done'],
      ['c', 'open', null],
    ]);
  });
});

describe('the size a state may take', () => {
  const body = apply(null, { list: 'dor', item: 'a', state: 'done' }).body;
  const state = stateOf({ ...body, history: [...body.history, ...body.history, ...body.history] }, { issueId: '10001', archive: [] }, 'acc-po', NOW);

  it('keeps a state whose size meets the limit exactly', () => {
    expect(fitState(state, utf8Bytes(state) + STORE_ENVELOPE_BYTES)).toEqual({ state, archived: [] });
  });

  it('archives the older half at least, one byte over the limit', () => {
    const { state: fitted, archived } = fitState(state, utf8Bytes(state) + STORE_ENVELOPE_BYTES - 1);
    expect(archived).toHaveLength(2);
    expect(fitted.history).toHaveLength(1);
  });

  /** A state whose history entries differ in size: reasons of 10, 400, 20, 30, 500, 40 letters (Cyrillic, two bytes each). */
  function varied() {
    let b: ReadinessBody | null = null;
    for (const n of [10, 400, 20, 30, 500, 40]) b = apply(b, { list: 'dor', item: 'a', state: 'notApplicable', reason: 'ж'.repeat(n) }).body;
    return stateOf(b as ReadinessBody, { issueId: '10001', archive: [] }, 'acc-po', NOW);
  }
  /** What the store needs for `s` with its history from entry `from` on. */
  const need = (s: ReturnType<typeof varied>, from: number) => utf8Bytes({ ...s, history: s.history.slice(from) }) + STORE_ENVELOPE_BYTES;

  it('archives beyond the older half exactly as many entries as the limit needs, in order, counting bytes', () => {
    const s = varied();
    expect(s.history).toHaveLength(6);
    // Keeping the last two (reasons of 500 and 40 letters) fits; keeping the last three would not.
    for (const limit of [need(s, 4), need(s, 3) - 1]) {
      const { state: fitted, archived } = fitState(s, limit);
      expect(archived).toHaveLength(4);
      expect([...archived, ...fitted.history]).toEqual(s.history);
      expect([need(s, 4) <= limit, need(s, 3) <= limit]).toEqual([true, false]);
    }
    // Keeping only the newest fits exactly.
    const last = need(s, 5);
    expect(fitState(s, last).archived).toHaveLength(5);
    expect(fitState(s, last + 1).archived).toHaveLength(5);
  });

  it('keeps a state that fits exactly once its whole history is archived, and names the size it would take when it does not', () => {
    const s = varied();
    const bare = need(s, s.history.length);
    const { state: fitted, archived } = fitState(s, bare);
    expect([fitted.history, archived]).toEqual([[], s.history]);
    let caught: unknown;
    try {
      fitState(s, bare - 1);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ReadinessTooLargeError);
    expect([(caught as ReadinessTooLargeError).bytes, (caught as ReadinessTooLargeError).limit, (caught as ReadinessTooLargeError).where]).toEqual([bare, bare - 1, 'store']);
  });

  it('lets a mirror of exactly the property limit through, and refuses one byte more', () => {
    const m = mirrorOf(evaluate(input({ stored: body })), 1, NOW);
    const size = utf8Bytes(m);
    expect(() => checkMirrorSize(m, size)).not.toThrow();
    expect(() => checkMirrorSize(m, size - 1)).toThrow(expect.objectContaining({ bytes: size, limit: size - 1, where: 'property' }));
  });

  it('names the bytes, the limit and where it would not fit', () => {
    const e = new ReadinessTooLargeError(300_000, 245_760, 'store');
    expect([e.bytes, e.limit, e.where, e.name]).toEqual([300_000, 245_760, 'store', 'ReadinessTooLargeError']);
    expect(e.message).toContain('would take 300,000 bytes, more than the 245,760 bytes (240 KiB)');
    expect(new ReadinessTooLargeError(40_000, 32_768, 'property').message).toBe('The readiness summary of this issue would take 40,000 bytes, more than the 32,768 bytes (32 KiB) Jira keeps in an issue property.');
  });
});
