import { bankExampleConfig } from '../../src/domain/bank-example';
import fc from 'fast-check';
import { type GovernanceConfig } from '../../src/domain/config';
import { hygieneContext } from '../../src/domain/hygiene';
import { discoverFields, prepareIssue } from '../../src/domain/issue';
import { ANY, matrixCell, matrixFacts, NONE, ownershipMatrix, type MatrixFacts } from '../../src/domain/ownership-matrix';
import { FIELDS, generateIssue, STATUSES } from '../../src/domain/testing/generate';

const config = bankExampleConfig();
const facts = (o: Partial<MatrixFacts>): MatrixFacts => ({ products: [], channels: [], segments: [], open: true, openDefect: false, violations: 0, ...o });

describe('ownershipMatrix', () => {
  it('counts an issue in every cell its mapping spans, and in the "any" slots', () => {
    const m = ownershipMatrix([facts({ products: ['payments'], channels: ['web', 'mobile'], segments: ['sb'], openDefect: true, violations: 2 })], config);
    for (const channel of ['web', 'mobile', ANY])
      for (const segment of ['sb', ANY]) {
        expect(matrixCell(m, 'payments', channel, segment)).toEqual({ issues: 1, open: 1, openDefects: 1, violations: 2, violating: 1 });
        expect(matrixCell(m, ANY, channel, segment).issues).toBe(1);
      }
    expect(matrixCell(m, 'payments', 'api', ANY).issues).toBe(0);
    expect(matrixCell(m, NONE, ANY, ANY).issues).toBe(0);
    // 1 product+any × 2 channels+any × 1 segment+any = 2 × 3 × 2 cells.
    expect(m.cells).toHaveLength(12);
    expect(m.scanned).toBe(1);
  });

  it('puts issues without a product, channel or segment in the "none" slots', () => {
    const m = ownershipMatrix([facts({ open: false }), facts({ products: ['loans'] })], config);
    expect(matrixCell(m, NONE, NONE, NONE)).toEqual({ issues: 1, open: 0, openDefects: 0, violations: 0, violating: 0 });
    expect(matrixCell(m, 'loans', NONE, NONE).issues).toBe(1);
    expect(matrixCell(m, ANY, NONE, NONE).issues).toBe(2);
    expect(matrixCell(m, ANY, ANY, ANY)).toEqual({ issues: 2, open: 1, openDefects: 0, violations: 0, violating: 0 });
  });

  it('orders cells as the configuration lists products, channels and segments, "none" then "any" last', () => {
    const m = ownershipMatrix([facts({ products: ['fx-trade'], channels: ['api'] }), facts({ products: ['payments'], channels: ['web'] })], config);
    const products = [...new Set(m.cells.map((c) => c.product))];
    expect(products).toEqual(['payments', 'fx-trade', ANY]);
    const paymentsChannels = [...new Set(m.cells.filter((c) => c.product === 'payments').map((c) => c.channel))];
    expect(paymentsChannels).toEqual(['web', ANY]);
  });

  it('orders the cells of one product by channel, then by segment, in the order configured, whatever order the issues came in', () => {
    const m = ownershipMatrix([facts({ products: ['payments'], channels: ['api', 'web'], segments: ['kib', 'mmb'] })], config);
    const channels = config.channels.map((c) => c.key).filter((k) => k === 'api' || k === 'web');
    const segments = config.segments.map((x) => x.key).filter((k) => k === 'kib' || k === 'mmb');
    expect(m.cells.filter((c) => c.product === 'payments').map((c) => `${c.channel}/${c.segment}`)).toEqual(
      [...channels, ANY].flatMap((ch) => [...segments, ANY].map((sg) => `${ch}/${sg}`)),
    );
  });

  it('counts a key listed twice once', () => {
    const m = ownershipMatrix([facts({ products: ['payments', 'payments'] })], config);
    expect(matrixCell(m, 'payments', ANY, ANY).issues).toBe(1);
  });

  const keys = (all: readonly string[]) => fc.subarray([...all]);
  const arbFacts = fc.record({
    products: keys(config.products.map((p) => p.key)),
    channels: keys(config.channels.map((c) => c.key)),
    segments: keys(config.segments.map((s) => s.key)),
    open: fc.boolean(),
    openDefect: fc.boolean(),
    violations: fc.nat(5),
  });

  it('any slot = the number of distinct issues; each entry ≤ its any; entries + none ≥ any (property)', () => {
    fc.assert(
      fc.property(fc.array(arbFacts, { maxLength: 40 }), (list) => {
        const m = ownershipMatrix(list, config);
        const all = matrixCell(m, ANY, ANY, ANY);
        expect(all.issues).toBe(list.length);
        expect(all.open).toBe(list.filter((f) => f.open).length);
        expect(all.violations).toBe(list.reduce((n, f) => n + f.violations, 0));
        for (const p of config.products) {
          const row = matrixCell(m, p.key, ANY, ANY);
          expect(row.issues).toBe(list.filter((f) => f.products.includes(p.key)).length);
          expect(row.issues).toBeLessThanOrEqual(all.issues);
        }
        const split = config.products.reduce((n, p) => n + matrixCell(m, p.key, ANY, ANY).issues, 0) + matrixCell(m, NONE, ANY, ANY).issues;
        expect(split).toBeGreaterThanOrEqual(all.issues);
        for (const c of m.cells) expect(c.violating).toBeLessThanOrEqual(c.issues);
      }),
    );
  });
});

describe('matrixFacts', () => {
  const fields = discoverFields(FIELDS);
  const withBug: GovernanceConfig = { ...config, defects: { ...config.defects, issueTypes: [{ untranslatedName: 'Bug' }] } };
  const ctx = hygieneContext({ now: Date.parse('2026-03-01T00:00:00Z'), config: withBug });

  it('maps the issue and weighs it: open, an open defect, and the rules it breaks', () => {
    const bug = prepareIssue(generateIssue({ type: 'Bug', status: STATUSES.inProgress, components: ['Payments', 'Web'], labels: ['kib'], assignee: null }), fields);
    const f = matrixFacts(bug, ctx);
    expect(f).toMatchObject({ products: ['payments'], channels: ['web'], segments: ['kib'], open: true, openDefect: true });
    // In progress without an assignee, and no description.
    expect(f.violations).toBeGreaterThanOrEqual(2);
  });

  it('does not count a done defect as open', () => {
    const done = prepareIssue(generateIssue({ type: 'Bug', status: STATUSES.done, resolution: 'Done', components: ['Loans'] }), fields);
    expect(matrixFacts(done, ctx)).toMatchObject({ products: ['loans'], open: false, openDefect: false });
  });
});
