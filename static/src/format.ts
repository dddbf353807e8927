/**
 * The one place the UI writes instants and numbers. Every date and time is shown in Jira's time
 * zone (`context.timezone`, the zone the viewer set in Jira), never the browser's, and with the
 * conventions of the viewer's Jira locale (`context.locale`): `en_US` writes "Mar 6, 2026, 12:30 AM",
 * `en_GB` "6 Mar 2026, 00:30", `ru_RU` "6 мар. 2026 г., 00:30". The words stay in the page's
 * language (English or Russian): a viewer whose Jira speaks another language reads English with
 * their region's conventions (`de_DE`: `en-DE`, day first and 24 hours); a region the browser has
 * no English conventions for falls back to `en-GB`.
 *
 * Components take a `Format` from `useShell().fmt`; nothing else in the UI calls `Intl.DateTimeFormat`,
 * `Intl.NumberFormat` or `toLocaleString` (a test greps for it).
 */
import type { Lang } from './i18n';

/** The language tag of a page language alone (catalogue numbers, plural rules). */
export const langTag = (lang: Lang): string => (lang === 'ru' ? 'ru-RU' : 'en-GB');

function supported(tag: string): boolean {
  try {
    return new Intl.DateTimeFormat(tag).resolvedOptions().locale === tag;
  } catch {
    return false;
  }
}

/**
 * The locale dates and numbers are written in: the page's language with the region of the Jira
 * locale (`en_US` → `en-US`, `de_DE` → `en-DE`, `ru_RU` → `ru-RU`), when the browser knows that
 * combination; else the page language's default (`en-GB`, `ru-RU`).
 */
export function formatLocale(lang: Lang, jiraLocale: string | null | undefined): string {
  const region = /^[a-z]{2,3}[-_]([A-Za-z]{2}|\d{3})\b/i.exec(jiraLocale ?? '')?.[1]?.toUpperCase();
  const tag = region ? `${lang}-${region}` : null;
  return tag && supported(tag) ? tag : langTag(lang);
}

/** A valid IANA zone, or undefined (the browser's zone is then the only one there is). */
function zoneOrUndefined(timeZone: string | null | undefined): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

const RELATIVE_STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

export interface Format {
  readonly lang: Lang;
  /** The BCP 47 tag everything is written in (`en-US`, `en-GB`, `ru-RU`…). */
  readonly locale: string;
  /** Jira's time zone; undefined only where Jira gave none (the browser's is used then). */
  readonly timeZone: string | undefined;
  /** "Mar 6, 2026, 12:30 AM" (en-US), "6 Mar 2026, 00:30" (en-GB). */
  dateTime(iso: string | number): string;
  /** "Mar 6, 2026" (en-US), "6 Mar 2026" (en-GB). */
  date(iso: string | number): string;
  /** "Mar 6" (en-US), "6 Mar" (en-GB), "6 мар." (ru). */
  shortDate(iso: string | number): string;
  /** "5 minutes ago", "yesterday"; a stamp a little ahead of the browser's clock is "now". */
  relative(iso: string | number, now?: number): string;
  /** 0.955 → "95.5%"; null → null. */
  percent(ratio: number | null): string | null;
  /** At most one decimal: 3.25 → "3.3". */
  decimal(n: number, maxDigits?: number): string;
  /** A whole count: 1024 → "1,024" (en-US), "1 024" (ru). */
  integer(n: number): string;
  /** "A, B or C" / "A, B and C". */
  list(items: readonly string[], type?: 'conjunction' | 'disjunction'): string;
}

/** The formatter of a page: its language, the viewer's Jira locale and Jira's time zone. */
export function formatter(lang: Lang, jiraLocale: string | null | undefined, jiraTimeZone: string | null | undefined): Format {
  const locale = formatLocale(lang, jiraLocale);
  const timeZone = zoneOrUndefined(jiraTimeZone);
  const zoned = (opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat => new Intl.DateTimeFormat(locale, timeZone ? { ...opts, timeZone } : opts);
  const full = zoned({ dateStyle: 'medium', timeStyle: 'short' });
  const day = zoned({ dateStyle: 'medium' });
  const short = zoned({ day: 'numeric', month: 'short' });
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const instant = (x: string | number) => new Date(x);
  return {
    lang,
    locale,
    timeZone,
    dateTime: (x) => full.format(instant(x)),
    date: (x) => day.format(instant(x)),
    shortDate: (x) => short.format(instant(x)),
    relative(x, now = Date.now()) {
      let value = (instant(x).getTime() - now) / 1000;
      if (value > 0 && value < 60) value = 0;
      const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      for (const [unit, size] of RELATIVE_STEPS) {
        if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
        value /= size;
      }
      return rtf.format(Math.round(value), 'year');
    },
    percent: (ratio) => (ratio === null ? null : pct.format(ratio)),
    decimal: (n, maxDigits = 1) => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(n),
    integer: (n) => whole.format(n),
    list: (items, type = 'conjunction') => new Intl.ListFormat(locale, { style: 'long', type }).format(items),
  };
}

/**
 * Numbers inside the message catalogues, which know only the page's language: counts and limits
 * in sentences ("1 024 задачи"). Components use their `Format` instead.
 */
export function catalogueNumber(n: number, lang: Lang, maxDigits = 1): string {
  return new Intl.NumberFormat(langTag(lang), { maximumFractionDigits: maxDigits }).format(n);
}

/** "A, B or C" in the page's language, for the catalogues. */
export function catalogueList(items: readonly string[], lang: Lang, type: 'conjunction' | 'disjunction' = 'conjunction'): string {
  return new Intl.ListFormat(langTag(lang), { style: 'long', type }).format(items);
}
