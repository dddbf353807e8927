/**
 * The checklist domain with no mocks: template selection, auto-checks, readiness and progress,
 * changes and their refusals, template migration, the stored document and Jira's size limit.
 */
import { defaultConfig, GovernanceConfig, type ChecklistTemplate, type GovernanceConfigInput } from '../../src/domain/config';
import {
  applyChange,
  autoCheckResults,
  type AutoResults,
  evaluate,
  type EvaluationInput,
  fitToLimit,
  HISTORY_MAX,
  type ItemChange,
  nextDocument,
  PROPERTY_MAX_CHARS,
  ReadinessDocument,
  ReadinessTooLargeError,
  readStoredReadiness,
  templateFor,
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

/** Evaluates, applies each change in turn through a write, and returns the last evaluation. */
function afterChanges(changes: (ItemChange & { by?: string })[], base: EvaluationInput = input()) {
  let ev = evaluate(base);
  let doc: ReadinessDocument | null = null;
  for (const c of changes) {
    const r = applyChange(ev, base.auto, c, c.by ?? PO, base.now);
    if (!r.ok) throw new Error(r.problem);
    const next = nextDocument(base, r.body, ev.version + 1, c.by ?? PO);
    doc = next.document;
    ev = next.evaluation;
  }
  return { ev, doc };
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
    expect(ev.body.dor).toEqual({ ready: 'true', applies: 'true', progress: 66, openRequired: 0, required: 2, total: 3 });
    // No DoD template in this configuration: it does not apply, and does not block.
    expect(ev.lists.dod).toBeNull();
    expect(ev.body.dod).toEqual({ ready: 'true', applies: 'false', progress: 100, openRequired: 0, required: 0, total: 0 });
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
    expect(doc).toMatchObject({ version: 3, updatedBy: DEV, schemaVersion: 1 });
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
    const ev = evaluate(input({ templates: v2, stored }));
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
    const written = nextDocument(input({ templates: v2 }), ev.body, stored.version + 1, null);
    expect(evaluate(input({ templates: v2, stored: written.document })).stale).toBe(false);
    expect(written.document.history.filter((h) => h.change === 'removed')).toHaveLength(1);
  });

  it('matches items by id across templates when another template starts to apply', () => {
    const stored = storedUnder();
    const projectTemplate = [...v1, ...templatesWith([{ id: 'cjm', text: { en: 'CJM (PAY)', ru: 'CJM (PAY)' } }, { id: 'legal', text: { en: 'Legal', ru: 'Юр.' } }], 'dor-pay', ['PAY'])];
    const dor = evaluate(input({ templates: projectTemplate, stored })).lists.dor!;
    expect(dor.templateId).toBe('dor-pay');
    expect(dor.items.map((i) => i.state)).toEqual(['done', 'notApplicable']);
  });

  it('keeps the marks unused when no template applies any more, and finds them again later', () => {
    const stored = storedUnder();
    const none = evaluate(input({ templates: [], stored }));
    expect(none.lists.dor).toBeNull();
    expect(none.body.lists.dor).toEqual(stored.lists.dor);
    expect(none.body.dor.applies).toBe('false');
    const doc = nextDocument(input({ templates: [] }), none.body, stored.version + 1, null).document;
    expect(evaluate(input({ templates: v1, stored: doc })).lists.dor!.items.map((i) => i.state)).toEqual(['done', 'notApplicable', 'open']);
  });
});

describe('the stored document', () => {
  it('round-trips through its schema and is read back as it was written', () => {
    const { doc } = afterChanges([{ list: 'dod', item: 'load-test', state: 'notApplicable', reason: 'No new endpoints' }]);
    const json = JSON.parse(JSON.stringify(doc));
    expect(ReadinessDocument.parse(json)).toEqual(doc);
    expect(readStoredReadiness(json)).toEqual({ kind: 'ok', document: doc });
    expect(doc!.dod).toMatchObject({ ready: 'false', applies: 'true' });
  });

  it('reports a document of a newer schema, or a broken one, instead of replacing it', () => {
    expect(readStoredReadiness(null)).toEqual({ kind: 'absent' });
    expect(readStoredReadiness({ schemaVersion: 2, anything: true })).toEqual({ kind: 'newer', schemaVersion: 2 });
    const broken = readStoredReadiness({ schemaVersion: 1, version: 0 });
    expect(broken.kind).toBe('invalid');
    expect(broken.kind === 'invalid' && broken.problems.join(' ')).toMatch(/version/);
  });

  it('refuses a not-applicable mark without a reason when parsing', () => {
    const { doc } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const bad = JSON.parse(JSON.stringify(doc));
    bad.lists.dor.items.cjm.state = 'notApplicable';
    expect(ReadinessDocument.safeParse(bad).success).toBe(false);
  });
});

describe("Jira's 32,768-character limit", () => {
  const manyItems = (n: number, textLength: number) =>
    config([
      {
        id: 'dor-long',
        kind: 'dor',
        name: { en: 'DoR', ru: 'DoR' },
        items: Array.from({ length: n }, (_, i) => ({ id: `item-${i}`, text: { en: `Item ${i} `.padEnd(textLength, 'x'), ru: `Пункт ${i} `.padEnd(textLength, 'я') } })),
      },
    ]).checklists.templates;
  const longReason = (i: number) => `Reason ${i}: `.padEnd(500, 'r');

  it('keeps the newest history and drops the oldest entries first', () => {
    const templates = manyItems(20, 60);
    const base = input({ templates });
    const changes: ItemChange[] = [];
    for (let round = 0; round < 4; round++)
      for (let i = 0; i < 20; i++) changes.push({ list: 'dor', item: `item-${i}`, state: 'notApplicable', reason: longReason(100 * round + i) });
    const { doc } = afterChanges(changes, base);
    const size = JSON.stringify(doc).length;
    expect(size).toBeLessThanOrEqual(PROPERTY_MAX_CHARS);
    expect(doc!.history.length).toBeLessThan(HISTORY_MAX);
    // The newest change survives; the oldest ones went.
    expect(doc!.history.at(-1)).toMatchObject({ item: 'item-19', to: 'notApplicable', reason: longReason(319) });
    const kept = doc!.history.map((h) => h.reason);
    expect(kept).toEqual(changes.slice(changes.length - kept.length).map((c) => c.reason));
  });

  it('never keeps more than HISTORY_MAX entries', () => {
    const changes: ItemChange[] = [];
    for (let i = 0; i < 40; i++) changes.push({ list: 'dor', item: 'cjm', state: i % 2 === 0 ? 'done' : 'open' });
    const { doc } = afterChanges(changes);
    expect(doc!.history).toHaveLength(HISTORY_MAX > 40 ? 40 : HISTORY_MAX);
    const more = afterChanges([...changes, ...changes]).doc!;
    expect(more.history).toHaveLength(HISTORY_MAX);
  });

  it('refuses a document that is too long even without history, with a clear error', () => {
    const templates = manyItems(40, 200);
    const changes: ItemChange[] = Array.from({ length: 40 }, (_, i) => ({ list: 'dor', item: `item-${i}`, state: 'notApplicable', reason: longReason(i) }));
    let caught: unknown = null;
    try {
      afterChanges(changes, input({ templates }));
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ReadinessTooLargeError);
    expect((caught as Error).message).toMatch(/more than the 32,768 Jira allows in an issue property, even without their history/);
  });

  it('fits exactly at the limit', () => {
    const { doc } = afterChanges([{ list: 'dor', item: 'cjm', state: 'done' }]);
    const size = JSON.stringify(doc).length;
    expect(fitToLimit(doc!, size)).toEqual(doc);
    expect(fitToLimit(doc!, size - 1).history).toHaveLength(0);
    expect(() => fitToLimit({ ...doc!, history: [] }, size - 200)).toThrow(ReadinessTooLargeError);
  });
});
