/**
 * Convergence per sprint, one small chart per board (small multiples: several boards' sprints are
 * never interleaved), oldest sprint on the left, against the target line. A bar's colour says met,
 * near or missed (the legend says which); a running sprint is drawn hatched as in progress, at the
 * share done so far. Values are not printed over the bars: they show on hover and on keyboard
 * focus (the arrow keys move between a board's sprints). Text is laid out in CSS pixels, never
 * scaled down with the chart.
 */
import { useId, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { token } from '@atlaskit/tokens';
import type { Basis, RunningSprintFigure, SprintConvergence } from '../../../src/shared/protocol';
import type { Format } from '../format';
import type { Messages } from '../i18n';
import { useShell } from '../shell';
import { Bubble, Heading, useHoverFocus } from './a11y';
import { chronological, ratioOf, shortLabels, sprintState, type SprintState } from './sprints';

const PLOT_H = 120;
const AXIS_W = 40;

const subtle = token('color.text.subtle', '#44546F');

/** Fill and outline of a bar or legend swatch; the outline keeps 3:1 against the surface. */
export function swatch(state: SprintState): CSSProperties {
  switch (state) {
    case 'met':
      return { background: token('color.background.success.bold', '#1F845A'), border: `1px solid ${token('color.text.success', '#216E4E')}` };
    case 'near':
      return { background: token('color.background.warning.bold', '#E2B203'), border: `1px solid ${token('color.text.warning', '#A54800')}` };
    case 'missed':
      return { background: token('color.background.danger.bold', '#C9372C'), border: `1px solid ${token('color.text.danger', '#AE2E24')}` };
    case 'running':
      return {
        background: `repeating-linear-gradient(135deg, ${token('color.background.information.bold', '#1D7AFC')} 0 3px, ${token('color.background.information', '#E9F2FF')} 3px 6px)`,
        border: `1px solid ${token('color.text.information', '#0055CC')}`,
      };
    default:
      return { background: token('color.background.neutral', '#091E420F'), border: `1px solid ${token('color.border.bold', '#758195')}` };
  }
}

/** One sentence a screen reader (and the hover bubble) says about a sprint. */
export function sprintSentence(s: SprintConvergence, basis: Basis, t: Messages, fmt: Format, running: RunningSprintFigure | undefined): string {
  const ratio = ratioOf(s, basis);
  const pct = fmt.percent(ratio) ?? t.noValue;
  const state = sprintState(s, basis);
  const name = s.shared ? `${s.name} (${t.conv.sharedMark})` : s.name;
  const dates = `${fmt.shortDate(s.start)} – ${fmt.shortDate(s.end)}`;
  const counts = t.conv.ofCommitted(basis === 'points' ? s.completedCommitted.points : s.completedCommitted.count, basis === 'points' ? s.committed.points : s.committed.count);
  if (state === 'running') {
    const left = running?.daysLeft != null ? `, ${t.conv.daysLeft(running.daysLeft)}` : '';
    return `${name}: ${t.conv.inProgress}, ${t.conv.doneSoFar(pct)}${left}. ${counts}. ${dates}`;
  }
  return `${name}: ${pct}, ${t.conv.legend[state]}. ${counts}. ${dates}`;
}

export function ChartLegend({ target }: { target: number }) {
  const { t, fmt } = useShell();
  const items: { key: string; label: string; mark: CSSProperties }[] = [
    ...(['met', 'near', 'missed', 'running'] as const).map((k) => ({ key: k, label: t.conv.legend[k], mark: { width: 12, height: 12, borderRadius: 2, ...swatch(k) } })),
    { key: 'target', label: t.conv.legend.target(fmt.percent(target) ?? ''), mark: { width: 16, height: 0, borderTop: `2px dashed ${token('color.border.accent.purple', '#8270DB')}` } },
  ];
  return (
    <ul data-testid="chart-legend" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: token('space.150', '12px'), rowGap: token('space.050', '4px'), fontSize: '12px', color: subtle }}>
      {items.map((i) => (
        <li key={i.key} data-legend={i.key} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050', '4px') }}>
          <span aria-hidden="true" style={{ display: 'inline-block', flex: 'none', ...i.mark }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

function BoardChart({ board, sprints, basis, target, running, level, hintId }: {
  board: string | null;
  sprints: readonly SprintConvergence[];
  basis: Basis;
  target: number;
  running: ReadonlyMap<number, RunningSprintFigure>;
  level: number;
  hintId: string;
}) {
  const { t, lang, fmt } = useShell();
  const ordered = chronological(sprints);
  const { prefix, labels } = shortLabels(ordered.map((s) => s.name));
  const [active, setActive] = useState(ordered.length - 1);
  const [tip, setTip] = useState<number | null>(null);
  const bars = useRef<(HTMLDivElement | null)[]>([]);
  const hover = useHoverFocus();
  const targetText = fmt.percent(target) ?? '';
  const y = (r: number) => Math.max(0, Math.min(1, r)) * PLOT_H;

  const move = (e: KeyboardEvent, i: number) => {
    const to = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? i + 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? ordered.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const next = Math.max(0, Math.min(ordered.length - 1, to));
    setActive(next);
    bars.current[next]?.focus();
  };
  const tipSprint = tip === null ? undefined : ordered[tip];

  return (
    <figure data-testid="chart-board" data-board={board ?? ''} style={{ margin: 0, minWidth: 0 }}>
      {board !== null && (
        <Heading level={level} style={{ fontSize: '12px', lineHeight: '16px' }}>
          {board}
        </Heading>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: `${AXIS_W}px 1fr`, marginTop: token('space.100', '8px') }}>
        <div aria-hidden="true" style={{ position: 'relative', height: PLOT_H, fontSize: '11px', lineHeight: '12px', color: subtle }}>
          {[1, 0.5, 0].map((g) => (
            <span key={g} style={{ position: 'absolute', right: 6, bottom: y(g) - 6 }}>
              {fmt.percent(g)}
            </span>
          ))}
        </div>
        <div
          role="group"
          aria-label={t.conv.chartGroup(board ?? (prefix.trim() || t.conv.chartHeading), targetText)}
          aria-describedby={hintId}
          style={{ position: 'relative', height: PLOT_H, display: 'flex', alignItems: 'flex-end', borderBottom: `1px solid ${token('color.border.bold', '#758195')}` }}
        >
          {[1, 0.5].map((g) => (
            <div key={g} aria-hidden="true" style={{ position: 'absolute', left: 0, right: 0, bottom: y(g), borderTop: `1px solid ${token('color.border', '#091E4224')}` }} />
          ))}
          <div data-testid="target-line" aria-hidden="true" style={{ position: 'absolute', left: 0, right: 0, bottom: y(target), borderTop: `2px dashed ${token('color.border.accent.purple', '#8270DB')}`, zIndex: 1, pointerEvents: 'none' }} />
          {ordered.map((s, i) => {
            const ratio = ratioOf(s, basis);
            const state = sprintState(s, basis);
            return (
              <div key={`${s.boardId}-${s.sprintId}`} style={{ flex: '1 1 0', minWidth: 0, height: '100%', display: 'flex', alignItems: 'flex-end', justifyContent: 'center' }}>
                <div
                  ref={(el) => {
                    bars.current[i] = el;
                  }}
                  role="img"
                  tabIndex={i === active ? 0 : -1}
                  className="gv-focus"
                  aria-label={sprintSentence(s, basis, t, fmt, running.get(s.sprintId))}
                  data-testid="chart-bar"
                  data-sprint={s.name}
                  data-value={ratio ?? ''}
                  data-state={state}
                  onMouseEnter={() => {
                    setTip(i);
                    hover.show();
                  }}
                  onMouseLeave={hover.hideSoon}
                  onFocus={() => {
                    setActive(i);
                    setTip(i);
                    hover.show();
                  }}
                  onBlur={hover.hide}
                  onKeyDown={(e) => move(e, i)}
                  style={{
                    width: 'min(32px, 70%)',
                    height: ratio === null ? 4 : Math.max(3, y(ratio)),
                    borderRadius: '2px 2px 0 0',
                    boxSizing: 'border-box',
                    cursor: 'default',
                    ...swatch(state),
                  }}
                />
              </div>
            );
          })}
        </div>
        <span />
        <div aria-hidden="true" style={{ display: 'flex', paddingTop: token('space.050', '4px') }}>
          {ordered.map((s, i) => (
            <span
              key={`${s.boardId}-${s.sprintId}`}
              data-testid="chart-label"
              className="gv-ellipsis"
              style={{ flex: '1 1 0', textAlign: 'center', fontSize: '12px', lineHeight: '16px', color: subtle, fontStyle: s.state === 'active' ? 'italic' : 'normal', padding: '0 1px' }}
            >
              {labels[i]}
            </span>
          ))}
        </div>
      </div>
      {prefix !== '' && (
        <figcaption data-testid="chart-prefix" style={{ fontSize: '12px', color: subtle, marginTop: token('space.025', '2px'), paddingLeft: AXIS_W }}>
          {t.conv.namesStartWith(prefix)}
        </figcaption>
      )}
      <Bubble anchor={tip === null ? null : (bars.current[tip] ?? null)} visible={hover.open && tipSprint !== undefined} place="above" hidden onEnter={hover.show} onLeave={hover.hideSoon} testId="chart-tip">
        {tipSprint ? sprintSentence(tipSprint, basis, t, fmt, running.get(tipSprint.sprintId)) : ''}
      </Bubble>
    </figure>
  );
}

export function ConvergenceChart({ sprints, boards, basis, target, running, level }: {
  sprints: readonly SprintConvergence[];
  boards: readonly { id: number; name: string }[];
  basis: Basis;
  target: number;
  running: ReadonlyMap<number, RunningSprintFigure>;
  level: number;
}) {
  const { t } = useShell();
  const ids = { heading: useId(), hint: useId() };
  const several = boards.length > 1;
  const panels = boards.map((b) => ({ board: b, sprints: sprints.filter((s) => s.boardId === b.id) })).filter((p) => p.sprints.length > 0);
  return (
    <section aria-labelledby={ids.heading} data-testid="convergence-chart" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <Heading level={level} id={ids.heading}>
        {t.conv.chartHeading}
      </Heading>
      <ChartLegend target={target} />
      <span id={ids.hint} className="gv-sr">
        {t.conv.chartKeys}
      </span>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: `${token('space.200', '16px')} ${token('space.300', '24px')}` }}>
        {panels.map((p) => (
          <BoardChart key={p.board.id} board={several ? p.board.name : null} sprints={p.sprints} basis={basis} target={target} running={running} level={level + 1} hintId={ids.hint} />
        ))}
      </div>
    </section>
  );
}
