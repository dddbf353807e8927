/** The gadget in view mode: figures, chart, table and drill-down, or a state that says what to do. */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { ConvergenceView, ResolverError } from '../../../src/shared/protocol';
import { api } from '../api';
import { onGadgetRefresh } from '../bridge';
import { dateTime } from '../format';
import { localized } from '../i18n';
import { useShell } from '../shell';
import { ConvergenceBody } from './ConvergenceBody';
import { Loading, Notice } from './states';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; view: ConvergenceView };

export function GadgetView() {
  const { t, lang, context } = useShell();
  const [state, setState] = useState<State>({ kind: 'loading' });

  const load = useCallback((refresh: boolean) => {
    setState({ kind: 'loading' });
    void api.convergence(refresh).then((r) => setState(r.ok ? { kind: 'ready', view: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);
  useEffect(() => onGadgetRefresh(() => load(true)), [load]);

  if (state.kind === 'loading') return <Loading label={t.loading} />;
  if (state.kind === 'error') {
    if (state.error.code === 'NOT_CONFIGURED') return <Notice title={t.notConfiguredTitle} body={t.notConfiguredBody} />;
    return <Notice appearance="error" title={t.errorTitle} body={state.error.message} action={{ label: t.tryAgain, onClick: () => load(true) }} />;
  }
  const v = state.view;
  const scope = [
    `${t.boards}: ${v.boards.map((b) => b.name).join(', ')}`,
    v.rollup ? `${t.rollup[v.rollup.dimension]}: ${localized(v.rollup.name, lang)}` : null,
  ].filter(Boolean);

  return (
    <div data-testid="gadget-view" style={{ padding: token('space.100', '8px'), display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), color: token('color.text', '#172B4D') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100', '8px'), alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div style={{ fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
          {scope.map((line) => (
            <div key={line}>{line}</div>
          ))}
          <div data-testid="as-of">
            {t.asOf(dateTime(v.computedAt, lang, context.timezone ?? undefined))}
            {v.fromCache ? ` (${t.fromCache})` : ''}
          </div>
        </div>
        <Button spacing="compact" onClick={() => load(true)}>
          {t.refresh}
        </Button>
      </div>
      <ConvergenceBody view={v} />
    </div>
  );
}
