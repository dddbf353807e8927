/**
 * List and page shapes the REST client reads that `src/domain/jira.ts` does not define (the element
 * shapes come from there, so a value means the same thing wherever it is parsed).
 */
import { z } from 'zod';
import { ChangelogHistory, JiraBoard, JiraField, JiraStatus, offsetPage } from '../domain/jira';

/** `GET /rest/api/3/field` */
export const FieldList = z.array(JiraField);

/** `GET /rest/api/3/status` */
export const StatusList = z.array(JiraStatus);

/** `GET /rest/agile/1.0/board` page. */
export const BoardPage = offsetPage(JiraBoard);

/** `GET /rest/api/3/issue/{key}/properties/{propertyKey}` */
export const IssuePropertyResponse = z.object({ key: z.string(), value: z.unknown() }).passthrough();

/** `GET /rest/api/3/mypermissions`: permission key → details, of which only `havePermission` matters. */
export const MyPermissionsResponse = z
  .object({
    permissions: z.record(z.string(), z.object({ havePermission: z.boolean() }).passthrough()),
  })
  .passthrough();

/** `POST /rest/api/3/search/approximate-count` */
export const ApproximateCountResponse = z.object({ count: z.number().int().min(0) }).passthrough();

/** `GET /rest/api/3/issue/{key}/remotelink`: only the linked URL and title are read. */
export const RemoteLinkList = z.array(
  z
    .object({
      id: z.number().nullish(),
      object: z.object({ url: z.string(), title: z.string().nullish() }).passthrough(),
    })
    .passthrough(),
);
export type RemoteLink = z.infer<typeof RemoteLinkList>[number];

/**
 * An issue's `security` field (asked for like any field): the issue security level that restricts
 * who sees the issue. Null or absent when the issue has none.
 */
export const IssueSecurityLevel = z
  .object({ self: z.string().nullish(), id: z.string(), name: z.string(), description: z.string().nullish() })
  .passthrough();
export type IssueSecurityLevel = z.infer<typeof IssueSecurityLevel>;

/** The security level of an issue's fields (from a search or issue read that asked for `security`), or null. */
export function securityLevelOf(fields: Readonly<Record<string, unknown>>): IssueSecurityLevel | null {
  const parsed = IssueSecurityLevel.safeParse(fields.security);
  return parsed.success ? parsed.data : null;
}

/** A numeric id as Jira sends it (int64), read as the string the client uses everywhere. */
const NumericId = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform((v) => String(v));

/** `POST /rest/api/3/permissions/check` (Get bulk permissions). */
export const BulkPermissionsResponse = z
  .object({
    globalPermissions: z.array(z.string()).nullish(),
    projectPermissions: z
      .array(
        z
          .object({
            permission: z.string(),
            projects: z.array(NumericId).nullish(),
            issues: z.array(NumericId).nullish(),
          })
          .passthrough(),
      )
      .nullish(),
  })
  .passthrough();

/** A body the client does not read (PUT / DELETE answers, often empty). */
export const Ignored = z.unknown();

/** Jira's error body: `{"errorMessages": [...], "errors": {"field": "message"}}`. */
export const ErrorBody = z
  .object({
    errorMessages: z.array(z.string()).nullish(),
    errors: z.record(z.string(), z.string()).nullish(),
    message: z.string().nullish(),
  })
  .passthrough();

/** `POST /rest/api/3/search/jql` with `fields: ["id"]`: issue ids only. */
export const IdsPage = z
  .object({
    issues: z.array(z.object({ id: z.string() }).passthrough()).default([]),
    nextPageToken: z.string().nullish(),
    isLast: z.boolean().nullish(),
  })
  .passthrough();

/**
 * `POST /rest/api/3/changelog/bulkfetch` as the client reads it: each history's id, instant and
 * items, without its author. Bulk fetch serves the replay, which reads no author, and a history's
 * author (with its avatars) is most of what Jira sends of it: left unread, it costs no object.
 * Every object here strips unknown keys, so the client cuts the authors from the text before it is
 * parsed (`unread: 'author'`, `withoutMember`): the same value, without parsing them at all.
 */
export const BulkChangelogAnswer = z.object({
  issueChangeLogs: z.array(z.object({ issueId: z.string(), changeHistories: z.array(ChangelogHistory.omit({ author: true })).default([]) })).default([]),
  nextPageToken: z.string().nullish(),
});
