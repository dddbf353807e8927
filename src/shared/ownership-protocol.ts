/**
 * Payloads and results of the ownership panel, the ownership matrix and the governance settings
 * page. Type-only: `protocol.ts` re-exports these, so the UI still shares one module with the backend.
 */
import type {
  AutoCheck,
  BusinessCalendar,
  Channel,
  ChecklistItemTemplate,
  ChecklistKind,
  ChecklistTemplate,
  DefectTarget,
  GovernanceConfig,
  HygieneRuleId,
  IssueTypeRef,
  LocalizedText,
  MatchRule,
  ObjectRef,
  Product,
  Segment,
  Severity,
} from '../domain/config';
import type { ConfigMigration, UnresolvedKind, UnresolvedName } from '../domain/config-migration';
import type { ConfigProblem } from '../domain/config-problems';
import type { MatchCounts } from '../domain/ownership';
import type { OwnershipProblem, OwnerRole, ProductSuggestion } from '../domain/ownership-issue';
import type { MatrixCell, MatrixCounts, OwnershipMatrix } from '../domain/ownership-matrix';
import type { Freshness } from './governance-protocol';

export type {
  AutoCheck,
  BusinessCalendar,
  Channel,
  ChecklistItemTemplate,
  ChecklistKind,
  ChecklistTemplate,
  ConfigMigration,
  DefectTarget,
  GovernanceConfig,
  HygieneRuleId,
  IssueTypeRef,
  MatchRule,
  ObjectRef,
  Product,
  Segment,
  MatchCounts,
  MatrixCell,
  MatrixCounts,
  OwnershipMatrix,
  OwnershipProblem,
  OwnerRole,
  ProductSuggestion,
  Severity,
  UnresolvedKind,
  UnresolvedName,
};

/** A Jira user as the UI shows one; `displayName` null: Jira does not know (or will not show) the account. */
export interface PersonView {
  accountId: string;
  displayName: string | null;
  avatarUrl: string | null;
  /** False for a deactivated account; null when unknown. */
  active: boolean | null;
}

export interface NamedEntry {
  key: string;
  name: LocalizedText;
}

export interface OwnedProduct extends NamedEntry {
  businessOwner: PersonView | null;
  digitalOwner: PersonView | null;
}

export interface LedChannel extends NamedEntry {
  leader: PersonView | null;
}

/** `ownership/issue`: the panel of the issue in the Forge context. */
export interface OwnershipPanelData {
  issueKey: string;
  projectKey: string;
  products: OwnedProduct[];
  channels: LedChannel[];
  segments: NamedEntry[];
  /** Whom to ask about what (docs/ownership.md). */
  responsibilities: { businessOwner: LocalizedText[]; digitalOwner: LocalizedText[] };
  problems: OwnershipProblem[];
  /** Names of every configured product and channel, for problems that name ones the issue does not map to. */
  productNames: Record<string, LocalizedText>;
  channelNames: Record<string, LocalizedText>;
  /** The viewer is a Jira administrator (asked only when there is a problem to fix; false otherwise). */
  canConfigure: boolean;
  /** Nothing was saved yet: the model's defaults apply. */
  usingDefaults: boolean;
}

/** `ownership/matrix` */
export interface MatrixPayload {
  /** Ask for the synced boards to be brought up to date (throttled; the answer is what is stored now). */
  refresh?: boolean;
}

/**
 * The matrix over every issue of the synced boards that hygiene scans (not done, or updated in the
 * 30 days before the boards' "as of") and the viewer may browse, from the app's store.
 */
export interface MatrixData {
  /** Null while no board has figures yet: their first sync runs (`freshness` says which). */
  matrix: OwnershipMatrix | null;
  products: OwnedProduct[];
  channels: LedChannel[];
  segments: NamedEntry[];
  freshness: Freshness;
  /** Boards whose figures were derived with settings saved before the current ones: they follow after their next sync. */
  outdatedBoards: number;
}

export interface SampleInfo {
  /** Issues read. */
  size: number;
  /** The most the search reads. */
  limit: number;
  /** The limit was reached: older issues were left out. */
  truncated: boolean;
}

/** One problem of a configuration draft: where (`products[2].match.labels[0]`), what, and its kind. */
export type { ConfigProblem, ProblemDetail } from '../domain/config-problems';

/** `settings/load` */
export interface SettingsData {
  config: GovernanceConfig;
  /** Null while nothing is saved (the defaults apply). */
  version: number | null;
  /** A stored document that no longer validates: the defaults are shown, and a save replaces it. */
  storedProblems: ConfigProblem[];
  /**
   * The stored document is of schema version 1 (names instead of ids): `config` is it migrated
   * against the site's names as the administrator reads them, `unresolved` lists what could not
   * be resolved. Saving stores it as version 2; until then readers migrate it without the site.
   */
  migration: ConfigMigration | null;
  /** The governance model's defaults, for "reset" and "default" hints. */
  defaults: GovernanceConfig;
  /** The governance model's bank example (products, channels, segments), loaded into the draft in one step. */
  example: GovernanceConfig;
  /** Each hygiene rule's own severity (the configuration may override it). */
  hygieneRules: { id: HygieneRuleId; severity: Severity }[];
}

export interface ValidatePayload {
  config: unknown;
}

export interface ValidateData {
  problems: ConfigProblem[];
}

export interface SavePayload {
  config: unknown;
  /** The version the editor read; null when it read the defaults. */
  expectedVersion: number | null;
}

export interface ImportPayload {
  /** The JSON text of an exported configuration. */
  json: string;
  expectedVersion: number | null;
}

export type SaveResult =
  | { status: 'saved'; version: number; config: GovernanceConfig }
  | { status: 'invalid'; problems: ConfigProblem[] }
  /** Someone saved after this editor read: `version` is what is stored now. Nothing was changed. */
  | { status: 'conflict'; version: number | null }
  /** Import only: the text is not JSON. */
  | { status: 'malformed'; message: string };

/** `settings/import`: a saved import says whether the file was of schema version 1 and what could not be resolved. */
export type ImportResult =
  | Exclude<SaveResult, { status: 'saved' }>
  | { status: 'saved'; version: number; config: GovernanceConfig; migration: ConfigMigration | null };

/** `settings/export` */
export interface ExportData {
  json: string;
  version: number | null;
  fileName: string;
}

/** `settings/site-values`: what the pickers offer, read from the site. */
export interface SiteValues {
  projects: { key: string; name: string }[];
  /** Component names, each with the projects that have it. */
  components: { name: string; projects: string[] }[];
  /** Labels found on the sampled issues. */
  labels: string[];
  customFields: { id: string; name: string; type: string | null }[];
  /**
   * Priorities, statuses and issue types by id (what the configuration stores), with their names
   * as the administrator reads them (Jira names them in each user's language). Priorities are in
   * Jira's order; `untranslatedName` is the English name Jira keeps whatever the language (null
   * where Jira gives none).
   */
  priorities: { id: string; name: string }[];
  statuses: { id: string; name: string; untranslatedName: string | null; category: string }[];
  /** Every type by id: team-managed projects have their own, often named like the site's. */
  issueTypes: { id: string; name: string; untranslatedName: string | null; subtask: boolean }[];
  /** The issue sample labels (and components beyond the listed projects) came from. */
  sample: SampleInfo;
}

export interface FieldValuesPayload {
  fieldId: string;
}

export interface FieldValuesData {
  fieldId: string;
  /** Distinct values seen on the sampled issues, with how many issues hold each. */
  values: { value: string; count: number }[];
  sample: SampleInfo;
}

export interface MatchCountsPayload {
  config: unknown;
  /** Also ask for the synced boards to be brought up to date (throttled). */
  refresh?: boolean;
}

/** A custom field a draft maps on that the stored issues were not read with: its matches are not counted yet. */
export interface UnreadField {
  id: string;
  /** The saved settings map on it already: the sync is reading it. False: it is read from the next sync after a save. */
  saved: boolean;
}

export type MatchCountsData =
  /**
   * Every stored issue of the synced boards (not done, or updated in the last `horizonDays` days)
   * that the administrator may browse, counted for the draft's rules.
   */
  | { status: 'ok'; counts: MatchCounts; boards: number; horizonDays: number; unreadFields: UnreadField[]; freshness: Freshness }
  /** No board has had its first sync yet: the counts come after it. */
  | { status: 'pending'; freshness: Freshness }
  | { status: 'invalid'; problems: ConfigProblem[] };

export interface UsersPayload {
  query: string;
}

export interface PeoplePayload {
  accountIds: string[];
}

export interface PeopleData {
  people: PersonView[];
}

/** The request and result type of each resolver here (merged into `ResolverTypes`). */
export interface OwnershipResolverTypes {
  'ownership/issue': { payload: Record<string, never>; data: OwnershipPanelData };
  'ownership/matrix': { payload: MatrixPayload; data: MatrixData };
  'settings/load': { payload: Record<string, never>; data: SettingsData };
  'settings/validate': { payload: ValidatePayload; data: ValidateData };
  'settings/save': { payload: SavePayload; data: SaveResult };
  'settings/import': { payload: ImportPayload; data: ImportResult };
  'settings/export': { payload: Record<string, never>; data: ExportData };
  'settings/site-values': { payload: Record<string, never>; data: SiteValues };
  'settings/field-values': { payload: FieldValuesPayload; data: FieldValuesData };
  'settings/match-counts': { payload: MatchCountsPayload; data: MatchCountsData };
  'settings/users': { payload: UsersPayload; data: PeopleData };
  'settings/people': { payload: PeoplePayload; data: PeopleData };
}

export const OWNERSHIP_RESOLVER = {
  ownershipIssue: 'ownership/issue',
  ownershipMatrix: 'ownership/matrix',
  settingsLoad: 'settings/load',
  settingsValidate: 'settings/validate',
  settingsSave: 'settings/save',
  settingsImport: 'settings/import',
  settingsExport: 'settings/export',
  settingsSiteValues: 'settings/site-values',
  settingsFieldValues: 'settings/field-values',
  settingsMatchCounts: 'settings/match-counts',
  settingsUsers: 'settings/users',
  settingsPeople: 'settings/people',
} as const satisfies Record<string, keyof OwnershipResolverTypes>;
