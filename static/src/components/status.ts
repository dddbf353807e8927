/** Met / near / missed, in design-token colours and as lozenges. */
import { token } from '@atlaskit/tokens';
import type { TargetStatus } from '../../../src/shared/protocol';

export type Appearance = 'success' | 'moved' | 'removed' | 'default';

export const lozengeOf = (status: TargetStatus | null): Appearance =>
  status === 'met' ? 'success' : status === 'near' ? 'moved' : status === 'missed' ? 'removed' : 'default';

export function textColour(status: TargetStatus | null): string {
  switch (status) {
    case 'met':
      return token('color.text.success', '#216E4E');
    case 'near':
      return token('color.text.warning', '#A54800');
    case 'missed':
      return token('color.text.danger', '#AE2E24');
    default:
      return token('color.text.subtle', '#44546F');
  }
}
