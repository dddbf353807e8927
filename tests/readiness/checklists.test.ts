/**
 * The checklist domain with no mocks: template selection, auto-checks, readiness and progress,
 * changes and their refusals, template migration, the state, the mirror and the legacy document,
 * importing the legacy document as unverified claims, and the store's size limit in UTF-8 bytes.
 */
import { defaultConfig, GovernanceConfig, type ChecklistTemplate, type GovernanceConfigInput } from '../../src/domain/config';
import {
  applyChange,
  autoCheckResults,
  type AutoResults,
  checkMirrorSize,
  evaluate,
  type EvaluationInput,
  fitState,
  importLegacy,
  type ItemChange,
  LegacyReadinessDocument,
  mirrorOf,
  propertySummaries,
  type ReadinessBody,
  ReadinessState,
  ReadinessTooLargeError,
  readStoredReadiness,
  STORE_ENVELOPE_BYTES,
  stateOf,
  templateFor,
  unverifiedCount,
  utf8Bytes,
} from '../../src/domain/checklists';
import { generateIssue, STATUSES, STORY_POINTS_FIELD_ID, type IssueOverrides } from '../../src/domain/testing/generate';

const NOW = Date.parse('2026-11-27T12:00:00Z');
const PO = 'acc-po';
const DEV = 'acc-dev';
const AC_FIELD = 'customfield_10050';

const adf = (...paragraphs: unknown[][]) => ({ type: 'doc', version: 1, content: paragraphs.map((content) => ({ type: 'paragraph', content })) });
const text = (t: string, href?: string) => (href ? { type: 'text', text: t, marks: [{ type: 'link', attrs: { href } }] } : { type: 'text', text: t });

function config(templates?: GovernanceConfigInput['checklists']['templates']): GovernanceConfig {
  const base = defaultConfig();
  return GovernanceConfig.parse({ ...base, checklists: { templates: templates ?? base.checklists.templates } });
}

function autoOf(o: IssueOverrides = {}, remoteLinks: string[] = [], acField: string | null = AC_FIELD): AutoResults {
  return autoCheckResults({ issue: generateIssue(o), estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: acField, remoteLinks });
}

const type = (name: string, untranslatedName: string | null = name, id = `${10000 + name.length}`) => ({ id, name, untranslatedName });
const STORY = { projectKey: 'PAY', issueType: type('Story', 'Story', '10001'), subtask: false };

function input(over: Partial<EvaluationInput> = {}): EvaluationInput {
  return { templates: config().checklists.templates, issue: STORY, auto: autoOf(), stored: null, now: NOW, ...over };
}

const bodyOf = (state: ReadinessState): ReadinessBody => ({ lists: state.lists, history: state.history, imported: state.imported });

/** Evaluates, applies each change in turn through a write of the state, and returns the last evaluation and state. */
function afterChanges(changes: (ItemChange & { by?: string })[], base: EvaluationInput = input()) {
  let ev = evaluate(base);
  let state: ReadinessState | null = null;
  for (const c of changes) {
    const r = applyChange(ev, base.auto, c, c.by ?? PO, base.now);
    if (!r.ok) throw new Error(r.problem);
    state = ReadinessState.parse(JSON.parse(JSON.stringify(stateOf(r.body, { issueId: '10001', archive: [] }, c.by ?? PO, base.now))));
    ev = evaluate({ ...base, stored: bodyOf(state) });
  }
  return { ev, doc: state };
}

describe('template selection', () => {
  const t = (id: string, projects: string[], issueTypes: string[], kind: 'dor' | 'dod' = 'dor'): ChecklistTemplate => ({
    id,
    kind,
    name: { en: id, ru: id },
    projects,
    issueTypes: issueTypes.map((n) => (/^\d+$/.test(n) ? { id: n } : { untranslatedName: n })),
    items: [{ id: 'x', text: { en: 'x', ru: 'x' }, required: true, allowNotApplicable: true, auto: null }],
  });
  const templates = [t('general', [], []), t('stories', [], ['Story']), t('pay', ['PAY'], []), t('pay-stories', ['PAY'], ['story']), t('pay-dod', ['PAY'], [], 'dod')];

  it('picks the most specific match: project and type, then project, then type, then the general one', () => {
    expect(templateFor(templates, 'dor', STORY)?.id).toBe('pay-stories');
    expect(templateFor(templates, 'dor', { ...STORY, issueType: type('Task') })?.id).toBe('pay');
    expect(templateFor(templates, 'dor', { ...STORY, projectKey: 'LOAN' })?.id).toBe('stories');
    expect(templateFor(templates, 'dor', { projectKey: 'LOAN', issueType: type('Bug'), subtask: false })?.id).toBe('general');
  });

  it('matches types by untranslated name or by id, never by the name a Russian-speaking reader sees', () => {
    const russianStory = { ...STORY, issueType: type('История', 'Story', '10001') };
    expect(templateFor(templates, 'dor', russianStory)?.id).toBe('pay-stories');
    expect(templateFor([t('by-id', [], ['10001'])], 'dor', { ...russianStory, issueType: type('История', null, '10001') })?.id).toBe('by-id');
    expect(templateFor([t('stories', [], ['Story'])], 'dor', { ...russianStory, issueType: type('История', null, '10001') })).toBeNull();
  });

  it('keeps kinds apart and takes the first of equally specific templates', () => {
    expect(templateFor(templates, 'dod', STORY)?.id).toBe('pay-dod');
    expect(templateFor([t('a', ['PAY'], []), t('b', ['PAY'], [])], 'dor', STORY)?.id).toBe('a');
  });

  it('gives a sub-task a checklist only from a template that names its type', () => {
    const sub = { projectKey: 'PAY', issueType: type('Sub-task'), subtask: true };
    expect(templateFor(templates, 'dor', sub)).toBeNull();
    expect(templateFor([...templates, t('subs', [], ['Sub-task'])], 'dor', sub)?.id).toBe('subs');
  });

  it('uses the default DoR and DoD of the governance model for any story', () => {
    const ev = evaluate(input());
    expect(ev.lists.dor?.templateId).toBe('dor-default');
    expect(ev.lists.dod?.templateId).toBe('dod-default');
    expect(ev.lists.dor?.items.map((i) => i.id)).toEqual(['cjm', 'design', 'uxui-copyright', 'architecture', 'acceptance-criteria', 'estimate']);
  });
});

describe('auto-checks', () => {
  it('finds an estimate in story points or an original time estimate', () => {
    expect(autoOf({ estimate: 5 }).estimate).toEqual({ passed: true, detail: { check: 'estimate', storyPoints: 5, originalEstimateSeconds: null } });
    expect(autoOf({ estimate: 0 }).estimate.passed).toBe(true);
    expect(autoOf({ fields: { timeoriginalestimate: 7200 } }).estimate.passed).toBe(true);
    expect(autoOf({ estimate: null }).estimate.passed).toBe(false);
  });

  it('finds acceptance criteria in the configured field or under a heading of the description', () => {
    expect(autoOf({ fields: { [AC_FIELD]: 'Given a payment, when…' } }).acceptanceCriteria.detail).toEqual({ check: 'acceptanceCriteria', source: 'field' });
    expect(autoOf({ description: adf([text('Критерии приёмки:')], [text('платёж проходит')]) }).acceptanceCriteria.detail).toEqual({ check: 'acceptanceCriteria', source: 'description' });
    expect(autoOf({ description: adf([text('Acceptance criteria')]) }, [], null).acceptanceCriteria.passed).toBe(true);
    expect(autoOf({ description: adf([text('Just a story')]) }).acceptanceCriteria.passed).toBe(false);
  });

  it('finds a design link in the description or in the remote links, and only a design tool counts', () => {
    expect(autoOf({ description: adf([text('Mock-ups', 'https://www.figma.com/file/abc')]) }).designLink.detail).toEqual({ check: 'designLink', url: 'https://www.figma.com/file/abc', source: 'description' });
    expect(autoOf({}, ['https://confluence.example/x', 'https://miro.com/app/board/1']).designLink.detail).toEqual({ check: 'designLink', url: 'https://miro.com/app/board/1', source: 'remoteLink' });
    expect(autoOf({ description: adf([text('see https://wiki.example/page')]) }, ['https://docs.example']).designLink.passed).toBe(false);
  });

  it('counts sub-tasks done; an issue without sub-tasks passes', () => {
    expect(autoOf().subtasksDone).toEqual({ passed: true, detail: { check: 'subtasksDone', done: 0, total: 0 } });
    const subtasks = [{ key: 'PAY-2', status: STATUSES.done }, { key: 'PAY-3', status: STATUSES.inProgress }, { key: 'PAY-4', status: STATUSES.closed }];
    expect(autoOf({ subtasks }).subtasksDone).toEqual({ passed: false, detail: { check: 'subtasksDone', done: 2, total: 3 } });
  });

  it('checks the description and the assignee', () => {
    expect(autoOf({ description: adf([text('  ')]) }).description.passed).toBe(false);
    expect(autoOf({ description: 'plain text' }).description.passed).toBe(true);
    expect(autoOf({ assignee: DEV }).assignee).toEqual({ passed: true, detail: { check: 'assignee', accountId: DEV } });
    expect(autoOf().assignee.passed).toBe(false);
  });
});

describe('readiness and progress', () => {
  it('shows auto items from the issue and names how many required items are open', () => {
    const auto = autoOf({ estimate: 3, description: adf([text('Acceptance criteria')]) });
    const dor = evaluate(input({ auto })).lists.dor!;
    const byId = Object.fromEntries(dor.items.map((i) => [i.id, i]));
    expect(byId.estimate).toMatchObject({ state: 'done', auto: 'estimate', by: null });
    expect(byId['acceptance-criteria']).toMatchObject({ state: 'done', autoResult: { passed: true } });
    expect(byId.design).toMatchObject({ state: 'open', auto: 'designLink' });
    expect(dor).toMatchObject({ ready: false, openRequired: 4, required: 6, total: 6, complete: 2, progress: 33 });
  });

  it('is ready once every required item is done or not applicable; optional items do not block', () => {
    const templates = config([
      {
        id: 'dor-small',
        kind: 'dor',
        name: { en: 'DoR', ru: 'DoR' },
        items: [
          { id: 'a', text: { en: 'A', ru: 'А' } },
          { id: 'b', text: { en: 'B', ru: 'Б' } },
          { id: 'nice', text: { en: 'Nice to have', ru: 'Желательно' }, required: false },
        ],
      },
    ]).checklists.templates;
    const base = input({ templates });
    const { ev } = afterChanges(
      [
        { list: 'dor', item: 'a', state: 'done' },
        { list: 'dor', item: 'b', state: 'notApplicable', reason: 'No UI in this story' },
      ],
      base,
    );
    expect(ev.lists.dor).toMatchObject({ ready: true, openRequired: 0, progress: 66, complete: 2, total: 3 });
    expect(ev.summary.dor).toEqual({ ready: 'true', applies: 'true', progress: 66, openRequired: 0, required: 2, total: 3 });
    // No DoD template in this configuration: it does not apply, and does not block.
    expect(ev.lists.dod).toBeNull();
    expect(ev.summary.dod).toEqual({ ready: 'true', applies: 'false', progress: 100, openRequired: 0, required: 0, total: 0 });
  });
});

describe('changes', () => {
  it('records who set each item and when, and keeps an audit trail', () => {
    const { ev, doc } = afterChanges([
      { list: 'dor', item: 'cjm', state: 'done', by: PO },
      { list: 'dor', item: 'uxui-copyright', state: 'notApplicable', reason: '  No new copy  ', by: DEV },
      { list: 'dor', item: 'cjm', state: 'open', by: DEV },
    ]);
    const cjm = ev.lists.dor!.items.find((i) => i.id === 'cjm')!;
    expect(cjm).toMatchObject({ state: 'open', by: DEV, at: '2026-11-27T12:00:00Z' });
    expect(ev.lists.dor!.items.find((i) => i.id === 'uxui-copyright')).toMatchObject({ state: 'notApplicable', reason: 'No new copy', by: DEV });
    expect(doc!.history.map((h) => [h.change, h.item, 'from' in h ? h.from : null, 'to' in h ? h.to : null])).toEqual([
      ['state', 'cjm', 'open', 'done'],
      ['state', 'uxui-copyright', 'open', 'notApplicable'],
      ['state', 'cjm', 'done', 'open'],
    ]);
    expect(doc).toMatchObject({ updatedBy: DEV, schemaVersion: 1, issueId: '10001' });
  });

  it.each<[string, ItemChange, RegExp]>([
    ['a not-applicable item without a reason', { list: 'dor', item: 'cjm', state: 'notApplicable', reason: '   ' }, /A reason is required to mark "Customer journey map \(CJM\) prepared" not applicable/],
    ['not applicable where the template forbids it', { list: 'dor', item: 'estimate', state: 'notApplicable', reason: 'x' }, /"Time and resources estimated" cannot be marked not applicable/],
    ['an auto item ticked by hand', { list: 'dor', item: 'design', state: 'done' }, /checked automatically from the issue/],
    ['an item the template does not have', { list: 'dor', item: 'code-review', state: 'done' }, /has no item "code-review"/],
    ['a reason with done', { list: 'dod', item: 'code-review', state: 'done', reason: 'because' }, /reason goes only with "not applicable"/],
  ])('refuses %s, naming the problem', (_name, change, message) => {
    const ev = evaluate(input());
    const r = applyChange(ev, input().auto, change, PO, NOW);
    expect(r).toEqual({ ok: false, problem: expect.stringMatching(message) });
  });

  it('refuses a change to a checklist that does not apply', () => {
    const ev = evaluate(input({ issue: { projectKey: 'PAY', issueType: type('Sub-task'), subtask: true } }));
    expect(applyChange(ev, input().auto, { list: 'dor', item: 'cjm', state: 'done' }, PO, NOW)).toEqual({ ok: false, problem: 'No Definition of Ready checklist applies to this issue.' });
  });

  it('lets an auto item be not applicable, and follow its check again when reopened', () => {
    const { ev } = afterChanges([{ list: 'dor', item: 'design', state: 'notApplicable', reason: 'Back-end only' }]);
    expect(ev.lists.dor!.items.find((i) => i.id === 'design')).toMatchObject({ state: 'notApplicable', by: PO, reason: 'Back-end only' });
    const withLink = input({ auto: autoOf({}, ['https://www.figma.com/file/1']), stored: null });
    const reopened = afterChanges(
      [
        { list: 'dor', item: 'design', state: 'notApplicable', reason: 'Back-end only' },
        { list: 'dor', item: 'design', state: 'open' },
      ],
      withLink,
    ).ev;
    expect(reopened.lists.dor!.items.find((i) => i.id === 'design')).toMatchObject({ state: 'done', by: null, reason: null });
  });

  it('treats a change to the state an item already has as no change (a re-applied tick is not recorded twice)', () => {
    const { ev } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const again = applyChange(ev, input().auto, { list: 'dor', item: 'cjm', state: 'done' }, DEV, NOW + 1000);
    expect(again).toMatchObject({ ok: true, changed: false });
  });
});

describe('template migration', () => {
  const templatesWith = (items: GovernanceConfigInput['checklists']['templates'][number]['items'], id = 'dor-default', projects: string[] = []) =>
    config([{ id, kind: 'dor', name: { en: 'DoR', ru: 'DoR' }, projects, items }]).checklists.templates;
  const v1 = templatesWith([
    { id: 'cjm', text: { en: 'CJM', ru: 'CJM' } },
    { id: 'legal', text: { en: 'Legal check', ru: 'Юридическая проверка' } },
    { id: 'untouched', text: { en: 'Untouched', ru: 'Не тронут' } },
  ]);

  function storedUnder(templates = v1) {
    return afterChanges(
      [
        { list: 'dor', item: 'cjm', state: 'done' },
        { list: 'dor', item: 'legal', state: 'notApplicable', reason: 'No legal impact' },
      ],
      input({ templates }),
    ).doc!;
  }

  it('keeps ticks by item id, opens new items, and moves removed items into the history', () => {
    const stored = storedUnder();
    const v2 = templatesWith([
      { id: 'cjm', text: { en: 'CJM prepared', ru: 'CJM подготовлена' } },
      { id: 'security', text: { en: 'Security review', ru: 'Проверка ИБ' } },
    ]);
    const ev = evaluate(input({ templates: v2, stored: bodyOf(stored) }));
    expect(ev.stale).toBe(true);
    expect(ev.lists.dor!.items.map((i) => [i.id, i.state, i.text.en])).toEqual([
      ['cjm', 'done', 'CJM prepared'],
      ['security', 'open', 'Security review'],
    ]);
    expect(ev.body.history.at(-1)).toEqual({
      change: 'removed',
      at: '2026-11-27T12:00:00Z',
      list: 'dor',
      item: 'legal',
      text: { en: 'Legal check', ru: 'Юридическая проверка' },
      last: 'notApplicable',
      reason: 'No legal impact',
    });
    // Once written, the migration is done: reading again changes nothing.
    const written = stateOf(ev.body, { issueId: '10001', archive: [] }, null, NOW);
    expect(evaluate(input({ templates: v2, stored: bodyOf(written) })).stale).toBe(false);
    expect(written.history.filter((h) => h.change === 'removed')).toHaveLength(1);
  });

  it('matches items by id across templates when another template starts to apply', () => {
    const stored = storedUnder();
    const projectTemplate = [...v1, ...templatesWith([{ id: 'cjm', text: { en: 'CJM (PAY)', ru: 'CJM (PAY)' } }, { id: 'legal', text: { en: 'Legal', ru: 'Юр.' } }], 'dor-pay', ['PAY'])];
    const dor = evaluate(input({ templates: projectTemplate, stored: bodyOf(stored) })).lists.dor!;
    expect(dor.templateId).toBe('dor-pay');
    expect(dor.items.map((i) => i.state)).toEqual(['done', 'notApplicable']);
  });

  it('keeps the marks unused when no template applies any more, and finds them again later', () => {
    const stored = storedUnder();
    const none = evaluate(input({ templates: [], stored: bodyOf(stored) }));
    expect(none.lists.dor).toBeNull();
    expect(none.body.lists.dor).toEqual(stored.lists.dor);
    expect(none.summary.dor.applies).toBe('false');
    const doc = stateOf(none.body, { issueId: '10001', archive: [] }, null, NOW);
    expect(evaluate(input({ templates: v1, stored: bodyOf(doc) })).lists.dor!.items.map((i) => i.state)).toEqual(['done', 'notApplicable', 'open']);
  });
});

describe('the state, the mirror and the legacy document', () => {
  it('round-trips the state through its schema', () => {
    const { doc } = afterChanges([{ list: 'dod', item: 'load-test', state: 'notApplicable', reason: 'No new endpoints' }]);
    const json = JSON.parse(JSON.stringify(doc));
    expect(ReadinessState.parse(json)).toEqual(doc);
    expect(ReadinessState.safeParse({ ...json, issueId: 'PAY-1' }).success).toBe(false);
    expect(ReadinessState.safeParse({ ...json, extra: true }).success).toBe(false);
  });

  it('tells the mirror, a legacy document, a newer schema and anything else apart in the property', () => {
    const { ev } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const mirror = JSON.parse(JSON.stringify(mirrorOf(ev, 3, NOW)));
    expect(readStoredReadiness(null)).toEqual({ kind: 'absent' });
    expect(readStoredReadiness(mirror)).toEqual({ kind: 'mirror', mirror });
    expect(readStoredReadiness({ schemaVersion: 99, anything: true })).toEqual({ kind: 'newer', schemaVersion: 99 });
    expect(readStoredReadiness({ ...mirror, dor: { ready: true } }).kind).toBe('invalid');
    const broken = readStoredReadiness({ schemaVersion: 1, version: 0 });
    expect(broken.kind).toBe('invalid');
    expect(broken.kind === 'invalid' && broken.problems.join(' ')).toMatch(/version/);
    expect(propertySummaries(mirror)).toEqual({ dor: ev.summary.dor, dod: ev.summary.dod });
    expect(propertySummaries({ hello: 'world' })).toBeNull();
  });

  it('refuses a not-applicable mark without a reason when parsing', () => {
    const { doc } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const bad = JSON.parse(JSON.stringify(doc));
    bad.lists.dor.items.cjm.state = 'notApplicable';
    expect(ReadinessState.safeParse(bad).success).toBe(false);
  });
});

describe('importing a property of the earlier format', () => {
  const legacy = LegacyReadinessDocument.parse({
    schemaVersion: 1,
    version: 4,
    updatedAt: '2026-11-20T10:00:00Z',
    updatedBy: DEV,
    dor: { ready: 'true', applies: 'true', progress: 100, openRequired: 0, required: 6, total: 6 },
    dod: { ready: 'false', applies: 'true', progress: 0, openRequired: 9, required: 9, total: 9 },
    lists: {
      dor: {
        templateId: 'dor-default',
        items: {
          cjm: { state: 'done', by: PO, at: '2026-11-19T09:00:00Z', text: { en: 'CJM', ru: 'CJM' } },
          design: { state: 'notApplicable', reason: 'Back-end only', by: DEV, at: '2026-11-19T09:30:00Z', text: { en: 'Design', ru: 'Дизайн' } },
          architecture: { state: 'open', by: DEV, at: '2026-11-19T09:40:00Z', text: { en: 'A', ru: 'A' } },
        },
      },
      dod: null,
    },
    history: [{ change: 'state', at: '2026-11-19T09:00:00Z', by: PO, list: 'dor', item: 'cjm', from: 'open', to: 'done' }],
  });

  it('keeps every tick as an unverified claim that counts as open, and trusts nothing else of it', () => {
    const state = importLegacy(legacy, '10001', NOW);
    expect(ReadinessState.parse(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(state).toMatchObject({ updatedBy: null, history: [], lists: { dor: { templateId: 'dor-default', items: {} }, dod: null } });
    expect(unverifiedCount(state.imported)).toBe(2);
    const ev = evaluate(input({ stored: bodyOf(state) }));
    const byId = Object.fromEntries(ev.lists.dor!.items.map((i) => [i.id, i]));
    expect(byId.cjm).toMatchObject({ state: 'open', by: null, imported: { state: 'done', by: PO, at: '2026-11-19T09:00:00Z', reason: null } });
    expect(byId.design).toMatchObject({ state: 'open', imported: { state: 'notApplicable', by: DEV, reason: 'Back-end only' } });
    expect(byId.architecture?.imported).toBeNull();
    // The property said the DoR was ready; the app says it is not.
    expect(ev.summary.dor.ready).toBe('false');
    // Once reconciled with today's templates (the app stores it so), reading it again changes nothing.
    expect(evaluate(input({ stored: ev.body })).stale).toBe(false);
  });

  it('replaces a claim with a verified mark when someone who may edit the issue confirms it', () => {
    const state = importLegacy(legacy, '10001', NOW);
    const ev = evaluate(input({ stored: bodyOf(state) }));
    const r = applyChange(ev, input().auto, { list: 'dor', item: 'cjm', state: 'done' }, DEV, NOW);
    expect(r).toMatchObject({ ok: true, changed: true });
    if (!r.ok) return;
    expect(r.body.history).toEqual([expect.objectContaining({ by: DEV, item: 'cjm', from: 'open', to: 'done' })]);
    expect(unverifiedCount(r.body.imported)).toBe(1);
    const after = evaluate(input({ stored: r.body }));
    expect(after.lists.dor!.items.find((i) => i.id === 'cjm')).toMatchObject({ state: 'done', by: DEV, imported: null });
  });
});

describe("the store's 240 KiB, in UTF-8 bytes", () => {
  const manyItems = (n: number, textLength: number) =>
    config([
      {
        id: 'dor-long',
        kind: 'dor',
        name: { en: 'DoR', ru: 'DoR' },
        items: Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, text: { en: `Item ${i} `.padEnd(textLength, 'x'), ru: `Пункт ${i} `.padEnd(textLength, 'я') } })),
      },
    ]).checklists.templates;
  const longReason = (i: number) => `Причина ${i}: `.padEnd(500, 'я');

  it('counts bytes, not characters', () => {
    expect(utf8Bytes('я')).toBe(4);
    expect(utf8Bytes('ab')).toBe(4);
    expect(utf8Bytes('語')).toBe(5);
  });

  it('leaves a state that fits as it is', () => {
    const { doc } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const size = utf8Bytes(doc) + STORE_ENVELOPE_BYTES;
    expect(fitState(doc!, size)).toEqual({ state: doc, archived: [] });
  });

  it('moves at least the older half of the history to the archive, nothing lost, the newest kept', () => {
    const changes: ItemChange[] = [];
    for (let round = 0; round < 4; round++) for (let i = 0; i < 20; i++) changes.push({ list: 'dor', item: `item-${i}`, state: 'notApplicable', reason: longReason(100 * round + i) });
    const { doc } = afterChanges(changes, input({ templates: manyItems(20, 60) }));
    const limit = utf8Bytes(doc) + STORE_ENVELOPE_BYTES - 1;
    const { state, archived } = fitState(doc!, limit);
    expect(archived.length).toBeGreaterThanOrEqual(doc!.history.length / 2);
    expect([...archived, ...state.history]).toEqual(doc!.history);
    expect(state.history.at(-1)).toMatchObject({ item: 'item-19', reason: longReason(319) });
    expect(utf8Bytes(state) + STORE_ENVELOPE_BYTES).toBeLessThanOrEqual(limit);
  });

  it('refuses a state too large even without its history, naming the limit', () => {
    const { doc } = afterChanges(
      Array.from({ length: 40 }, (_, i) => ({ list: 'dor' as const, item: `item-${i}`, state: 'notApplicable' as const, reason: longReason(i) })),
      input({ templates: manyItems(40, 200) }),
    );
    const withoutHistory = utf8Bytes({ ...doc!, history: [] }) + STORE_ENVELOPE_BYTES;
    let caught: unknown = null;
    try {
      fitState(doc!, withoutHistory - 1);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ReadinessTooLargeError);
    expect((caught as Error).message).toMatch(/more than the [\d,]+ bytes the app's storage keeps for one issue, even with their history archived/);
    expect(() => fitState(doc!)).not.toThrow();
  });

  it('keeps the mirror far within the 32,768 Jira allows in a property', () => {
    const { ev } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    expect(utf8Bytes(mirrorOf(ev, 1, NOW))).toBeLessThan(1000);
    expect(() => checkMirrorSize(mirrorOf(ev, 1, NOW), 100)).toThrow(/more than the 100 bytes Jira keeps in an issue property/);
  });
});
