/**
 * Ownership mapping rules at their edges (docs/metrics.md, "Ownership"): spaces and case in the
 * rule and in the issue, absent fields, field values of every shape, and the counts the settings
 * page previews before a mapping is saved.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import type { GovernanceConfig, MatchRule } from '../../src/domain/config';
import { fieldValues, mapIssue, mapsToSomeProduct, matchCounts, matches, ownershipMapper } from '../../src/domain/ownership';
import { generateIssue } from '../../src/domain/testing/generate';

const rule = (r: Partial<MatchRule>): MatchRule => ({ components: [], labels: [], projects: [], field: null, ...r });
const CF = 'customfield_10050';

describe('a mapping rule', () => {
  it('compares trimmed, case-folded values on both sides', () => {
    expect(matches(rule({ components: [' Payments '] }), generateIssue({ components: ['PAYMENTS  '] }))).toBe(true);
    expect(matches(rule({ labels: [' Web'] }), generateIssue({ labels: ['web '] }))).toBe(true);
    expect(matches(rule({ projects: [' pay '] }), generateIssue({ key: 'PAY-1' }))).toBe(true);
    expect(matches(rule({ field: { id: CF, values: [' Retail '] } }), generateIssue({ fields: { [CF]: { value: 'RETAIL ' } } }))).toBe(true);
  });

  it('matches by a later criterion when an earlier one does not', () => {
    const r = rule({ projects: ['LOAN'], components: ['Web'], labels: ['web'], field: { id: CF, values: ['web'] } });
    expect(matches(r, generateIssue({ key: 'PAY-1', components: ['Mobile', 'Web'] }))).toBe(true);
    expect(matches(r, generateIssue({ key: 'PAY-1', labels: ['mobile', 'web'] }))).toBe(true);
    expect(matches(r, generateIssue({ key: 'PAY-1', fields: { [CF]: ['mobile', 'web'] } }))).toBe(true);
    expect(matches(r, generateIssue({ key: 'PAY-1', components: ['Mobile'], labels: ['mobile'], fields: { [CF]: 'mobile' } }))).toBe(false);
  });

  it('reads an issue without components, labels or the field as matching none of them', () => {
    const r = rule({ components: ['Web'], labels: ['web'], field: { id: CF, values: ['web'] } });
    expect(matches(r, generateIssue({ fields: { components: null, labels: null } }))).toBe(false);
    expect(matches(r, generateIssue({ fields: { components: undefined, labels: undefined, [CF]: undefined } }))).toBe(false);
    expect(matches(rule({ labels: ['web'] }), generateIssue({ components: ['web'] }))).toBe(false);
    expect(matches(rule({ components: ['web'] }), generateIssue({ labels: ['web'] }))).toBe(false);
  });
});

describe('the values of a custom field', () => {
  it('are the texts and finite numbers of the field, however nested in options and lists', () => {
    expect(fieldValues('a')).toEqual(['a']);
    expect(fieldValues([1.5, Number.NaN, Number.POSITIVE_INFINITY, 0])).toEqual(['1.5', '0']);
    expect(fieldValues({ value: 'v', name: 'n', key: 'k', accountId: 'u', id: 'i' })).toEqual(['v', 'n', 'k', 'u']);
    expect(fieldValues({ value: 7, name: null })).toEqual([]);
    expect(fieldValues({ value: 'a', child: { value: 'b', child: { value: 'c' } } })).toEqual(['a', 'b', 'c']);
    expect(fieldValues([[[['deep']]]])).toEqual(['deep']);
    expect(fieldValues(true)).toEqual([]);
    expect(fieldValues(undefined)).toEqual([]);
  });

  it('stop at a depth no Jira field has, so a self-referencing value cannot hang the mapping', () => {
    expect(fieldValues([[[[['too deep']]]]])).toEqual([]);
    const loop: { value: string; child?: unknown } = { value: 'x' };
    loop.child = loop;
    expect(fieldValues(loop)).toEqual(['x', 'x', 'x', 'x', 'x']);
  });
});

describe('a configuration\'s mapper', () => {
  const config = bankExampleConfig();

  it('answers whether an issue maps to some product, as the full mapping would', () => {
    const some = mapsToSomeProduct(config);
    for (const o of [{ labels: ['loans'] }, { components: ['Foreign trade'] }, { labels: ['web'] }, {}]) {
      const issue = generateIssue(o);
      expect(some(issue)).toBe(mapIssue(issue, config).products.length > 0);
    }
    expect(some(generateIssue({ labels: ['savings', 'loans'] }))).toBe(true);
    expect(some(generateIssue({ labels: ['mobile'] }))).toBe(false);
    expect(mapsToSomeProduct({ ...config, products: [] })(generateIssue({ labels: ['loans'] }))).toBe(false);
  });

  it('follows each configuration it is given, not the first one', () => {
    const other: GovernanceConfig = { ...config, products: [{ ...config.products[0]!, match: rule({ labels: ['mobile'] }) }] };
    const issue = generateIssue({ labels: ['mobile'] });
    expect(ownershipMapper(config)(issue).products).toEqual([]);
    expect(ownershipMapper(other)(issue).products.map((p) => p.key)).toEqual(['payments']);
    expect(mapsToSomeProduct(config)(issue)).toBe(false);
    expect(mapsToSomeProduct(other)(issue)).toBe(true);
    expect(ownershipMapper(config)(issue).products).toEqual([]);
  });
});

describe('the counts a mapping preview shows', () => {
  it('count an issue of two products under both, and as having a product', () => {
    const c = matchCounts([generateIssue({ labels: ['loans', 'savings', 'mmb', 'kib'] }), generateIssue({ labels: ['api'] })], bankExampleConfig());
    expect(c).toEqual({
      total: 2,
      products: [
        { key: 'payments', count: 0 },
        { key: 'loans', count: 1 },
        { key: 'savings', count: 1 },
        { key: 'fx-trade', count: 0 },
      ],
      channels: [
        { key: 'web', count: 0 },
        { key: 'mobile', count: 0 },
        { key: 'api', count: 1 },
      ],
      segments: [
        { key: 'mmb', count: 1 },
        { key: 'sb', count: 0 },
        { key: 'kib', count: 1 },
      ],
      withoutProduct: 1,
    });
    expect(matchCounts([], bankExampleConfig())).toMatchObject({ total: 0, withoutProduct: 0 });
  });
});
