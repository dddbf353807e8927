/**
 * The site's directory as the settings page's pickers need it: projects, their components,
 * priorities, issue types and users. Element and page shapes, parsed by zod like every answer.
 */
import { z } from 'zod';
import { JiraUser, offsetPage } from '../domain/jira';

/** `GET /rest/api/3/project/search` element. */
export const JiraProject = z.object({ id: z.string(), key: z.string(), name: z.string() }).passthrough();
export type JiraProject = z.infer<typeof JiraProject>;

/** `GET /rest/api/3/project/search` page (offset paging). */
export const ProjectPage = offsetPage(JiraProject);

/** `GET /rest/api/3/project/{key}/components` element. */
export const JiraComponent = z.object({ id: z.string(), name: z.string() }).passthrough();
export type JiraComponent = z.infer<typeof JiraComponent>;
export const ComponentList = z.array(JiraComponent);

/** `GET /rest/api/3/priority` element. */
export const JiraPriority = z.object({ id: z.string(), name: z.string() }).passthrough();
export type JiraPriority = z.infer<typeof JiraPriority>;
export const PriorityList = z.array(JiraPriority);

/** `GET /rest/api/3/issuetype` element. */
export const JiraIssueType = z
  .object({ id: z.string(), name: z.string(), untranslatedName: z.string().nullish(), subtask: z.boolean().nullish() })
  .passthrough();
export type JiraIssueType = z.infer<typeof JiraIssueType>;
export const IssueTypeList = z.array(JiraIssueType);

/** `GET /rest/api/3/user/search` */
export const UserList = z.array(JiraUser);
