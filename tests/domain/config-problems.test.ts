/**
 * The problems of a configuration draft as the settings page shows them: the path, zod's message,
 * and the kind of problem with its limits, so that the page can say it in the viewer's language.
 */
import { bankExampleConfig } from '../../src/domain/bank-example';
import { GovernanceConfig } from '../../src/domain/config';
import { type ConfigProblem, configProblems } from '../../src/domain/config-problems';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;
const exported = (): Json => JSON.parse(JSON.stringify(bankExampleConfig())) as Json;

function problemsOf(edit: (c: Json) => void): ConfigProblem[] {
  const c = exported();
  edit(c);
  const r = GovernanceConfig.safeParse(c);
  if (r.success) throw new Error('expected the draft to be rejected');
  return configProblems(r.error);
}

describe('the problems of a configuration draft', () => {
  it('give a number below its minimum with the limit, inclusive or not', () => {
    expect(problemsOf((c) => (c.hygiene.staleDays = 0))).toEqual([
      { path: 'hygiene.staleDays', message: expect.any(String), detail: { code: 'too_small', origin: 'number', limit: 1, inclusive: true } },
    ]);
    expect(problemsOf((c) => (c.defects.targets[0].hours = 0))).toEqual([
      { path: 'defects.targets[0].hours', message: expect.any(String), detail: { code: 'too_small', origin: 'number', limit: 0, inclusive: false } },
    ]);
  });

  it('give a value above its maximum, and an empty list or text, with their limits', () => {
    expect(problemsOf((c) => (c.convergence.target = 1.5))).toEqual([
      { path: 'convergence.target', message: expect.any(String), detail: { code: 'too_big', origin: 'number', limit: 1, inclusive: true } },
    ]);
    expect(problemsOf((c) => (c.checklists.templates[0].items = []))[0]?.detail).toEqual({ code: 'too_small', origin: 'array', limit: 1, inclusive: true });
    expect(problemsOf((c) => (c.products[0].name.en = ''))[0]).toMatchObject({ path: 'products[0].name.en', detail: { code: 'too_small', origin: 'string', limit: 1 } });
    expect(problemsOf((c) => (c.products[0].businessOwner = 'x'.repeat(129)))[0]).toMatchObject({
      path: 'products[0].businessOwner',
      detail: { code: 'too_big', origin: 'string', limit: 128, inclusive: true },
    });
  });

  it('give the type expected, the values allowed, and the unknown keys', () => {
    expect(problemsOf((c) => (c.hygiene.staleDays = '14'))).toEqual([
      { path: 'hygiene.staleDays', message: expect.any(String), detail: { code: 'invalid_type', expected: 'number' } },
    ]);
    expect(problemsOf((c) => (c.convergence.basis = 'hours'))).toEqual([
      { path: 'convergence.basis', message: expect.any(String), detail: { code: 'invalid_value', values: ['issues', 'points'] } },
    ]);
    expect(problemsOf((c) => (c.schemaVersion = 3))[0]?.detail).toEqual({ code: 'invalid_value', values: ['2'] });
    expect(problemsOf((c) => ((c.hygiene.staleDay = 7), (c.hygiene.carryover = 2)))).toEqual([
      { path: 'hygiene', message: expect.stringMatching(/staleDay/), detail: { code: 'unrecognized_keys', keys: ['staleDay', 'carryover'] } },
    ]);
  });

  it('give a malformed text as a format problem, and the rules of the document as custom ones', () => {
    expect(problemsOf((c) => (c.products[1].key = 'Loans Team'))).toEqual([
      { path: 'products[1].key', message: expect.stringMatching(/^must be 1–40 lower-case/), detail: { code: 'invalid_format' } },
    ]);
    expect(problemsOf((c) => (c.products[1].key = 'payments'))).toEqual([{ path: 'products', message: 'key "payments" is used twice', detail: { code: 'custom' } }]);
  });

  it('name the document itself when the whole draft is wrong, and keep zod\'s order', () => {
    const r = GovernanceConfig.safeParse(null);
    if (r.success) throw new Error('expected null to be rejected');
    expect(configProblems(r.error)).toEqual([{ path: '(root)', message: expect.any(String), detail: { code: 'invalid_type', expected: 'object' } }]);
    const several = problemsOf((c) => {
      c.timeZone = 'Mars/Olympus';
      c.hygiene.staleDays = 0;
    });
    expect(several.map((p) => p.path)).toEqual(['timeZone', 'hygiene.staleDays']);
    expect(several[0]?.detail).toEqual({ code: 'custom' });
  });
});
