/**
 * How current the figures are, as every surface reading the app's store shows it: "as of" when the
 * boards were last brought up to date, a Refresh that asks for a sync (never a recomputation), a
 * board whose last sync failed, and, while boards are read for the first time, their progress. A
 * surface whose boards are syncing asks again by itself until they are done.
 */
import { useEffect, useRef } from 'react';
import Button from '@atlaskit/button/default/button';
import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { Freshness } from '../../../src/shared/protocol';
import { syncMessages } from '../i18n-sync';
import { useShell } from '../shell';

const subtle = token('color.text.subtle', '#44546F');
/** Figures further behind than this are flagged (the schedule keeps them within 15 minutes). */
const BEHIND_MS = 30 * 60_000;
const POLL_MS = 3_000;
/** A page left open stops asking after this long; Refresh starts it again. */
const POLL_FOR_MS = 15 * 60_000;

export function FreshnessBar({ freshness, scope, onRefresh }: { freshness: Freshness; scope: string[]; onRefresh: () => void }) {
  const { lang, fmt, t } = useShell();
  const m = syncMessages(lang);
  const failed = freshness.boards.filter((b) => b.lastError !== null);
  const behind = freshness.behindMs !== null && freshness.behindMs > BEHIND_MS;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050', '4px') }}>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: token('space.100', '8px'), alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <div style={{ fontSize: '12px', color: subtle }}>
          {scope.map((line) => (
            <div key={line}>{line}</div>
          ))}
          {freshness.asOf !== null && (
            <div data-testid="as-of" title={freshness.boards.map((b) => `${b.name}: ${b.asOf ? fmt.dateTime(b.asOf) : m.boardPhase[b.phase] ?? b.phase}`).join('\n')}>
              {m.asOf(fmt.dateTime(freshness.asOf))}
              {freshness.behindMs !== null ? ` · ${m.ago(Math.floor(freshness.behindMs / 60_000))}` : ''}
              {behind && (
                <span style={{ marginLeft: token('space.050', '4px') }}>
                  <Lozenge appearance="moved">{lang === 'ru' ? 'отстаёт' : 'behind'}</Lozenge>
                </span>
              )}
            </div>
          )}
          {freshness.syncing && (
            <div data-testid="syncing" role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.050', '4px') }}>
              <Spinner size="small" label={m.syncing} />
              {m.syncing}
            </div>
          )}
          {freshness.asOf !== null && freshness.pending.length > 0 && <div data-testid="boards-pending">{m.boardsPending(freshness.pending.length)}</div>}
        </div>
        <Button spacing="compact" onClick={onRefresh} testId="refresh" aria-describedby="refresh-hint">
          {t.refresh}
        </Button>
        <span id="refresh-hint" hidden>
          {m.refreshHint}
        </span>
      </div>
      {behind && failed.length === 0 && <div style={{ fontSize: '12px', color: token('color.text.warning', '#A54800') }}>{m.behind}</div>}
      {failed.map((b) => (
        <div key={b.id} data-testid="sync-failed" style={{ fontSize: '12px', color: token('color.text.warning', '#A54800') }}>
          {m.failed(b.name, b.lastError ?? '')}
        </div>
      ))}
    </div>
  );
}

/** While no board has figures yet: what is happening, per board. */
export function FirstSync({ freshness }: { freshness: Freshness }) {
  const { lang, fmt } = useShell();
  const m = syncMessages(lang);
  const n = (x: number) => fmt.integer(x);
  return (
    <div data-testid="first-sync" style={{ padding: token('space.100', '8px') }}>
      <SectionMessage title={m.firstSyncTitle} appearance="information">
        <p>{m.firstSyncBody}</p>
        <ul style={{ margin: `${token('space.100', '8px')} 0 0`, paddingLeft: token('space.250', '20px') }}>
          {freshness.boards.map((b) => (
            <li key={b.id} data-testid="first-sync-board" style={{ fontSize: '12px', color: subtle }}>
              <strong>{b.name}</strong>: {m.boardPhase[b.phase] ?? b.phase}
              {b.issues > 0 ? ` · ${m.issuesRead(n(b.issues))}` : ''}
              {b.lastError ? ` · ${b.lastError}` : ''}
            </li>
          ))}
        </ul>
      </SectionMessage>
    </div>
  );
}

/**
 * Asks again (without a Refresh) every few seconds while the figures shown are being brought up to
 * date, for at most a quarter of an hour.
 */
export function useSyncPolling(freshness: Freshness | null, again: () => void): void {
  const since = useRef<number | null>(null);
  const active = freshness !== null && (freshness.syncing || freshness.pending.length > 0);
  useEffect(() => {
    if (!active) {
      since.current = null;
      return;
    }
    since.current ??= Date.now();
    if (Date.now() - since.current > POLL_FOR_MS) return;
    const timer = setTimeout(again, POLL_MS);
    return () => clearTimeout(timer);
  }, [active, freshness, again]);
}
