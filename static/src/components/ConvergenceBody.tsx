/** The convergence figures of a view: current and overall figures, chart, sprint table and its drill-down. */
import { useMemo, useState } from 'react';
import type { ConvergenceView } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import { ConvergenceChart } from './ConvergenceChart';
import { DrillDown, type DrillTarget } from './DrillDown';
import { Figures } from './Figures';
import { SprintTable } from './SprintTable';
import { Notice } from './states';
import { WarningsNote } from './WarningsNote';

export function ConvergenceBody({ view }: { view: ConvergenceView }) {
  const { t } = useShell();
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  // Board names label the sprints only when several boards share the table.
  const boardNames = useMemo(() => (view.boards.length > 1 ? new Map(view.boards.map((b) => [b.id, b.name])) : null), [view]);
  return (
    <>
      {view.report.sprints.length === 0 ? (
        <Notice title={t.emptyTitle} body={t.emptyBody} />
      ) : (
        <>
          <Figures view={view} />
          <ConvergenceChart sprints={view.report.sprints} basis={view.settings.basis} target={view.settings.target} />
          <SprintTable sprints={view.report.sprints} basis={view.settings.basis} boardNames={boardNames} onOpen={setDrill} />
        </>
      )}
      <WarningsNote warnings={view.warnings} onOpen={setDrill} />
      <DrillDown target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
