/** The headline figures: the current (or last) sprint and the closed sprints overall, against the target. */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView, TargetStatus } from '../../../src/shared/protocol';
import { percent } from '../format';
import { useShell } from '../shell';
import { lozengeOf, textColour } from './status';

function Figure({ testId, label, ratio, status, note }: { testId: string; label: string; ratio: number | null; status: TargetStatus | null; note?: string }) {
  const { t, lang } = useShell();
  return (
    <div data-testid={testId} data-status={status ?? 'none'} style={{ minWidth: 150, flex: '1 1 150px', padding: token('space.150', '12px'), borderRadius: 6, border: `1px solid ${token('color.border', '#091E4224')}`, background: token('elevation.surface.raised', '#FFFFFF') }}>
      <div style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F'), fontWeight: 600 }}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ fontSize: '28px', lineHeight: '32px', fontWeight: 653, color: textColour(status), margin: `${token('space.050', '4px')} 0` }}>
        {percent(ratio, lang) ?? t.noValue}
      </div>
      <div style={{ display: 'flex', gap: token('space.050', '4px'), flexWrap: 'wrap', alignItems: 'center' }}>
        <Lozenge appearance={lozengeOf(status)}>{status ? t.status[status] : t.status.none}</Lozenge>
        {note && <Lozenge appearance="inprogress">{note}</Lozenge>}
      </div>
    </div>
  );
}

export function Figures({ view }: { view: ConvergenceView }) {
  const { t, lang } = useShell();
  const basis = view.settings.basis;
  const current = view.current;
  return (
    <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
      {current && (
        <Figure
          testId="figure-current"
          label={current.kind === 'active' ? t.currentSprint : t.lastSprint}
          ratio={current.convergence}
          status={current.status}
          {...(current.provisional ? { note: t.provisional } : {})}
        />
      )}
      <Figure testId="figure-overall" label={t.overall} ratio={view.report.overall.convergence[basis]} status={view.report.overall.status} />
      <div data-testid="figure-target" style={{ minWidth: 120, flex: '0 1 150px', padding: token('space.150', '12px') }}>
        <div style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F'), fontWeight: 600 }}>{t.target}</div>
        <div style={{ fontSize: '28px', lineHeight: '32px', fontWeight: 653, color: token('color.text.accent.purple', '#5E4DB2'), margin: `${token('space.050', '4px')} 0` }}>
          {percent(view.settings.target, lang)}
        </div>
        <div style={{ fontSize: '12px', color: token('color.text.subtlest', '#626F86') }}>{t.basis[basis]}</div>
      </div>
    </div>
  );
}
