/**
 * Ownership at its edges: a product missing only one of its owners, suggestions for products that
 * only a project or a field maps, account ids named twice or not at all, and matrix keys that the
 * configuration no longer lists.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import type { GovernanceConfig } from '../../src/domain/config';
import { issueOwnership, ownershipAccountIds, productSuggestions } from '../../src/domain/ownership-issue';
import { ANY, matrixCell, NONE, ownershipMatrix, type MatrixFacts } from '../../src/domain/ownership-matrix';
import { generateIssue } from '../../src/domain/testing/generate';

const config = (): GovernanceConfig => {
  const c = bankExampleConfig();
  c.products = c.products.map((p, i) => ({ ...p, businessOwner: `bpo-${i}`, digitalOwner: `dpo-${i}` }));
  c.channels = c.channels.map((ch, i) => ({ ...ch, leader: `lead-${i}` }));
  return c;
};

describe('the owners of an issue', () => {
  it('names the one owner a product lacks, business or digital', () => {
    const c = config();
    c.products[0] = { ...c.products[0]!, businessOwner: null };
    c.products[1] = { ...c.products[1]!, digitalOwner: null };
    expect(issueOwnership(generateIssue({ labels: ['payments'] }), c).problems).toEqual([{ kind: 'no-owner', product: 'payments', missing: ['business'] }]);
    expect(issueOwnership(generateIssue({ labels: ['loans'] }), c).problems).toEqual([{ kind: 'no-owner', product: 'loans', missing: ['digital'] }]);
  });

  it('lists each account once, skipping owners not set, products first then channel leaders', () => {
    const c = config();
    c.products[0] = { ...c.products[0]!, businessOwner: null, digitalOwner: 'lead-1' };
    const o = issueOwnership(generateIssue({ labels: ['payments', 'loans', 'web', 'mobile'] }), c);
    expect(ownershipAccountIds(o)).toEqual(['lead-1', 'bpo-1', 'dpo-1', 'lead-0']);
    expect(ownershipAccountIds({ products: [], channels: [] })).toEqual([]);
  });

  it('suggests, after the products the project\'s components map, every other product, values copied from its rule', () => {
    const c = config();
    c.products[3] = { ...c.products[3]!, match: { components: [], labels: [], projects: ['FX'], field: null } };
    const s = productSuggestions(c, ['foreign trade', 'LOANS']);
    expect(s.map((x) => [x.product, x.components, x.labels])).toEqual([
      ['loans', ['Loans'], ['loans']],
      ['payments', [], ['payments']],
      ['savings', [], ['savings', 'deposits']],
      ['fx-trade', [], []],
    ]);
    s[0]?.labels.push('changed');
    expect(c.products[1]?.match.labels).toEqual(['loans']);
    expect(productSuggestions(c, []).map((x) => x.product)).toEqual(['payments', 'loans', 'savings', 'fx-trade']);
  });
});

describe('the matrix with keys the configuration no longer lists', () => {
  const facts = (o: Partial<MatrixFacts>): MatrixFacts => ({ products: [], channels: [], segments: [], open: false, openDefect: false, violations: 0, ...o });

  it('orders them after the listed keys and "none", before "any"', () => {
    const m = ownershipMatrix([facts({ products: ['retired'] }), facts({ products: ['loans'] }), facts({})], bankExampleConfig());
    expect([...new Set(m.cells.map((c) => c.product))]).toEqual(['loans', NONE, 'retired', ANY]);
  });

  it('counts open issues, open defects, violations and violating issues per cell', () => {
    const m = ownershipMatrix(
      [facts({ products: ['loans'], open: true, openDefect: true, violations: 3 }), facts({ products: ['loans'], open: true, violations: 0 }), facts({ products: ['loans'], violations: 1 })],
      bankExampleConfig(),
    );
    expect(matrixCell(m, 'loans', NONE, NONE)).toEqual({ issues: 3, open: 2, openDefects: 1, violations: 4, violating: 2 });
    expect(matrixCell(m, 'savings', NONE, NONE)).toEqual({ issues: 0, open: 0, openDefects: 0, violations: 0, violating: 0 });
    expect(ownershipMatrix([], bankExampleConfig())).toEqual({ scanned: 0, cells: [] });
  });
});
