/**
 * The issues behind a number, in Jira's modal dialog (Forge `Modal`, the `drill-modal` resource):
 * over the whole page, so the gadget neither grows nor jumps. The keys travel in the modal's
 * context; focus goes into the dialog and, when it closes, back to the number that opened it.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { closeModal, openModal } from '../bridge';
import { useShell } from '../shell';
import { ConvergenceStyles } from './a11y';
import { DrillDown, IssueList, type DrillTarget } from './DrillDown';
import type { OpenDrill } from './SprintTable';
import { Notice } from './states';

/** The manifest resource the modal opens. */
export const DRILL_RESOURCE = 'drill-modal';

/** Where focus returns: the control itself, or the one that replaced it if the figures were reloaded meanwhile. */
function returnFocus(from: HTMLElement): void {
  const label = from.getAttribute('aria-label');
  const target = from.isConnected ? from : label ? document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(label)}"]`) : null;
  target?.focus();
}

/** `open` shows a set's issues in the modal; `fallback` is the panel shown instead where Jira cannot open one. */
export function useDrill(): { open: OpenDrill; fallback: ReactNode } {
  const [inline, setInline] = useState<{ target: DrillTarget; from: HTMLElement } | null>(null);
  const open = useCallback<OpenDrill>((target, from) => {
    openModal({ resource: DRILL_RESOURCE, context: { title: target.title, keys: target.keys }, onClose: () => returnFocus(from) }).catch(() => setInline({ target, from }));
  }, []);
  const fallback = (
    <DrillDown
      target={inline?.target ?? null}
      onClose={() => {
        if (inline) returnFocus(inline.from);
        setInline(null);
      }}
    />
  );
  return { open, fallback };
}

/** What the opener put in the modal's context, checked: the frame may be opened by anything. */
export function drillTargetOf(modal: unknown): DrillTarget | null {
  if (typeof modal !== 'object' || modal === null) return null;
  const m = modal as { title?: unknown; keys?: unknown };
  if (typeof m.title !== 'string' || !Array.isArray(m.keys) || !m.keys.every((k): k is string => typeof k === 'string')) return null;
  return { title: m.title, keys: m.keys };
}

/** The page inside the modal. */
export function DrillModalView(): ReactNode {
  const { t, context } = useShell();
  const target = drillTargetOf(context.modal);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    document.title = target?.title ?? t.conv.drillFailed;
  }, [target?.title, t]);
  return (
    <div data-testid="drill-down" style={{ padding: token('space.200', '16px'), color: token('color.text', '#172B4D'), display: 'flex', flexDirection: 'column', gap: token('space.100', '8px') }}>
      <ConvergenceStyles />
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: token('space.100', '8px') }}>
        <h1 ref={heading} tabIndex={-1} className="gv-focus" data-testid="drill-title" style={{ margin: 0, fontSize: '20px', lineHeight: '24px', fontWeight: 653 }}>
          {target?.title ?? t.conv.drillFailed}
        </h1>
        <Button appearance="subtle" onClick={() => void closeModal()} testId="drill-close">
          {t.close}
        </Button>
      </div>
      {target ? (
        <>
          <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>{t.issues(target.keys.length)}</p>
          <IssueList keys={target.keys} />
        </>
      ) : (
        <Notice appearance="error" title={t.conv.drillFailed} body={t.conv.drillBadContext} />
      )}
    </div>
  );
}
