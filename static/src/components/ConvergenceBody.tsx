/**
 * The convergence figures of a view, for a manager who has five seconds: one headline figure with
 * its meaning, one row per board (its running sprint in progress, its last closed sprint), then
 * the details: a chart per board and the sprint table, whose numbers open their issues in a modal.
 * Narrower than 500 px (a gadget in a three-column dashboard) the details fold away behind
 * "Details"; narrower than 600 px the table stacks each sprint's figures.
 */
import { useId, useMemo, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import { ConvergenceStyles, useWidth } from './a11y';
import { BoardHeadlines } from './BoardHeadlines';
import { ConvergenceChart } from './ConvergenceChart';
import { useDrill } from './DrillModal';
import { Figures } from './Figures';
import { runningSprints } from './sprints';
import { SprintTable } from './SprintTable';
import { Notice } from './states';
import { WarningsNote } from './WarningsNote';

export const COMPACT_BELOW = 500;
export const STACKED_BELOW = 600;

export function ConvergenceBody({ view, level = 2 }: { view: ConvergenceView; /** The level of the view's top headings. */ level?: number }) {
  const { t } = useShell();
  const [ref, width] = useWidth<HTMLDivElement>();
  const [expanded, setExpanded] = useState(false);
  const detailsId = useId();
  const drill = useDrill();
  const running = useMemo(() => runningSprints(view), [view]);
  // Board names label the sprints only when several boards share the table.
  const boardNames = useMemo(() => (view.boards.length > 1 ? new Map(view.boards.map((b) => [b.id, b.name])) : null), [view]);
  const compact = width < COMPACT_BELOW;
  const open = !compact || expanded;
  return (
    <div ref={ref} data-testid="convergence-body" data-compact={compact ? 'true' : 'false'} style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), minWidth: 0 }}>
      <ConvergenceStyles />
      {view.report.sprints.length === 0 ? (
        <Notice title={t.emptyTitle} body={t.emptyBody} />
      ) : (
        <>
          <Figures view={view} level={level} />
          <BoardHeadlines heads={view.boardHeadlines} boards={view.boards} sprints={view.report.sprints} basis={view.settings.basis} target={view.settings.target} level={level} />
          {compact && (
            <div>
              <button type="button" className="gv-link" aria-expanded={expanded} aria-controls={detailsId} data-testid="details-toggle" onClick={() => setExpanded((e) => !e)} style={{ fontWeight: 600, paddingLeft: 0 }}>
                <span aria-hidden="true" style={{ display: 'inline-block', width: '1em' }}>
                  {expanded ? '▾' : '▸'}
                </span>
                {t.conv.details}
              </button>
            </div>
          )}
          <div id={detailsId} data-testid="details" hidden={!open} style={{ display: open ? 'flex' : 'none', flexDirection: 'column', gap: token('space.300', '24px') }}>
            <ConvergenceChart sprints={view.report.sprints} boards={view.boards} basis={view.settings.basis} target={view.settings.target} running={running} level={level} />
            <SprintTable sprints={view.report.sprints} basis={view.settings.basis} boardNames={boardNames} running={running} narrow={width < STACKED_BELOW} level={level} onOpen={drill.open} />
          </div>
        </>
      )}
      <WarningsNote warnings={view.warnings} onOpen={drill.open} />
      {drill.fallback}
    </div>
  );
}
