/**
 * The issue's context summary (`jira:issueContext`): on every issue, without anyone adding it, what
 * blocks the sprint in four lines — the DoR with what is missing by name, the DoD once work has
 * started, the hygiene rules broken, and the product with its Business and Digital PO. One resolver
 * call; read again when the issue changes.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import type { ChecklistVerdict, ContextChecklist, IssueContextData, OwnerName, ResolverError } from '../../../../src/shared/protocol';
import { hygieneRuleName } from '../../../../src/domain/hygiene/catalogue';
import { api } from '../../api';
import { onIssueChanged } from '../../bridge';
import { localized } from '../../i18n';
import { issueMessages, type IssueMessages } from '../../i18n-issue';
import { useShell } from '../../shell';
import { Loading, ErrorNotice } from '../states';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: IssueContextData };

const subtle = token('color.text.subtle', '#44546F');

/** A verdict's colour: text tokens that keep 4.5:1 on the surface, light and dark. */
export function verdictColor(v: ChecklistVerdict): string {
  switch (v.verdict) {
    case 'ready':
    case 'done':
      return token('color.text.success', '#216E4E');
    case 'notReady':
    case 'doneLeftOpen':
      return token('color.text.warning', '#A54800');
    case 'notStarted':
      return subtle;
  }
}

/** Read by screen readers, not shown. */
export function VisuallyHidden({ children }: { children: ReactNode }) {
  return <span style={{ position: 'absolute', width: 1, height: 1, margin: -1, padding: 0, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap', border: 0 }}>{children}</span>;
}

function Row({ term, abbr, testId, children, data }: { term: string; abbr?: string; testId: string; children: ReactNode; data?: Record<string, string> }) {
  const attrs = Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [`data-${k}`, v]));
  return (
    <div data-testid={testId} {...attrs} style={{ display: 'contents' }}>
      <dt style={{ color: subtle, fontWeight: 600, fontSize: '12px', lineHeight: '20px', whiteSpace: 'nowrap' }}>{abbr ? <abbr title={term} style={{ textDecoration: 'none' }}>{abbr}</abbr> : term}</dt>
      <dd style={{ margin: 0, minWidth: 0, overflowWrap: 'anywhere', lineHeight: '20px' }}>{children}</dd>
    </div>
  );
}

function ChecklistLine({ list, m, testId, full, abbr }: { list: ContextChecklist; m: IssueMessages; testId: string; full: string; abbr: string }) {
  return (
    <Row term={full} abbr={abbr} testId={testId} data={{ verdict: list.verdict.verdict, complete: String(list.complete), total: String(list.total) }}>
      <span aria-hidden="true" style={{ color: subtle, marginRight: token('space.075', '6px'), fontVariantNumeric: 'tabular-nums' }}>
        {m.counts(list.complete, list.total)}
      </span>
      <VisuallyHidden>{`${m.countsLabel(list.complete, list.total)}: `}</VisuallyHidden>
      <span data-testid={`${testId}-verdict`} style={{ color: verdictColor(list.verdict), fontWeight: 600 }}>
        {m.verdict(list.verdict, list.complete, list.total)}
      </span>
      {list.verdict.verdict === 'doneLeftOpen' && <div style={{ color: subtle, fontSize: '12px' }}>{m.leftOpen(list.verdict)}</div>}
    </Row>
  );
}

function ownerText(o: OwnerName | null, m: IssueMessages): string {
  if (!o) return m.nobody;
  return o.displayName ?? m.unknownPerson;
}

function Summary({ data }: { data: IssueContextData }) {
  const { lang } = useShell();
  const m = issueMessages(lang);
  const { dor, dod } = data.readiness;
  // The DoD only once work has started: before that it does not apply yet.
  const showDod = dod !== null && dod.verdict.verdict !== 'notStarted';
  const products = data.ownership.products;
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: token('space.150', '12px'), rowGap: token('space.075', '6px'), margin: 0 }}>
      {dor ? <ChecklistLine list={dor} m={m} testId="summary-dor" full={m.dor} abbr={m.dorShort} /> : (
        <Row term={m.dor} abbr={m.dorShort} testId="summary-dor" data={{ verdict: 'none' }}>
          <span style={{ color: subtle }}>{m.noDor}</span>
        </Row>
      )}
      {showDod && dod && <ChecklistLine list={dod} m={m} testId="summary-dod" full={m.dod} abbr={m.dodShort} />}
      <Row term={m.hygiene} testId="summary-hygiene" data={{ count: String(data.hygiene.count) }}>
        {data.hygiene.count === 0 ? (
          <span style={{ color: token('color.text.success', '#216E4E'), fontWeight: 600 }}>{m.hygieneClean}</span>
        ) : (
          <>
            <span style={{ color: data.hygiene.worst === 'high' ? token('color.text.danger', '#AE2E24') : token('color.text.warning', '#A54800'), fontWeight: 600 }}>{m.hygieneBroken(data.hygiene.count)}</span>
            <span style={{ color: subtle }}>{`: ${data.hygiene.rules.map((r) => hygieneRuleName(r, lang)).join(lang === 'ru' ? '; ' : ', ')}`}</span>
          </>
        )}
      </Row>
      <Row term={m.product} testId="summary-product" data={{ products: products.map((p) => p.key).join(',') }}>
        {products.length === 0 ? (
          <span style={{ color: data.ownership.unconfigured ? subtle : token('color.text.warning', '#A54800'), fontWeight: data.ownership.unconfigured ? 400 : 600 }}>
            {data.ownership.unconfigured ? m.noProducts : m.noProduct}
          </span>
        ) : (
          products.map((p) => (
            <div key={p.key} data-testid={`summary-product-${p.key}`}>
              <span style={{ fontWeight: 600 }}>{localized(p.name, lang)}</span>
              <span style={{ color: subtle }}>
                {' · '}
                <abbr title={m.bpo} style={{ textDecoration: 'none' }}>{m.bpoShort}</abbr> <span data-testid={`summary-bpo-${p.key}`} style={{ color: token('color.text', '#172B4D') }}>{ownerText(p.businessOwner, m)}</span>
                {' · '}
                <abbr title={m.dpo} style={{ textDecoration: 'none' }}>{m.dpoShort}</abbr> <span data-testid={`summary-dpo-${p.key}`} style={{ color: token('color.text', '#172B4D') }}>{ownerText(p.digitalOwner, m)}</span>
              </span>
            </div>
          ))
        )}
      </Row>
    </dl>
  );
}

export function IssueSummary() {
  const { lang } = useShell();
  const m = issueMessages(lang);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [busy, setBusy] = useState(false);
  const shown = useRef(false);
  const load = useCallback(async (quiet: boolean) => {
    if (!quiet || !shown.current) setState({ kind: 'loading' });
    setBusy(true);
    const r = await api.issueContext();
    setBusy(false);
    if (r.ok) {
      shown.current = true;
      setState({ kind: 'ready', data: r.data });
    } else if (!quiet || !shown.current) setState({ kind: 'error', error: r.error });
  }, []);
  useEffect(() => {
    void load(false);
  }, [load]);
  // The issue changed (someone edited it, or a fix in the Hygiene panel): read it again, keeping what is shown meanwhile.
  useEffect(() => onIssueChanged(() => void load(true)), [load]);
  if (state.kind === 'loading') return <Loading label={m.summaryLoading} />;
  if (state.kind === 'error') return <ErrorNotice title={m.summaryError} error={state.error} action={{ label: m.tryAgain, onClick: () => void load(false) }} />;
  const d = state.data;
  return (
    <section
      aria-labelledby="summary-heading"
      aria-busy={busy}
      data-testid="issue-summary"
      data-stage={d.issue.stage}
      data-checked-at={d.checkedAt}
      style={{ padding: token('space.100', '8px'), color: token('color.text', '#172B4D'), display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}
    >
      <h2 id="summary-heading" style={{ margin: 0, font: token('font.heading.xxsmall', '600 12px/16px sans-serif'), color: subtle }}>
        {m.summaryTitle} · {d.issue.status}
      </h2>
      <Summary data={d} />
    </section>
  );
}
