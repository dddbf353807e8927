/**
 * Loading, empty and error states: each says what is happening or what to do next. A resolver's
 * error is said by its code in the viewer's language (i18n-errors.ts); the server's technical
 * message waits behind "Show details".
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/default/button';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import type { ResolverError } from '../../../src/shared/protocol';
import { errorMessages, errorText } from '../i18n-errors';
import { useShell } from '../shell';

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

const detailsToggle = {
  background: 'none',
  border: 'none',
  padding: 0,
  margin: 0,
  cursor: 'pointer',
  font: 'inherit',
  color: token('color.link', '#0C66E4'),
  textDecoration: 'underline',
  textUnderlineOffset: 2,
} as const;

/**
 * A resolver error in words: what it means by its code, then, behind "Show details", the code and
 * the server's own message (for whoever reports it). Inline, for a note inside a surface.
 */
export function ErrorText({ error, lead }: { error: ResolverError; lead?: string }) {
  const { lang } = useShell();
  const e = errorMessages(lang);
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <span data-testid="error-text" data-code={error.code}>
      {lead ? `${lead} ` : ''}
      {errorText(error, lang)}{' '}
      <button type="button" aria-expanded={open} aria-controls={id} data-testid="error-details-toggle" onClick={() => setOpen((o) => !o)} style={detailsToggle}>
        {open ? e.hideDetails : e.showDetails}
      </button>
      <span id={id} hidden={!open} data-testid="error-details" style={{ display: open ? 'block' : undefined, marginTop: token('space.050', '4px'), fontSize: '12px', color: token('color.text.subtle', '#44546F'), overflowWrap: 'anywhere' }}>
        {e.code}: <code>{error.code}</code> · {error.message}
      </span>
    </span>
  );
}

/** The error state of a surface whose call to the server failed: a title, the error in words, and what to do. */
export function ErrorNotice({ title, error, appearance = 'error', action }: {
  title: string;
  error: ResolverError;
  appearance?: 'error' | 'warning';
  action?: { label: string; onClick: () => void };
}) {
  return (
    <div style={{ padding: token('space.100', '8px') }} data-testid={`notice-${appearance}`}>
      <SectionMessage title={title} appearance={appearance}>
        <p>
          <ErrorText error={error} />
        </p>
        {action && (
          <div style={{ marginTop: token('space.100', '8px') }}>
            <Button onClick={action.onClick}>{action.label}</Button>
          </div>
        )}
      </SectionMessage>
    </div>
  );
}
