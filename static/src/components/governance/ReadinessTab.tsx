/** The next sprint's backlog with each issue's Definition of Ready state (the Readiness panel's property). */
import { useEffect, useState } from 'react';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { ReadinessData, ReadinessState, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { Loading, ErrorNotice, Notice } from '../states';
import { border, IssueLink, Section, subtle, subtlest, useGov } from './common';

const APPEARANCE: Record<ReadinessState, 'success' | 'removed' | 'default' | 'moved' | 'inprogress'> = {
  ready: 'success',
  notReady: 'removed',
  notStarted: 'default',
  notApplicable: 'inprogress',
  unreadable: 'moved',
};

const categoryLozenge = (c: string) => (c === 'done' ? 'success' : c === 'indeterminate' ? 'inprogress' : 'default');

export function ReadinessTab() {
  const { g, t, fmt } = useGov();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: ReadinessData }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void api.projectReadiness().then((r) => live && setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error }));
    return () => {
      live = false;
    };
  }, [attempt]);
  if (state.kind === 'loading') return <Loading label={t.drillLoading} />;
  if (state.kind === 'error') return <ErrorNotice title={g.errorTitle} error={state.error} action={{ label: g.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  const { data } = state;
  if (!data.sprint) return <Notice title={g.noNextSprint} body={g.noNextSprintBody} />;
  const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${border}`, textAlign: 'left' as const };
  const head = { ...cell, fontWeight: 600, color: subtle, fontSize: '12px' };
  const total = data.rows.length;
  return (
    <div data-testid="readiness-tab" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
      <Section title={g.nextSprint(data.sprint.name, data.sprint.boardName)} testId="next-sprint">
        <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap', alignItems: 'center', fontSize: '12px', color: subtle }}>
          {data.sprint.startDate && <span>{fmt.shortDate(data.sprint.startDate)}</span>}
          <span data-testid="ready-count" style={{ fontWeight: 600 }}>
            {g.readyCount(data.counts.ready + data.counts.notApplicable, total)}
          </span>
          {(Object.keys(data.counts) as ReadinessState[])
            .filter((s) => data.counts[s] > 0)
            .map((s) => (
              <Lozenge key={s} appearance={APPEARANCE[s]}>{`${g.readinessState[s]}: ${data.counts[s]}`}</Lozenge>
            ))}
        </div>
        {total === 0 ? (
          <p>{g.emptySprint}</p>
        ) : (
          <div style={{ overflowX: 'auto' }}>
            <table data-testid="readiness-table" style={{ width: '100%', borderCollapse: 'collapse', fontSize: '14px' }}>
              <thead>
                <tr>
                  <th style={head}>{g.issueColumn}</th>
                  <th style={head}>{g.summaryColumn}</th>
                  <th style={head}>{g.typeColumn}</th>
                  <th style={head}>{g.statusColumn}</th>
                  <th style={head}>{g.assigneeColumn}</th>
                  <th style={head}>{g.dorColumn}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.key} data-testid="readiness-row" data-state={r.state}>
                    <td style={cell}>
                      <IssueLink issueKey={r.key} />
                    </td>
                    <td style={cell}>{r.summary ?? ''}</td>
                    <td style={{ ...cell, color: subtle }}>{r.type}</td>
                    <td style={cell}>
                      <Lozenge appearance={categoryLozenge(r.statusCategory)}>{r.status}</Lozenge>
                    </td>
                    <td style={{ ...cell, color: r.assigneeName ? undefined : subtlest }}>{r.assigneeName ?? g.unassigned}</td>
                    <td style={cell}>
                      <Lozenge appearance={APPEARANCE[r.state]}>{g.readinessState[r.state]}</Lozenge>
                      {r.state === 'notReady' && r.openRequired !== null && <div style={{ fontSize: '12px', color: subtle }}>{`${r.progress ?? 0}% · ${g.openRequired(r.openRequired)}`}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </div>
  );
}
