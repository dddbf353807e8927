import { type ConfigResult, defaultConfig, type GovernanceConfig, HYGIENE_RULE_IDS, parseConfig, parseConfigOrThrow } from '../../src/domain/config';

// The defaults as an admin would export them: plain JSON, edited freely, with no types to satisfy.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const exported = (): Json => JSON.parse(JSON.stringify(defaultConfig())) as Json;

function errorsOf(edit: (c: Json) => void): string[] {
  const c = exported();
  edit(c);
  const r: ConfigResult = parseConfig(c);
  if (r.ok) throw new Error('expected the configuration to be rejected');
  return r.errors;
}

describe('the default configuration', () => {
  it('parses, and holds the governance model defaults', () => {
    const r = parseConfig(exported());
    expect(r.ok).toBe(true);
    const c = defaultConfig();
    expect(c.convergence.target).toBe(0.95);
    expect(c.hygiene).toMatchObject({ staleDays: 14, carryoverSprints: 3, acceptanceCriteriaTypes: ['Story'] });
    expect(c.defects.issueTypes).toEqual(['Bug']);
    expect(c.products.map((p) => p.key)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
    expect(c.channels.map((p) => p.key)).toEqual(['web', 'mobile', 'api']);
    expect(c.segments.map((p) => p.key)).toEqual(['mmb', 'sb', 'kib']);
  });

  it('survives a JSON round trip unchanged', () => {
    const once = parseConfigOrThrow(exported());
    const twice = parseConfigOrThrow(JSON.parse(JSON.stringify(once)));
    expect(twice).toEqual(defaultConfig());
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
    expect(errorsOf((c) => (c.defects.targetHours.High = -1))).toEqual([expect.stringMatching(/^defects\.targetHours\.High: /)]);
    expect(errorsOf((c) => (c.defects.targetHours.High = '72'))).toEqual([expect.stringMatching(/^defects\.targetHours\.High: /)]);
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

  it('knows every hygiene rule id of METRICS §3', () => {
    const c = exported();
    c.hygiene.rules = Object.fromEntries(HYGIENE_RULE_IDS.map((id) => [id, { enabled: false }]));
    expect(parseConfig(c).ok).toBe(true);
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
    expect(() => parseConfigOrThrow({ ...exported(), schemaVersion: 2 })).toThrow(/schemaVersion: /);
  });
});
