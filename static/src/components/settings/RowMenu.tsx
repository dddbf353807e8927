/**
 * A row's secondary actions behind one "…" button (Atlaskit DropdownMenu). Loaded on its own
 * chunk by `RowActions` (row-actions.tsx), so the settings page's first paint does not carry it.
 */
import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';
import { token } from '@atlaskit/tokens';
import type { RowAction } from './row-actions';

export function RowMenu({ label, actions, testId }: { label: string; actions: readonly RowAction[]; testId?: string }) {
  return (
    <DropdownMenu<HTMLButtonElement>
      shouldRenderToParent
      placement="bottom-end"
      menuLabel={label}
      testId={testId}
      trigger={({ triggerRef, isSelected, testId: triggerTestId, onClick, onFocus, onBlur, ...aria }) => (
        <button
          type="button"
          ref={triggerRef}
          {...aria}
          aria-label={label}
          data-testid={triggerTestId}
          onClick={onClick}
          onFocus={onFocus}
          onBlur={onBlur}
          style={{
            minWidth: 32,
            height: 24,
            padding: `0 ${token('space.075', '6px')}`,
            border: 'none',
            borderRadius: 3,
            cursor: 'pointer',
            font: 'inherit',
            fontWeight: 700,
            lineHeight: '24px',
            color: token('color.text.subtle', '#44546F'),
            background: isSelected ? token('color.background.selected', '#E9F2FF') : token('color.background.neutral.subtle', 'transparent'),
          }}
        >
          …
        </button>
      )}
    >
      <DropdownItemGroup>
        {actions.map((a) => (
          <DropdownItem key={a.label} onClick={a.onClick} isDisabled={a.isDisabled ?? false} testId={a.testId}>
            {a.label}
          </DropdownItem>
        ))}
      </DropdownItemGroup>
    </DropdownMenu>
  );
}
