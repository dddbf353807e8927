import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankExampleConfig } from '../../src/domain/bank-example';
import { type ConfigResult, defaultConfig, type GovernanceConfig, HYGIENE_RULE_IDS, parseConfig, parseConfigOrThrow } from '../../src/domain/config';
import { migrateV1Config } from '../../src/domain/config-migration';

// The bank example as an admin would export it: plain JSON, edited freely, with no types to satisfy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const exported = (): Json => JSON.parse(JSON.stringify(bankExampleConfig())) as Json;

function errorsOf(edit: (c: Json) => void): string[] {
  const c = exported();
  edit(c);
  const r: ConfigResult = parseConfig(c);
  if (r.ok) throw new Error('expected the configuration to be rejected');
  return r.errors;
}

describe('the built-in defaults', () => {
  it('fit any site: types by untranslated name, targets by the default priority ids, no products, channels or segments', () => {
    const c = defaultConfig();
    expect(parseConfig(JSON.parse(JSON.stringify(c))).ok).toBe(true);
    expect(c.convergence.target).toBe(0.95);
    expect(c.hygiene).toMatchObject({ staleDays: 14, carryoverSprints: 3, acceptanceCriteriaTypes: [{ untranslatedName: 'Story' }] });
    expect(c.defects.issueTypes).toEqual([{ untranslatedName: 'Bug' }]);
    expect(c.defects.targets.map((t) => [t.priority.id, t.hours])).toEqual([
      ['1', 24],
      ['2', 72],
      ['3', 240],
      ['4', 720],
    ]);
    expect([c.products, c.channels, c.segments]).toEqual([[], [], []]);
  });

  it('survive a JSON round trip unchanged', () => {
    const once = parseConfigOrThrow(JSON.parse(JSON.stringify(defaultConfig())));
    expect(parseConfigOrThrow(JSON.parse(JSON.stringify(once)))).toEqual(defaultConfig());
  });
});

describe('the bank example', () => {
  it('is the governance model: four products, three channels, three segments, on the built-in defaults', () => {
    const c = bankExampleConfig();
    expect(c.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    expect(c.channels.map((p) => p.key)).toEqual(['web', 'mobile', 'api']);
    expect(c.segments.map((p) => p.key)).toEqual(['mmb', 'sb', 'kib']);
    expect(c.defects).toEqual(defaultConfig().defects);
  });

  it('is shipped as examples/bank-config.json, exactly (regenerate it with `npm run examples`)', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../../examples/bank-config.json'), 'utf8')) as unknown;
    expect(file).toEqual(JSON.parse(JSON.stringify(bankExampleConfig())));
    expect(parseConfigOrThrow(file)).toEqual(bankExampleConfig());
  });
});

describe('a configuration an admin edits', () => {
  it('survives a JSON round trip unchanged', () => {
    const once = parseConfigOrThrow(exported());
    const twice = parseConfigOrThrow(JSON.parse(JSON.stringify(once)));
    expect(twice).toEqual(bankExampleConfig());
    expect(once).toEqual(twice);
  });

  it('fills in the defaults an admin leaves out', () => {
    const c = exported();
    delete c.timeZone;
    delete c.hygiene.staleDays;
    delete c.products[0].businessOwner;
    c.channels[0].match = { labels: ['web'] };
    const parsed = parseConfigOrThrow(c);
    expect(parsed.timeZone).toBe('UTC');
    expect(parsed.hygiene.staleDays).toBe(14);
    expect(parsed.products[0]?.businessOwner).toBeNull();
    expect(parsed.channels[0]?.match).toEqual({ components: [], labels: ['web'], projects: [], field: null });
  });

  it('accepts rule settings, a custom-field mapping and a business calendar', () => {
    const c = exported();
    c.hygiene.rules = { overdue: { enabled: false }, 'no-product': { enabled: true, severity: 'high' } };
    c.products[0].match.field = { id: 'customfield_10050', values: ['Payments'] };
    c.defects.calendar = { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '18:00' }, holidays: ['2026-01-01'] };
    const parsed: GovernanceConfig = parseConfigOrThrow(c);
    expect(parsed.hygiene.rules.overdue).toEqual({ enabled: false });
    expect(parsed.defects.calendar?.timeZone).toBe('Europe/Moscow');
  });
});

describe('a bad configuration', () => {
  it('names the path of a bad SLA target', () => {
    expect(errorsOf((c) => (c.defects.targets[1].hours = -1))).toEqual([expect.stringMatching(/^defects\.targets\[1\]\.hours: /)]);
    expect(errorsOf((c) => (c.defects.targets[1].hours = '72'))).toEqual([expect.stringMatching(/^defects\.targets\[1\]\.hours: /)]);
    expect(errorsOf((c) => (c.defects.targets[1].priority = { name: 'High' }))).toEqual([expect.stringMatching(/^defects\.targets\[1\]\.priority\.id: /)]);
    expect(errorsOf((c) => (c.defects.targets[1].priority.id = 'High'))).toEqual([expect.stringMatching(/^defects\.targets\[1\]\.priority\.id: must be a Jira id/)]);
    expect(errorsOf((c) => c.defects.targets.push({ priority: { id: '2' }, hours: 10 }))).toEqual(['defects.targets: priority 2 has two targets']);
  });

  it('names issue types by id or by untranslated name, exactly one of them', () => {
    expect(parseConfig({ ...exported(), defects: { ...exported().defects, issueTypes: [{ id: '10004', name: 'Ошибка' }, { untranslatedName: 'Incident' }] } }).ok).toBe(true);
    expect(errorsOf((c) => (c.defects.issueTypes = [{ name: 'Bug' }]))).toEqual([expect.stringMatching(/^defects\.issueTypes\[0\]: name an issue type by its id or by its untranslatedName/)]);
    expect(errorsOf((c) => (c.defects.issueTypes = [{ id: '10004', untranslatedName: 'Bug' }]))).toHaveLength(1);
    expect(errorsOf((c) => (c.defects.issueTypes = ['Bug']))).toEqual([expect.stringMatching(/^defects\.issueTypes\[0\]: /)]);
    expect(errorsOf((c) => (c.checklists.templates[0].issueTypes = [{ id: 'Story' }]))).toEqual([expect.stringMatching(/^checklists\.templates\[0\]\.issueTypes\[0\]\.id: must be a Jira id/)]);
  });

  it('names the entry of a bad product key', () => {
    expect(errorsOf((c) => (c.products[1].key = 'Loans Team'))).toEqual([expect.stringMatching(/^products\[1\]\.key: must be 1–40 lower-case/)]);
  });

  it('rejects a key used twice in one list, naming it', () => {
    expect(errorsOf((c) => (c.products[1].key = 'payments'))).toEqual(['products: key "payments" is used twice']);
    expect(errorsOf((c) => c.segments.push({ ...c.segments[0] }))).toEqual(['segments: key "mmb" is used twice']);
  });

  it('allows the same key in different lists', () => {
    const c = exported();
    c.segments[0].key = 'web';
    expect(parseConfig(c).ok).toBe(true);
  });

  it('rejects an unknown time zone, at the top and in the calendar', () => {
    expect(errorsOf((c) => (c.timeZone = 'Mars/Olympus'))).toEqual([expect.stringMatching(/^timeZone: is not an IANA time zone/)]);
    expect(
      errorsOf((c) => (c.defects.calendar = { timeZone: 'MSK+3', workingDays: [1], workingHours: { start: '09:00', end: '18:00' } })),
    ).toEqual([expect.stringMatching(/^defects\.calendar\.timeZone: /)]);
  });

  it('rejects working hours that start at or after their end', () => {
    const calendar = (start: string, end: string) => (c: Json) =>
      (c.defects.calendar = { timeZone: 'Europe/Moscow', workingDays: [1, 2, 3, 4, 5], workingHours: { start, end } });
    expect(errorsOf(calendar('18:00', '09:00'))).toEqual(['defects.calendar.workingHours: workingHours.start must be before workingHours.end']);
    expect(errorsOf(calendar('09:00', '09:00'))).toHaveLength(1);
    expect(errorsOf(calendar('9:00', '18:00'))).toEqual([expect.stringMatching(/^defects\.calendar\.workingHours\.start: must be a time HH:MM/)]);
    expect(parseConfig({ ...exported(), defects: { ...exported().defects, calendar: { timeZone: 'UTC', workingDays: [1], workingHours: { start: '00:00', end: '24:00' } } } }).ok).toBe(true);
  });

  it('rejects unknown hygiene rules and severities, and out-of-range thresholds', () => {
    expect(errorsOf((c) => (c.hygiene.rules = { 'no-such-rule': { enabled: false } }))).toEqual([expect.stringMatching(/^hygiene\.rules: .*no-such-rule/)]);
    expect(errorsOf((c) => (c.hygiene.rules = { overdue: { severity: 'urgent' } }))).toEqual([expect.stringMatching(/^hygiene\.rules\.overdue\.severity: /)]);
    expect(errorsOf((c) => (c.hygiene.staleDays = 0))).toEqual([expect.stringMatching(/^hygiene\.staleDays: /)]);
    expect(errorsOf((c) => (c.convergence.target = 1.5))).toEqual([expect.stringMatching(/^convergence\.target: /)]);
  });

  it('knows every hygiene rule id of the hygiene table in docs/metrics.md, and no other', () => {
    // The eleven rules of docs/metrics.md, written out: not taken from the code under test.
    const ids = ['unassigned-in-progress', 'missing-estimate', 'missing-description', 'missing-acceptance-criteria', 'stale-in-progress', 'done-without-resolution', 'resolution-not-done', 'overdue', 'no-product', 'chronic-carryover', 'open-subtasks-under-done-parent'];
    const c = exported();
    c.hygiene.rules = Object.fromEntries(ids.map((id) => [id, { enabled: false }]));
    expect(parseConfig(c).ok).toBe(true);
    expect([...HYGIENE_RULE_IDS].sort()).toEqual([...ids].sort());
  });

  it('rejects a mapping field that is not a custom field, naming the product', () => {
    expect(errorsOf((c) => (c.products[0].match.field = { id: 'labels', values: ['x'] }))).toEqual([
      expect.stringMatching(/^products\[0\]\.match\.field\.id: must be a custom field id/),
    ]);
  });

  it('rejects unknown properties, so that a typo is not silently ignored', () => {
    expect(errorsOf((c) => (c.hygiene.staleDay = 7))).toEqual([expect.stringMatching(/^hygiene: .*staleDay/)]);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf((c) => {
      c.timeZone = 'Nowhere/Town';
      c.products[2].name.ru = '';
      c.checklists.templates[0].items.push({ ...c.checklists.templates[0].items[0] });
    });
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^timeZone: /),
        expect.stringMatching(/^products\[2\]\.name\.ru: /),
        'checklists.templates[0].items: item id "cjm" is used twice',
      ]),
    );
  });

  it('rejects what is not a configuration at all, and throws with the messages on demand', () => {
    expect(parseConfig(null)).toEqual({ ok: false, errors: [expect.stringMatching(/^\(root\): /)] });
    expect(() => parseConfigOrThrow({ ...exported(), schemaVersion: 3 })).toThrow(/schemaVersion: /);
  });
});

/** A version 1 document, as the app saved and exported before configuration named Jira objects by id. */
function v1(): Json {
  const c = exported();
  c.schemaVersion = 1;
  c.defects.issueTypes = ['Bug', 'Incident'];
  c.defects.targetHours = { Highest: 24, High: 72, Blocker: 4 };
  delete c.defects.targets;
  c.defects.pauseStatuses = ['Waiting for customer', '10007'];
  c.hygiene.acceptanceCriteriaTypes = ['Story'];
  c.checklists.templates[0].issueTypes = ['Story'];
  return c;
}

describe('a version 1 configuration (names instead of ids)', () => {
  it('still reads, migrated without the site: types by untranslated name, default priorities by their ids, the rest listed', () => {
    const r = parseConfig(v1());
    if (!r.ok) throw new Error(r.errors.join('; '));
    expect(r.config.schemaVersion).toBe(2);
    expect(r.config.defects.issueTypes).toEqual([{ untranslatedName: 'Bug' }, { untranslatedName: 'Incident' }]);
    expect(r.config.defects.targets).toEqual([
      { priority: { id: '1', name: 'Highest' }, hours: 24 },
      { priority: { id: '2', name: 'High' }, hours: 72 },
    ]);
    expect(r.config.defects.pauseStatuses).toEqual([{ id: '10007' }]);
    expect(r.config.checklists.templates[0]?.issueTypes).toEqual([{ untranslatedName: 'Story' }]);
    expect(r.migration?.unresolved).toEqual([
      { path: 'defects.targetHours.Blocker', kind: 'priority', name: 'Blocker', outcome: 'left out' },
      { path: 'defects.pauseStatuses[0]', kind: 'status', name: 'Waiting for customer', outcome: 'left out' },
    ]);
    expect(parseConfig(bankExampleConfig())).toMatchObject({ ok: true, migration: null });
  });

  it('resolves every name against the site, in any language, and lists what it could not', () => {
    const site = {
      issueTypes: [
        { id: '10004', name: 'Ошибка', untranslatedName: 'Bug' },
        { id: '10001', name: 'История', untranslatedName: 'Story' },
      ],
      priorities: [
        { id: '1', name: 'Highest' },
        { id: '2', name: 'High' },
        { id: '10000', name: 'Blocker' },
      ],
      statuses: [{ id: '10002', name: 'Ожидает клиента', untranslatedName: 'Waiting for customer' }],
    };
    const m = migrateV1Config(v1(), site);
    const c = parseConfigOrThrow(m.document);
    expect(c.defects.issueTypes).toEqual([{ id: '10004', name: 'Ошибка' }, { untranslatedName: 'Incident' }]);
    expect(c.defects.targets.map((t) => t.priority.id)).toEqual(['1', '2', '10000']);
    expect(c.defects.pauseStatuses).toEqual([{ id: '10002', name: 'Ожидает клиента' }, { id: '10007' }]);
    expect(c.hygiene.acceptanceCriteriaTypes).toEqual([{ id: '10001', name: 'История' }]);
    expect(m.unresolved).toEqual([{ path: 'defects.issueTypes[1]', kind: 'issueType', name: 'Incident', outcome: 'kept as an untranslated name' }]);
  });
});
