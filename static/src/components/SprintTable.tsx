/**
 * One row per sprint, newest first: convergence and the sets behind it. Every number opens the
 * list of its issues.
 */
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Basis, IssueSet, SprintConvergence } from '../../../src/shared/protocol';
import { decimal, percent, shortDate } from '../format';
import type { Messages } from '../i18n';
import { useShell } from '../shell';
import type { DrillTarget } from './DrillDown';
import { lozengeOf } from './status';

export const SET_COLUMNS = ['committed', 'completedCommitted', 'added', 'removed', 'notCompleted'] as const;
export type SetColumn = (typeof SET_COLUMNS)[number];

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, textAlign: 'right' as const };
const head = { ...cell, fontWeight: 600, color: token('color.text.subtle', '#44546F'), fontSize: '12px', verticalAlign: 'bottom' as const };

function CountButton({ set, label, basis, onOpen }: { set: IssueSet; label: string; basis: Basis; onOpen: () => void }) {
  const { t, lang } = useShell();
  return (
    <button
      type="button"
      onClick={onOpen}
      aria-label={label}
      data-testid="set-count"
      style={{
        background: 'none',
        border: 'none',
        padding: `0 ${token('space.050', '4px')}`,
        cursor: 'pointer',
        color: token('color.link', '#0C66E4'),
        font: 'inherit',
        textDecoration: 'underline',
        textUnderlineOffset: '2px',
      }}
    >
      {set.count}
      {basis === 'points' && <span style={{ color: token('color.text.subtlest', '#626F86'), textDecoration: 'none' }}> · {t.points(decimal(set.points, lang))}</span>}
    </button>
  );
}

export function SprintTable({ sprints, basis, boardNames, onOpen }: {
  sprints: readonly SprintConvergence[];
  basis: Basis;
  boardNames: ReadonlyMap<number, string> | null;
  onOpen: (target: DrillTarget) => void;
}) {
  const { t, lang, context } = useShell();
  const tz = context.timezone ?? undefined;
  const title = (m: Messages, c: SetColumn) => m.table[c];
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="sprint-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
        <thead>
          <tr>
            <th style={{ ...head, textAlign: 'left' }}>{t.table.sprint}</th>
            <th style={head}>{t.table.convergence}</th>
            {SET_COLUMNS.map((c) => (
              <th key={c} style={head} title={c === 'notCompleted' ? t.notCompletedHint : undefined}>
                {title(t, c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sprints.map((s) => {
            const ratio = s.convergence[basis];
            return (
              <tr key={`${s.boardId}-${s.sprintId}`} data-testid="sprint-row" data-sprint={s.name}>
                <td style={{ ...cell, textAlign: 'left' }}>
                  <div style={{ fontWeight: 600, color: token('color.text', '#172B4D') }}>
                    {s.name}{' '}
                    {s.shared && (
                      <span title={t.sharedHint} data-testid="shared">
                        <Lozenge appearance="default">{t.shared}</Lozenge>
                      </span>
                    )}{' '}
                    {s.provisional && (
                      <span title={t.provisionalHint} data-testid="provisional">
                        <Lozenge appearance="inprogress">{t.provisional}</Lozenge>
                      </span>
                    )}
                  </div>
                  <div style={{ fontSize: '12px', color: token('color.text.subtlest', '#626F86') }}>
                    {boardNames ? `${boardNames.get(s.boardId) ?? s.boardId} · ` : ''}
                    {shortDate(s.start, lang, tz)} – {shortDate(s.end, lang, tz)}
                  </div>
                </td>
                <td style={cell} data-testid="sprint-convergence">
                  {ratio === null ? t.noValue : <Lozenge appearance={lozengeOf(s.status)}>{percent(ratio, lang)}</Lozenge>}
                </td>
                {SET_COLUMNS.map((c) => (
                  <td key={c} style={cell} data-column={c}>
                    <CountButton
                      set={s[c]}
                      basis={basis}
                      label={t.openList(title(t, c), s.name, s[c].count)}
                      onOpen={() => onOpen({ title: t.drillTitle(title(t, c), s.name), keys: s[c].issues })}
                    />
                    {c === 'notCompleted' && s.movedToNextSprint.count > 0 && (
                      <div style={{ fontSize: '12px' }}>
                        <button
                          type="button"
                          data-testid="moved-to-next"
                          onClick={() => onOpen({ title: t.drillTitle(t.movedToNext(s.movedToNextSprint.count), s.name), keys: s.movedToNextSprint.issues })}
                          style={{ background: 'none', border: 'none', padding: 0, cursor: 'pointer', color: token('color.link', '#0C66E4'), font: 'inherit', textDecoration: 'underline' }}
                        >
                          {t.movedToNext(s.movedToNextSprint.count)}
                        </button>
                      </div>
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
