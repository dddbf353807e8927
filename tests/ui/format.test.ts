import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocale, formatter } from '../../static/src/format';

// 2026-03-05 21:30 UTC: the 6th of March, 00:30, in Moscow; still the 5th in New York.
const AT = '2026-03-05T21:30:00Z';

describe('dates in Jira’s time zone and the viewer’s locale', () => {
  it('writes an American viewer’s dates the American way, in Jira’s zone', () => {
    const f = formatter('en', 'en_US', 'Europe/Moscow');
    expect(f.locale).toBe('en-US');
    expect(f.dateTime(AT)).toMatch(/^Mar 6, 2026,? 12:30\sAM$/);
    expect(f.shortDate(AT)).toBe('Mar 6');
    expect(f.integer(1024)).toBe('1,024');
  });

  it('writes a British viewer’s day first with a 24-hour clock', () => {
    const f = formatter('en', 'en_GB', 'Europe/Moscow');
    expect(f.dateTime(AT)).toMatch(/^6 Mar 2026,? 00:30$/);
  });

  it('writes Russian dates and numbers in Russian', () => {
    const f = formatter('ru', 'ru_RU', 'Europe/Moscow');
    expect(f.date(AT)).toMatch(/^6 мар\. 2026/);
    expect(f.percent(0.955)).toMatch(/^95,5\s?%$/);
  });

  it('follows Jira’s time zone, not the browser’s: the same instant is another day in New York', () => {
    expect(formatter('en', 'en_US', 'America/New_York').shortDate(AT)).toBe('Mar 5');
    expect(formatter('en', 'en_US', 'Europe/Moscow').shortDate(AT)).toBe('Mar 6');
  });

  it('falls back sensibly: no locale is en-GB, a zone Jira did not give is the browser’s', () => {
    expect(formatLocale('en', null)).toBe('en-GB');
    expect(formatLocale('ru', 'ru_RU')).toBe('ru-RU');
    expect(formatLocale('en', 'de_DE')).toBe('en-DE');
    expect(formatter('en', 'en_US', 'Not/AZone').timeZone).toBeUndefined();
  });

  it('says recent instants relative to now, a stamp just ahead of the clock as now', () => {
    const f = formatter('en', 'en_US', 'UTC');
    const now = Date.parse(AT);
    expect(f.relative(now - 5 * 60_000, now)).toBe('5 minutes ago');
    expect(f.relative(now + 10_000, now)).toBe('now');
  });
});

describe('one formatting module', () => {
  it('no component writes dates or numbers with Intl or toLocaleString itself', () => {
    const root = join(__dirname, '../../static/src');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && path !== join(root, 'format.ts')) {
          if (/Intl\.(DateTimeFormat|NumberFormat|RelativeTimeFormat|ListFormat)|toLocale(Date|Time)?String/.test(readFileSync(path, 'utf8'))) offenders.push(path.slice(root.length + 1));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
