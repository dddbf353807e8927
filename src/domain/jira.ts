/**
 * Jira Cloud's own shapes, as its REST API returns them, parsed once by zod at the edge.
 *
 * The schemas are lenient where Jira is inconsistent (nulls vs missing optional fields, custom
 * fields of any shape) and strict where the metrics depend on a value (ids, instants, names).
 * Unknown properties pass through untouched, so the REST client can hand a parsed response to
 * the domain without a translation layer.
 */
import { z } from 'zod';

/** A Jira timestamp: `2026-03-02T09:15:00.000+0300`, `...Z` or `...+03:00`. */
export const JiraInstant = z
  .string()
  .refine((s) => !Number.isNaN(parseInstant(s)), { message: 'is not a Jira timestamp' });

/**
 * Epoch milliseconds of a Jira timestamp. Jira writes offsets without a colon (`+0300`), which
 * `Date.parse` does not accept in every engine, so the offset is normalised first.
 * Returns NaN for anything that is not an instant.
 */
export function parseInstant(s: string): number {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return Number.NaN;
  const base = m[1] as string;
  const off = m[2];
  if (off === undefined) return Number.NaN; // an instant without an offset is ambiguous
  const normalised = off === 'Z' ? 'Z' : off.length === 5 ? `${off.slice(0, 3)}:${off.slice(3)}` : off;
  return Date.parse(base + normalised);
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

export const StatusCategoryKey = z.enum(['new', 'indeterminate', 'done', 'undefined']);
export type StatusCategoryKey = z.infer<typeof StatusCategoryKey>;

/** `GET /rest/api/3/status` element, and `fields.status` of an issue. */
export const JiraStatus = z
  .object({
    id: z.string(),
    name: z.string(),
    statusCategory: z
      .object({ id: z.number().nullish(), key: StatusCategoryKey, name: z.string().nullish() })
      .passthrough(),
  })
  .passthrough();
export type JiraStatus = z.infer<typeof JiraStatus>;

export const JiraIssueType = z
  .object({ id: z.string(), name: z.string(), subtask: z.boolean().default(false) })
  .passthrough();
export type JiraIssueType = z.infer<typeof JiraIssueType>;

export const JiraNamed = z.object({ id: z.string().nullish(), name: z.string() }).passthrough();

export const JiraProject = z
  .object({ id: z.string(), key: z.string(), name: z.string().nullish() })
  .passthrough();

/** One changed field inside a changelog history. */
export const ChangelogItem = z
  .object({
    field: z.string(),
    fieldtype: z.string().nullish(),
    fieldId: z.string().nullish(),
    from: z.string().nullish(),
    fromString: z.string().nullish(),
    to: z.string().nullish(),
    toString: z.string().nullish(),
  })
  .passthrough();
export type ChangelogItem = z.infer<typeof ChangelogItem>;

export const ChangelogHistory = z
  .object({
    id: z.string(),
    author: JiraUser.nullish(),
    created: JiraInstant,
    items: z.array(ChangelogItem),
  })
  .passthrough();
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
    assignee: JiraUser.nullish(),
    reporter: JiraUser.nullish(),
    resolution: JiraNamed.nullish(),
    resolutiondate: JiraInstant.nullish(),
    duedate: z.string().nullish(),
    description: z.unknown().optional(),
    labels: z.array(z.string()).nullish(),
    components: z.array(JiraNamed).nullish(),
    parent: z.object({ id: z.string().nullish(), key: z.string() }).passthrough().nullish(),
    subtasks: z
      .array(
        z
          .object({
            id: z.string().nullish(),
            key: z.string(),
            fields: z.object({ status: JiraStatus.nullish() }).passthrough().nullish(),
          })
          .passthrough(),
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
  })
  .passthrough();
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

export const SprintPage = z
  .object({
    maxResults: z.number().nullish(),
    startAt: z.number().nullish(),
    total: z.number().nullish(),
    isLast: z.boolean().nullish(),
    values: z.array(JiraSprint),
  })
  .passthrough();

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
