/** The Governance project page: Hygiene, Readiness, Defects and Convergence of the project's boards. */
import { useEffect, useState } from 'react';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import { token } from '@atlaskit/tokens';
import type { GovernanceContextData, ResolverError } from '../../../../src/shared/protocol';
import { PERIOD_CHOICES } from '../../../../src/shared/governance-protocol';
import { api } from '../../api';
import { Loading, ErrorNotice, Notice } from '../states';
import { FirstSync } from '../Freshness';
import { lazyPart, LazySelect as Select } from '../../lazy';
import { AsOf, subtle, useGov, useGovernanceReport, type ReportState } from './common';

// Each tab's body is loaded when it is first drawn (the bundle budget): the first one while its figures are computed.
const HygieneTab = lazyPart(() => import('./HygieneTab').then((m) => m.HygieneTab));
const ReadinessTab = lazyPart(() => import('./ReadinessTab').then((m) => m.ReadinessTab));
const DefectsTab = lazyPart(() => import('./DefectsTab').then((m) => m.DefectsTab));
const ConvergenceTab = lazyPart(() => import('./ConvergenceTab').then((m) => m.ConvergenceTab));

const TABS = ['hygiene', 'readiness', 'defects', 'convergence'] as const;

function Report({ state, reload, render }: { state: ReportState; reload: (refresh: boolean) => void; render: (r: Extract<ReportState, { kind: 'ready' }>['report']) => React.ReactNode }) {
  const { g } = useGov();
  if (state.kind === 'loading') return <Loading label={g.computing} />;
  if (state.kind === 'pending') return <FirstSync freshness={state.freshness} />;
  if (state.kind === 'error') return <ErrorNotice title={g.errorTitle} error={state.error} action={{ label: g.tryAgain, onClick: () => reload(true) }} />;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
      <AsOf meta={state.report.meta} onRefresh={() => reload(true)} />
      {render(state.report)}
    </div>
  );
}

export function ProjectGovernance() {
  const { g } = useGov();
  const [ctx, setCtx] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: GovernanceContextData }>({ kind: 'loading' });
  const [tab, setTab] = useState(0);
  const [period, setPeriod] = useState<number | null>(null);
  const { state, reload } = useGovernanceReport(period ?? undefined);
  useEffect(() => {
    void api.governanceContext().then((r) => setCtx(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error }));
  }, []);
  const periodDays = period ?? (ctx.kind === 'ready' ? ctx.data.defaultPeriodDays : 30);
  const periodOptions = PERIOD_CHOICES.map((d) => ({ value: d, label: g.periodDays(d) }));
  const project = ctx.kind === 'ready' ? ctx.data.project : null;
  const boards = ctx.kind === 'ready' ? ctx.data.boards : [];

  return (
    <div data-testid="project-governance" style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
      <div>
        <h2 style={{ margin: 0, fontSize: '24px', color: token('color.text', '#172B4D') }}>{g.pageTitle}</h2>
        {project && (
          <div data-testid="project-subtitle" style={{ fontSize: '12px', color: subtle }}>
            {g.pageSubtitle(project.name ?? project.key, boards.map((b) => b.name).join(', ') || '—')}
          </div>
        )}
      </div>
      {ctx.kind === 'error' && <ErrorNotice title={g.errorTitle} error={ctx.error} />}
      {ctx.kind === 'ready' && boards.length === 0 ? (
        <Notice title={g.noBoards} body={g.noBoards} />
      ) : (
        <Tabs id="governance-tabs" selected={tab} onChange={(i) => setTab(i)}>
          <TabList>
            {TABS.map((k) => (
              <Tab key={k} testId={`tab-${k}`}>
                {g.tabs[k]}
              </Tab>
            ))}
          </TabList>
          <TabPanel>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
              <Report state={state} reload={reload} render={(r) => <HygieneTab data={r.hygiene} />} />
            </div>
          </TabPanel>
          <TabPanel>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
              <ReadinessTab />
            </div>
          </TabPanel>
          <TabPanel>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px'), display: 'flex', flexDirection: 'column', gap: token('space.150', '12px') }}>
              <div style={{ maxWidth: 240 }}>
                <label htmlFor="defect-period" style={{ fontSize: '12px', color: subtle, fontWeight: 600 }}>
                  {g.period}
                </label>
                <Select inputId="defect-period" testId="defect-period" options={periodOptions} value={periodOptions.find((o) => o.value === periodDays) ?? null} onChange={(o) => o && setPeriod(o.value)} />
              </div>
              <Report state={state} reload={reload} render={(r) => <DefectsTab data={r.defects} />} />
            </div>
          </TabPanel>
          <TabPanel>
            <div style={{ width: '100%', paddingTop: token('space.200', '16px') }}>
              <ConvergenceTab />
            </div>
          </TabPanel>
        </Tabs>
      )}
    </div>
  );
}
