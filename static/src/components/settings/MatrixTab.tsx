/**
 * The ownership matrix: products (with their Business and Digital POs) by channels (with their
 * leaders), for one segment or all, with the open issues, open defects and hygiene violations in
 * each cell. It follows the saved configuration.
 */
import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { MatrixCounts, MatrixData, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { dateTime } from '../../format';
import { localized } from '../../i18n';
import { Person } from '../ownership/Person';
import { Loading, Notice } from '../states';
import { useSettings } from './context';
import type { Choice } from './fields';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: MatrixData };

const ANY = '*';
const NONE = '-';
const ZERO: MatrixCounts = { issues: 0, open: 0, openDefects: 0, violations: 0, violating: 0 };

function cellOf(data: MatrixData, product: string, channel: string, segment: string): MatrixCounts {
  return data.matrix.cells.find((c) => c.product === product && c.channel === channel && c.segment === segment) ?? ZERO;
}

const border = `1px solid ${token('color.border', '#091E4224')}`;

function Cell({ counts, label, total }: { counts: MatrixCounts; label: string; total?: boolean }) {
  const num = (n: number, color: string) => <span style={{ color: n > 0 ? color : token('color.text.subtlest', '#626F86'), fontWeight: n > 0 ? 600 : 400 }}>{n}</span>;
  return (
    <td
      aria-label={label}
      title={label}
      data-testid="matrix-cell"
      style={{ border, padding: token('space.100', '8px'), textAlign: 'center', whiteSpace: 'nowrap', background: total ? token('color.background.neutral', '#091E420F') : undefined, fontVariantNumeric: 'tabular-nums' }}
    >
      {num(counts.open, token('color.text', '#172B4D'))}
      <span style={{ color: token('color.text.subtlest', '#626F86') }}> · </span>
      {num(counts.openDefects, token('color.text.danger', '#AE2E24'))}
      <span style={{ color: token('color.text.subtlest', '#626F86') }}> · </span>
      {num(counts.violations, token('color.text.warning', '#A54800'))}
    </td>
  );
}

function Matrix({ data, segment }: { data: MatrixData; segment: string }) {
  const { m, lang } = useSettings();
  // The "no channel" column and "no product" row are shown only when some issue falls in them.
  const noChannel = cellOf(data, ANY, NONE, segment).issues > 0;
  const noProduct = cellOf(data, NONE, ANY, segment).issues > 0;
  const channels = [
    ...data.channels.map((c) => ({ key: c.key, name: localized(c.name, lang), leader: c.leader, known: true })),
    ...(noChannel ? [{ key: NONE, name: m.noChannelSlot, leader: null, known: false }] : []),
    { key: ANY, name: m.allChannels, leader: null, known: false },
  ];
  const products = [
    ...data.products.map((p) => ({ key: p.key, name: localized(p.name, lang), product: p })),
    ...(noProduct ? [{ key: NONE, name: m.noProductSlot, product: null }] : []),
    { key: ANY, name: m.allProducts, product: null },
  ];
  const th = { border, padding: token('space.100', '8px'), textAlign: 'left' as const, verticalAlign: 'top' as const, background: token('elevation.surface.sunken', '#F7F8F9') };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="ownership-matrix" style={{ borderCollapse: 'collapse', minWidth: '100%' }}>
        <thead>
          <tr>
            <th style={th}>{m.product}</th>
            {channels.map((c) => (
              <th key={c.key} style={{ ...th, textAlign: 'center' }}>
                <div>{c.name}</div>
                {c.known && (
                  <div style={{ fontWeight: 400, marginTop: token('space.050', '4px') }}>
                    <Person person={c.leader} size="small" />
                  </div>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {products.map((p) => (
            <tr key={p.key} data-testid={`matrix-row-${p.key}`}>
              <th style={{ ...th, minWidth: 220 }}>
                <div>{p.name}</div>
                {p.product && (
                  <div style={{ fontWeight: 400, display: 'grid', gap: token('space.050', '4px'), marginTop: token('space.050', '4px'), font: token('font.body.small', '12px') }}>
                    <span>
                      {m.role.business}: <Person person={p.product.businessOwner} size="small" />
                    </span>
                    <span>
                      {m.role.digital}: <Person person={p.product.digitalOwner} size="small" />
                    </span>
                  </div>
                )}
              </th>
              {channels.map((c) => {
                const counts = cellOf(data, p.key, c.key, segment);
                return <Cell key={c.key} counts={counts} total={p.key === ANY || c.key === ANY} label={m.cellLabel(p.name, c.name, counts.open, counts.openDefects, counts.violations)} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function MatrixTab({ dirty }: { dirty: boolean }) {
  const { m, lang } = useSettings();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [segment, setSegment] = useState(ANY);
  const load = useCallback((refresh: boolean) => {
    setState({ kind: 'loading' });
    void api.ownershipMatrix(refresh).then((r) => setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);

  const head = (
    <>
      <Heading size="small" as="h3">
        {m.matrixTitle}
      </Heading>
      <p style={{ color: token('color.text.subtle', '#44546F') }}>{m.matrixHelp}</p>
      {dirty && <p style={{ color: token('color.text.warning', '#A54800') }}>{m.unsavedMatrix}</p>}
    </>
  );
  if (state.kind === 'loading')
    return (
      <div>
        {head}
        <Loading label={m.matrixLoading} />
      </div>
    );
  if (state.kind === 'error')
    return (
      <div>
        {head}
        <Notice appearance="error" title={m.matrixTitle} body={state.error.message} action={{ label: m.tryAgain, onClick: () => load(true) }} />
      </div>
    );
  const { data } = state;
  const segments: Choice[] = [{ value: ANY, label: m.allSegments }, ...data.segments.map((s) => ({ value: s.key, label: localized(s.name, lang) })), { value: NONE, label: m.noSegmentSlot }];
  return (
    <div data-testid="matrix-tab">
      {head}
      <div style={{ display: 'flex', alignItems: 'end', gap: token('space.200', '16px'), flexWrap: 'wrap', marginBottom: token('space.150', '12px') }}>
        <div style={{ width: 260 }}>
          <label htmlFor="matrix-segment" style={{ font: token('font.body.small', '12px'), fontWeight: 600, color: token('color.text.subtle', '#44546F') }}>
            {m.segment}
          </label>
          <Select<Choice> inputId="matrix-segment" options={segments} value={segments.find((s) => s.value === segment) ?? null} onChange={(c: Choice | null) => setSegment(c?.value ?? ANY)} />
        </div>
        <Button onClick={() => load(true)}>{m.refresh}</Button>
        <span style={{ color: token('color.text.subtlest', '#626F86'), font: token('font.body.small', '12px') }}>
          {m.asOf(dateTime(data.computedAt, lang))}
          {data.fromCache ? ` · ${m.fromCache}` : ''}
        </span>
      </div>
      <Matrix data={data} segment={segment} />
      <p style={{ color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
        {m.legend} {m.matrixSample(data.sample.size, data.sample.limit, data.sample.truncated)}
      </p>
    </div>
  );
}
