/**
 * Every surface gives the same figures whether Jira speaks Russian or English to the account that
 * read it: Jira names issue types, statuses and priorities in each user's language, and the app
 * matches them by id (or untranslated name), never by a name. One store is synced reading Jira as
 * a Russian-speaking administrator, the other as an English-speaking one, each viewed by that
 * administrator; both may browse every project and security level, so any difference could only
 * come from language.
 */
import { parseConfigOrThrow } from '../../src/domain/config';
import { defaultConfig } from '../../src/domain/config';
import { DEMO_USERS, demoConfig } from '../../src/demo/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import type { ConvergenceView, GovernanceReportData, IssueHygieneData } from '../../src/shared/protocol';
import { demoSiteEmulator, NOW, resolverCall } from './harness';

const { clientFor } = demoSiteEmulator();
const RU = DEMO_USERS.admin;
const EN = DEMO_USERS.englishAdmin;

async function setup(config: unknown) {
  const store = memoryStore(() => NOW);
  if (config !== null) await store.set(CONFIG_KEY, parseConfigOrThrow(config));
  const ru = resolverCall(clientFor, { store }, { syncAs: RU });
  const en = resolverCall(clientFor, { store }, { syncAs: EN });
  /** The call to the store read in the viewer's language (its first syncs run to the end). */
  return <T>(key: string, payload: unknown, extension: unknown, user: typeof RU | typeof EN) => (user === RU ? ru : en).synced<T>(key, payload, extension, user);
}

const gadget = (gadgetConfiguration: unknown) => ({ type: 'jira:dashboardGadget', gadgetConfiguration });
const project = (key: string) => ({ type: 'jira:projectPage', project: { key } });
const issue = (key: string) => ({ type: 'jira:issuePanel', issue: { key }, project: { key: key.split('-')[0] } });

/** What depends on nothing but Jira's data: the cache flags and the viewer's names are left out. */
function figuresOf(data: GovernanceReportData): unknown {
  if (data.state !== 'ready') throw new Error('the report was not computed inline');
  const { meta: _meta, ...figures } = data;
  return {
    ...figures,
    defects: { ...figures.defects, attention: figures.defects.attention.map(({ priority: _name, ...rest }) => rest) },
  };
}

describe.each([
  ['the built-in defaults', null],
  ['the demo bank configuration', demoConfig()],
])('with %s', (_name, config) => {
  it('the Defect SLA and Jira hygiene figures of a project page are the same in Russian and in English', async () => {
    const call = await setup(config);
    const [ru, en] = await Promise.all([call<GovernanceReportData>('governance/report', {}, project('PAY'), RU), call<GovernanceReportData>('governance/report', {}, project('PAY'), EN)]);
    if (!ru.ok || !en.ok) throw new Error(JSON.stringify([ru, en]));
    expect(figuresOf(ru.data)).toEqual(figuresOf(en.data));
    if (ru.data.state !== 'ready') return;
    // Defects are found in Russian too (types by untranslated name or id, targets by priority id).
    expect(ru.data.defects.total.resolved + ru.data.defects.total.open).toBeGreaterThan(0);
  });

  it('the convergence gadget gives the same figures in Russian and in English', async () => {
    const call = await setup(config);
    const settings = gadget({ boardIds: [1, 12], rollup: null, sprints: 6, basis: 'points', target: 0.95 });
    const [ru, en] = await Promise.all([
      call<ConvergenceView>('convergence/report', {}, settings, RU),
      call<ConvergenceView>('convergence/report', {}, settings, EN),
    ]);
    if (!ru.ok || !en.ok) throw new Error(JSON.stringify([ru, en]));
    expect(ru.data.report).toEqual(en.data.report);
    expect(ru.data.warnings).toEqual(en.data.warnings);
    expect(ru.data.report.sprints.some((s) => s.shared)).toBe(true);
  });

  it('the Hygiene panel lists the same rules for an issue in Russian and in English', async () => {
    const call = await setup(config);
    const report = await call<GovernanceReportData>('governance/report', {}, project('PAY'), EN);
    if (!report.ok || report.data.state !== 'ready') throw new Error('no report');
    const keys = report.data.hygiene.issues.slice(0, 5).map((i) => i.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      const [ru, en] = await Promise.all([call<IssueHygieneData>('hygiene/issue', {}, issue(key), RU), call<IssueHygieneData>('hygiene/issue', {}, issue(key), EN)]);
      expect(ru.ok && ru.data.violations).toEqual(en.ok && en.data.violations);
    }
  });
});

it('the built-in defaults find the stories without acceptance criteria whatever the viewer reads', async () => {
  const call = await setup(defaultConfig());
  const ru = await call<GovernanceReportData>('governance/report', {}, project('PAY'), RU);
  if (!ru.ok || ru.data.state !== 'ready') throw new Error('no report');
  expect(ru.data.hygiene.rules.find((r) => r.id === 'missing-acceptance-criteria')?.count).toBeGreaterThan(0);
});
