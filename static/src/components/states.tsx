/** Loading, empty and error states: each says what is happening or what to do next. */
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" style={{ display: 'flex', alignItems: 'center', gap: token('space.100', '8px'), padding: token('space.200', '16px') }}>
      <Spinner size="medium" label={label} />
      <span style={{ color: token('color.text.subtle', '#44546F') }}>{label}</span>
    </div>
  );
}

export function Notice({ title, body, appearance = 'information', action }: {
  title: string;
  body: string;
  appearance?: 'information' | 'warning' | 'error' | 'success' | 'discovery';
  action?: { label: string; onClick: () => void };
}) {
  return (
    <div style={{ padding: token('space.100', '8px') }} data-testid={`notice-${appearance}`}>
      <SectionMessage title={title} appearance={appearance}>
        <p>{body}</p>
        {action && (
          <div style={{ marginTop: token('space.100', '8px') }}>
            <Button onClick={action.onClick}>{action.label}</Button>
          </div>
        )}
      </SectionMessage>
    </div>
  );
}
