/**
 * What the page says about settings of the older format (schema version 1, names instead of ids):
 * the names that were not found on this site, each with the kind of object, where it stood (in
 * words; its path in the old document only as a tooltip) and what became of it.
 */
import Button from '@atlaskit/button/default/button';
import { token } from '@atlaskit/tokens';
import type { UnresolvedName } from '../../../../src/shared/protocol';
import { localized } from '../../i18n';
import { useSettings } from './context';
import { tabOf, type TabId } from './draft';
import { unresolvedWhere } from './refs';

/** One line per name not found, with a way to the tab that edits it when `onGo` is given. */
export function UnresolvedList({ unresolved, onGo }: { unresolved: readonly UnresolvedName[]; onGo?: (tab: TabId) => void }) {
  const { m, lang, draft } = useSettings();
  const templateName = (i: number) => {
    const t = draft.checklists.templates[i];
    return t ? localized(t.name, lang) || t.id : '';
  };
  return (
    <div data-testid="unresolved">
      <p style={{ fontWeight: 600, margin: `${token('space.100', '8px')} 0 ${token('space.050', '4px')}` }}>{m.unresolvedTitle(unresolved.length)}</p>
      <ul style={{ margin: 0 }}>
        {unresolved.map((u) => (
          <li key={u.path} data-testid="unresolved-item">
            {onGo && (
              <>
                <Button appearance="subtle" spacing="compact" onClick={() => onGo(tabOf(u.path))}>
                  {m.tabs[tabOf(u.path)]}
                </Button>{' '}
              </>
            )}
            <span title={u.path}>
              {m.unresolvedItem(m.unresolvedKinds[u.kind], u.name, unresolvedWhere(u.path, m, lang, templateName))}: {m.unresolvedOutcomes[u.outcome](u.name)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
