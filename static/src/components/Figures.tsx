/**
 * The one headline figure of a convergence view: completed of committed over the closed sprints
 * shown (docs/metrics.md, "Backlog convergence"), against the target, with what it means in one
 * line and how it is calculated a click away.
 */
import { useId, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import { Heading } from './a11y';
import { lozengeOf, textColour } from './status';

/** The closed sprints the headline adds up: how many per board at most, and in all. */
export function closedCounts(view: ConvergenceView): { perBoard: number; total: number } {
  const counts = view.boardHeadlines.map((h) => h.closed.sprints);
  return { perBoard: Math.max(0, ...counts), total: counts.reduce((a, b) => a + b, 0) };
}

export function Figures({ view, level }: { view: ConvergenceView; level: number }) {
  const { t, lang, fmt } = useShell();
  const [open, setOpen] = useState(false);
  const ids = { heading: useId(), how: useId() };
  const basis = view.settings.basis;
  const overall = view.report.overall;
  const ratio = overall.convergence[basis];
  const status = overall.status;
  const { perBoard, total } = closedCounts(view);
  const target = fmt.percent(view.settings.target) ?? '';
  return (
    <section
      aria-labelledby={ids.heading}
      data-testid="figure-overall"
      data-status={status ?? 'none'}
      style={{ padding: token('space.150', '12px'), borderRadius: 6, border: `1px solid ${token('color.border', '#091E4224')}`, background: token('elevation.surface.raised', '#FFFFFF') }}
    >
      <Heading level={level} id={ids.heading} style={{ fontSize: '12px', lineHeight: '16px', color: token('color.text.subtle', '#44546F') }}>
        {t.conv.headlineLabel}
      </Heading>
      <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: token('space.100', '8px'), rowGap: token('space.050', '4px'), margin: `${token('space.050', '4px')} 0` }}>
        <span data-testid="figure-overall-value" style={{ fontSize: '28px', lineHeight: '32px', fontWeight: 653, color: textColour(status) }}>
          {fmt.percent(ratio) ?? t.noValue}
        </span>
        <Lozenge appearance={lozengeOf(status)} testId="figure-overall-status">
          {status ? t.status[status] : t.status.none}
        </Lozenge>
        <span data-testid="figure-target" style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
          {t.conv.targetLine(target, t.basis[basis])}
        </span>
      </div>
      <p data-testid="headline-meaning" style={{ margin: `0 0 ${token('space.050', '4px')}`, fontSize: '14px', color: token('color.text', '#172B4D') }}>
        {t.conv.meaning(basis, perBoard, view.boards.length, total)}
      </p>
      <button type="button" className="gv-link" aria-expanded={open} aria-controls={ids.how} data-testid="how-calculated" onClick={() => setOpen((o) => !o)} style={{ fontSize: '12px', paddingLeft: 0 }}>
        {t.conv.howCalculated}
      </button>
      <div id={ids.how} hidden={!open} data-testid="how-calculated-text" style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F'), marginTop: token('space.050', '4px') }}>
        <ul style={{ margin: 0, paddingLeft: token('space.200', '16px') }}>
          {t.conv.explain(target, fmt.decimal(view.nearBand * 100), basis).map((line) => (
            <li key={line} style={{ marginTop: token('space.025', '2px') }}>
              {line}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
