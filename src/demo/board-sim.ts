/**
 * One team's board, simulated: the people, the issue factories and the calendar the sprint flow
 * (`sprint-flow.ts`), the bugs (`bugs.ts`) and the hygiene problems (`hygiene.ts`) run on.
 * Everything happens through a discrete-event queue, so an action always sees the board as it was
 * at its instant.
 */
import { rng } from '../domain/testing/generate';
import { DAY, type IssueTypeName, NOW_MS, type PriorityName, SEGMENT_OPTIONS, type SegmentKey } from './catalog';
import { Draft, type DraftContext, type DraftInit } from './draft';
import { accountIdOf, displayNameOf, qaOf, workersOf } from './people';
import { EventQueue } from './queue';
import { ACTIVE_INDEX, FUTURE_INDEX, type SprintPlan } from './schedule';
import { CHANNEL_COMPONENT, PRODUCT_COMPONENT, PRODUCT_LABEL, type ProductKey, type TeamDef } from './teams';
import * as text from './text';

const POINTS = [1, 2, 3, 5, 8, 13] as const;
const POINT_WEIGHTS = [10, 20, 30, 25, 12, 3] as const;
const PRODUCTS: readonly ProductKey[] = ['payments', 'loans', 'savings', 'fx-trade'];

function seedOf(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619) >>> 0;
  return h;
}

export class BoardSim {
  readonly r: () => number;
  readonly q = new EventQueue();
  readonly drafts: Draft[] = [];
  readonly epics: Draft[] = [];
  readonly ctx: DraftContext;
  readonly sm: string;
  readonly owner: string;
  readonly workers: string[];
  readonly qa: string[];
  readonly area: text.Area;
  private readonly byId: Map<number, SprintPlan>;

  constructor(
    readonly team: TeamDef,
    readonly sprints: readonly SprintPlan[],
    sprintNames: ReadonlyMap<number, string>,
  ) {
    this.r = rng(seedOf(team.key));
    this.byId = new Map(sprints.map((s) => [s.id, s]));
    this.sm = accountIdOf(team.scrumMaster);
    this.owner = accountIdOf(team.owner);
    this.workers = workersOf(team.key);
    this.qa = qaOf(team.key);
    this.area = team.product ?? (team.key === 'DS' ? 'design' : 'platform');
    const omitRng = rng(seedOf(team.key) ^ 0x5bd1e995);
    this.ctx = {
      userName: (id) => displayNameOf.get(id) ?? id,
      sprintName: (id) => sprintNames.get(id) ?? `Sprint ${id}`,
      omitCustomFieldId: () => omitRng() < 0.35,
    };
  }

  // --- randomness ------------------------------------------------------------------------------
  rand(a: number, b: number): number {
    return a + (b - a) * this.r();
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return text.pick(this.r, xs);
  }
  points(): number {
    let x = this.r() * POINT_WEIGHTS.reduce((a, b) => a + b, 0);
    for (let i = 0; i < POINTS.length; i++) {
      x -= POINT_WEIGHTS[i] as number;
      if (x < 0) return POINTS[i] as number;
    }
    return 3;
  }
  /** A re-estimate: usually up (the work turned out bigger), sometimes down. */
  reestimate(v: number): number {
    const i = POINTS.indexOf(v as (typeof POINTS)[number]);
    const j = Math.max(0, Math.min(POINTS.length - 1, (i < 0 ? 2 : i) + (this.chance(0.75) ? 1 : -1)));
    return POINTS[j] as number;
  }
  worker(): string {
    return this.pick(this.workers);
  }
  tester(): string {
    return this.qa.length ? this.pick(this.qa) : this.worker();
  }

  // --- calendar --------------------------------------------------------------------------------
  sprint(index: number): SprintPlan {
    const s = this.sprints[index];
    if (!s) throw new Error(`board ${this.team.key} has no sprint ${index}`);
    return s;
  }
  get first(): SprintPlan {
    return this.sprint(0);
  }
  get active(): SprintPlan {
    return this.sprint(ACTIVE_INDEX);
  }
  get future(): SprintPlan {
    return this.sprint(FUTURE_INDEX);
  }
  /** The sprint running at t, if any (between its start and its close). */
  runningAt(t: number): SprintPlan | null {
    for (const s of this.sprints) {
      if (s.state === 'future') continue;
      if (s.start <= t && t < (s.complete ?? s.end)) return s;
    }
    return null;
  }
  /** Whether the sprint was closed at t. */
  closedBy(id: number, t: number): boolean {
    const s = this.byId.get(id);
    return s !== undefined && s.complete !== null && s.complete <= t;
  }
  /** Backlog at t: stories and tasks that are not done and not in an open sprint, by rank. */
  backlog(t: number): Draft[] {
    return this.drafts
      .filter(
        (d) =>
          (d.type === 'Story' || d.type === 'Task') &&
          !d.done &&
          !d.hints.abandoned &&
          d.created <= t &&
          d.sprints.every((id) => this.closedBy(id, t)),
      )
      .sort((a, b) => a.rank - b.rank || a.seq - b.seq);
  }

  // --- issue factories ---------------------------------------------------------------------------
  private add(init: DraftInit): Draft {
    const d = new Draft(this.ctx, init);
    this.drafts.push(d);
    return d;
  }

  /** Components, labels and segment of a new issue; `noProduct` leaves the product out. */
  private classify(noProduct: boolean): { components: string[]; labels: string[]; segment: DraftInit['segment'] } {
    const t = this.team;
    const channels = t.channels.length > 1 && this.chance(0.7) ? [this.pick(t.channels)] : [...t.channels];
    const components = channels.map((c) => CHANNEL_COMPONENT[c]);
    const labels: string[] = [];
    if (t.product) {
      if (!noProduct) components.unshift(PRODUCT_COMPONENT[t.product]);
      if (t.extraLabel && !noProduct) labels.push(t.extraLabel);
    } else if (!noProduct) {
      labels.push(PRODUCT_LABEL[this.pick(PRODUCTS)]);
    }
    if (this.chance(0.3)) components.push(this.pick(t.extraComponents));
    const segs: SegmentKey[] = t.segments.filter(() => this.chance(0.5));
    if (segs.length === 0) segs.push(this.pick(t.segments));
    labels.push(...segs);
    const first = segs[0] as SegmentKey;
    return { components, labels, segment: t.segmentField ? SEGMENT_OPTIONS[first] : null };
  }

  private openEpic(t: number): Draft | null {
    const open = this.epics.filter((e) => !e.done && e.created < t);
    return open.length && this.chance(0.7) ? this.pick(open) : null;
  }

  createEpic(created: number, index: number): Draft {
    const f = text.feature(this.r, this.area);
    const c = this.classify(false);
    const d = this.add({
      projectKey: this.team.key, type: 'Epic', created, reporter: this.owner, summary: text.epicSummary(f, index),
      description: text.epicDescription(f), labels: c.labels, components: c.components, segment: c.segment,
      priority: 'Medium', assignee: this.owner,
    });
    this.epics.push(d);
    return d;
  }

  /** A story or task. `sprints`: created straight into them (no changelog for that). */
  createWorkItem(created: number, o: { type?: IssueTypeName; sprints?: number[]; reporter?: string } = {}): Draft {
    const type = o.type ?? (this.chance(0.82) ? 'Story' : 'Task');
    const f = text.feature(this.r, this.area);
    const summary = type === 'Story' ? text.storySummary(this.r, this.area, f) : text.taskSummary(this.r, f);
    const c = this.classify(this.chance(this.team.product ? 0.015 : 0.05));
    const hasAc = type === 'Story' && this.chance(0.9);
    const inField = hasAc && this.team.acceptanceCriteria === 'field';
    const ac = hasAc ? text.acceptanceCriteria(this.r, f) : null;
    const visual = this.area === 'design' || (!this.team.channels.includes('api') && this.chance(0.3));
    const design = type === 'Story' && visual ? text.figmaUrl(this.r, f) : null;
    const acHeading = this.team.product === 'fx-trade' ? 'Критерии приёмки' : 'Acceptance criteria';
    const noDescription = this.chance(type === 'Task' ? 0.1 : 0.04);
    const description = noDescription
      ? this.chance(0.5) ? null : text.emptyDoc()
      : type === 'Story'
        ? text.storyDescription(this.r, { segment: c.labels.find((l) => ['mmb', 'sb', 'kib'].includes(l)) ?? 'mmb', f, summary, ac: inField ? null : ac, acHeading, design })
        : text.taskDescription(summary);
    const d = this.add({
      projectKey: this.team.key, type, created, reporter: o.reporter ?? (type === 'Story' ? this.owner : this.worker()), summary, description,
      acceptanceCriteria: inField && ac ? text.acFieldValue(ac) : null, labels: c.labels, components: c.components, segment: c.segment,
      priority: this.pick<PriorityName>(['High', 'Medium', 'Medium', 'Medium', 'Low']), sprints: o.sprints ?? [],
      estimate: this.chance(0.1) ? this.points() : null, remoteLinks: design ? [{ url: design, title: `Figma: ${f}` }] : [],
    });
    d.epic = this.openEpic(created);
    d.rank = created - this.rand(0, 30) * DAY;
    d.hints.skipResolution = this.chance(0.012);
    return d;
  }

  createSubtask(parent: Draft, created: number, assignee: string): Draft {
    const what = this.pick(['Backend', 'Frontend', 'Tests', 'Analytics events', 'UX/UI review', 'Documentation', 'Code review fixes']);
    return this.add({
      projectKey: this.team.key, type: 'Sub-task', created, reporter: assignee, summary: `${what}: ${parent.summary}`,
      description: null, labels: [...parent.labels], components: [...parent.components], segment: parent.segment, priority: parent.priority, parent,
      sprints: [...parent.sprints], assignee,
    });
  }

  createBug(created: number, priority: PriorityName | null, sprints: number[]): Draft {
    const f = text.feature(this.r, this.area);
    const summary = text.bugSummary(this.r, f);
    const c = this.classify(this.chance(this.team.product ? 0.015 : 0.05));
    return this.add({
      projectKey: this.team.key, type: 'Bug', created, reporter: this.chance(0.6) ? this.tester() : this.owner, summary,
      description: this.chance(0.04) ? null : text.bugDescription(this.r, summary), labels: c.labels, components: c.components,
      segment: c.segment, priority, sprints,
    });
  }

  /** Schedules the refinement estimate of a new backlog item (most get one within days). */
  refineLater(d: Draft): void {
    if (d.estimate !== null || !this.chance(0.85)) return;
    const at = d.created + this.rand(1, 10) * DAY;
    if (at > NOW_MS) return;
    const refine = () => {
      if (!d.done && d.estimate === null) d.update(at, this.worker(), { estimate: this.points() });
    };
    // An issue created in the past (planned on demand) is refined before anything else happens to it.
    if (at <= this.q.clock) refine();
    else this.q.push(at, refine);
  }
}
