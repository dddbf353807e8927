/**
 * Convergence per sprint as SVG bars against the target line: oldest sprint on the left, bar
 * colour by met / near / missed, the running sprint drawn hatched as provisional.
 */
import { token } from '@atlaskit/tokens';
import type { Basis, SprintConvergence } from '../../../src/shared/protocol';
import { percent } from '../format';
import { useShell } from '../shell';
import { barColour } from './status';

const W = 640;
const H = 240;
const PAD = { left: 40, right: 78, top: 18, bottom: 58 };

export const ratioOf = (s: SprintConvergence, basis: Basis): number | null => s.convergence[basis];

/** Oldest first, by the instant the sprint ended (now, for a running sprint). */
export function chronological(sprints: readonly SprintConvergence[]): SprintConvergence[] {
  return [...sprints].sort((a, b) => Date.parse(a.end) - Date.parse(b.end) || a.sprintId - b.sprintId);
}

function short(name: string, max: number): string {
  return name.length <= max ? name : `${name.slice(0, max - 1)}…`;
}

export function ConvergenceChart({ sprints, basis, target }: { sprints: readonly SprintConvergence[]; basis: Basis; target: number }) {
  const { t, lang } = useShell();
  const ordered = chronological(sprints);
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (ratio: number) => PAD.top + plotH * (1 - Math.max(0, Math.min(1, ratio)));
  const slot = plotW / Math.max(ordered.length, 1);
  const barW = Math.min(48, slot * 0.6);
  const subtle = token('color.text.subtlest', '#626F86');
  const grid = token('color.border', '#091E4224');
  const targetText = percent(target, lang) ?? '';
  // Names fit under their bar when there is room; otherwise they are slanted, like Jira's charts.
  const slanted = slot < 70;
  const maxLabel = slanted ? 16 : Math.max(4, Math.floor(slot / 6.5));

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      width="100%"
      role="img"
      aria-label={t.chartLabel(targetText)}
      data-testid="convergence-chart"
      style={{ display: 'block', maxHeight: 260 }}
    >
      <defs>
        <pattern id="provisional-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" style={{ fill: token('color.background.neutral', '#091E420F') }} />
          <line x1="0" y1="0" x2="0" y2="6" strokeWidth="3" style={{ stroke: token('color.border.bold', '#758195') }} />
        </pattern>
      </defs>
      {[0, 0.5, 1].map((g) => (
        <g key={g}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(g)} y2={y(g)} style={{ stroke: grid }} strokeWidth={1} />
          <text x={PAD.left - 6} y={y(g) + 4} textAnchor="end" fontSize={11} style={{ fill: subtle }}>
            {percent(g, lang)}
          </text>
        </g>
      ))}
      {ordered.map((s, i) => {
        const ratio = ratioOf(s, basis);
        const cx = PAD.left + slot * (i + 0.5);
        const top = ratio === null ? y(0) : y(ratio);
        const label = ratio === null ? t.noValue : (percent(ratio, lang) ?? t.noValue);
        return (
          <g key={`${s.boardId}-${s.sprintId}`} data-testid="chart-bar" data-sprint={s.name} data-value={ratio ?? ''}>
            <title>{`${s.name}: ${label}${s.provisional ? ` (${t.provisional})` : ''}`}</title>
            <rect
              x={cx - barW / 2}
              y={top}
              width={barW}
              height={Math.max(y(0) - top, ratio === null ? 0 : 1)}
              rx={2}
              style={{ fill: s.provisional ? 'url(#provisional-hatch)' : barColour(s.status), stroke: s.provisional ? barColour(s.status) : 'none', strokeWidth: 2 }}
            />
            <text x={cx} y={top - 5} textAnchor="middle" fontSize={11} fontWeight={600} style={{ fill: token('color.text', '#172B4D') }}>
              {label}
            </text>
            <text
              x={cx}
              y={H - PAD.bottom + 14}
              textAnchor={slanted ? 'end' : 'middle'}
              transform={slanted ? `rotate(-30 ${cx} ${H - PAD.bottom + 14})` : undefined}
              fontSize={11}
              fontStyle={s.provisional ? 'italic' : 'normal'}
              style={{ fill: subtle }}
            >
              {short(s.name, maxLabel)}
              {s.provisional ? '*' : ''}
            </text>
          </g>
        );
      })}
      <line
        data-testid="target-line"
        x1={PAD.left}
        x2={W - PAD.right}
        y1={y(target)}
        y2={y(target)}
        strokeDasharray="6 4"
        strokeWidth={2}
        style={{ stroke: token('color.border.accent.purple', '#8270DB') }}
      />
      <text x={W - PAD.right + 6} y={y(target) + 4} fontSize={11} fontWeight={600} style={{ fill: token('color.text.accent.purple', '#5E4DB2') }}>
        {`${t.chartLegendTarget} ${targetText}`}
      </text>
      {ordered.some((s) => s.provisional) && (
        <text x={W - PAD.right + 6} y={H - 6} fontSize={10} fontStyle="italic" style={{ fill: subtle }}>
          {`* ${t.provisional}`}
        </text>
      )}
    </svg>
  );
}
