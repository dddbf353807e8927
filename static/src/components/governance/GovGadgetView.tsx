/** The "Defect SLA" and "Jira hygiene" gadgets in view mode (one resource; the module key decides). */
import { useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { onGadgetRefresh } from '../../bridge';
import { DrillDown, type DrillTarget } from '../DrillDown';
import { Loading, ErrorNotice, Notice } from '../states';
import { FirstSync } from '../Freshness';
import { AsOf, Section, useGov, useGovernanceReport } from './common';
import { AttentionList, DefectFigures, PerTeam, PriorityTable } from './DefectsTab';
import { RulesTable, ScoreFigures } from './HygieneTab';

export function GovGadgetView() {
  const { g, context } = useGov();
  const kind = context.moduleKey === 'defect-sla' ? 'defects' : 'hygiene';
  const { state, reload } = useGovernanceReport();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  useEffect(() => onGadgetRefresh(() => reload(true)), [reload]);
  if (state.kind === 'loading') return <Loading label={g.computing} />;
  if (state.kind === 'pending') return <FirstSync freshness={state.freshness} />;
  if (state.kind === 'error') {
    if (state.error.code === 'NOT_CONFIGURED') return <Notice title={g.notConfiguredTitle} body={g.notConfiguredBody} />;
    return <ErrorNotice title={g.errorTitle} error={state.error} action={{ label: g.tryAgain, onClick: () => reload(true) }} />;
  }
  const r = state.report;
  return (
    <div data-testid={`${kind}-gadget`} style={{ padding: token('space.100', '8px'), display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), color: token('color.text', '#172B4D') }}>
      <AsOf meta={r.meta} onRefresh={() => reload(true)} />
      {kind === 'hygiene' ? (
        <>
          <ScoreFigures data={r.hygiene} />
          <Section title={g.worstRules} testId="worst-rules">
            <RulesTable
              data={r.hygiene}
              compact
              onSelect={(id) => setDrill({ title: g.rule[id], keys: r.hygiene.rules.find((x) => x.id === id)?.issues ?? [] })}
            />
          </Section>
          <DrillDown target={drill} onClose={() => setDrill(null)} />
        </>
      ) : (
        <>
          <DefectFigures data={r.defects} />
          <PriorityTable data={r.defects} />
          <Section title={g.attention} testId="attention">
            <AttentionList data={r.defects} limit={5} />
          </Section>
          <Section title={g.perTeam} testId="per-team">
            <PerTeam data={r.defects} />
          </Section>
        </>
      )}
    </div>
  );
}
