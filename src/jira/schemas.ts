/**
 * List and page shapes the REST client reads that `src/domain/jira.ts` does not define (the element
 * shapes come from there, so a value means the same thing wherever it is parsed).
 */
import { z } from 'zod';
import { JiraBoard, JiraField, JiraStatus, offsetPage } from '../domain/jira';

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
