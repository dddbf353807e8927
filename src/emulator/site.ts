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
  /** The user's language, as `myself.locale` says it (`en_US` when absent); names are served in it. */
  locale?: string;
  /**
   * Issue security level ids the user is granted (by the project's issue security scheme), or
   * '*' (or an element '*') for every level. Absent: none, so an issue with a level is hidden.
   */
  securityLevels?: readonly string[] | '*';
  /**
   * The app's own account (Forge `asApp()`, accountType `app`): it browses and edits every project
   * and reads every security level, whatever `browse`, `edit` and `securityLevels` say, and may
   * check other users' permissions (`POST /rest/api/3/permissions/check` with an accountId).
   */
  app?: boolean;
}

/** An issue security level as an issue's `security` field holds it (the emulator adds `self`). */
export interface SiteSecurityLevel {
  id: string;
  name: string;
  description?: string;
}

/** A language's names for the site's objects, by id (category names by key). */
export interface SiteTranslations {
  issueTypes?: Readonly<Record<string, string>>;
  statuses?: Readonly<Record<string, string>>;
  statusCategories?: Readonly<Record<string, string>>;
  priorities?: Readonly<Record<string, string>>;
  resolutions?: Readonly<Record<string, string>>;
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
  /** Other boards' sprints this board lists even though none of its issues is in them now (Jira does, at times). */
  extraSprintIds?: readonly number[];
}

/**
 * An issue as stored: its current fields in Jira's REST shape (as `GET /rest/api/3/issue` would
 * return them with every field, custom fields under their ids), its complete changelog, oldest
 * first, and its entity properties. `fields.security` (a `SiteSecurityLevel`), when set, hides the
 * issue from every user the level does not grant (see `SiteIndex.visible`).
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
  /** Names in other languages, by language (`ru`); the stored names are English. */
  translations?: Readonly<Record<string, SiteTranslations>>;
}
