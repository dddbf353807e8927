/**
 * The Readiness modules of manifest.yml: the two workflow validators (Forge functions judging the
 * app's own state: their verdicts and bilingual messages, which agree with the panel whatever has
 * been ticked), the entity-property index the JQL aliases come from, and the issue panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  applyChange,
  autoCheckResults,
  evaluate,
  gateUnavailable,
  gateVerdict,
  mirrorOf,
  READINESS_PROPERTY_KEY,
  READINESS_SEARCH_ALIASES,
} from '../../src/domain/checklists';
import { defaultConfig, type ChecklistKind } from '../../src/domain/config';
import { generateIssue, rng, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';

interface ManifestModules {
  'jira:workflowValidator': { key: string; function: string; name: { i18n: string }; description: { i18n: string }; projectTypes: string[] }[];
  'jira:entityProperty': { key: string; entityType: string; propertyKey: string; values: { path: string; type: string; searchAlias: string }[] }[];
  'jira:issuePanel': { key: string; resource: string; resolver: { function: string }; icon: string; title: { i18n: string } }[];
  function: { key: string; handler: string }[];
}

const ROOT = path.resolve(__dirname, '../..');
const manifest = YAML.parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as { modules: ManifestModules; resources: { key: string; path: string }[] };
const validator = (kind: ChecklistKind) => {
  const v = manifest.modules['jira:workflowValidator'].find((m) => m.key === `${kind}-ready-validator`);
  if (!v) throw new Error(`no ${kind} validator in manifest.yml`);
  return v;
};

const PAY_STORY = { projectKey: 'PAY', issueType: { id: '10001', name: 'Story', untranslatedName: 'Story' }, subtask: false };
const NOW = Date.parse('2026-11-27T12:00:00Z');

describe('workflow validators in manifest.yml', () => {
  it.each<ChecklistKind>(['dor', 'dod'])('%s: a Forge function, offered to company- and team-managed projects, named in both languages', (kind) => {
    const v = validator(kind);
    expect(v.name.i18n).toBe(`validator.${kind}.name`);
    expect(v.projectTypes).toEqual(['company-managed', 'team-managed']);
    const fn = manifest.modules.function.find((f) => f.key === v.function);
    expect(fn?.handler).toBe(`forge/readiness-validator.${kind}`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(ROOT, 'src/forge/readiness-validator')) as Record<string, unknown>;
    expect(typeof mod[kind]).toBe('function');
  });
});

describe('the verdict', () => {
  const ev = evaluate({ templates: defaultConfig().checklists.templates, issue: PAY_STORY, auto: autoCheckResults({ issue: generateIssue({}), estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks: [] }), stored: null, now: NOW });

  it('refuses an unchecked issue and says how to fix it', () => {
    expect(gateVerdict('dor', ev.lists.dor, false)).toEqual({
      result: false,
      errorMessage: 'The Definition of Ready of this issue has not been checked yet: open its Readiness panel. / DoR задачи ещё не проверялся: откройте панель «Готовность».',
    });
  });

  it('names the count of open required items, in English and Russian', () => {
    const n = ev.lists.dod?.openRequired ?? 0;
    expect(gateVerdict('dod', ev.lists.dod, true)).toEqual({
      result: false,
      errorMessage: `The Definition of Done is not met: ${n} required items are open. Tick them or mark them not applicable in the issue's Readiness panel. / DoD не выполнен, открытых обязательных пунктов: ${n}. Отметьте их на панели «Готовность».`,
    });
    const one = { ...ev.lists.dor!, ready: false, openRequired: 1 };
    expect(gateVerdict('dor', one, true).errorMessage).toMatch(/^The Definition of Ready is not met: 1 required item is open\. .* пунктов: 1\./);
  });

  it('passes when no checklist of the kind applies, and fails closed when the state cannot be read', () => {
    expect(gateVerdict('dod', null, false)).toEqual({ result: true });
    expect(gateUnavailable('dor', 'Jira answered 503')).toEqual({ result: false, errorMessage: expect.stringMatching(/^The Definition of Ready could not be checked \(Jira answered 503\).* DoR не удалось проверить/) });
  });

  it('agrees with the panel whatever has been ticked', () => {
    const config = defaultConfig();
    const random = rng(5);
    for (let n = 0; n < 60; n++) {
      const issue = generateIssue({ estimate: random() < 0.5 ? 3 : null, description: random() < 0.5 ? 'Acceptance criteria: it works' : 'Just a story' });
      const auto = autoCheckResults({ issue, estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks: random() < 0.3 ? ['https://figma.com/file/1'] : [] });
      const base = { templates: config.checklists.templates, issue: PAY_STORY, auto, now: NOW };
      let e = evaluate({ ...base, stored: null });
      for (const kind of ['dor', 'dod'] as const) {
        for (const item of e.lists[kind]?.items ?? []) {
          const roll = random();
          const change = item.auto !== null || roll < 0.4 ? null : roll < 0.85 ? { list: kind, item: item.id, state: 'done' as const } : { list: kind, item: item.id, state: 'notApplicable' as const, reason: 'n/a here' };
          if (!change || (change.state === 'notApplicable' && !item.allowNotApplicable)) continue;
          const r = applyChange(e, auto, change, 'acc-1', NOW);
          if (!r.ok || !r.changed) continue;
          e = evaluate({ ...base, stored: r.body });
        }
      }
      for (const kind of ['dor', 'dod'] as const) {
        const list = e.lists[kind];
        const verdict = gateVerdict(kind, list, true);
        expect(verdict.result).toBe(list?.ready ?? true);
        if (list && !list.ready) expect(verdict.errorMessage).toContain(`: ${list.openRequired} required item`);
        // The mirror JQL reads says the same.
        expect(mirrorOf(e, 1, NOW)[kind].ready).toBe(verdict.result ? 'true' : 'false');
      }
    }
  });
});

describe('entity-property index in manifest.yml', () => {
  const index = manifest.modules['jira:entityProperty'].find((m) => m.key === 'readiness-index');

  it('indexes the readiness property of issues under the aliases the app documents', () => {
    expect(index).toMatchObject({ entityType: 'issue', propertyKey: READINESS_PROPERTY_KEY });
    expect(Object.fromEntries((index?.values ?? []).map((v) => [v.searchAlias, { path: v.path, type: v.type }]))).toEqual(READINESS_SEARCH_ALIASES);
  });

  it('points every indexed path at a value of its declared type in a written mirror', () => {
    const config = defaultConfig();
    const auto = autoCheckResults({ issue: generateIssue({}), estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks: [] });
    const doc = mirrorOf(evaluate({ templates: config.checklists.templates, issue: PAY_STORY, auto, stored: null, now: NOW }), 1, NOW) as unknown as Record<string, unknown>;
    for (const v of index?.values ?? []) {
      const value = v.path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), doc);
      if (v.type === 'number') expect(typeof value).toBe('number');
      if (v.type === 'string') expect(['true', 'false']).toContain(value);
      // Jira's date index reads `YYYY-MM-DDThh:mm:ss` with an offset or Z.
      if (v.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });
});

describe('issue panel in manifest.yml', () => {
  it('is a Custom UI panel of the issue view’s shared page, answered by the app resolver', () => {
    const panel = manifest.modules['jira:issuePanel'].find((m) => m.key === 'readiness-panel');
    expect(panel).toMatchObject({ resource: 'issue-view', resolver: { function: 'resolver' }, icon: 'resource:issue-view;readiness.svg', title: { i18n: 'panel.readiness.title' } });
    expect(manifest.resources).toContainEqual({ key: 'issue-view', path: 'static/dist/issue-view' });
    expect(fs.existsSync(path.join(ROOT, 'static/src/pages/issue-view/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'static/src/public/readiness.svg'))).toBe(true);
    for (const locale of ['en-US', 'ru-RU']) {
      const messages = JSON.parse(fs.readFileSync(path.join(ROOT, `locales/${locale}.json`), 'utf8')) as { panel: { readiness: { title: string } }; validator: Record<ChecklistKind, { name: string; description: string }> };
      expect(messages.panel.readiness.title).toBeTruthy();
      expect(messages.validator.dor.name).toBeTruthy();
      expect(messages.validator.dod.description).toBeTruthy();
    }
  });
});
