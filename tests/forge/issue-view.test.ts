/**
 * The issue view's resolvers as Forge calls them, over the emulator serving the demo site: the
 * context summary (`issue/context`: DoR with what is missing by name, the DoD once work has
 * started, Done issues that say so, hygiene, product owners; read as the viewer, so an issue they
 * may not browse — by project or security level — is NOT_FOUND), and the Hygiene panel's fixes
 * (`hygiene/fix`: only for someone Jira lets edit the issue, only with a value the configuration
 * offers, written as the viewer, the panel judged again at once).
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import type { GovernanceReportData, IssueContextData, IssueHygieneData, ReadinessView } from '../../src/shared/protocol';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const emulator = demoSiteEmulator();
const { clientFor } = emulator;
const PO = DEMO_USERS.productOwner; // Digital PO of payments: edits PAY, PAYM, PAYA
const BPO = DEMO_USERS.businessOwner; // browses everything, edits nothing

async function setup() {
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, parseConfigOrThrow(demoConfig()));
  return { store, call: resolverCall(clientFor, { store }) };
}

const site = buildDemoSite();
const idOf = (key: string) => site.issues.find((i) => i.key === key)?.id ?? '0';
const panel = (key: string) => ({ type: 'jira:issuePanel', issue: { key, id: idOf(key) }, project: { key: key.split('-')[0] } });
const context = (key: string) => ({ type: 'jira:issueContext', issue: { key }, project: { key: key.split('-')[0] } });

function ok<T>(r: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.data;
}

const writes = () => emulator.requests().filter((r) => r.method === 'PUT' && r.endpoint === 'PUT /rest/api/3/issue/{key}');
const categoryOf = (key: string) => (site.issues.find((i) => i.key === key)?.fields.status as { statusCategory: { key: string } }).statusCategory.key;

describe('issue/context', () => {
  it('names what the DoR is missing on a To Do story, leaves the DoD out until work starts, and names the product owners', async () => {
    const { call } = await setup();
    expect(categoryOf('DS-137')).toBe('new');
    const c = ok(await call<IssueContextData>('issue/context', {}, context('DS-137')));
    expect(c.issue).toMatchObject({ key: 'DS-137', stage: 'toDo', statusCategory: 'new' });
    const dor = c.readiness.dor;
    if (!dor || dor.verdict.verdict !== 'notReady') throw new Error(`DoR: ${JSON.stringify(dor)}`);
    // What the panel would say, by name, in the same order.
    const panelView = ok(await call<ReadinessView>('readiness/get', {}, panel('DS-137')));
    const open = panelView.lists.dor?.items.filter((i) => i.required && i.state === 'open').map((i) => i.text.en);
    expect(dor.verdict.missing.map((m) => m.text.en)).toEqual(open);
    expect(dor.verdict.missing.length).toBeGreaterThan(0);
    expect([dor.complete, dor.total]).toEqual([panelView.lists.dor?.complete, panelView.lists.dor?.total]);
    expect(c.readiness.dod?.verdict).toEqual({ verdict: 'notStarted' });
    // No estimate in the coming sprint: a hygiene rule broken.
    expect(c.hygiene.rules).toContain('missing-estimate');
    expect(c.hygiene.count).toBe(c.hygiene.rules.length);
    // Payments (its label): its Business and Digital PO by name.
    expect(c.ownership.products.map((p) => p.key)).toEqual(['payments']);
    expect(c.ownership.products[0]?.businessOwner?.displayName).toBe('Elena Kuznetsova');
    expect(c.ownership.products[0]?.digitalOwner?.displayName).toBe('Dmitry Volkov');
  });

  it('shows a ticked item as no longer missing: the readiness comes from the app’s storage', async () => {
    const { call } = await setup();
    const view = ok(await call<ReadinessView>('readiness/get', {}, panel('DS-137')));
    const manual = view.lists.dor?.items.find((i) => i.required && i.state === 'open' && i.auto === null);
    if (!manual) throw new Error('no manual DoR item open');
    ok(await call<ReadinessView>('readiness/update', { version: view.version, change: { list: 'dor', item: manual.id, state: 'done' } }, panel('DS-137')));
    const c = ok(await call<IssueContextData>('issue/context', {}, context('DS-137')));
    const verdict = c.readiness.dor?.verdict;
    expect(verdict?.verdict === 'notReady' ? verdict.missing.map((m) => m.id) : []).not.toContain(manual.id);
    expect(c.readiness.dor?.complete).toBe((view.lists.dor?.complete ?? 0) + 1);
  });

  it('shows the DoD once work has started, and an issue without a product', async () => {
    const { call } = await setup();
    expect(categoryOf('PAYM-181')).toBe('indeterminate');
    const c = ok(await call<IssueContextData>('issue/context', {}, context('PAYM-181'), PO));
    expect(c.issue.stage).toBe('inProgress');
    const dod = c.readiness.dod?.verdict;
    if (dod?.verdict !== 'notReady') throw new Error(`DoD: ${JSON.stringify(dod)}`);
    expect(dod.missing.length).toBeGreaterThan(0);
    expect(c.ownership.products).toEqual([]);
    expect(c.ownership.unconfigured).toBe(false);
    expect(c.hygiene.rules).toContain('no-product');
  });

  it('says Done on a done issue, never "not ready", and names what was left open', async () => {
    const { call } = await setup();
    expect(categoryOf('PAY-2')).toBe('done');
    const c = ok(await call<IssueContextData>('issue/context', {}, context('PAY-2')));
    expect(c.issue.stage).toBe('done');
    for (const list of [c.readiness.dor, c.readiness.dod]) {
      expect(['done', 'doneLeftOpen']).toContain(list?.verdict.verdict);
      if (list?.verdict.verdict === 'doneLeftOpen') expect(list.verdict.missing.length).toBeGreaterThan(0);
    }
  });

  it('is NOT_FOUND for a viewer who may not browse the issue, and shows nothing of it', async () => {
    const { call } = await setup();
    // A loans analyst browses LOAN, LOANM and CRED only.
    const other = await call('issue/context', {}, context('DS-137'), DEMO_USERS.loansAnalyst);
    expect(other).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    // The payments contractor browses PAY but holds no "Bank security" level: PAY-208 is not theirs to see.
    const secured = await call('issue/context', {}, context('PAY-208'), DEMO_USERS.paymentsContractor);
    expect(secured).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    expect(JSON.stringify(secured)).not.toMatch(/Security incident|payments|Elena/);
    // The same issue, for someone with the level.
    expect(ok(await call<IssueContextData>('issue/context', {}, context('PAY-208'), PO)).issue.key).toBe('PAY-208');
    // And for the contractor, an ordinary PAY issue.
    expect(ok(await call<IssueContextData>('issue/context', {}, context('PAY-2'), DEMO_USERS.paymentsContractor)).issue.key).toBe('PAY-2');
  });

  it('refuses a payload: the issue comes from the context only', async () => {
    const { call } = await setup();
    expect(await call('issue/context', { issueKey: 'PAY-208' }, context('PAY-2'))).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/issueKey/) } });
    expect(await call('issue/context', {}, { type: 'jira:issueContext' })).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/issue view/) } });
  });
});

describe('hygiene/issue actions and hygiene/fix', () => {
  it('offers the product’s label to someone who may edit the issue, and only a link to someone who may not', async () => {
    const { call } = await setup();
    const asPo = ok(await call<IssueHygieneData>('hygiene/issue', {}, panel('PAYM-181'), PO));
    expect(asPo.canEdit).toBe(true);
    const noProduct = asPo.violations.find((v) => v.id === 'no-product');
    if (noProduct?.action.kind !== 'addProductValue') throw new Error(JSON.stringify(noProduct));
    expect(noProduct.action.options).toContainEqual({ product: 'payments', productName: { en: 'Payments', ru: expect.any(String) }, type: 'label', value: 'payments' });
    const asBpo = ok(await call<IssueHygieneData>('hygiene/issue', {}, panel('PAYM-181'), BPO));
    expect(asBpo.canEdit).toBe(false);
    expect(asBpo.violations.find((v) => v.id === 'no-product')?.action).toEqual({ kind: 'edit', field: 'labels' });
  });

  it('refuses, writing nothing: someone who may not edit, a label no product has, a malformed payload', async () => {
    const { call } = await setup();
    const before = writes().length;
    const denied = await call('hygiene/fix', { rule: 'no-product', add: { type: 'label', value: 'payments' } }, panel('PAYM-181'), BPO);
    expect(denied).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/may not edit PAYM-181/) } });
    const invented = await call('hygiene/fix', { rule: 'no-product', add: { type: 'label', value: 'anything-goes' } }, panel('PAYM-181'), PO);
    expect(invented).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/not a label of a configured product/) } });
    const negative = await call('hygiene/fix', { rule: 'missing-estimate', estimate: -3 }, panel('PAYA-141'), PO);
    expect(negative).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/estimate/) } });
    const otherRule = await call('hygiene/fix', { rule: 'overdue', due: '2030-01-01' }, panel('PAYA-141'), PO);
    expect(otherRule.ok).toBe(false);
    const named = await call('hygiene/fix', { rule: 'missing-estimate', estimate: 3, issueKey: 'PAY-1' }, panel('PAYA-141'), PO);
    expect(named).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/issueKey/) } });
    // Mapped already: nothing to fix.
    const mapped = await call('hygiene/fix', { rule: 'no-product', add: { type: 'label', value: 'payments' } }, panel('PAYA-141'), PO);
    expect(mapped).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/already maps/) } });
    expect(writes().length).toBe(before);
  });

  it('adds the product’s label as the viewer; the issue then maps to the product, and the panel says so at once', async () => {
    const { call } = await setup();
    // The board's figures are in the store: the panel reads their judgement until the issue changes.
    await call.synced<GovernanceReportData>('governance/report', {}, { type: 'jira:projectPage', project: { key: 'PAYM' } });
    expect(ok(await call<IssueHygieneData>('hygiene/issue', {}, panel('PAYM-181'), PO)).violations.map((v) => v.id)).toContain('no-product');
    const before = writes().length;
    const fixed = ok(await call<IssueHygieneData>('hygiene/fix', { rule: 'no-product', add: { type: 'label', value: 'payments' } }, panel('PAYM-181'), PO));
    expect(fixed.violations.map((v) => v.id)).not.toContain('no-product');
    const made = writes().slice(before);
    expect(made.map((w) => w.user)).toEqual([PO]);
    const issue = await clientFor(PO).issue('PAYM-181', ['labels']);
    expect(issue.fields.labels).toContain('payments');
    // Read again (the store still holds the board's older figures): judged anew, since the issue changed after them.
    expect(ok(await call<IssueHygieneData>('hygiene/issue', {}, panel('PAYM-181'), PO)).violations.map((v) => v.id)).not.toContain('no-product');
    const c = ok(await call<IssueContextData>('issue/context', {}, context('PAYM-181'), PO));
    expect(c.ownership.products.map((p) => p.key)).toEqual(['payments']);
    expect(c.hygiene.rules).not.toContain('no-product');
  });

  it('sets the estimate in the board’s estimation field, once', async () => {
    const { call } = await setup();
    const panelData = ok(await call<IssueHygieneData>('hygiene/issue', {}, panel('PAYA-141'), PO));
    expect(panelData.violations.find((v) => v.id === 'missing-estimate')?.action).toEqual({ kind: 'setEstimate' });
    const fixed = ok(await call<IssueHygieneData>('hygiene/fix', { rule: 'missing-estimate', estimate: 5 }, panel('PAYA-141'), PO));
    expect(fixed.violations.map((v) => v.id)).not.toContain('missing-estimate');
    const again = await call('hygiene/fix', { rule: 'missing-estimate', estimate: 8 }, panel('PAYA-141'), PO);
    expect(again).toEqual({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/already estimated \(5\)/) } });
  });
});
