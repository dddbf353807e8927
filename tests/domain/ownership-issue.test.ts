import { bankExampleConfig } from '../../src/domain/bank-example';
import { type GovernanceConfig } from '../../src/domain/config';
import { issueOwnership, ownershipAccountIds, productSuggestions } from '../../src/domain/ownership-issue';
import { generateIssue } from '../../src/domain/testing/generate';

const owned = (): GovernanceConfig => {
  const c = bankExampleConfig();
  c.products = c.products.map((p, i) => ({ ...p, businessOwner: `bpo-${i}`, digitalOwner: `dpo-${i}` }));
  c.channels = c.channels.map((ch, i) => ({ ...ch, leader: `lead-${i}` }));
  return c;
};

describe('issueOwnership', () => {
  it('names the product, channels and segments, with no problem when every owner is set', () => {
    const o = issueOwnership(generateIssue({ components: ['Payments', 'Mobile'], labels: ['sb'] }), owned());
    expect(o.products.map((p) => p.key)).toEqual(['payments']);
    expect(o.channels.map((c) => c.key)).toEqual(['mobile']);
    expect(o.segments.map((s) => s.key)).toEqual(['sb']);
    expect(o.problems).toEqual([]);
  });

  it('reports a missing product, suggesting first the products mapped by a component of the issue’s project', () => {
    const o = issueOwnership(generateIssue({ key: 'SAV-9', components: ['Web'] }), owned(), ['Savings', 'Web', 'Accounts']);
    expect(o.products).toEqual([]);
    expect(o.problems).toHaveLength(1);
    const [p] = o.problems;
    expect(p?.kind).toBe('no-product');
    if (p?.kind !== 'no-product') return;
    expect(p.suggestions[0]).toEqual({ product: 'savings', components: ['Savings'], labels: ['savings', 'deposits'] });
    expect(p.suggestions.map((s) => s.product)).toEqual(['savings', 'payments', 'loans', 'fx-trade']);
    expect(p.suggestions[1]).toEqual({ product: 'payments', components: [], labels: ['payments'] });
  });

  it('does not call a missing product a problem when no product is configured', () => {
    const c = owned();
    c.products = [];
    expect(issueOwnership(generateIssue({}), c).problems).toEqual([]);
  });

  it('reports each missing owner of a mapped product, and a channel without a leader', () => {
    const c = owned();
    c.products[1] = { ...c.products[1]!, businessOwner: null, digitalOwner: null };
    c.channels[2] = { ...c.channels[2]!, leader: null };
    const o = issueOwnership(generateIssue({ labels: ['loans', 'api'] }), c);
    expect(o.problems).toEqual([
      { kind: 'no-owner', product: 'loans', missing: ['business', 'digital'] },
      { kind: 'no-leader', channel: 'api' },
    ]);
  });

  it('reports an issue of several products as ambiguous', () => {
    const o = issueOwnership(generateIssue({ labels: ['payments', 'loans'] }), owned());
    expect(o.problems).toEqual([{ kind: 'several-products', products: ['payments', 'loans'] }]);
  });
});

describe('productSuggestions', () => {
  it('matches project components case-insensitively and keeps the rule’s spelling', () => {
    expect(productSuggestions(owned(), ['payments'])[0]).toEqual({ product: 'payments', components: ['Payments'], labels: ['payments'] });
  });
});

describe('ownershipAccountIds', () => {
  it('lists every owner and leader once, in order', () => {
    const c = owned();
    c.products[0] = { ...c.products[0]!, digitalOwner: 'lead-0' };
    const o = issueOwnership(generateIssue({ labels: ['payments', 'web'] }), c);
    expect(ownershipAccountIds(o)).toEqual(['bpo-0', 'lead-0']);
  });
});
