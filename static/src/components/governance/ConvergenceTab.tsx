/** The team's sprint history: the convergence gadget's figures, chart, table and drill-down over the project's boards. */
import { useCallback, useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { ConvergenceBody } from '../ConvergenceBody';
import { FirstSync, FreshnessBar, useSyncPolling } from '../Freshness';
import { Loading, ErrorNotice } from '../states';
import { useGov } from './common';

export function ConvergenceTab() {
  const { t } = useGov();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; view: ConvergenceView }>({ kind: 'loading' });
  const load = useCallback((refresh: boolean, quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    void api.projectConvergence(refresh).then((r) => setState(r.ok ? { kind: 'ready', view: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);
  const again = useCallback(() => load(false, true), [load]);
  useSyncPolling(state.kind === 'ready' ? state.view.freshness : null, again);
  if (state.kind === 'loading') return <Loading label={t.loading} />;
  if (state.kind === 'error') return <ErrorNotice title={t.errorTitle} error={state.error} action={{ label: t.tryAgain, onClick: () => load(true) }} />;
  const v = state.view;
  if (v.freshness.asOf === null) return <FirstSync freshness={v.freshness} />;
  return (
    <div data-testid="convergence-tab" style={{ display: 'flex', flexDirection: 'column', gap: token('space.200', '16px') }}>
      <FreshnessBar freshness={v.freshness} scope={[]} onRefresh={() => load(true, true)} />
      <ConvergenceBody view={v} level={3} />
    </div>
  );
}
