/**
 * The issues behind one number of the table, each linking to the issue in Jira. Shown as a panel
 * under the table (the governance gadgets); the convergence views open it in a Forge modal instead
 * (`DrillModal.tsx`), over the whole page.
 */
import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { IssueSummary, ResolverError } from '../../../src/shared/protocol';
import { api } from '../api';
import { openIssue } from '../bridge';
import { useShell } from '../shell';
import { siteBase } from '../../../src/shared/safe-url';
import { ErrorNotice, Loading } from './states';

export interface DrillTarget {
  title: string;
  keys: string[];
}

const BATCH = 100;

async function summaries(keys: string[]): Promise<{ ok: true; issues: IssueSummary[] } | { ok: false; error: ResolverError }> {
  const out: IssueSummary[] = [];
  for (let i = 0; i < keys.length; i += BATCH) {
    const r = await api.issueSummaries(keys.slice(i, i + BATCH));
    if (!r.ok) return { ok: false, error: r.error };
    out.push(...r.data.issues);
  }
  return { ok: true, issues: out };
}

const categoryLozenge = (c: IssueSummary['statusCategory']) => (c === 'done' ? 'success' : c === 'indeterminate' ? 'inprogress' : 'default');

export function IssueList({ keys }: { keys: string[] }) {
  const { t, context } = useShell();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'ok'; issues: IssueSummary[] } | { kind: 'error'; error: ResolverError }>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void summaries(keys).then((r) => live && setState(r.ok ? { kind: 'ok', issues: r.issues } : { kind: 'error', error: r.error }));
    return () => {
      live = false;
    };
  }, [keys, attempt]);
  if (keys.length === 0) return <p>{t.drillEmpty}</p>;
  if (state.kind === 'loading') return <Loading label={t.drillLoading} />;
  if (state.kind === 'error') return <ErrorNotice title={t.errorTitle} error={state.error} action={{ label: t.tryAgain, onClick: () => setAttempt((n) => n + 1) }} />;
  const base = siteBase(context.siteUrl);
  return (
    <ul data-testid="drill-list" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {state.issues.map((i) => (
        <li key={i.key} style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'baseline', padding: `${token('space.050', '4px')} 0`, borderBottom: `1px solid ${token('color.border', '#091E4224')}` }}>
          <a
            href={`${base}/browse/${encodeURIComponent(i.key)}`}
            onClick={(e) => {
              e.preventDefault();
              openIssue(i.key);
            }}
            style={{ fontWeight: 600, whiteSpace: 'nowrap', color: token('color.link', '#0C66E4') }}
          >
            {i.key}
          </a>
          <span style={{ flex: 1, color: i.summary ? token('color.text', '#172B4D') : token('color.text.subtlest', '#626F86') }}>{i.summary ?? t.drillSummaryUnavailable}</span>
          {i.status && <Lozenge appearance={categoryLozenge(i.statusCategory)}>{i.status}</Lozenge>}
        </li>
      ))}
    </ul>
  );
}

export function DrillDown({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useShell();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (target) panel.current?.scrollIntoView?.({ block: 'nearest' });
  }, [target]);
  if (!target) return null;
  return (
    <section
      ref={panel}
      data-testid="drill-down"
      aria-label={target.title}
      style={{ border: `1px solid ${token('color.border', '#091E4224')}`, borderRadius: 6, padding: token('space.150', '12px'), background: token('elevation.surface.raised', '#FFFFFF') }}
    >
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline', gap: token('space.100', '8px') }}>
        <h3 style={{ margin: 0, fontSize: '16px', color: token('color.text', '#172B4D') }}>{target.title}</h3>
        <Button spacing="compact" onClick={onClose} testId="drill-close">
          {t.close}
        </Button>
      </div>
      <p style={{ margin: `${token('space.050', '4px')} 0 ${token('space.100', '8px')}`, color: token('color.text.subtle', '#44546F') }}>{t.issues(target.keys.length)}</p>
      <IssueList keys={target.keys} />
    </section>
  );
}
