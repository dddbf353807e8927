/** The team's sprint history: the convergence gadget's figures, chart, table and drill-down over the project's boards. */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { dateTime } from '../../format';
import { ConvergenceBody } from '../ConvergenceBody';
import { Loading, Notice } from '../states';
import { subtle, useGov } from './common';

export function ConvergenceTab() {
  const { t, g, lang, context } = useGov();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; view: ConvergenceView }>({ kind: 'loading' });
  const load = useCallback((refresh: boolean) => {
    setState({ kind: 'loading' });
    void api.projectConvergence(refresh).then((r) => setState(r.ok ? { kind: 'ready', view: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);
  if (state.kind === 'loading') return <Loading label={t.loading} />;
  if (state.kind === 'error') return <Notice appearance="error" title={t.errorTitle} body={state.error.message} action={{ label: t.tryAgain, onClick: () => load(true) }} />;
  const v = state.view;
  return (
    <div data-testid="convergence-tab" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: '12px', color: subtle }}>
        <span data-testid="as-of">
          {t.asOf(dateTime(v.computedAt, lang, context.timezone ?? undefined))}
          {v.fromCache ? ` (${t.fromCache})` : ''}
        </span>
        <Button spacing="compact" onClick={() => load(true)}>
          {g.refresh}
        </Button>
      </div>
      <ConvergenceBody view={v} />
    </div>
  );
}
