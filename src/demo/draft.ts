/**
 * An issue while the demo is being simulated. Every change goes through `update`, which writes the
 * changelog history exactly as Jira would (one history per edit, items in Jira's shapes) and moves
 * the current state along with it; so an issue's fields are always its changelog replayed.
 *
 * Values set when the issue is created are not in the changelog, as in Jira.
 */
import type { ChangelogItem } from '../domain/jira';
import {
  DEMO_STATUSES,
  FLAGGED_FIELD_ID,
  type IssueTypeName,
  isDoneStatus,
  NOW_MS,
  priorityId,
  type PriorityName,
  RANK_FIELD_ID,
  resolution,
  type ResolutionName,
  SPRINT_FIELD_ID,
  type StatusKey,
  STORY_POINTS_FIELD_ID,
} from './catalog';

export interface DraftHistory {
  at: number;
  author: string;
  items: ChangelogItem[];
}

/** What a draft needs from the site being built. */
export interface DraftContext {
  userName(accountId: string): string;
  sprintName(id: number): string;
  /** Whether to leave `fieldId` out of a custom-field item (real sites often do). */
  omitCustomFieldId(): boolean;
}

export interface Patch {
  status?: StatusKey;
  /** `undefined`: leave as is; `null`: clear. */
  resolution?: ResolutionName | null;
  assignee?: string | null;
  sprints?: readonly number[];
  estimate?: number | null;
  priority?: PriorityName;
  rank?: 'higher' | 'lower';
  flagged?: boolean;
  duedate?: string | null;
}

export interface DraftInit {
  projectKey: string;
  type: IssueTypeName;
  created: number;
  reporter: string;
  summary: string;
  description: unknown;
  acceptanceCriteria?: unknown;
  labels?: readonly string[];
  components?: readonly string[];
  segment?: { id: string; value: string } | null;
  priority?: PriorityName | null;
  duedate?: string | null;
  assignee?: string | null;
  sprints?: readonly number[];
  estimate?: number | null;
  status?: StatusKey;
  parent?: Draft | null;
  remoteLinks?: readonly { url: string; title: string }[];
}

interface ItemValues {
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

let nextSeq = 0;
/** Restarts the creation counter, so that two builds of the site are identical. */
export function resetDraftSequence(): void {
  nextSeq = 0;
}

const sortIds = (ids: readonly number[]): number[] => [...new Set(ids)].sort((a, b) => a - b);
const MIN_GAP_MS = 1000;

export class Draft {
  readonly seq = nextSeq++;
  readonly projectKey: string;
  readonly type: IssueTypeName;
  readonly created: number;
  readonly reporter: string;
  readonly summary: string;
  readonly description: unknown;
  readonly acceptanceCriteria: unknown;
  readonly labels: readonly string[];
  readonly components: readonly string[];
  readonly segment: { id: string; value: string } | null;
  readonly parent: Draft | null;
  readonly children: Draft[] = [];
  readonly remoteLinks: readonly { url: string; title: string }[];
  readonly histories: DraftHistory[] = [];

  status: StatusKey;
  resolution: ResolutionName | null = null;
  resolvedAt: number | null = null;
  statusCategoryChangedAt: number;
  assignee: string | null;
  sprints: number[];
  estimate: number | null;
  priority: PriorityName | null;
  duedate: string | null;
  flagged = false;
  lastAt: number;

  /** Generation hints (not Jira data). */
  epic: Draft | null = null;
  rank: number;
  hints = { chronic: 0, noAssignee: false, skipResolution: false, keepResolution: false, abandoned: false, leaveSubtaskOpen: false };

  constructor(
    private readonly ctx: DraftContext,
    init: DraftInit,
  ) {
    this.projectKey = init.projectKey;
    this.type = init.type;
    this.created = Math.round(init.created);
    this.reporter = init.reporter;
    this.summary = init.summary;
    this.description = init.description;
    this.acceptanceCriteria = init.acceptanceCriteria ?? null;
    this.labels = init.labels ?? [];
    this.components = init.components ?? [];
    this.segment = init.segment ?? null;
    this.priority = init.priority ?? null;
    this.duedate = init.duedate ?? null;
    this.assignee = init.assignee ?? null;
    this.sprints = sortIds(init.sprints ?? []);
    this.estimate = init.estimate ?? null;
    this.status = init.status ?? 'todo';
    this.parent = init.parent ?? null;
    this.remoteLinks = init.remoteLinks ?? [];
    this.statusCategoryChangedAt = this.created;
    this.lastAt = this.created;
    this.rank = this.created;
    if (this.created > NOW_MS) throw new Error(`an issue created after now (${new Date(this.created).toISOString()})`);
    this.parent?.children.push(this);
  }

  get done(): boolean {
    return isDoneStatus(this.status);
  }
  get subtask(): boolean {
    return this.type === 'Sub-task';
  }
  get updated(): number {
    return this.lastAt;
  }
  inSprint(id: number): boolean {
    return this.sprints.includes(id);
  }

  /**
   * Applies one edit at `at` by `author`, as one changelog history. An edit is moved a second after
   * the issue's previous one when it would come earlier; an edit after the demo's `now` never
   * happens. Returns whether anything changed.
   */
  update(at: number, author: string, patch: Patch): boolean {
    let t = Math.round(at);
    if (t < this.lastAt + MIN_GAP_MS) t = this.lastAt + MIN_GAP_MS;
    if (t > NOW_MS) return false;
    const items: ChangelogItem[] = [];
    const custom = (field: string, fieldId: string, v: ItemValues): ChangelogItem => {
      return this.ctx.omitCustomFieldId() ? { field, fieldtype: 'custom', ...v } : { field, fieldtype: 'custom', fieldId, ...v };
    };

    if (patch.status !== undefined && patch.status !== this.status) {
      const from = DEMO_STATUSES[this.status];
      const to = DEMO_STATUSES[patch.status];
      items.push({ field: 'status', fieldtype: 'jira', fieldId: 'status', from: from.id, fromString: from.name, to: to.id, toString: to.name });
    }
    if (patch.resolution !== undefined && patch.resolution !== this.resolution) {
      const from = this.resolution ? resolution(this.resolution) : null;
      const to = patch.resolution ? resolution(patch.resolution) : null;
      items.push({ field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: from?.id ?? null, fromString: from?.name ?? null, to: to?.id ?? null, toString: to?.name ?? null });
    }
    if (patch.assignee !== undefined && patch.assignee !== this.assignee) {
      const from = this.assignee;
      const to = patch.assignee;
      items.push({
        field: 'assignee', fieldtype: 'jira', fieldId: 'assignee',
        from, fromString: from ? this.ctx.userName(from) : null, to, toString: to ? this.ctx.userName(to) : null,
      });
    }
    let sprints: number[] | undefined;
    if (patch.sprints !== undefined) {
      sprints = sortIds(patch.sprints);
      if (sprints.join(',') !== this.sprints.join(',')) {
        const names = (ids: readonly number[]) => ids.map((id) => this.ctx.sprintName(id)).join(', ');
        items.push(custom('Sprint', SPRINT_FIELD_ID, { from: this.sprints.join(', '), fromString: names(this.sprints), to: sprints.join(', '), toString: names(sprints) }));
      } else sprints = undefined;
    }
    if (patch.estimate !== undefined && patch.estimate !== this.estimate) {
      // Jira writes number fields in the string form only.
      const s = (v: number | null) => (v === null ? null : String(v));
      items.push(custom('Story point estimate', STORY_POINTS_FIELD_ID, { from: null, fromString: s(this.estimate), to: null, toString: s(patch.estimate) }));
    }
    if (patch.priority !== undefined && patch.priority !== this.priority) {
      items.push({
        field: 'priority', fieldtype: 'jira', fieldId: 'priority',
        from: this.priority ? priorityId(this.priority) : null, fromString: this.priority,
        to: priorityId(patch.priority), toString: patch.priority,
      });
    }
    if (patch.duedate !== undefined && patch.duedate !== this.duedate) {
      items.push({ field: 'duedate', fieldtype: 'jira', fieldId: 'duedate', from: this.duedate, fromString: this.duedate ? `${this.duedate} 00:00:00.0` : null, to: patch.duedate, toString: patch.duedate ? `${patch.duedate} 00:00:00.0` : null });
    }
    if (patch.flagged !== undefined && patch.flagged !== this.flagged) {
      items.push(custom('Flagged', FLAGGED_FIELD_ID, { from: null, fromString: this.flagged ? 'Impediment' : null, to: null, toString: patch.flagged ? 'Impediment' : null }));
    }
    if (patch.rank) {
      items.push(custom('Rank', RANK_FIELD_ID, { from: '', fromString: '', to: '', toString: patch.rank === 'higher' ? 'Ranked higher' : 'Ranked lower' }));
    }
    if (items.length === 0) return false;

    this.histories.push({ at: t, author, items });
    this.lastAt = t;
    if (patch.status !== undefined && patch.status !== this.status) {
      if (DEMO_STATUSES[patch.status].statusCategory.key !== DEMO_STATUSES[this.status].statusCategory.key) this.statusCategoryChangedAt = t;
      this.status = patch.status;
    }
    if (patch.resolution !== undefined && patch.resolution !== this.resolution) {
      this.resolution = patch.resolution;
      this.resolvedAt = patch.resolution ? t : null;
    }
    if (patch.assignee !== undefined) this.assignee = patch.assignee;
    if (patch.estimate !== undefined) this.estimate = patch.estimate;
    if (patch.priority !== undefined) this.priority = patch.priority;
    if (patch.duedate !== undefined) this.duedate = patch.duedate;
    if (patch.flagged !== undefined) this.flagged = patch.flagged;
    if (sprints) {
      this.sprints = sprints;
      // Jira moves sub-tasks with their parent.
      for (const child of this.children) if (child.created < t) child.update(t, author, { sprints });
    }
    return true;
  }
}
