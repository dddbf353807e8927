/**
 * What the governance surfaces share: their catalogue, issue links, figures, the background job's
 * progress, the "as of" line, and a hook that loads the hygiene and defect report and polls its job.
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { GovernanceReportData, JobView, ReportMeta, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { openIssue } from '../../bridge';
import { dateTime, decimal } from '../../format';
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
export function duration(hours: number, g: GovernanceMessages, lang: 'en' | 'ru'): string {
  const h = Math.abs(hours);
  return h < 48 ? g.hours(decimal(h, lang)) : g.days(decimal(h / 24, lang));
}

export function AsOf({ meta, onRefresh }: { meta: ReportMeta; onRefresh: () => void }) {
  const { g, lang, context, t } = useGov();
  const scope = [
    meta.boards.length > 0 ? `${g.boards}: ${meta.boards.map((b) => b.name).join(', ')}` : null,
    meta.rollup ? `${g.rollup[meta.rollup.dimension]}: ${meta.rollup.name[lang]}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100', '8px'), alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div style={{ fontSize: '12px', color: subtle }}>
        {scope.map((line) => (
          <div key={line}>{line}</div>
        ))}
        <div data-testid="as-of">
          {g.asOf(dateTime(meta.computedAt, lang, context.timezone ?? undefined))}
          {meta.fromCache ? ` (${g.fromCache})` : ''}
          {meta.computedAs === 'app' ? ` · ${g.computedByJob}` : ''}
        </div>
      </div>
      <Button spacing="compact" onClick={onRefresh} testId="refresh">
        {t.refresh}
      </Button>
    </div>
  );
}

export function JobProgress({ job }: { job: JobView }) {
  const { g, lang } = useGov();
  const expected = job.issuesExpected ?? 0;
  const share = job.status === 'done' ? 1 : expected > 0 ? Math.min(0.95, (0.1 + 0.7 * Math.min(1, job.issuesFetched / expected) + (job.phase === 'changelogs' ? 0.1 : 0))) : 0.1;
  const n = (x: number) => new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-GB').format(x);
  return (
    <div data-testid="job-progress" data-status={job.status} style={{ padding: token('space.100', '8px') }}>
      <SectionMessage title={g.queuedTitle} appearance="information">
        <p>{g.queuedBody}</p>
        <div style={{ margin: `${token('space.100', '8px')} 0` }}>
          <ProgressBar value={share} ariaLabel={g.jobPhase[job.phase]} />
        </div>
        <p style={{ fontSize: '12px', color: subtle }}>
          {g.jobPhase[job.phase]} · {g.jobProgress(`${job.boardsDone}/${job.boardsTotal}`, expected > 0 ? `${n(job.issuesFetched)} / ~${n(expected)}` : n(job.issuesFetched))}
        </p>
      </SectionMessage>
    </div>
  );
}

export type ReportState = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'pending'; job: JobView } | { kind: 'ready'; report: Extract<GovernanceReportData, { state: 'ready' }> };

const POLL_MS = 1_500;

/** Loads the report; while a background job computes it, polls the job and then reads the figures. */
export function useGovernanceReport(periodDays?: number): { state: ReportState; reload: (refresh: boolean) => void } {
  const [state, setState] = useState<ReportState>({ kind: 'loading' });
  const [request, setRequest] = useState<{ refresh: boolean; n: number }>({ refresh: false, n: 0 });
  const reload = useCallback((refresh: boolean) => setRequest((r) => ({ refresh, n: r.n + 1 })), []);
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const fetchReport = async (refresh: boolean) => {
      const r = await api.governanceReport({ ...(periodDays !== undefined ? { periodDays } : {}), refresh });
      if (!live) return;
      if (!r.ok) return setState({ kind: 'error', error: r.error });
      if (r.data.state === 'ready') return setState({ kind: 'ready', report: r.data });
      setState({ kind: 'pending', job: r.data.job });
      poll(r.data.job.id);
    };
    const poll = (jobId: string) => {
      timer = setTimeout(async () => {
        const j = await api.governanceJob(jobId);
        if (!live) return;
        if (!j.ok) return setState({ kind: 'error', error: j.error });
        if (j.data.status === 'done') return void fetchReport(false);
        if (j.data.status === 'failed') return setState({ kind: 'error', error: { code: 'INTERNAL', message: j.data.error ?? '' } });
        setState({ kind: 'pending', job: j.data });
        poll(jobId);
      }, POLL_MS);
    };
    setState({ kind: 'loading' });
    void fetchReport(request.refresh);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [request, periodDays]);
  return { state, reload };
}
