/** Numbers and instants as the viewer's language writes them. */
import { localeTag, type Lang } from './i18n';

export function percent(ratio: number | null, lang: Lang): string | null {
  if (ratio === null) return null;
  return new Intl.NumberFormat(localeTag(lang), { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

export function decimal(n: number, lang: Lang): string {
  return new Intl.NumberFormat(localeTag(lang), { maximumFractionDigits: 1 }).format(n);
}

export function dateTime(iso: string, lang: Lang, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
  if (timeZone) opts.timeZone = timeZone;
  return new Intl.DateTimeFormat(localeTag(lang), opts).format(new Date(iso));
}

export function shortDate(iso: string, lang: Lang, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
  if (timeZone) opts.timeZone = timeZone;
  return new Intl.DateTimeFormat(localeTag(lang), opts).format(new Date(iso));
}
