/**
 * The Ownership issue panel: the issue's product(s) with their Business and Digital POs and what
 * to ask each about, the channel leaders, the segments, and a warning with a fix where a mapping
 * or an owner is missing. Read again when the issue changes (Jira's issue-changed event, or a fix
 * made in the Hygiene panel).
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { LocalizedText, OwnedProduct, OwnerRole, OwnershipPanelData, OwnershipProblem, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { onIssueChanged, openModule } from '../../bridge';
import { localized, type Lang } from '../../i18n';
import { ownershipMessages, type OwnershipMessages } from '../../i18n-ownership';
import { useShell } from '../../shell';
import { Loading, ErrorNotice } from '../states';
import { Person } from './Person';

/** The manifest key of the governance settings admin page. */
export const SETTINGS_MODULE_KEY = 'governance-settings';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: OwnershipPanelData };

const subtle = token('color.text.subtle', '#44546F');

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section data-testid={testId} style={{ marginTop: token('space.200', '16px') }}>
      <Heading size="xxsmall" as="h2">
        {title}
      </Heading>
      <div style={{ marginTop: token('space.100', '8px') }}>{children}</div>
    </section>
  );
}

function OwnerCard({ role, product, areas }: { role: OwnerRole; product: OwnedProduct; areas: LocalizedText[] }) {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  const person = role === 'business' ? product.businessOwner : product.digitalOwner;
  return (
    <div
      data-testid={`owner-${product.key}-${role}`}
      style={{
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        padding: token('space.150', '12px'),
        background: person ? token('elevation.surface', '#FFFFFF') : token('color.background.warning', '#FFF7D6'),
        minWidth: 0,
      }}
    >
      <div title={m.roleLong[role]} style={{ color: subtle, font: token('font.body.small', '12px'), fontWeight: 600, textTransform: 'uppercase', letterSpacing: '0.02em' }}>
        {m.role[role]}
      </div>
      <div style={{ marginTop: token('space.075', '6px') }}>
        <Person person={person} />
      </div>
      {areas.length > 0 && (
        <>
          <div style={{ marginTop: token('space.100', '8px'), color: subtle, font: token('font.body.small', '12px') }}>{m.askAbout}:</div>
          <ul style={{ margin: `${token('space.050', '4px')} 0 0`, paddingLeft: token('space.250', '20px'), font: token('font.body.small', '12px') }}>
            {areas.map((a) => (
              <li key={a.en}>{localized(a, lang)}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function ProductBlock({ product, data }: { product: OwnedProduct; data: OwnershipPanelData }) {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  return (
    <Section title={m.product} testId={`product-${product.key}`}>
      <div style={{ marginBottom: token('space.100', '8px') }}>
        <Lozenge appearance="new" isBold>
          {localized(product.name, lang)}
        </Lozenge>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))', gap: token('space.150', '12px') }}>
        <OwnerCard role="business" product={product} areas={data.responsibilities.businessOwner} />
        <OwnerCard role="digital" product={product} areas={data.responsibilities.digitalOwner} />
      </div>
    </Section>
  );
}

function problemText(p: OwnershipProblem, data: OwnershipPanelData, m: OwnershipMessages, lang: Lang): { title: string; body: ReactNode } {
  const productName = (key: string) => {
    const n = data.productNames[key];
    return n ? localized(n, lang) : key;
  };
  switch (p.kind) {
    case 'no-product':
      return {
        title: m.noProductTitle,
        body: (
          <>
            <p>{m.noProductBody}</p>
            {p.suggestions.length > 0 && (
              <ul data-testid="product-suggestions">
                {p.suggestions.map((s) => (
                  <li key={s.product}>
                    {s.components.length === 0 && s.labels.length === 0 ? m.suggestionMappingOnly(productName(s.product)) : m.suggestion(productName(s.product), s.components, s.labels)}
                  </li>
                ))}
              </ul>
            )}
          </>
        ),
      };
    case 'no-owner':
      return { title: m.noOwnerTitle(productName(p.product), p.missing.map((r) => m.roleLong[r])), body: <p>{m.noOwnerBody}</p> };
    case 'several-products':
      return { title: m.severalTitle, body: <p>{m.severalBody(p.products.map(productName).join(', '))}</p> };
    case 'no-leader': {
      const n = data.channelNames[p.channel];
      return { title: m.noLeaderTitle(n ? localized(n, lang) : p.channel), body: null };
    }
  }
}

function Problems({ data }: { data: OwnershipPanelData }) {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  if (data.problems.length === 0) return null;
  // Missing products and owners are warnings; a channel without a leader is worth knowing, no more.
  const serious = data.problems.some((p) => p.kind !== 'no-leader');
  return (
    <div data-testid="ownership-problems" style={{ display: 'grid', gap: token('space.100', '8px') }}>
      {data.problems.map((p, i) => {
        const { title, body } = problemText(p, data, m, lang);
        return (
          <SectionMessage key={i} appearance={p.kind === 'no-leader' ? 'information' : 'warning'} title={title}>
            {body}
            {serious && i === data.problems.length - 1 && (
              <div style={{ marginTop: token('space.100', '8px') }}>
                {data.canConfigure ? (
                  <Button appearance="primary" onClick={() => openModule(SETTINGS_MODULE_KEY)}>
                    {m.fixInSettings}
                  </Button>
                ) : (
                  <span style={{ color: subtle }}>{m.fixAskAdmin}</span>
                )}
              </div>
            )}
          </SectionMessage>
        );
      })}
    </div>
  );
}

function Panel({ data }: { data: OwnershipPanelData }) {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  return (
    <div data-testid="ownership-panel" style={{ padding: token('space.100', '8px') }}>
      <Problems data={data} />
      {data.usingDefaults && data.products.length > 0 && <p style={{ color: subtle, margin: `${token('space.100', '8px')} 0 0` }}>{m.usingDefaults}</p>}
      {data.products.map((p) => (
        <ProductBlock key={p.key} product={p} data={data} />
      ))}
      <Section title={m.channels} testId="ownership-channels">
        {data.channels.length === 0 ? (
          <span style={{ color: subtle }}>{m.noChannel}</span>
        ) : (
          <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
            {data.channels.map((c) => (
              <div key={c.key} data-testid={`channel-${c.key}`} style={{ display: 'flex', alignItems: 'center', gap: token('space.150', '12px'), flexWrap: 'wrap' }}>
                <Lozenge appearance="inprogress">{localized(c.name, lang)}</Lozenge>
                <span style={{ color: subtle, font: token('font.body.small', '12px') }}>{m.leader}:</span>
                <Person person={c.leader} size="small" />
              </div>
            ))}
          </div>
        )}
      </Section>
      <Section title={m.segments} testId="ownership-segments">
        {data.segments.length === 0 ? (
          <span style={{ color: subtle }}>{m.noSegment}</span>
        ) : (
          <div style={{ display: 'flex', gap: token('space.100', '8px'), flexWrap: 'wrap' }}>
            {data.segments.map((s) => (
              <Lozenge key={s.key} appearance="default">
                {localized(s.name, lang)}
              </Lozenge>
            ))}
          </div>
        )}
      </Section>
    </div>
  );
}

export function OwnershipPanel() {
  const { lang } = useShell();
  const m = ownershipMessages(lang);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const shown = useRef(false);
  const load = useCallback((quiet = false) => {
    // A refresh keeps what is shown until the new answer is in (no spinner flashing on every edit).
    if (!quiet || !shown.current) setState({ kind: 'loading' });
    void api.ownership().then((r) => {
      if (r.ok) {
        shown.current = true;
        setState({ kind: 'ready', data: r.data });
      } else if (!quiet || !shown.current) setState({ kind: 'error', error: r.error });
    });
  }, []);
  useEffect(() => load(), [load]);
  // A label, component or field the mapping reads may have changed: map the issue again.
  useEffect(() => onIssueChanged(() => load(true)), [load]);
  if (state.kind === 'loading') return <Loading label={m.panelLoading} />;
  if (state.kind === 'error') return <ErrorNotice title={m.panelErrorTitle} error={state.error} action={{ label: m.tryAgain, onClick: () => load() }} />;
  return <Panel data={state.data} />;
}
