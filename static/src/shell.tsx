/**
 * What every page shares: the Forge context, the viewer's language, the theme, and the one
 * formatter of dates and numbers (Jira's time zone, the viewer's Jira locale: format.ts).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import '@atlaskit/css-reset';
import Spinner from '@atlaskit/spinner';
import { enableTheme, loadContext, type UiContext } from './bridge';
import { formatter, type Format } from './format';
import { langOf, messages, type Lang, type Messages } from './i18n';

export interface Shell {
  lang: Lang;
  t: Messages;
  context: UiContext;
  /** Dates in Jira's time zone and the viewer's locale, numbers, lists: every component writes them through this. */
  fmt: Format;
}

const ShellContext = createContext<Shell | null>(null);

/**
 * The Atlassian focus ring on everything focusable that Atlaskit does not draw one for (links,
 * summaries, plain buttons): 2 px of `color.border.focused`, shown for the keyboard only.
 */
const FOCUS_RING = `a:focus-visible, button:focus-visible, summary:focus-visible, [tabindex]:focus-visible { outline: 2px solid var(--ds-border-focused, #388BFF); outline-offset: 2px; border-radius: 2px; }`;

export function useShell(): Shell {
  const s = useContext(ShellContext);
  if (!s) throw new Error('useShell outside <PageShell>');
  return s;
}

export function PageShell({ children }: { children: ReactNode }) {
  const [shell, setShell] = useState<Shell | null>(null);
  useEffect(() => {
    void enableTheme();
    loadContext()
      .catch((): UiContext => ({ locale: null, timezone: null, siteUrl: null }))
      .then((context) => {
        const lang = langOf(context.locale);
        document.documentElement.lang = lang;
        setShell({ lang, t: messages(lang), context, fmt: formatter(lang, context.locale, context.timezone) });
      });
  }, []);
  if (!shell) {
    return (
      <div style={{ padding: 16 }}>
        <Spinner size="medium" label="…" />
      </div>
    );
  }
  return (
    <ShellContext.Provider value={shell}>
      <style>{FOCUS_RING}</style>
      {children}
    </ShellContext.Provider>
  );
}
