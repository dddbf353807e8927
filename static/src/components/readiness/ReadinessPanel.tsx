/**
 * The Readiness issue panel: the issue's DoR and DoD, each change saved at once.
 *
 * Every save carries the version the panel last read. When someone else saved in between, the
 * server refuses it (CONFLICT); the panel then re-reads and applies the same change again on the
 * latest version, so neither person's tick is lost.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { ReadinessView, ResolverError } from '../../../../src/shared/protocol';
import { api } from '../../api';
import { onIssueChanged } from '../../bridge';
import { readinessMessages } from '../../i18n-readiness';
import { useShell } from '../../shell';
import { ErrorNotice, ErrorText, Loading } from '../states';
import { ChecklistSection } from './ChecklistSection';
import type { ItemChangeRequest } from './ChecklistItemRow';
import { HistoryList } from './HistoryList';

/** Re-reads and re-applies after a conflict at most this many times. */
const ATTEMPTS = 4;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type State = { kind: 'loading' } | { kind: 'error'; error: ResolverError } | { kind: 'ready'; view: ReadinessView };
/** A note over the lists; an error note says the server's error in words, its details behind a toggle. */
type Note = { appearance: 'information' | 'warning' | 'error'; text: string; error?: ResolverError } | null;

const hasItem = (view: ReadinessView, change: ItemChangeRequest) => view.lists[change.list]?.items.some((i) => i.id === change.item) ?? false;

export function ReadinessPanel() {
  const { lang, context, fmt } = useShell();
  const t = readinessMessages(lang);
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<Note>(null);
  const viewRef = useRef<ReadinessView | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pendingCount = useRef(0);

  const show = (view: ReadinessView) => {
    viewRef.current = view;
    setState({ kind: 'ready', view });
  };

  const load = useCallback(async (quiet: boolean) => {
    if (!quiet) setState({ kind: 'loading' });
    const r = await api.readiness();
    if (r.ok) show(r.data);
    else if (!quiet || !viewRef.current) setState({ kind: 'error', error: r.error });
  }, []);

  useEffect(() => {
    void load(false);
  }, [load]);
  // Auto items follow the issue: re-read when Jira says it changed, and when the viewer comes back.
  useEffect(() => onIssueChanged(() => void (pendingCount.current > 0 ? undefined : load(true))), [load]);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible' && pendingCount.current === 0) void load(true);
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  /** Saves one change on the latest version, re-reading and re-applying after each conflict. */
  const save = async (c: ItemChangeRequest) => {
    const start = viewRef.current;
    if (!start) return;
    let version = start.version;
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const r = await api.updateReadiness({ version, change: c.reason === undefined ? { list: c.list, item: c.item, state: c.state } : c });
      if (r.ok) {
        show(r.data);
        if (attempt > 0) setNote({ appearance: 'information', text: t.conflictMerged });
        return;
      }
      if (r.error.code !== 'CONFLICT') {
        setNote({ appearance: 'error', text: t.saveFailed('').trim(), error: r.error });
        await load(true);
        return;
      }
      // Someone saved first: take their version and apply this change on top of it.
      if (attempt > 0) await pause(250 * attempt);
      const fresh = await api.readiness();
      if (!fresh.ok) {
        setNote({ appearance: 'error', text: t.saveFailed('').trim(), error: fresh.error });
        return;
      }
      show(fresh.data);
      if (!hasItem(fresh.data, c)) {
        setNote({ appearance: 'warning', text: t.conflictSuperseded });
        return;
      }
      version = fresh.data.version;
    }
    setNote({ appearance: 'error', text: t.saveFailed('').trim(), error: { code: 'CONFLICT', message: `Still refused as a conflict after ${ATTEMPTS} attempts.` } });
  };

  // Changes are saved one after another, each on the version the previous one left.
  const change = (c: ItemChangeRequest) => {
    const key = `${c.list}:${c.item}`;
    pendingCount.current++;
    setPending((p) => new Set(p).add(key));
    setNote(null);
    queue.current = queue.current
      .then(() => save(c))
      .catch((err: unknown) => setNote({ appearance: 'error', text: t.saveFailed('').trim(), error: { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) } }))
      .finally(() => {
        pendingCount.current--;
        setPending((p) => {
          const next = new Set(p);
          next.delete(key);
          return next;
        });
      });
  };

  if (state.kind === 'loading') return <Loading label={t.loading} />;
  if (state.kind === 'error') return <ErrorNotice title={t.errorTitle} error={state.error} action={{ label: t.tryAgain, onClick: () => void load(false) }} />;
  const v = state.view;
  const lists = [v.lists.dor, v.lists.dod].filter((l) => l !== null);

  return (
    <div data-testid="readiness-panel" data-version={v.version} style={{ padding: token('space.100', '8px'), display: 'flex', flexDirection: 'column', gap: token('space.200', '16px'), color: token('color.text', '#172B4D'), maxWidth: '48rem' }}>
      {!v.canEdit && (
        <SectionMessage appearance="information">
          <p data-testid="readiness-read-only">{t.readOnly}</p>
        </SectionMessage>
      )}
      {v.integrity && v.integrity.incidents.length > 0 && (
        <div data-testid="readiness-integrity">
          <SectionMessage appearance="warning" title={t.integrityTitle}>
            <p>{t.integrityBody}</p>
            <ul style={{ margin: `${token('space.050', '4px')} 0 0`, paddingLeft: token('space.200', '16px') }}>
              {v.integrity.incidents.map((i, n) => (
                <li key={`${i.at}-${n}`} data-testid="readiness-incident" data-kind={i.kind} style={{ overflowWrap: 'anywhere', fontSize: '12px' }}>
                  {t.incident(i, fmt.dateTime(i.at))}
                </li>
              ))}
            </ul>
          </SectionMessage>
        </div>
      )}
      {v.imported && v.imported.unverified > 0 && (
        <div data-testid="readiness-imported">
          <SectionMessage appearance="information" title={t.importedTitle}>
            <p>{t.importedBody(v.imported.unverified)}</p>
          </SectionMessage>
        </div>
      )}
      {note && (
        <div role="status" data-testid={`readiness-note-${note.appearance}`}>
          <SectionMessage appearance={note.appearance}>
            <p>{note.error ? <ErrorText lead={note.text} error={note.error} /> : note.text}</p>
            <div style={{ marginTop: token('space.050', '4px') }}>
              <Button spacing="compact" appearance="subtle" onClick={() => setNote(null)}>
                {t.dismiss}
              </Button>
            </div>
          </SectionMessage>
        </div>
      )}
      {lists.length === 0 && <p>{t.noChecklists}</p>}
      {lists.map((list) => (
        <ChecklistSection key={list.kind} list={list} stage={v.issue.stage} people={v.people} canEdit={v.canEdit} pending={pending} t={t} onChange={change} />
      ))}
      <section aria-label={t.history}>
        <HistoryList history={v.history} people={v.people} t={t} />
        {v.archivedParts > 0 && (
          <p data-testid="readiness-archived" style={{ margin: `${token('space.050', '4px')} 0 0`, fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>
            {t.archived(v.archivedParts)}
          </p>
        )}
      </section>
    </div>
  );
}
