/** The gadget in view mode: figures, chart, table and drill-down, or a state that says what to do. */
import { useCallback, useEffect, useState } from 'react';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView, ResolverError } from '../../../src/shared/protocol';
import { api } from '../api';
import { onGadgetRefresh } from '../bridge';
import { localized } from '../i18n';
import { useShell } from '../shell';
import { ConvergenceBody } from './ConvergenceBody';
import { FirstSync, FreshnessBar, useSyncPolling } from './Freshness';
import { Loading, ErrorNotice, Notice } from './states';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; view: ConvergenceView };

export function GadgetView() {
  const { t, lang } = useShell();
  const [state, setState] = useState<State>({ kind: 'loading' });

  // A quiet reload (polling while the boards sync) keeps what is shown until the answer comes.
  const load = useCallback((refresh: boolean, quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    void api.convergence(refresh).then((r) => setState(r.ok ? { kind: 'ready', view: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);
  useEffect(() => onGadgetRefresh(() => load(true)), [load]);
  const again = useCallback(() => load(false, true), [load]);
  useSyncPolling(state.kind === 'ready' ? state.view.freshness : null, again);

  if (state.kind === 'loading') return <Loading label={t.loading} />;
  if (state.kind === 'error') {
    if (state.error.code === 'NOT_CONFIGURED') return <Notice title={t.notConfiguredTitle} body={t.notConfiguredBody} />;
    return <ErrorNotice title={t.errorTitle} error={state.error} action={{ label: t.tryAgain, onClick: () => load(true) }} />;
  }
  const v = state.view;
  if (v.freshness.asOf === null) return <FirstSync freshness={v.freshness} />;
  const scope = [
    `${t.boards}: ${v.boards.map((b) => b.name).join(', ')}`,
    v.rollup ? `${t.rollup[v.rollup.dimension]}: ${localized(v.rollup.name, lang)}` : null,
  ].filter((x): x is string => x !== null);

  return (
    <div data-testid="gadget-view" style={{ padding: token('space.100', '8px'), display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), color: token('color.text', '#172B4D') }}>
      <FreshnessBar freshness={v.freshness} scope={scope} onRefresh={() => load(true, true)} />
      <ConvergenceBody view={v} />
    </div>
  );
}
