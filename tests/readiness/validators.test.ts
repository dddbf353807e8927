/**
 * The Readiness modules of manifest.yml: the workflow validators' Jira expressions (the manifest's
 * own strings, run by a small evaluator of the expression subset against sample issues), the
 * entity-property index the JQL aliases come from, and the issue panel.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import {
  applyChange,
  autoCheckResults,
  evaluate,
  nextDocument,
  READINESS_PROPERTY_KEY,
  READINESS_SEARCH_ALIASES,
  type ReadinessDocument,
  validatorExpression,
  validatorMessageExpression,
} from '../../src/domain/checklists';
import { defaultConfig, type ChecklistKind } from '../../src/domain/config';
import { generateIssue, rng, STORY_POINTS_FIELD_ID } from '../../src/domain/testing/generate';
import { evaluateExpression, parseExpression, validatorPasses, type Value } from './jira-expression';

interface ManifestModules {
  'jira:workflowValidator': { key: string; expression: string; errorMessage: { expression: string }; name: { i18n: string }; description: { i18n: string } }[];
  'jira:entityProperty': { key: string; entityType: string; propertyKey: string; values: { path: string; type: string; searchAlias: string }[] }[];
  'jira:issuePanel': { key: string; resource: string; resolver: { function: string }; icon: string; title: { i18n: string } }[];
}

const ROOT = path.resolve(__dirname, '../..');
const manifest = YAML.parse(fs.readFileSync(path.join(ROOT, 'manifest.yml'), 'utf8')) as { modules: ManifestModules; resources: { key: string; path: string }[] };
const validator = (kind: ChecklistKind) => {
  const v = manifest.modules['jira:workflowValidator'].find((m) => m.key === `${kind}-ready-validator`);
  if (!v) throw new Error(`no ${kind} validator in manifest.yml`);
  return v;
};

/** The scope Jira evaluates a validator in: the issue, with its entity properties. */
const issueWith = (property: unknown): Record<string, Value> => ({
  issue: { key: 'PAY-1', properties: property === undefined ? {} : { [READINESS_PROPERTY_KEY]: property as Value } },
});
const message = (kind: ChecklistKind, scope: Record<string, Value>) => evaluateExpression(validator(kind).errorMessage.expression, scope);
const summary = (ready: boolean, openRequired: number) => ({ ready: ready ? 'true' : 'false', applies: 'true', progress: ready ? 100 : 50, openRequired, required: 6, total: 6 });

describe('workflow validators in manifest.yml', () => {
  it.each<ChecklistKind>(['dor', 'dod'])('%s: the manifest holds the expressions the code defines', (kind) => {
    const v = validator(kind);
    expect(v.expression).toBe(validatorExpression(kind));
    expect(v.errorMessage.expression).toBe(validatorMessageExpression(kind));
    expect(v.name.i18n).toBe(`validator.${kind}.name`);
  });

  it('call no function (so Jira checks a transition without invoking the app) and read only the readiness property', () => {
    for (const kind of ['dor', 'dod'] as const) {
      for (const src of [validator(kind).expression, validator(kind).errorMessage.expression]) {
        expect(() => parseExpression(src)).not.toThrow();
        expect(src).not.toMatch(/[A-Za-z_$][\w$]*\s*\(/);
        expect([...src.matchAll(/issue\.properties\['([^']+)'\]/g)].map((m) => m[1])).toEqual(expect.arrayContaining([READINESS_PROPERTY_KEY]));
        expect(src).not.toMatch(/issue\.(?!properties\[)/);
      }
    }
    expect(() => parseExpression('issue.properties.get("x") == null')).toThrow(/function call/);
  });

  it('blocks an issue whose readiness was never written, and says how to fix it', () => {
    for (const kind of ['dor', 'dod'] as const) {
      expect(validatorPasses(validator(kind).expression, issueWith(undefined))).toBe(false);
      expect(message(kind, issueWith(undefined))).toMatch(/has not been checked yet: open its Readiness panel\. \/ .* ещё не проверялся/);
    }
  });

  it('passes a ready checklist and blocks one that is not, naming the count of open required items', () => {
    const doc = { dor: summary(true, 0), dod: summary(false, 3) };
    expect(validatorPasses(validator('dor').expression, issueWith(doc))).toBe(true);
    expect(validatorPasses(validator('dod').expression, issueWith(doc))).toBe(false);
    expect(message('dod', issueWith(doc))).toBe(
      "The Definition of Done is not met: 3 required items are open. Tick them or mark them not applicable in the issue's Readiness panel. / DoD не выполнен, открытых обязательных пунктов: 3. Отметьте их на панели «Готовность».",
    );
    expect(message('dor', issueWith({ dor: summary(false, 1), dod: summary(true, 0) }))).toMatch(/^The Definition of Ready is not met: 1 required item is open\. .* пунктов: 1\./);
  });

  it('passes when no checklist of the kind applies to the issue (the summary says ready)', () => {
    const none = { ready: 'true', applies: 'false', progress: 100, openRequired: 0, required: 0, total: 0 };
    expect(validatorPasses(validator('dod').expression, issueWith({ dor: summary(false, 2), dod: none }))).toBe(true);
  });

  it('blocks a property that is not a readiness document rather than failing open', () => {
    expect(validatorPasses(validator('dor').expression, issueWith({ something: 'else' }))).toBe(false);
    expect(validatorPasses(validator('dor').expression, issueWith({ dor: { ready: true } }))).toBe(false);
    expect(validatorPasses(validator('dor').expression, issueWith('true'))).toBe(false);
  });

  it('agrees with the panel on documents the app writes, whatever has been ticked', () => {
    const config = defaultConfig();
    const random = rng(5);
    for (let n = 0; n < 60; n++) {
      const issue = generateIssue({ estimate: random() < 0.5 ? 3 : null, description: random() < 0.5 ? 'Acceptance criteria: it works' : 'Just a story' });
      const auto = autoCheckResults({ issue, estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks: random() < 0.3 ? ['https://figma.com/file/1'] : [] });
      const base = { templates: config.checklists.templates, issue: { projectKey: 'PAY', issueType: { id: '10001', name: 'Story', untranslatedName: 'Story' }, subtask: false }, auto, now: Date.parse('2026-11-27T12:00:00Z') };
      let ev = evaluate({ ...base, stored: null });
      let doc: ReadinessDocument = nextDocument(base, ev.body, 1, null).document;
      for (const kind of ['dor', 'dod'] as const) {
        for (const item of ev.lists[kind]?.items ?? []) {
          const roll = random();
          const change = item.auto !== null || roll < 0.4 ? null : roll < 0.85 ? { list: kind, item: item.id, state: 'done' as const } : { list: kind, item: item.id, state: 'notApplicable' as const, reason: 'n/a here' };
          if (!change || (change.state === 'notApplicable' && !item.allowNotApplicable)) continue;
          const r = applyChange(ev, auto, change, 'acc-1', base.now);
          if (!r.ok || !r.changed) continue;
          const next = nextDocument(base, r.body, doc.version + 1, 'acc-1');
          doc = next.document;
          ev = next.evaluation;
        }
      }
      const scope = issueWith(JSON.parse(JSON.stringify(doc)));
      for (const kind of ['dor', 'dod'] as const) {
        const list = ev.lists[kind];
        expect(validatorPasses(validator(kind).expression, scope)).toBe(list?.ready ?? true);
        if (list && !list.ready) expect(message(kind, scope)).toContain(`: ${list.openRequired} required item`);
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

  it('points every indexed path at a value of its declared type in a written document', () => {
    const config = defaultConfig();
    const auto = autoCheckResults({ issue: generateIssue({}), estimationFieldId: STORY_POINTS_FIELD_ID, acceptanceCriteriaField: null, remoteLinks: [] });
    const base = { templates: config.checklists.templates, issue: { projectKey: 'PAY', issueType: { id: '10001', name: 'Story', untranslatedName: 'Story' }, subtask: false }, auto, now: Date.parse('2026-11-27T12:00:00Z') };
    const doc = nextDocument(base, evaluate({ ...base, stored: null }).body, 1, null).document as unknown as Record<string, unknown>;
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
  it('is a Custom UI panel on the built readiness page, answered by the app resolver', () => {
    const panel = manifest.modules['jira:issuePanel'].find((m) => m.key === 'readiness-panel');
    expect(panel).toMatchObject({ resource: 'readiness-panel', resolver: { function: 'resolver' }, icon: 'resource:readiness-panel;readiness.svg', title: { i18n: 'panel.readiness.title' } });
    expect(manifest.resources).toContainEqual({ key: 'readiness-panel', path: 'static/dist/readiness-panel' });
    expect(fs.existsSync(path.join(ROOT, 'static/src/pages/readiness-panel/index.html'))).toBe(true);
    expect(fs.existsSync(path.join(ROOT, 'static/src/public/readiness.svg'))).toBe(true);
    for (const locale of ['en-US', 'ru-RU']) {
      const messages = JSON.parse(fs.readFileSync(path.join(ROOT, `locales/${locale}.json`), 'utf8')) as { panel: { readiness: { title: string } }; validator: Record<ChecklistKind, { name: string; description: string }> };
      expect(messages.panel.readiness.title).toBeTruthy();
      expect(messages.validator.dor.name).toBeTruthy();
      expect(messages.validator.dod.description).toBeTruthy();
    }
  });
});
