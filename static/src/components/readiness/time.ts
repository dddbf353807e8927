/** "5 minutes ago" in the viewer's language, with the exact instant for a tooltip. */
import { dateTime } from '../../format';
import { localeTag, type Lang } from '../../i18n';

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

export function relativeTime(iso: string, lang: Lang, now: number = Date.now()): string {
  let value = (Date.parse(iso) - now) / 1000;
  // A stamp a little ahead of this browser's clock is "now", not "in 3 seconds".
  if (value > 0 && value < 60) value = 0;
  const format = new Intl.RelativeTimeFormat(localeTag(lang), { numeric: 'auto' });
  for (const [unit, size] of STEPS) {
    if (Math.abs(value) < size) return format.format(Math.round(value), unit);
    value /= size;
  }
  return format.format(Math.round(value), 'year');
}

export function exactTime(iso: string, lang: Lang, timeZone: string | null): string {
  return dateTime(iso, lang, timeZone ?? undefined);
}
