/**
 * The "Data sync" tab of the governance settings (Jira administrators; the server checks): every
 * board in the app's store with what it holds, how current its figures are, what its last run cost
 * and why it failed, in words; the store's size against Forge SQL's limit; and the actions: re-sync
 * a board, sync the boards that are behind, add boards ahead of any viewer, stop syncing a board
 * (after a confirmation). Times are in Jira's time zone. While boards sync, the tab reads again
 * by itself. Below 760 px each board's row becomes a card of labelled values.
 */
import { RowActions } from './row-actions';
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import ProgressBar from '@atlaskit/progress-bar';
import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ResolverError, SyncHealthBoard, SyncHealthData } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { boardPath, openBoard } from '../../bridge';
import type { Format } from '../../format';
import { syncHealthMessages, type SyncHealthMessages } from '../../i18n-sync-health';
import { useShell } from '../../shell';
import { BoardsField, type BoardChoice } from '../edit-fields';
import { ErrorNotice, ErrorText, Loading } from '../states';

type Load = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; data: SyncHealthData };
type Flash = { appearance: 'success' | 'information' | 'warning' | 'error'; text: string; error?: ResolverError };

const POLL_MS = 3_000;
/** The tab stops reading by itself after this long; any action or Reload starts it again. */
const POLL_FOR_MS = 15 * 60_000;
/** After an action, the tab keeps reading for this long (a queued run may take a moment to start). */
const WATCH_AFTER_ACTION_MS = 60_000;
const MIB = 1024 * 1024;

const subtle = token('color.text.subtle', '#44546F');
const border = `1px solid ${token('color.border', '#091E4224')}`;
const focus = token('color.border.focused', '#388BFF');

/** What inline styles cannot say: focus rings, the narrow layout, the visually hidden caption. */
const CSS = `
.gov-sync a:focus-visible, .gov-sync summary:focus-visible, .gov-sync [tabindex]:focus-visible { outline: 2px solid ${focus}; outline-offset: 2px; border-radius: 2px; }
.gov-sync-table { border-collapse: collapse; width: 100%; font-size: 13px; }
.gov-sync-table th, .gov-sync-table td { border-bottom: ${border}; padding: ${token('space.100', '8px')}; text-align: left; vertical-align: top; }
.gov-sync-table thead th { background: ${token('elevation.surface.sunken', '#F7F8F9')}; font-weight: 600; color: ${subtle}; white-space: nowrap; }
.gov-sync-table tbody th { font-weight: 600; }
.gov-sync-table .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.gov-sync-table .sub { color: ${subtle}; font-size: 12px; }
.gov-sync-table tr.failed > * { background: ${token('color.background.danger', '#FFECEB')}; }
.gov-sync-table .actions { display: flex; flex-wrap: wrap; gap: ${token('space.050', '4px')}; }
.gov-sync-table details code { white-space: pre-wrap; word-break: break-word; font-size: 12px; }
.gov-sync-vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (max-width: 760px) {
  .gov-sync-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  .gov-sync-table, .gov-sync-table tbody, .gov-sync-table tr { display: block; width: 100%; }
  .gov-sync-table tr { border: ${border}; border-radius: ${token('radius.medium', '6px')}; margin-bottom: ${token('space.150', '12px')}; }
  .gov-sync-table th, .gov-sync-table td { display: grid; grid-template-columns: minmax(110px, 35%) 1fr; gap: ${token('space.100', '8px')}; border-bottom: none; text-align: left; }
  .gov-sync-table th[data-label]::before, .gov-sync-table td[data-label]::before { content: attr(data-label); color: ${subtle}; font-weight: 400; }
  .gov-sync-table td.confirm { display: block; }
  .gov-sync-table .num { text-align: left; }
}
`;

const boardLabel = (b: SyncHealthBoard, m: SyncHealthMessages): string => (b.visible && b.name !== null ? b.name : m.hiddenBoard(b.id));

function BoardCell({ board, m, siteUrl }: { board: SyncHealthBoard; m: SyncHealthMessages; siteUrl: string | null }) {
  if (!board.visible || board.name === null) return <span data-testid="hidden-board">{m.hiddenBoard(board.id)}</span>;
  const path = boardPath(board.id);
  return (
    <a
      href={`${siteUrl ?? ''}${path}`}
      onClick={(e) => {
        e.preventDefault();
        openBoard(board.id);
      }}
      title={m.openBoard(board.name)}
      data-testid="board-link"
    >
      {board.name}
    </a>
  );
}

function Row({
  board: b,
  m,
  fmt,
  siteUrl,
  busy,
  onResync,
  onForget,
}: {
  board: SyncHealthBoard;
  m: SyncHealthMessages;
  fmt: Format;
  siteUrl: string | null;
  busy: boolean;
  onResync: () => void;
  onForget: () => void;
}) {
  const when = (iso: string | null, fallback: string) => (iso === null ? fallback : fmt.dateTime(iso));
  const n = (x: number) => fmt.integer(x);
  const label = boardLabel(b, m);
  return (
    <tr data-testid={`sync-row-${b.id}`} className={b.phase === 'failed' ? 'failed' : undefined}>
      <th scope="row" data-label={m.col.board}>
        <span>
          <BoardCell board={b} m={m} siteUrl={siteUrl} />
        </span>
      </th>
      <td data-label={m.col.project}>{b.projectKey ?? '—'}</td>
      <td data-label={m.col.issues} className="num" data-testid="issues">
        {n(b.issues)}
      </td>
      <td data-label={m.col.asOf} data-testid="as-of">
        <span>
          {when(b.asOf, m.notYet)}
          {b.behindMs !== null && <span className="sub"> · {m.ago(Math.floor(b.behindMs / 60_000))}</span>}
          {b.behind && (
            <span style={{ marginLeft: token('space.050', '4px') }}>
              <Lozenge appearance="moved">{m.behind}</Lozenge>
            </span>
          )}
        </span>
      </td>
      <td data-label={m.col.status} data-testid="status">
        <span>
          <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050', '4px') }}>
            {b.running && <Spinner size="small" label={m.running} />}
            {m.phase[b.phase]}
            {b.running ? ` · ${m.running}` : ''}
          </span>
          {(b.settings === 'rederive' || b.settings === 'reread') && (
            <span className="sub" style={{ display: 'block' }} data-testid="settings-state">
              {m.settings[b.settings]}
            </span>
          )}
        </span>
      </td>
      <td data-label={m.col.lastSuccess} data-testid="last-success">
        {when(b.lastSuccessAt, m.never)}
      </td>
      <td data-label={m.col.lastError} data-testid="last-error">
        {b.lastError === null ? (
          <span className="sub">{m.none}</span>
        ) : (
          <span>
            <span style={{ display: 'block', color: token('color.text.danger', '#AE2E24') }}>{m.error[b.lastError.kind]}</span>
            <span className="sub" style={{ display: 'block' }}>
              {m.errorAt(fmt.dateTime(b.lastError.at))}
            </span>
            {b.lastError.message !== null && (
              <details>
                <summary>{m.jiraSaid}</summary>
                <code>{b.lastError.message}</code>
              </details>
            )}
          </span>
        )}
      </td>
      <td data-label={m.col.lastRun} data-testid="last-run">
        <span>
          <span data-testid="runs">{m.run(fmt.lang, b.runs)}</span>
          {b.lastRunAt !== null && <span className="sub"> · {fmt.dateTime(b.lastRunAt)}</span>}
          {b.lastCost !== null && (
            <span className="sub" style={{ display: 'block' }} title={m.costHelp}>
              {m.cost(fmt.lang, b.lastCost.requests, b.lastCost.objects)}
            </span>
          )}
        </span>
      </td>
      <td data-label={m.col.actions}>
        <RowActions
          label={m.actionsLabel(label)}
          testId={`actions-${b.id}`}
          actions={[
            ...(b.visible ? [{ label: m.resync, onClick: onResync, isDisabled: busy, testId: `resync-${b.id}` }] : []),
            { label: m.forget, onClick: onForget, isDisabled: busy, testId: `forget-${b.id}` },
          ]}
        />
      </td>
    </tr>
  );
}

function AddBoards({ m, onAdded }: { m: SyncHealthMessages; onAdded: (flash: Flash) => void }) {
  const { lang } = useShell();
  const [chosen, setChosen] = useState<BoardChoice[]>([]);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    setBusy(true);
    const r = await api.addBoards(chosen.map((c) => c.value));
    setBusy(false);
    if (!r.ok) return onAdded({ appearance: 'error', text: '', error: r.error });
    setChosen([]);
    onAdded({ appearance: 'success', text: m.added(lang, r.data.added.length, r.data.already.length) });
  };
  return (
    <section data-testid="add-boards" aria-labelledby="add-boards-title" style={{ marginTop: token('space.300', '24px'), maxWidth: 720 }}>
      <Heading size="small" as="h2" id="add-boards-title">
        {m.addTitle}
      </Heading>
      <BoardsField first={[]} value={chosen} onChange={setChosen} help={m.addHelp} />
      <Button isDisabled={busy || chosen.length === 0} onClick={() => void add()} testId="add-boards-button">
        {busy ? m.adding : m.add}
      </Button>
    </section>
  );
}

export function SyncTab() {
  const { lang, context, fmt } = useShell();
  const m = syncHealthMessages(lang);
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [flash, setFlash] = useState<Flash | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [watchUntil, setWatchUntil] = useState(0);
  const [pollingSince, setPollingSince] = useState(() => Date.now());
  const seq = useRef(0);
  const confirmButton = useRef<HTMLDivElement>(null);
  const flashBox = useRef<HTMLDivElement>(null);

  const read = useCallback(async (quiet: boolean) => {
    const mine = ++seq.current;
    if (!quiet) setLoad({ kind: 'loading' });
    const r = await api.syncHealth();
    if (mine !== seq.current) return;
    if (r.ok) setLoad({ kind: 'ready', data: r.data });
    else if (!quiet) setLoad({ kind: 'error', error: r.error });
  }, []);
  useEffect(() => void read(false), [read]);

  // While boards sync (or right after an action), read again every few seconds, for at most a quarter of an hour.
  const syncing = load.kind === 'ready' && load.data.boards.some((b) => b.running || b.phase === 'new' || b.phase === 'backfill' || b.phase === 'catchup');
  useEffect(() => {
    if (load.kind !== 'ready') return;
    if (!syncing && Date.now() > watchUntil) return;
    if (Date.now() - pollingSince > POLL_FOR_MS) return;
    const timer = setTimeout(() => void read(true), POLL_MS);
    return () => clearTimeout(timer);
  }, [load, syncing, watchUntil, pollingSince, read]);

  // The confirmation takes the focus, so a keyboard user answers it at once. It is asked for from the
  // row's menu, which gives the focus back to its "…" button as it closes: the confirmation takes it
  // after that, on the next frame.
  useEffect(() => {
    if (confirm === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => confirmButton.current?.querySelector('button')?.focus(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [confirm]);

  const acted = (f: Flash) => {
    setFlash(f);
    setWatchUntil(Date.now() + WATCH_AFTER_ACTION_MS);
    setPollingSince(Date.now());
    void read(true);
  };

  const reload = () => {
    setPollingSince(Date.now());
    void read(true);
  };

  const run = async (action: () => Promise<Flash>) => {
    setBusy(true);
    try {
      acted(await action());
    } finally {
      setBusy(false);
    }
  };

  const resync = (b: SyncHealthBoard) =>
    run(async () => {
      const r = await api.resyncBoard(b.id);
      if (!r.ok) return { appearance: 'error', text: '', error: r.error };
      return r.data.status === 'queued' ? { appearance: 'success', text: m.resyncQueued(boardLabel(b, m)) } : { appearance: 'warning', text: m.throttled(r.data.retryAfterSeconds) };
    });

  const syncNow = () =>
    run(async () => {
      const r = await api.syncBehind();
      if (!r.ok) return { appearance: 'error', text: '', error: r.error };
      if (r.data.retryAfterSeconds !== null) return { appearance: 'warning', text: m.throttled(r.data.retryAfterSeconds) };
      return { appearance: 'success', text: m.syncNowDone(lang, r.data.queued.length, r.data.throttled.length) };
    });

  const forget = (b: SyncHealthBoard) =>
    run(async () => {
      setConfirm(null);
      const r = await api.forgetBoard(b.id);
      // The row and its confirmation are gone: the focus goes to what happened.
      setTimeout(() => flashBox.current?.focus(), 0);
      if (!r.ok) return { appearance: 'error', text: '', error: r.error };
      return { appearance: 'success', text: m.forgotten(boardLabel(b, m)) };
    });

  return (
    <div className="gov-sync" data-testid="sync-tab">
      <style>{CSS}</style>
      <Heading size="medium" as="h2">
        {m.title}
      </Heading>
      <p style={{ color: subtle, maxWidth: 820 }}>{m.intro}</p>
      <p style={{ color: subtle, maxWidth: 820 }} data-testid="settings-note">
        {m.settingsNote}
      </p>
      <div role="status" aria-live="polite" data-testid="sync-flash" ref={flashBox} tabIndex={-1}>
        {flash && (
          <div style={{ margin: `${token('space.100', '8px')} 0` }}>
            <SectionMessage appearance={flash.appearance}>
              <p>{flash.error ? <ErrorText error={flash.error} /> : flash.text}</p>
            </SectionMessage>
          </div>
        )}
      </div>
      {load.kind === 'loading' && <Loading label={m.loading} />}
      {load.kind === 'error' && <ErrorNotice appearance={load.error.code === 'FORBIDDEN' ? 'warning' : 'error'} title={m.loadError} error={load.error} action={{ label: m.tryAgain, onClick: () => void read(false) }} />}
      {load.kind === 'ready' && (
        <>
          <Totals data={load.data} m={m} />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', margin: `${token('space.150', '12px')} 0` }}>
            <Button appearance="primary" isDisabled={busy} onClick={() => void syncNow()} testId="sync-now" aria-describedby="sync-now-help">
              {m.syncNow}
            </Button>
            <Button isDisabled={busy} onClick={reload} testId="sync-reload">
              {m.reload}
            </Button>
            {syncing && (
              <span role="status" style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050', '4px'), color: subtle }} data-testid="sync-updating">
                <Spinner size="small" label={m.updating} />
                {m.updating}
              </span>
            )}
          </div>
          <p id="sync-now-help" style={{ color: subtle, margin: `0 0 ${token('space.100', '8px')}`, maxWidth: 820, fontSize: 12 }}>
            {m.syncNowHelp(lang, load.data.totals.behind)} {m.resyncHelp}
          </p>
          {load.data.boards.length === 0 ? (
            <p data-testid="sync-empty">{m.empty}</p>
          ) : (
            <table className="gov-sync-table" data-testid="sync-table">
              <caption className="gov-sync-vh">{m.caption}</caption>
              <thead>
                <tr>
                  {(['board', 'project', 'issues', 'asOf', 'status', 'lastSuccess', 'lastError', 'lastRun', 'actions'] as const).map((c) => (
                    <th key={c} scope="col" className={c === 'issues' ? 'num' : undefined}>
                      {m.col[c]}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {load.data.boards.flatMap((b) => {
                  const rows = [
                    <Row key={b.id} board={b} m={m} fmt={fmt} siteUrl={context.siteUrl} busy={busy} onResync={() => void resync(b)} onForget={() => setConfirm(b.id)} />,
                  ];
                  if (confirm === b.id)
                    rows.push(
                      <tr key={`${b.id}-confirm`} data-testid="forget-confirm">
                        <td colSpan={9} className="confirm">
                          <div ref={confirmButton}>
                            <SectionMessage
                              appearance="warning"
                              title={m.forgetTitle(boardLabel(b, m))}
                              actions={[
                                <SectionMessageAction key="forget" testId="forget-confirm-button" onClick={() => void forget(b)}>
                                  {m.forgetConfirm}
                                </SectionMessageAction>,
                                <SectionMessageAction key="cancel" testId="forget-cancel" onClick={() => setConfirm(null)}>
                                  {m.cancel}
                                </SectionMessageAction>,
                              ]}
                            >
                              <p>{m.forgetBody}</p>
                            </SectionMessage>
                          </div>
                        </td>
                      </tr>,
                    );
                  return rows;
                })}
              </tbody>
            </table>
          )}
          <AddBoards m={m} onAdded={acted} />
        </>
      )}
    </div>
  );
}

function Totals({ data, m }: { data: SyncHealthData; m: SyncHealthMessages }) {
  const { lang, fmt } = useShell();
  const t = data.totals;
  const item = { padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`, border, borderRadius: token('radius.medium', '6px') };
  return (
    <div data-testid="sync-totals" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'center', margin: `${token('space.150', '12px')} 0` }}>
      <span style={item} data-testid="total-boards">
        {m.totals.boards(lang, t.boards, t.hidden)}
      </span>
      <span style={item} data-testid="total-issues">
        {m.totals.issues(lang, t.issues)}
      </span>
      <span style={item} data-testid="total-behind">
        {m.totals.behind(lang, t.behind)}
      </span>
      {t.failed > 0 && (
        <span style={{ ...item, color: token('color.text.danger', '#AE2E24') }} data-testid="total-failed">
          {m.totals.failed(lang, t.failed)}
        </span>
      )}
      <span style={{ ...item, minWidth: 260, flex: '1 1 260px' }} data-testid="total-size">
        <span style={{ display: 'block', marginBottom: token('space.050', '4px') }}>{m.totals.size(fmt.decimal(t.bytes / MIB), fmt.integer(t.limitBytes / MIB))}</span>
        <ProgressBar value={Math.min(1, t.bytes / t.limitBytes)} ariaLabel={m.totals.sizeLabel} />
      </span>
    </div>
  );
}
