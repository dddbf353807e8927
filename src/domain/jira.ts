/**
 * Jira Cloud's own shapes, as its REST API returns them, parsed once by zod at the edge.
 *
 * The schemas are lenient where Jira is inconsistent (nulls vs missing optional fields, custom
 * fields of any shape) and strict where the metrics depend on a value (ids, instants, names).
 * The REST client hands a parsed response to the domain without a translation layer: an issue's
 * fields pass through untouched (custom fields of every shape), as do the pages around them.
 *
 * The objects Jira embeds in every issue and every changelog history (users, statuses, issue
 * types, projects, priorities, resolutions, components) keep the properties the app reads and
 * lose Jira's decorations: `self` links, avatar and icon URLs, descriptions, colour names. Jira
 * repeats them in full for each issue and each history, and kept, they would outweigh the data:
 * a 20,000-issue board as Jira Cloud returns it held 410 MB of heap with them, against Forge's
 * 512 MB function limit (`npm run bench`, part 2). Stand-alone responses (`/user`, `/myself`, user
 * search) keep everything, avatars included.
 */
import { z } from 'zod';

/** A Jira timestamp: `2026-03-02T09:15:00.000+0300`, `...Z` or `...+03:00`. */
export const JiraInstant = z
  .string()
  .refine((s) => !Number.isNaN(parseInstant(s)), { message: 'is not a Jira timestamp' });

/**
 * Epoch milliseconds of a Jira timestamp, or NaN for anything that is not an instant: no offset
 * (ambiguous), a day that does not exist (`Date.parse` would roll 30 February into March), an hour,
 * minute, second or offset out of range. Computed by arithmetic, never by `Date.parse`, so the
 * result does not depend on the engine or on the process's time zone.
 */
export function parseInstant(s: string): number {
  const fast = readJiraInstantFast(s);
  return fast === undefined ? readInstantGeneral(s) : fast;
}

/** Any ISO 8601 instant Jira may write: seconds and fractions optional, `Z` or an offset with or without a colon. */
const GENERAL_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))$/;

/**
 * The general path of `parseInstant`, for every shape the fast path does not take. Exported for the
 * test that holds both paths to the same answers.
 */
export function readInstantGeneral(s: string): number {
  const m = GENERAL_INSTANT.exec(s);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, sec, frac, zulu, sign, oh, om] = m;
  // A fraction is cut to milliseconds, as Jira and Date.parse do: `.5` is 500 ms, `.123456` 123 ms.
  const ms = frac === undefined ? 0 : Number(`${frac}00`.slice(0, 3));
  const east = zulu === undefined ? (sign === '-' ? -1 : 1) : 0;
  return instantOf(Number(y), Number(mo), Number(d), Number(h), Number(mi), sec === undefined ? 0 : Number(sec), ms, east, Number(oh), Number(om));
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): arithmetic only. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The instant of a wall-clock time at an offset (`east` 1 east of UTC, -1 west, 0 for UTC itself,
 * whose offset digits are ignored), or NaN when any part is out of range.
 */
function instantOf(year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, east: number, offsetHours: number, offsetMinutes: number): number {
  if (!(month >= 1 && month <= 12 && day >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return Number.NaN;
  if (east !== 0 && !(offsetHours <= 23 && offsetMinutes <= 59)) return Number.NaN;
  const offset = east === 0 ? 0 : east * (offsetHours * 60 + offsetMinutes);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && !leap ? 28 : (MONTH_DAYS[month - 1] as number))) return Number.NaN;
  return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute - offset) * 60_000 + second * 1000 + ms;
}

/**
 * The shape Jira writes millions of times (`2026-03-02T09:15:00.000+0300`, `...Z`, `...+03:00`),
 * read without a regular expression: a changelog replay parses every history's instant, and this
 * is its hot path. It returns undefined for any other shape (the general path reads those), and
 * for this shape the instant, or NaN when a part is out of range. Exported for the test that holds
 * it to the general path.
 *
 * Written out by hand (no helper per digit): each character code is read once, and a digit is
 * checked by one unsigned comparison (`(c - 48) >>> 0 > 9` is true for anything but 0-9).
 */
export function readJiraInstantFast(s: string): number | undefined {
  const n = s.length;
  // Character codes, not `s[i]`: no one-character string per test ('-' 45, 'T' 84, ':' 58, '.' 46).
  if (n < 24 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46) return undefined;
  const y0 = s.charCodeAt(0) - 48;
  const y1 = s.charCodeAt(1) - 48;
  const y2 = s.charCodeAt(2) - 48;
  const y3 = s.charCodeAt(3) - 48;
  const mo0 = s.charCodeAt(5) - 48;
  const mo1 = s.charCodeAt(6) - 48;
  const d0 = s.charCodeAt(8) - 48;
  const d1 = s.charCodeAt(9) - 48;
  const h0 = s.charCodeAt(11) - 48;
  const h1 = s.charCodeAt(12) - 48;
  const mi0 = s.charCodeAt(14) - 48;
  const mi1 = s.charCodeAt(15) - 48;
  const s0 = s.charCodeAt(17) - 48;
  const s1 = s.charCodeAt(18) - 48;
  const ms0 = s.charCodeAt(20) - 48;
  const ms1 = s.charCodeAt(21) - 48;
  const ms2 = s.charCodeAt(22) - 48;
  if (
    y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || mo0 >>> 0 > 9 || mo1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9 ||
    h0 >>> 0 > 9 || h1 >>> 0 > 9 || mi0 >>> 0 > 9 || mi1 >>> 0 > 9 || s0 >>> 0 > 9 || s1 >>> 0 > 9 || ms0 >>> 0 > 9 || ms1 >>> 0 > 9 || ms2 >>> 0 > 9
  )
    return undefined;
  let east: number;
  let offsetHours = 0;
  let offsetMinutes = 0;
  const c23 = s.charCodeAt(23);
  if (n === 24 && c23 === 90 /* Z */) east = 0;
  else if (n === 28 || (n === 29 && s.charCodeAt(26) === 58 /* : */)) {
    east = c23 === 43 /* + */ ? 1 : c23 === 45 /* - */ ? -1 : 0;
    if (east === 0) return undefined;
    const m = n === 28 ? 26 : 27;
    const oh0 = s.charCodeAt(24) - 48;
    const oh1 = s.charCodeAt(25) - 48;
    const om0 = s.charCodeAt(m) - 48;
    const om1 = s.charCodeAt(m + 1) - 48;
    if (oh0 >>> 0 > 9 || oh1 >>> 0 > 9 || om0 >>> 0 > 9 || om1 >>> 0 > 9) return undefined;
    offsetHours = oh0 * 10 + oh1;
    offsetMinutes = om0 * 10 + om1;
  } else return undefined;
  return instantOf(y0 * 1000 + y1 * 100 + y2 * 10 + y3, mo0 * 10 + mo1, d0 * 10 + d1, h0 * 10 + h1, mi0 * 10 + mi1, s0 * 10 + s1, ms0 * 100 + ms1 * 10 + ms2, east, offsetHours, offsetMinutes);
}

export const JiraUser = z
  .object({
    accountId: z.string(),
    displayName: z.string().nullish(),
    active: z.boolean().nullish(),
    avatarUrls: z.record(z.string(), z.string()).nullish(),
    emailAddress: z.string().nullish(),
  })
  .passthrough();
export type JiraUser = z.infer<typeof JiraUser>;

/** A user embedded in an issue or a changelog history: who, not how to draw them. */
export const UserRef = z.object({
  accountId: z.string(),
  displayName: z.string().nullish(),
  active: z.boolean().nullish(),
});
export type UserRef = z.infer<typeof UserRef>;

export const StatusCategoryKey = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type StatusCategoryKey = z.infer<typeof StatusCategoryKey>;

/** `GET /rest/api/3/status` element, and `fields.status` of an issue. */
export const JiraStatus = z
  .object({
    id: z.string(),
    name: z.string(),
    /** The status's name in English whatever the viewer's language (`GET /rest/api/3/status` has it). */
    untranslatedName: z.string().nullish(),
    statusCategory: z.object({ id: z.number().nullish(), key: StatusCategoryKey, name: z.string().nullish() }),
  });
export type JiraStatus = z.infer<typeof JiraStatus>;

/**
 * An issue type. `name` is in the viewer's language (a Russian viewer sees «Ошибка» for Bug);
 * `untranslatedName` is the English name Jira keeps whatever the language. `GET /rest/api/3/issuetype`
 * returns it; issues embed it on some sites only, so the loader fills it in from that list.
 */
export const JiraIssueType = z.object({ id: z.string(), name: z.string(), untranslatedName: z.string().nullish(), subtask: z.boolean().default(false) });
export type JiraIssueType = z.infer<typeof JiraIssueType>;

export const JiraNamed = z.object({ id: z.string().nullish(), name: z.string() });

export const JiraProject = z.object({ id: z.string(), key: z.string(), name: z.string().nullish() });

/**
 * An item's `toString` as a value: a string, else null. An object without its own `toString` (an
 * item built in code, a change a test describes) answers with Object.prototype's method, which is
 * no value.
 */
export function itemToString(item: { readonly toString?: unknown }): string | null {
  const s = item.toString;
  return typeof s === 'string' ? s : null;
}

/**
 * `toString` of a changelog item. Jira may leave an empty side out altogether; a parsed object
 * without its own `toString` still answers with Object.prototype's method, which the schema would
 * otherwise read, and refuse, as the item's value. The inherited method is no value (null).
 */
const ItemToString = z.preprocess((v) => (v === Object.prototype.toString ? null : v), z.string().nullish());

/** One changed field inside a changelog history. */
export const ChangelogItem = z
  .object({
    field: z.string(),
    fieldtype: z.string().nullish(),
    fieldId: z.string().nullish(),
    from: z.string().nullish(),
    fromString: z.string().nullish(),
    to: z.string().nullish(),
    toString: ItemToString,
  });
export type ChangelogItem = z.infer<typeof ChangelogItem>;

export const ChangelogHistory = z
  .object({
    id: z.string(),
    author: UserRef.nullish(),
    created: JiraInstant,
    items: z.array(ChangelogItem),
  });
export type ChangelogHistory = z.infer<typeof ChangelogHistory>;

/** `expand=changelog` on search: at most 20 histories, `total` tells whether it was truncated. */
export const IssueChangelog = z
  .object({
    startAt: z.number().nullish(),
    maxResults: z.number().nullish(),
    total: z.number().nullish(),
    histories: z.array(ChangelogHistory),
  })
  .passthrough();

/** Jira's sprint-field value on an issue (an array of these). */
export const IssueSprintValue = z
  .object({ id: z.number(), name: z.string().nullish(), state: z.string().nullish(), boardId: z.number().nullish() })
  .passthrough();

/**
 * The issue fields the metrics read. Custom fields (sprint, estimation, acceptance criteria,
 * mapping fields) have site-specific ids and pass through as `unknown`; read them with the
 * helpers in `fields.ts`.
 */
export const JiraIssueFields = z
  .object({
    summary: z.string().nullish(),
    issuetype: JiraIssueType,
    status: JiraStatus,
    project: JiraProject,
    created: JiraInstant,
    updated: JiraInstant.nullish(),
    priority: JiraNamed.nullish(),
    assignee: UserRef.nullish(),
    reporter: UserRef.nullish(),
    resolution: JiraNamed.nullish(),
    resolutiondate: JiraInstant.nullish(),
    duedate: z.string().nullish(),
    description: z.unknown().optional(),
    labels: z.array(z.string()).nullish(),
    components: z.array(JiraNamed).nullish(),
    parent: z.object({ id: z.string().nullish(), key: z.string() }).passthrough().nullish(),
    subtasks: z
      .array(
        z.object({
          id: z.string().nullish(),
          key: z.string(),
          fields: z.object({ status: JiraStatus.nullish() }).nullish(),
        }),
      )
      .nullish(),
  })
  .passthrough();
export type JiraIssueFields = z.infer<typeof JiraIssueFields>;

export const JiraIssue = z
  .object({
    id: z.string(),
    key: z.string(),
    fields: JiraIssueFields,
    changelog: IssueChangelog.nullish(),
    properties: z.record(z.string(), z.unknown()).nullish(),
  });
export type JiraIssue = z.infer<typeof JiraIssue>;

/** `POST /rest/api/3/search/jql` response page. */
export const SearchJqlPage = z
  .object({
    issues: z.array(JiraIssue).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().nullish(),
  })
  .passthrough();
export type SearchJqlPage = z.infer<typeof SearchJqlPage>;

/** `POST /rest/api/3/changelog/bulkfetch` response page. */
export const BulkChangelogPage = z
  .object({
    issueChangeLogs: z
      .array(z.object({ issueId: z.string(), changeHistories: z.array(ChangelogHistory).default([]) }).passthrough())
      .default([]),
    nextPageToken: z.string().nullish(),
  })
  .passthrough();
export type BulkChangelogPage = z.infer<typeof BulkChangelogPage>;

/** `GET /rest/api/3/issue/{key}/changelog` response page. */
export const IssueChangelogPage = z
  .object({
    startAt: z.number(),
    maxResults: z.number(),
    total: z.number(),
    isLast: z.boolean().nullish(),
    values: z.array(ChangelogHistory),
  })
  .passthrough();

/** Agile sprint: `GET /rest/agile/1.0/board/{id}/sprint` element. */
export const JiraSprint = z
  .object({
    id: z.number(),
    name: z.string(),
    state: z.enum(['closed', 'active', 'future']),
    startDate: JiraInstant.nullish(),
    endDate: JiraInstant.nullish(),
    completeDate: JiraInstant.nullish(),
    activatedDate: JiraInstant.nullish(),
    originBoardId: z.number().nullish(),
    goal: z.string().nullish(),
  })
  .passthrough();
export type JiraSprint = z.infer<typeof JiraSprint>;

/** A page of Jira's offset paging (`startAt`, `maxResults`, `total`, `isLast`) of `values`. */
export function offsetPage<T extends z.ZodType>(item: T) {
  return z
    .object({
      startAt: z.number().nullish(),
      maxResults: z.number().nullish(),
      total: z.number().nullish(),
      isLast: z.boolean().nullish(),
      values: z.array(item),
    })
    .passthrough();
}

export const SprintPage = offsetPage(JiraSprint);

/** `GET /rest/agile/1.0/board/{id}`. */
export const JiraBoard = z
  .object({
    id: z.number(),
    name: z.string(),
    type: z.string().nullish(),
    location: z
      .object({ projectId: z.number().nullish(), projectKey: z.string().nullish(), name: z.string().nullish() })
      .passthrough()
      .nullish(),
  })
  .passthrough();
export type JiraBoard = z.infer<typeof JiraBoard>;

/** `GET /rest/agile/1.0/board/{id}/configuration`. */
export const BoardConfiguration = z
  .object({
    id: z.number(),
    name: z.string().nullish(),
    filter: z.object({ id: z.string() }).passthrough(),
    columnConfig: z
      .object({
        columns: z.array(
          z
            .object({
              name: z.string(),
              statuses: z.array(z.object({ id: z.string() }).passthrough()).default([]),
            })
            .passthrough(),
        ),
      })
      .passthrough(),
    estimation: z
      .object({
        type: z.string().nullish(),
        field: z.object({ fieldId: z.string(), displayName: z.string().nullish() }).passthrough().nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();
export type BoardConfiguration = z.infer<typeof BoardConfiguration>;

/** `GET /rest/api/3/filter/{id}`. */
export const JiraFilter = z.object({ id: z.string(), name: z.string().nullish(), jql: z.string() }).passthrough();
export type JiraFilter = z.infer<typeof JiraFilter>;

/** `GET /rest/api/3/field` element. */
export const JiraField = z
  .object({
    id: z.string(),
    name: z.string(),
    custom: z.boolean().nullish(),
    schema: z
      .object({ type: z.string().nullish(), custom: z.string().nullish(), customId: z.number().nullish(), items: z.string().nullish() })
      .passthrough()
      .nullish(),
  })
  .passthrough();
export type JiraField = z.infer<typeof JiraField>;
