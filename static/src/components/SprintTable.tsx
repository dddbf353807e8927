/**
 * One row per sprint, newest first: convergence and the sets behind it; every number opens the
 * list of its issues. Wide, a table whose headers each explain themselves; narrow (a gadget in a
 * three-column dashboard), the same figures stacked per sprint, so no column is ever cut. A sprint
 * name stays on one line, with an ellipsis and its whole name on hover or focus.
 */
import type { MouseEvent } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Basis, IssueSet, RunningSprintFigure, SprintConvergence } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import { Heading, InfoTip, Truncated } from './a11y';
import type { DrillTarget } from './DrillDown';
import { sprintState } from './sprints';
import { lozengeOf } from './status';

export const SET_COLUMNS = ['committed', 'completedCommitted', 'added', 'removed', 'notCompleted'] as const;
export type SetColumn = (typeof SET_COLUMNS)[number];

/** Opens a set's issues; `from` is the control to give focus back to when the list closes. */
export type OpenDrill = (target: DrillTarget, from: HTMLElement) => void;

const subtle = token('color.text.subtle', '#44546F');
const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'right' as const, verticalAlign: 'top' as const };
const head = { ...cell, fontWeight: 600, color: subtle, fontSize: '12px', verticalAlign: 'bottom' as const, whiteSpace: 'nowrap' as const };

function CountButton({ set, label, basis, onOpen }: { set: IssueSet; label: string; basis: Basis; onOpen: (e: MouseEvent<HTMLButtonElement>) => void }) {
  const { t, fmt } = useShell();
  return (
    <button type="button" className="gv-link" onClick={onOpen} aria-label={label} data-testid="set-count">
      {set.count}
      {basis === 'points' && <span style={{ color: subtle }}> · {t.points(fmt.decimal(set.points))}</span>}
    </button>
  );
}

function Convergence({ s, basis, running }: { s: SprintConvergence; basis: Basis; running: RunningSprintFigure | undefined }) {
  const { t, fmt } = useShell();
  const ratio = s.convergence[basis];
  const state = sprintState(s, basis);
  if (state === 'running') {
    return (
      <span data-state="running" style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-end', gap: 2 }}>
        <Lozenge appearance="inprogress">{t.conv.soFar(fmt.percent(ratio) ?? t.noValue)}</Lozenge>
        {running?.daysLeft != null && <span style={{ fontSize: '12px', color: subtle, whiteSpace: 'nowrap' }}>{t.conv.daysLeft(running.daysLeft)}</span>}
      </span>
    );
  }
  if (ratio === null) return <span data-state="none">{t.noValue}</span>;
  return (
    <span data-state={state} title={s.status ? t.status[s.status] : undefined}>
      <Lozenge appearance={lozengeOf(s.status)}>{fmt.percent(ratio)}</Lozenge>
      <span className="gv-sr">{s.status ? `, ${t.status[s.status]}` : ''}</span>
    </span>
  );
}

function SprintName({ s, board }: { s: SprintConvergence; board: string | null }) {
  const { t, lang, fmt } = useShell();
  return (
    <div style={{ minWidth: 0 }}>
      <Truncated text={s.name} testId="sprint-name" style={{ fontWeight: 600, color: token('color.text', '#172B4D') }} />
      <div style={{ fontSize: '12px', color: subtle, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: token('space.050', '4px') }}>
        <span>
          {board ? `${board} · ` : ''}
          {fmt.shortDate(s.start)} – {fmt.shortDate(s.end)}
        </span>
        {s.shared && (
          <span title={t.sharedHint} data-testid="shared">
            <Lozenge appearance="default">{t.shared}</Lozenge>
          </span>
        )}
        {s.provisional && (
          <span data-testid="provisional" className="gv-sr">
            {t.provisionalHint}
          </span>
        )}
      </div>
    </div>
  );
}

function Moved({ s, onOpen }: { s: SprintConvergence; onOpen: OpenDrill }) {
  const { t } = useShell();
  if (s.movedToNextSprint.count === 0) return null;
  return (
    <div style={{ fontSize: '12px' }}>
      <button
        type="button"
        className="gv-link"
        data-testid="moved-to-next"
        onClick={(e) => onOpen({ title: t.drillTitle(t.movedToNext(s.movedToNextSprint.count), s.name), keys: s.movedToNextSprint.issues }, e.currentTarget)}
        style={{ paddingRight: 0, whiteSpace: 'nowrap' }}
      >
        {t.movedToNext(s.movedToNextSprint.count)}
      </button>
    </div>
  );
}

export function SprintTable({ sprints, basis, boardNames, running, narrow, level, onOpen }: {
  sprints: readonly SprintConvergence[];
  basis: Basis;
  boardNames: ReadonlyMap<number, string> | null;
  running: ReadonlyMap<number, RunningSprintFigure>;
  /** Stack each sprint's figures instead of a column per figure. */
  narrow: boolean;
  level: number;
  onOpen: OpenDrill;
}) {
  const { t } = useShell();
  const title = (c: SetColumn) => t.table[c];
  const board = (s: SprintConvergence) => (boardNames ? (boardNames.get(s.boardId) ?? String(s.boardId)) : null);
  const count = (s: SprintConvergence, c: SetColumn) => (
    <CountButton set={s[c]} basis={basis} label={t.openList(title(c), s.name, s[c].count)} onOpen={(e) => onOpen({ title: t.drillTitle(title(c), s.name), keys: s[c].issues }, e.currentTarget)} />
  );

  return (
    <section aria-label={t.conv.sprintsHeading} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <Heading level={level}>{t.conv.sprintsHeading}</Heading>
      {narrow ? (
        <>
          <div data-testid="count-definitions" style={{ fontSize: '12px', color: subtle, display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: token('space.150', '12px'), rowGap: token('space.050', '4px') }}>
            <span>{t.conv.countsHeading}:</span>
            {(['convergence', ...SET_COLUMNS] as const).map((c) => (
              <span key={c} style={{ display: 'inline-flex', alignItems: 'center' }}>
                {t.table[c]}
                <InfoTip label={t.conv.about(t.table[c])} text={t.conv.tips[c]} testId={`tip-${c}`} />
              </span>
            ))}
          </div>
          <ul data-testid="sprint-table" data-layout="stacked" aria-label={t.conv.sprintsHeading} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {sprints.map((s) => (
              <li key={`${s.boardId}-${s.sprintId}`} data-testid="sprint-row" data-sprint={s.name} style={{ padding: `${token('space.100', '8px')} 0`, borderBottom: `1px solid ${token('color.border', '#091E4224')}` }}>
                <div style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.100', '8px') }}>
                  <div style={{ flex: '1 1 auto', minWidth: 0 }}>
                    <SprintName s={s} board={board(s)} />
                  </div>
                  <div data-testid="sprint-convergence" style={{ flex: 'none' }}>
                    <Convergence s={s} basis={basis} running={running.get(s.sprintId)} />
                  </div>
                </div>
                <dl style={{ margin: `${token('space.050', '4px')} 0 0`, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(160px, 1fr))', columnGap: token('space.200', '16px'), rowGap: token('space.025', '2px'), fontSize: '12px', lineHeight: '20px' }}>
                  {SET_COLUMNS.map((c) => (
                    <div key={c} style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', flexWrap: 'wrap', columnGap: token('space.100', '8px'), minWidth: 0 }}>
                      <dt style={{ color: subtle }}>{title(c)}</dt>
                      <dd style={{ margin: 0, fontSize: '14px', textAlign: 'right' }}>
                        <span data-column={c}>{count(s, c)}</span>
                        {c === 'notCompleted' && <Moved s={s} onOpen={onOpen} />}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid="sprint-table" data-layout="table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px', tableLayout: 'auto' }}>
            <thead>
              <tr>
                <th scope="col" style={{ ...head, textAlign: 'left' }}>
                  {t.table.sprint}
                  <InfoTip label={t.conv.about(t.table.sprint)} text={t.conv.tips.sprint} testId="tip-sprint" />
                </th>
                <th scope="col" style={head}>
                  {t.table.convergence}
                  <InfoTip label={t.conv.about(t.table.convergence)} text={t.conv.tips.convergence} testId="tip-convergence" />
                </th>
                {SET_COLUMNS.map((c) => (
                  <th key={c} scope="col" style={head}>
                    {title(c)}
                    <InfoTip label={t.conv.about(title(c))} text={t.conv.tips[c]} testId={`tip-${c}`} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sprints.map((s) => (
                <tr key={`${s.boardId}-${s.sprintId}`} data-testid="sprint-row" data-sprint={s.name}>
                  <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400, maxWidth: 260 }}>
                    <SprintName s={s} board={board(s)} />
                  </th>
                  <td style={cell} data-testid="sprint-convergence">
                    <Convergence s={s} basis={basis} running={running.get(s.sprintId)} />
                  </td>
                  {SET_COLUMNS.map((c) => (
                    <td key={c} style={cell}>
                      <span data-column={c}>{count(s, c)}</span>
                      {c === 'notCompleted' && <Moved s={s} onOpen={onOpen} />}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
