/** The audit trail, newest first, folded away until asked for. */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { ReadinessHistoryEntry, ReadinessPerson } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import type { ReadinessMessages } from '../../i18n-readiness';
import { useShell } from '../../shell';
import { Who } from './ChecklistItemRow';

export function HistoryList({ history, people, t }: { history: ReadinessHistoryEntry[]; people: Record<string, ReadinessPerson>; t: ReadinessMessages }) {
  const { lang } = useShell();
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (history.length === 0) return <p style={{ margin: 0, fontSize: '12px', color: token('color.text.subtle', '#44546F') }}>{t.noHistory}</p>;
  return (
    <div data-testid="readiness-history">
      <Button appearance="subtle" spacing="compact" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)} testId="readiness-history-toggle">
        {open ? t.hideHistory : t.showHistory(history.length)}
      </Button>
      {open && (
        <ol id={listId} style={{ margin: `${token('space.050', '4px')} 0 0`, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.075', '6px') }}>
          {history.map((h, i) => {
            const item = localized(h.text, lang);
            const person = h.by ? people[h.by] : undefined;
            const who = h.by === null ? t.theApp : (person?.displayName ?? t.unknownUser);
            return (
              <li key={`${h.at}-${h.item}-${i}`} data-testid="readiness-history-entry" style={{ listStyle: 'none', fontSize: '12px', display: 'flex', flexDirection: 'column', gap: '2px' }}>
                <span style={{ overflowWrap: 'anywhere' }}>{h.change === 'removed' ? t.historyRemoved(item, h.to) : t.historyState(who, item, h.to, h.reason)}</span>
                <Who accountId={h.by} at={h.at} people={people} t={t} />
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
