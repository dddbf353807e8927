/**
 * What a hygiene rule is (docs/metrics.md, "Jira hygiene"), and what it may look at.
 *
 * A rule judges one issue at `now`. Hygiene is about how the issue looks in Jira today, so rules
 * read the issue's current fields as fetched; only chronic carry-over replays history (membership
 * and status at each sprint's end). "Done" here means the status category `done` of the issue's
 * current status, except for chronic carry-over, which uses the board's done statuses (§0).
 */
import { defaultConfig, type GovernanceConfig, type HygieneRuleId, type LocalizedText, type Severity } from '../config';
import type { JiraIssue, JiraSprint, StatusCategoryKey } from '../jira';
import type { PreparedIssue, StatusCatalog } from '../issue';

export interface HygieneContext {
  readonly now: number;
  readonly config: GovernanceConfig;
  /** Status id → category, for statuses an issue does not describe itself (sub-tasks, history). */
  readonly catalog: StatusCatalog;
  /** The sprints known from the boards, by id. */
  readonly sprintsById: ReadonlyMap<number, JiraSprint>;
  /** The Sprint field's id, to read the sprint state Jira carries in the issue's own field value. */
  readonly sprintFieldId: string | null;
  /** The board's estimation field; null where the board estimates by issue count (missing-estimate is then moot). */
  readonly estimationFieldId: string | null;
  /**
   * The board's done statuses (the last column), for "done at a sprint's end" in chronic
   * carry-over. Null where no board configuration is available: then the statuses of category
   * `done` in `catalog` are used (§0).
   */
  readonly doneStatusIds: ReadonlySet<string> | null;
  /** Done statuses per board, when several boards are scanned; a sprint uses its origin board's. */
  readonly doneStatusIdsByBoard?: ReadonlyMap<number, ReadonlySet<string>>;
  /** Other issues by key, where known: a sub-task's own history tells when it was created and its status at `now`. */
  readonly issuesByKey?: ReadonlyMap<string, PreparedIssue>;
}

export type HygieneParamValue = number | string | boolean | null | readonly string[];

export interface HygieneRule {
  readonly id: HygieneRuleId;
  /** The default severity; the configuration may override it. */
  readonly severity: Severity;
  /** The configuration values the rule reads, for showing next to it ("older than 14 days"). */
  params(config: GovernanceConfig): Readonly<Record<string, HygieneParamValue>>;
  violates(issue: PreparedIssue, ctx: HygieneContext): boolean;
  /** How to fix a violation, in one line. */
  readonly fix: LocalizedText;
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function statusCategory(issue: JiraIssue): StatusCategoryKey {
  return issue.fields.status.statusCategory.key;
}

/** Done, for every rule but chronic carry-over: the current status is of category `done`. */
export function isDone(issue: JiraIssue): boolean {
  return statusCategory(issue) === 'done';
}

export const noParams = (): Readonly<Record<string, HygieneParamValue>> => ({});

/**
 * A context with the quiet defaults of a site that tells nothing: default configuration, no known
 * statuses or sprints, no Sprint or estimation field, done statuses by category.
 */
export function hygieneContext(o: Partial<HygieneContext> & { now: number }): HygieneContext {
  return {
    // Parsing the default configuration is not free (time-zone checks): only when none is given.
    config: o.config ?? defaultConfig(),
    catalog: new Map(),
    sprintsById: new Map(),
    sprintFieldId: null,
    estimationFieldId: null,
    doneStatusIds: null,
    ...o,
  };
}
