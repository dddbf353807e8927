/** The issue's Hygiene panel: the rules the issue breaks, each with its one-line fix; a short note when clean. */
import { useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { IssueHygieneData, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { onIssueChanged } from '../../bridge';
import { Loading, Notice } from '../states';
import { border, SeverityLozenge, subtle, useGov } from './common';

export function HygienePanel() {
  const { g, lang } = useGov();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: IssueHygieneData }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void api.issueHygiene().then((r) => live && setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error }));
    return () => {
      live = false;
    };
  }, [attempt]);
  useEffect(() => onIssueChanged(() => setAttempt((n) => n + 1)), []);
  if (state.kind === 'loading') return <Loading label={g.panelLoading} />;
  if (state.kind === 'error') return <Notice appearance="error" title={g.errorTitle} body={state.error.message} action={{ label: g.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  const { violations } = state.data;
  if (violations.length === 0) {
    return (
      <p data-testid="hygiene-clean" style={{ margin: 0, padding: token('space.100', '8px'), color: subtle }}>
        {g.panelClean}
      </p>
    );
  }
  return (
    <div data-testid="hygiene-panel" style={{ padding: token('space.100', '8px'), color: token('color.text', '#172B4D') }}>
      <div style={{ fontWeight: 600, marginBottom: token('space.100', '8px') }}>{g.panelBreaks(violations.length)}</div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {violations.map((v) => (
          <li key={v.id} data-testid="hygiene-violation" data-rule={v.id} style={{ padding: `${token('space.100', '8px')} 0`, borderTop: `1px solid ${border}` }}>
            <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
              <SeverityLozenge severity={v.severity} />
              <span style={{ fontWeight: 600 }}>{g.rule[v.id]}</span>
            </div>
            <div style={{ fontSize: '13px', color: subtle, marginTop: token('space.050', '4px') }}>
              <span style={{ fontWeight: 600 }}>{g.howToFix}: </span>
              {v.fix[lang]}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
