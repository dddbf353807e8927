/**
 * The ownership matrix: products (with their Business and Digital POs) by channels (with their
 * leaders), for one segment or all, with the open issues, open defects and hygiene violations in
 * each cell. It follows the saved configuration, over every issue of the synced boards the viewer
 * may browse, as of when the boards were last brought up to date; Refresh asks for a sync.
 */
import { useCallback, useEffect, useState } from 'react';
import Heading from '@atlaskit/heading';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { MatrixCounts, MatrixData, OwnershipMatrix, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { localized } from '../../i18n';
import { FirstSync, FreshnessBar, useSyncPolling } from '../Freshness';
import { Person } from '../ownership/Person';
import { Loading, ErrorNotice } from '../states';
import { useSettings } from './context';
import type { Choice } from './fields';

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: MatrixData };

const ANY = '*';
const NONE = '-';
const ZERO: MatrixCounts = { issues: 0, open: 0, openDefects: 0, violations: 0, violating: 0 };

function cellOf(matrix: OwnershipMatrix, product: string, channel: string, segment: string): MatrixCounts {
  return matrix.cells.find((c) => c.product === product && c.channel === channel && c.segment === segment) ?? ZERO;
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

function Matrix({ data, matrix, segment }: { data: MatrixData; matrix: OwnershipMatrix; segment: string }) {
  const { m, lang } = useSettings();
  // The "no channel" column and "no product" row are shown only when some issue falls in them.
  const noChannel = cellOf(matrix, ANY, NONE, segment).issues > 0;
  const noProduct = cellOf(matrix, NONE, ANY, segment).issues > 0;
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
                const counts = cellOf(matrix, p.key, c.key, segment);
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
  // A Refresh asks for a sync; asking again while boards sync (polling) keeps what is shown meanwhile.
  const load = useCallback((refresh: boolean, quiet = false) => {
    if (!quiet) setState({ kind: 'loading' });
    void api.ownershipMatrix(refresh).then((r) => setState(r.ok ? { kind: 'ready', data: r.data } : { kind: 'error', error: r.error }));
  }, []);
  useEffect(() => load(false), [load]);
  const again = useCallback(() => load(false, true), [load]);
  useSyncPolling(state.kind === 'ready' ? state.data.freshness : null, again);

  const head = (
    <>
      <Heading size="small" as="h2">
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
        <ErrorNotice title={m.matrixTitle} error={state.error} action={{ label: m.tryAgain, onClick: () => load(true) }} />
      </div>
    );
  const { data } = state;
  if (data.matrix === null)
    return (
      <div data-testid="matrix-tab">
        {head}
        <FirstSync freshness={data.freshness} />
      </div>
    );
  const matrix = data.matrix;
  const segments: Choice[] = [{ value: ANY, label: m.allSegments }, ...data.segments.map((s) => ({ value: s.key, label: localized(s.name, lang) })), { value: NONE, label: m.noSegmentSlot }];
  const synced = data.freshness.boards.filter((b) => b.asOf !== null).length;
  return (
    <div data-testid="matrix-tab">
      {head}
      <div style={{ marginBottom: token('space.150', '12px') }}>
        <FreshnessBar freshness={data.freshness} scope={[]} onRefresh={() => load(true, true)} />
      </div>
      {data.outdatedBoards > 0 && (
        <p data-testid="matrix-outdated" style={{ color: token('color.text.warning', '#A54800'), font: token('font.body.small', '12px') }}>
          {m.matrixOutdated}
        </p>
      )}
      <div style={{ display: 'flex', alignItems: 'end', gap: token('space.200', '16px'), flexWrap: 'wrap', marginBottom: token('space.150', '12px') }}>
        <div style={{ width: 260 }}>
          <label htmlFor="matrix-segment" style={{ font: token('font.body.small', '12px'), fontWeight: 600, color: token('color.text.subtle', '#44546F') }}>
            {m.segment}
          </label>
          <Select<Choice> inputId="matrix-segment" options={segments} value={segments.find((s) => s.value === segment) ?? null} onChange={(c: Choice | null) => setSegment(c?.value ?? ANY)} />
        </div>
      </div>
      <Matrix data={data} matrix={matrix} segment={segment} />
      <p data-testid="matrix-scope" style={{ color: token('color.text.subtle', '#44546F'), font: token('font.body.small', '12px') }}>
        {m.legend} {m.matrixScope(matrix.scanned, synced)}
      </p>
    </div>
  );
}
