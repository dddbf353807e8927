/**
 * One row per board, never blended: its running sprint (in progress, the share done so far and
 * the days left, not judged while it runs), its last closed sprint against the target, its closed
 * sprints as one figure, and a sparkline of its sprints.
 */
import { useId } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Basis, BoardHeadline, SprintConvergence } from '../../../src/shared/protocol';
import { useShell } from '../shell';
import { Heading } from './a11y';
import { chronological, ratioOf, sprintState } from './sprints';
import { lozengeOf, textColour } from './status';

const subtle = token('color.text.subtle', '#44546F');
const W = 96;
const H = 28;

const dotColour = (state: ReturnType<typeof sprintState>) =>
  state === 'met'
    ? token('color.icon.success', '#22A06B')
    : state === 'near'
      ? token('color.icon.warning', '#D97008')
      : state === 'missed'
        ? token('color.icon.danger', '#C9372C')
        : token('color.icon.information', '#1D7AFC');

/** The board's sprints, oldest first, as a line with one dot per sprint against the target. */
export function Sparkline({ board, sprints, basis, target }: { board: string; sprints: readonly SprintConvergence[]; basis: Basis; target: number }) {
  const { t, fmt } = useShell();
  const ordered = chronological(sprints);
  const step = ordered.length > 1 ? (W - 8) / (ordered.length - 1) : 0;
  const x = (i: number) => 4 + i * step;
  const y = (r: number) => 3 + (H - 6) * (1 - Math.max(0, Math.min(1, r)));
  const points = ordered.map((s, i) => ({ s, i, r: ratioOf(s, basis) })).filter((p): p is { s: SprintConvergence; i: number; r: number } => p.r !== null);
  const values = ordered
    .map((s) => {
      const v = fmt.percent(ratioOf(s, basis)) ?? t.noValue;
      return s.state === 'active' ? t.conv.soFar(v) : v;
    })
    .join(', ');
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t.conv.sparkLabel(board, values)} data-testid="sparkline" style={{ flex: 'none', display: 'block' }}>
      <line x1={0} x2={W} y1={y(target)} y2={y(target)} strokeDasharray="3 2" strokeWidth={1} style={{ stroke: token('color.border.accent.purple', '#8270DB') }} />
      <polyline points={points.map((p) => `${x(p.i)},${y(p.r)}`).join(' ')} fill="none" strokeWidth={1.5} style={{ stroke: token('color.border.bold', '#758195') }} />
      {points.map((p) => {
        const state = sprintState(p.s, basis);
        return state === 'running' ? (
          <circle key={p.s.sprintId} cx={x(p.i)} cy={y(p.r)} r={3} strokeWidth={1.5} style={{ fill: token('elevation.surface', '#FFFFFF'), stroke: dotColour(state) }} />
        ) : (
          <circle key={p.s.sprintId} cx={x(p.i)} cy={y(p.r)} r={2.5} style={{ fill: dotColour(state) }} />
        );
      })}
    </svg>
  );
}

export function BoardHeadlines({ heads, boards, sprints, basis, target, level }: {
  heads: readonly BoardHeadline[];
  boards: readonly { id: number; name: string }[];
  sprints: readonly SprintConvergence[];
  basis: Basis;
  target: number;
  level: number;
}) {
  const { t, fmt } = useShell();
  const headingId = useId();
  const nameOf = new Map(boards.map((b) => [b.id, b.name]));
  const line = { fontSize: '12px', lineHeight: '20px', color: subtle, display: 'flex', flexWrap: 'wrap' as const, alignItems: 'center', columnGap: token('space.050', '4px') };
  return (
    <section aria-labelledby={headingId} data-testid="board-headlines">
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: token('space.100', '8px') }}>
        <Heading level={level} id={headingId}>
          {t.conv.byBoard}
        </Heading>
        <span aria-hidden="true" data-testid="board-closed-caption" style={{ fontSize: '12px', color: subtle, textAlign: 'right' }}>
          {t.conv.closedColumn(Math.max(0, ...heads.map((h) => h.closed.sprints)))}
        </span>
      </div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {heads.map((h) => {
          const name = nameOf.get(h.boardId) ?? String(h.boardId);
          const closed = fmt.percent(h.closed.convergence);
          return (
            <li key={h.boardId} data-testid="board-headline" data-board-id={h.boardId} style={{ padding: `${token('space.100', '8px')} 0`, borderBottom: `1px solid ${token('color.border', '#091E4224')}` }}>
              <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px') }}>
                <span style={{ fontWeight: 600, flex: '1 1 auto', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{name}</span>
                <Sparkline board={name} sprints={sprints.filter((s) => s.boardId === h.boardId)} basis={basis} target={target} />
                <span data-testid="board-closed" data-status={h.closed.status ?? 'none'} style={{ flex: 'none', textAlign: 'right', minWidth: 56 }}>
                  <span style={{ fontWeight: 653, color: textColour(h.closed.status) }}>{closed ?? t.noValue}</span>
                  <span className="gv-sr">{`, ${t.conv.closedOverall(h.closed.sprints)}, ${h.closed.status ? t.status[h.closed.status] : t.status.none}`}</span>
                </span>
              </div>
              {h.running.length === 0 ? (
                <div style={line} data-testid="board-running" data-state="none">
                  <span style={{ fontWeight: 600 }}>{t.conv.now}:</span> {t.conv.noRunning}
                </div>
              ) : (
                h.running.map((r) => (
                  <div key={r.sprintId} style={line} data-testid="board-running" data-state="running" data-sprint={r.name}>
                    <span style={{ fontWeight: 600 }}>{t.conv.now}:</span>
                    <span style={{ color: token('color.text', '#172B4D') }}>{r.name}</span>
                    <Lozenge appearance="inprogress">{t.conv.inProgress}</Lozenge>
                    <span data-testid="board-running-figure">
                      {t.conv.doneSoFar(fmt.percent(r.doneSoFar) ?? t.noValue)}
                      {r.daysLeft !== null ? ` · ${t.conv.daysLeft(r.daysLeft)}` : ''}
                    </span>
                  </div>
                ))
              )}
              <div style={line} data-testid="board-last" data-status={h.last?.status ?? 'none'} data-sprint={h.last?.name ?? ''}>
                <span style={{ fontWeight: 600 }}>{t.conv.last}:</span>
                {h.last ? (
                  <>
                    <span style={{ color: token('color.text', '#172B4D') }}>{h.last.name}</span>
                    <span data-testid="board-last-value" style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>
                      {fmt.percent(h.last.convergence) ?? t.noValue}
                    </span>
                    <Lozenge appearance={lozengeOf(h.last.status)}>{h.last.status ? t.status[h.last.status] : t.status.none}</Lozenge>
                  </>
                ) : (
                  t.conv.noLast
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
