/**
 * What every page shares: the Forge context, the viewer's language, the theme, the one formatter
 * of dates and numbers (Jira's time zone, the viewer's Jira locale: format.ts), and the notice
 * shown while the app's license is not active (license.tsx).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import '@atlaskit/css-reset';
import Spinner from '@atlaskit/spinner';
import { api } from './api';
import { enableTheme, loadContext, type UiContext } from './bridge';
import { formatter, type Format } from './format';
import { langOf, messages, type Lang, type Messages } from './i18n';
import { LicenseNotice, onUnlicensed, unlicensedNow } from './license';

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

/**
 * `license`: what the page does once the server says the app's license is not active. `replace`
 * (every surface but one): the notice takes the surface's place at the first refused call.
 * `banner` (the settings page, which an administrator may still read): the page asks at once and
 * keeps its content under the notice.
 */
export function PageShell({ children, license = 'replace' }: { children: ReactNode; license?: 'replace' | 'banner' }) {
  const [shell, setShell] = useState<Shell | null>(null);
  const [unlicensed, setUnlicensed] = useState(unlicensedNow());
  useEffect(() => onUnlicensed(() => setUnlicensed(true)), []);
  useEffect(() => {
    if (license !== 'banner') return;
    void api.licenseStatus().then((r) => {
      if (r.ok && r.data.state === 'inactive') setUnlicensed(true);
    });
  }, [license]);
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
      {unlicensed && <LicenseNotice lang={shell.lang} admin={license === 'banner'} />}
      {(!unlicensed || license === 'banner') && children}
    </ShellContext.Provider>
  );
}
