/**
 * What the governance surfaces share: their catalogue, issue links, figures, the "as of" line, and
 * a hook that loads the hygiene and defect report (asking again while its boards sync).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import { token } from '@atlaskit/tokens';
import type { Freshness, GovernanceReportData, ReportMeta, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { openIssue } from '../../bridge';
import type { Format } from '../../format';
import { FreshnessBar, useSyncPolling } from '../Freshness';
import { governanceMessages, type GovernanceMessages } from '../../i18n-governance';
import { useShell } from '../../shell';
import { siteBase } from '../../../../src/shared/safe-url';

export function useGov(): { g: GovernanceMessages } & ReturnType<typeof useShell> {
  const shell = useShell();
  return { ...shell, g: governanceMessages(shell.lang) };
}

export const subtle = token('color.text.subtle', '#44546F');
export const subtlest = token('color.text.subtlest', '#626F86');
export const border = token('color.border', '#091E4224');

export function IssueLink({ issueKey }: { issueKey: string }) {
  const { context } = useShell();
  return (
    <a
      href={`${siteBase(context.siteUrl)}/browse/${encodeURIComponent(issueKey)}`}
      data-testid="issue-link"
      onClick={(e) => {
        e.preventDefault();
        openIssue(issueKey);
      }}
      style={{ fontWeight: 600, whiteSpace: 'nowrap', color: token('color.link', '#0C66E4') }}
    >
      {issueKey}
    </a>
  );
}

export function Section({ title, children, testId, actions }: { title: string; children: ReactNode; testId?: string; actions?: ReactNode }) {
  return (
    <section data-testid={testId} style={{ display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
        <h3 style={{ margin: 0, fontSize: '16px', color: token('color.text', '#172B4D'), flex: 1 }}>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Figure({ testId, label, value, note, colour, children }: { testId: string; label: string; value: string; note?: string; colour?: string; children?: ReactNode }) {
  return (
    <div data-testid={testId} style={{ minWidth: 150, flex: '1 1 150px', padding: token('space.150', '12px'), borderRadius: 6, border: `1px solid ${border}`, background: token('elevation.surface.raised', '#FFFFFF') }}>
      <div style={{ fontSize: '12px', color: subtle, fontWeight: 600 }}>{label}</div>
      <div data-testid={`${testId}-value`} style={{ fontSize: '28px', lineHeight: '32px', fontWeight: 653, color: colour ?? token('color.text', '#172B4D'), margin: `${token('space.050', '4px')} 0` }}>
        {value}
      </div>
      {note && <div style={{ fontSize: '12px', color: subtlest }}>{note}</div>}
      {children}
    </div>
  );
}

export const Figures = ({ children }: { children: ReactNode }) => <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>{children}</div>;

export const SEVERITY_LOZENGE = { high: 'removed', medium: 'moved', low: 'default' } as const;

export function SeverityLozenge({ severity }: { severity: 'high' | 'medium' | 'low' }) {
  const { g } = useGov();
  return <Lozenge appearance={SEVERITY_LOZENGE[severity]}>{g.severity[severity]}</Lozenge>;
}

/** Hours as people read them: "5.5 h" under two days, else "3.2 d". */
export function duration(hours: number, g: GovernanceMessages, fmt: Format): string {
  const h = Math.abs(hours);
  return h < 48 ? g.hours(fmt.decimal(h)) : g.days(fmt.decimal(h / 24));
}

/** The boards and roll-up shown, how current their figures are, and Refresh. */
export function AsOf({ meta, onRefresh }: { meta: ReportMeta; onRefresh: () => void }) {
  const { g, lang } = useGov();
  const scope = [
    meta.boards.length > 0 ? `${g.boards}: ${meta.boards.map((b) => b.name).join(', ')}` : null,
    meta.rollup ? `${g.rollup[meta.rollup.dimension]}: ${meta.rollup.name[lang]}` : null,
  ].filter((x): x is string => x !== null);
  return <FreshnessBar freshness={meta.freshness} scope={scope} onRefresh={onRefresh} />;
}

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'error'; error: ResolverError }
  | { kind: 'pending'; freshness: Freshness }
  | { kind: 'ready'; report: Extract<GovernanceReportData, { state: 'ready' }> };

/**
 * Loads the hygiene and defect report from the app's store. While the boards are read for the first
 * time (pending) or brought up to date, it asks again by itself; what is shown stays until then.
 */
export function useGovernanceReport(periodDays?: number): { state: ReportState; reload: (refresh: boolean) => void } {
  const [state, setState] = useState<ReportState>({ kind: 'loading' });
  const [request, setRequest] = useState<{ refresh: boolean; quiet: boolean; n: number }>({ refresh: false, quiet: false, n: 0 });
  const reload = useCallback((refresh: boolean) => setRequest((r) => ({ refresh, quiet: refresh, n: r.n + 1 })), []);
  const again = useCallback(() => setRequest((r) => ({ refresh: false, quiet: true, n: r.n + 1 })), []);
  useEffect(() => {
    let live = true;
    if (!request.quiet) setState({ kind: 'loading' });
    void api.governanceReport({ ...(periodDays !== undefined ? { periodDays } : {}), refresh: request.refresh }).then((r) => {
      if (!live) return;
      if (!r.ok) return setState({ kind: 'error', error: r.error });
      setState(r.data.state === 'ready' ? { kind: 'ready', report: r.data } : { kind: 'pending', freshness: r.data.freshness });
    });
    return () => {
      live = false;
    };
  }, [request, periodDays]);
  useSyncPolling(state.kind === 'ready' ? state.report.meta.freshness : state.kind === 'pending' ? state.freshness : null, again);
  return { state, reload };
}
