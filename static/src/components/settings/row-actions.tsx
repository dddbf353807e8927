/**
 * Row actions of the settings page (move, remove…) in a "…" menu. The menu's Atlaskit code is
 * loaded when the first row is drawn; until then the same button stands there, inert.
 */
import { token } from '@atlaskit/tokens';
import { lazyPart } from '../../lazy';

export interface RowAction {
  label: string;
  onClick: () => void;
  isDisabled?: boolean;
  testId?: string;
}

function Placeholder() {
  return (
    <span aria-hidden="true" style={{ display: 'inline-block', minWidth: 32, height: 24, lineHeight: '24px', textAlign: 'center', fontWeight: 700, color: token('color.text.subtlest', '#626F86') }}>
      …
    </span>
  );
}

/** `label` names the row for a screen reader: "Actions for Retail". */
export const RowActions = lazyPart<{ label: string; actions: readonly RowAction[]; testId?: string }>(() => import('./RowMenu').then((m) => m.RowMenu), <Placeholder />);
