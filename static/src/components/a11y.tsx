/**
 * Small accessible building blocks of the convergence views: Atlassian focus rings and link-like
 * buttons (one style sheet), tooltips that open on hover and on keyboard focus and close on Escape,
 * a one-line text cut with an ellipsis that shows its whole text on hover or focus, headings at a
 * level the host page decides, and the width of a container.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from 'react';
import { token } from '@atlaskit/tokens';

/** The rules inline styles cannot express (focus-visible, hover), in design tokens. */
export function ConvergenceStyles() {
  const css = `
.gv-link { background: none; border: none; margin: 0; padding: 0 ${token('space.025', '2px')}; cursor: pointer; font: inherit; color: ${token('color.link', '#0C66E4')}; text-decoration: underline; text-underline-offset: 2px; border-radius: 3px; }
.gv-link:hover { color: ${token('color.link.pressed', '#0055CC')}; text-decoration-thickness: 2px; }
.gv-link:focus-visible, .gv-focus:focus-visible { outline: 2px solid ${token('color.border.focused', '#388BFF')}; outline-offset: 2px; }
.gv-ellipsis { display: block; min-width: 0; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.gv-sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
.gv-tip-button { display: inline-flex; align-items: center; justify-content: center; width: 20px; height: 20px; padding: 0; margin: 0 0 0 ${token('space.050', '4px')}; border-radius: 50%; border: 1px solid ${token('color.border.bold', '#758195')}; background: ${token('elevation.surface', '#FFFFFF')}; color: ${token('color.text.subtle', '#44546F')}; font: 600 11px/1 inherit; cursor: help; vertical-align: middle; flex: none; }
.gv-tip-button:hover { background: ${token('color.background.neutral.subtle.hovered', '#091E420F')}; }
`;
  return <style>{css}</style>;
}

/** `h2`…`h6` at the level the page needs (a gadget starts at 2, the project page's tab at 3). */
export function Heading({ level, id, children, style, testId }: { level: number; id?: string; children: ReactNode; style?: CSSProperties; testId?: string }) {
  const Tag = `h${Math.min(6, Math.max(2, level))}` as 'h2';
  return (
    <Tag id={id} data-testid={testId} style={{ margin: 0, fontSize: '14px', lineHeight: '20px', fontWeight: 653, color: token('color.text', '#172B4D'), ...style }}>
      {children}
    </Tag>
  );
}

/** The rendered width of an element (the frame's width until it is laid out). */
export function useWidth<T extends HTMLElement>(): [RefObject<T>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(() => (typeof window === 'undefined' ? 1024 : window.innerWidth));
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setWidth(Math.round(el.getBoundingClientRect().width));
    update();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

const TIP_GAP = 6;

/**
 * A tooltip bubble placed next to `anchor` in the frame's viewport (above or below, flipped when
 * there is no room, kept inside the frame sideways). `fixed`, so it never moves the layout.
 */
export function Bubble({ id, anchor, visible, place = 'below', children, hidden: ariaHidden, testId, onEnter, onLeave }: {
  id?: string;
  anchor: HTMLElement | null;
  visible: boolean;
  place?: 'above' | 'below';
  children: ReactNode;
  /** Purely visual (the anchor already carries the same text). */
  hidden?: boolean;
  testId?: string;
  onEnter?: () => void;
  onLeave?: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    if (!visible || !anchor || !ref.current) {
      setPos((p) => (p === null ? p : null));
      return;
    }
    const a = anchor.getBoundingClientRect();
    const tip = ref.current.getBoundingClientRect();
    const vw = document.documentElement.clientWidth;
    const vh = window.innerHeight;
    const left = Math.max(4, Math.min(a.left + a.width / 2 - tip.width / 2, vw - tip.width - 4));
    const above = a.top - tip.height - TIP_GAP;
    const below = a.bottom + TIP_GAP;
    let top = place === 'above' ? above : below;
    if (place === 'above' && above < 2 && below + tip.height <= vh) top = below;
    if (place === 'below' && below + tip.height > vh && above >= 2) top = above;
    // Only a real move re-renders (the effect runs after every render: the text may have changed size).
    setPos((p) => (p && Math.abs(p.left - left) < 0.5 && Math.abs(p.top - top) < 0.5 ? p : { left, top }));
  });
  return (
    <div
      ref={ref}
      id={id}
      role={ariaHidden ? undefined : 'tooltip'}
      aria-hidden={ariaHidden ? true : undefined}
      data-testid={testId}
      hidden={!visible}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
      style={{
        position: 'fixed',
        left: pos?.left ?? 0,
        top: pos?.top ?? 0,
        visibility: pos ? 'visible' : 'hidden',
        zIndex: 800,
        maxWidth: 'min(280px, calc(100vw - 8px))',
        padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
        borderRadius: 3,
        fontSize: '12px',
        lineHeight: '16px',
        fontWeight: 400,
        textAlign: 'left',
        whiteSpace: 'normal',
        background: token('color.background.neutral.bold', '#44546F'),
        color: token('color.text.inverse', '#FFFFFF'),
        boxShadow: token('elevation.shadow.overlay', '0 8px 12px #091E4226'),
      }}
    >
      {children}
    </div>
  );
}

/**
 * Open on hover (staying open while the pointer moves onto the bubble) and on keyboard focus;
 * Escape closes it (WCAG 1.4.13).
 */
export function useHoverFocus(): {
  open: boolean;
  show: () => void;
  hide: () => void;
  hideSoon: () => void;
  handlers: { onMouseEnter: () => void; onMouseLeave: () => void; onFocus: () => void; onBlur: () => void };
} {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  const show = useCallback(() => {
    cancel();
    setOpen(true);
  }, []);
  const hide = useCallback(() => {
    cancel();
    setOpen(false);
  }, []);
  const hideSoon = useCallback(() => {
    cancel();
    timer.current = setTimeout(() => setOpen(false), 150);
  }, []);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  useEffect(() => cancel, []);
  return { open, show, hide, hideSoon, handlers: { onMouseEnter: show, onMouseLeave: hideSoon, onFocus: show, onBlur: hide } };
}

/** A "?" next to a label: its definition on hover, focus or a click; the button names what it explains. */
export function InfoTip({ label, text, testId }: { label: string; text: string; testId?: string }) {
  const id = useId();
  const [button, setButton] = useState<HTMLButtonElement | null>(null);
  const { open, show, hide, hideSoon, handlers } = useHoverFocus();
  return (
    <>
      <button
        ref={setButton}
        type="button"
        className="gv-tip-button"
        aria-label={label}
        aria-describedby={id}
        data-testid={testId}
        onClick={() => (open ? hide() : show())}
        {...handlers}
      >
        ?
      </button>
      <Bubble id={id} anchor={button} visible={open} onEnter={show} onLeave={hideSoon} testId={testId ? `${testId}-text` : undefined}>
        {text}
      </Bubble>
    </>
  );
}

/**
 * Text kept to one line with an ellipsis; when it is cut, it can be focused and shows its whole
 * text on hover or focus (the whole text is in the page for screen readers either way).
 */
export function Truncated({ text, style, testId }: { text: string; style?: CSSProperties; testId?: string }) {
  const [el, setEl] = useState<HTMLSpanElement | null>(null);
  const [cut, setCut] = useState(false);
  const { open, show, hideSoon, handlers } = useHoverFocus();
  useLayoutEffect(() => {
    if (!el) return;
    const check = () => setCut(el.scrollWidth > el.clientWidth + 1);
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(check);
    ro.observe(el);
    return () => ro.disconnect();
  }, [el, text]);
  return (
    <>
      <span ref={setEl} className="gv-ellipsis gv-focus" tabIndex={cut ? 0 : undefined} data-testid={testId} data-cut={cut ? 'true' : 'false'} style={style} {...handlers}>
        {text}
      </span>
      <Bubble anchor={el} visible={cut && open} hidden onEnter={show} onLeave={hideSoon}>
        {text}
      </Bubble>
    </>
  );
}
