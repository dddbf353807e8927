import { bankExampleConfig } from '../../src/domain/bank-example';
import { type GovernanceConfig, type MatchRule } from '../../src/domain/config';
import { fieldValues, mapIssue, matchCounts, matches, rollupPredicate } from '../../src/domain/ownership';
import { generateIssue } from '../../src/domain/testing/generate';

const rule = (r: Partial<MatchRule>): MatchRule => ({ components: [], labels: [], projects: [], field: null, ...r });
const CF = 'customfield_10050';

describe('matches', () => {
  it('matches a component by name, whatever its case', () => {
    const r = rule({ components: ['Payments'] });
    expect(matches(r, generateIssue({ components: ['payments'] }))).toBe(true);
    expect(matches(r, generateIssue({ components: ['Loans'] }))).toBe(false);
  });

  it('matches a label case-insensitively, as JQL does', () => {
    const r = rule({ labels: ['fx-trade'] });
    expect(matches(r, generateIssue({ labels: ['FX-Trade'] }))).toBe(true);
    expect(matches(r, generateIssue({ labels: ['fx'] }))).toBe(false);
  });

  it('matches a project by key', () => {
    const r = rule({ projects: ['pay'] });
    expect(matches(r, generateIssue({ key: 'PAY-1' }))).toBe(true);
    expect(matches(r, generateIssue({ key: 'PAYX-1' }))).toBe(false);
  });

  it('matches any one criterion of several', () => {
    const r = rule({ components: ['Web'], labels: ['web'], projects: ['WEB'] });
    expect(matches(r, generateIssue({ key: 'PAY-3', labels: ['web'] }))).toBe(true);
    expect(matches(r, generateIssue({ key: 'PAY-3', labels: ['mobile'], components: ['Mobile'] }))).toBe(false);
  });

  it('matches nothing when the rule lists no criterion', () => {
    expect(matches(rule({}), generateIssue({ key: 'PAY-1', labels: ['x'], components: ['y'] }))).toBe(false);
  });

  describe('custom field values', () => {
    const r = rule({ field: { id: CF, values: ['Retail', 'kib'] } });
    it.each<[string, unknown, boolean]>([
      ['a text value', 'retail', true],
      ['a single-select option', { id: '1', value: 'Retail' }, true],
      ['a multi-select option array', [{ value: 'SME' }, { value: 'KIB' }], true],
      ['an option array without a listed value', [{ value: 'SME' }, { value: 'Other' }], false],
      ['a cascading select child', { value: 'Segment', child: { value: 'kib' } }, true],
      ['a labels-type array of strings', ['x', 'RETAIL'], true],
      ['a user picker', { accountId: 'kib', displayName: 'Someone' }, true],
      ['an empty field', null, false],
      ['a missing option value (option id only)', { id: 'kib' }, false],
    ])('%s', (_what, value, expected) => {
      expect(matches(r, generateIssue({ fields: { [CF]: value } }))).toBe(expected);
    });

    it('compares numbers as written', () => {
      const n = rule({ field: { id: CF, values: ['3'] } });
      expect(matches(n, generateIssue({ fields: { [CF]: 3 } }))).toBe(true);
      expect(matches(n, generateIssue({ fields: { [CF]: 33 } }))).toBe(false);
    });
  });
});

describe('fieldValues', () => {
  it('flattens options, names, keys and account ids', () => {
    expect(fieldValues([{ value: 'A', child: { value: 'B' } }, { name: 'v1' }, { key: 'PAY' }, { accountId: 'u1' }, 7, true])).toEqual([
      'A',
      'B',
      'v1',
      'PAY',
      'u1',
      '7',
    ]);
  });
});

describe('mapIssue', () => {
  const config = bankExampleConfig();

  it('maps an issue to every matching product, channel and segment, in configuration order', () => {
    const issue = generateIssue({ components: ['Loans'], labels: ['payments', 'web', 'mobile', 'kib'] });
    const m = mapIssue(issue, config);
    expect(m.products.map((p) => p.key)).toEqual(['payments', 'loans']);
    expect(m.channels.map((c) => c.key)).toEqual(['web', 'mobile']);
    expect(m.segments.map((s) => s.key)).toEqual(['kib']);
  });

  it('maps an issue without matching data to nothing', () => {
    const m = mapIssue(generateIssue({}), config);
    expect(m).toEqual({ products: [], channels: [], segments: [] });
  });

  it('maps to no product when no product is configured', () => {
    const none: GovernanceConfig = { ...config, products: [] };
    expect(mapIssue(generateIssue({ labels: ['payments'] }), none).products).toEqual([]);
  });
});

describe('rollupPredicate', () => {
  const config = bankExampleConfig();
  it('selects the issues of one entry', () => {
    const web = rollupPredicate(config, 'channel', 'web');
    expect(web(generateIssue({ components: ['Web'] }))).toBe(true);
    expect(web(generateIssue({ components: ['Mobile'] }))).toBe(false);
    expect(rollupPredicate(config, 'segment', 'mmb')(generateIssue({ labels: ['MMB'] }))).toBe(true);
  });
  it('refuses a key that is not configured', () => {
    expect(() => rollupPredicate(config, 'product', 'nope')).toThrow('no product "nope"');
    expect(() => rollupPredicate(config, 'segment', 'web')).toThrow(RangeError);
  });
});

describe('matchCounts', () => {
  it('counts the issues each rule matches and those without a product', () => {
    const issues = [
      generateIssue({ labels: ['payments', 'web'] }),
      generateIssue({ components: ['Payments', 'Mobile'], labels: ['sb'] }),
      generateIssue({ labels: ['web'] }),
    ];
    const c = matchCounts(issues, bankExampleConfig());
    expect(c.total).toBe(3);
    expect(c.products).toEqual([
      { key: 'payments', count: 2 },
      { key: 'loans', count: 0 },
      { key: 'savings', count: 0 },
      { key: 'fx-trade', count: 0 },
    ]);
    expect(c.channels).toEqual([
      { key: 'web', count: 2 },
      { key: 'mobile', count: 1 },
      { key: 'api', count: 0 },
    ]);
    expect(c.segments.find((s) => s.key === 'sb')?.count).toBe(1);
    expect(c.withoutProduct).toBe(1);
  });
});
