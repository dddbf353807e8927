/**
 * The data a Jira REST emulator serves: a whole site, in Jira's own shapes. The demo site
 * (`src/demo`) and test fixtures build one of these; the emulator (`src/emulator/server.ts`) serves it.
 */
import type {
  BoardConfiguration,
  ChangelogHistory,
  JiraBoard,
  JiraField,
  JiraFilter,
  JiraSprint,
  JiraStatus,
  JiraUser,
} from '../domain/jira';

export interface SiteUser extends JiraUser {
  accountId: string;
  displayName: string;
  emailAddress: string;
  /** API token accepted with this user's email in basic auth. */
  apiToken: string;
  /** Project keys the user may browse, or '*' for all. */
  browse: readonly string[] | '*';
  /** Project keys whose issues the user may edit, or '*' for all. */
  edit: readonly string[] | '*';
  /** Jira administrator (ADMINISTER). */
  admin: boolean;
}

export interface SiteProject {
  id: string;
  key: string;
  name: string;
  components: readonly { id: string; name: string }[];
}

export interface SiteBoard {
  board: JiraBoard;
  configuration: BoardConfiguration;
  filter: JiraFilter;
}

/**
 * An issue as stored: its current fields in Jira's REST shape (as `GET /rest/api/3/issue` would
 * return them with every field, custom fields under their ids), its complete changelog, oldest
 * first, and its entity properties.
 */
export interface SiteIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  histories: ChangelogHistory[];
  properties: Record<string, unknown>;
  /** Remote links (design mock-ups etc.), as `GET /rest/api/3/issue/{key}/remotelink` returns. */
  remoteLinks?: { id: number; object: { url: string; title: string } }[];
}

export interface SiteData {
  /** Shown as the site's name in the preview. */
  name: string;
  users: SiteUser[];
  fields: JiraField[];
  statuses: JiraStatus[];
  priorities: readonly { id: string; name: string }[];
  issueTypes: readonly { id: string; name: string; subtask: boolean }[];
  projects: SiteProject[];
  boards: SiteBoard[];
  /** Every sprint, each with `originBoardId`. */
  sprints: JiraSprint[];
  issues: SiteIssue[];
}
