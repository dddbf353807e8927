import { HYGIENE_CATALOGUE } from '../catalogue';
import { isDone, type HygieneRule, noParams } from '../rule';

/** The calendar date (YYYY-MM-DD) of an instant in an IANA time zone. */
export function calendarDate(instant: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Past its due date and not done. The due date is a plain date, and "today" is `now`'s date in the
 * configuration's time zone, so an issue due today is not overdue anywhere on that day. A due date
 * Jira would not write (not YYYY-MM-DD) is ignored rather than guessed at.
 */
export const overdue: HygieneRule = {
  id: 'overdue',
  severity: 'medium',
  params: (config) => ({ timeZone: config.timeZone }),
  violates: ({ issue }, { now, config }) => {
    const due = issue.fields.duedate;
    if (!due || !/^\d{4}-\d{2}-\d{2}$/.test(due) || isDone(issue)) return false;
    return due < calendarDate(now, config.timeZone);
  },
  fix: HYGIENE_CATALOGUE['overdue'].fix,
};
