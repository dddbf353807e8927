/**
 * Defects of one board. Each bug's life is planned from its priority's SLA target (the default
 * targets of the built-in defaults (docs/metrics.md, "Defects and SLA"): Highest 24 h, High 72 h, Medium 240 h, Low 720 h): most are fixed in time,
 * about one in four late; some wait for the customer (an SLA pause), some are reopened, some are
 * still open at the demo's `now`, a few have no priority.
 */
import { DAY, HOUR, MINUTE, NOW_MS, type PriorityName } from './catalog';
import type { BoardSim } from './board-sim';

const TARGET_HOURS: Partial<Record<PriorityName, number>> = { Highest: 24, High: 72, Medium: 240, Low: 720 };
const PRIORITY_WEIGHTS: readonly [PriorityName | null, number][] = [
  ['Highest', 7], ['High', 20], ['Medium', 42], ['Low', 20], ['Lowest', 6], [null, 5],
];
/** How likely a bug of each priority is pulled into the running sprint. */
const SPRINT_SHARE: Record<PriorityName | 'none', number> = { Highest: 0.9, High: 0.75, Medium: 0.45, Low: 0.2, Lowest: 0.1, none: 0.3 };
const LOWER: Partial<Record<PriorityName, PriorityName>> = { Highest: 'High', High: 'Medium', Medium: 'Low' };

export interface BugPlan {
  priority: PriorityName | null;
  /** Hours the SLA clock runs before the bug is fixed (Infinity: not fixed). */
  work: number;
  /** Hours spent in "Waiting for customer" (the clock is paused), and when the pause starts (share of `work`). */
  pause: number;
  pauseAt: number;
  reopen: boolean;
  resolution: 'Done' | 'Cannot Reproduce' | 'Duplicate';
}

export function scheduleBugs(sim: BoardSim): void {
  let t = sim.first.start - 14 * DAY;
  const mean = sim.team.bugEveryDays * DAY;
  for (;;) {
    t += -Math.log(1 - sim.r()) * mean;
    if (t >= NOW_MS - 2 * HOUR) break;
    const created = t;
    sim.q.push(created, () => runBug(sim, created, randomPlan(sim)));
  }
  // A high-priority bug close to its deadline, and a bug waiting for the customer right now.
  if (sim.chance(0.45)) {
    const created = NOW_MS - sim.rand(0.82, 0.95) * 72 * HOUR;
    sim.q.push(created, () => runBug(sim, created, { priority: 'High', work: 110, pause: 0, pauseAt: 0, reopen: false, resolution: 'Done' }));
  }
  if (sim.chance(0.45)) {
    const created = NOW_MS - sim.rand(4, 8) * DAY;
    sim.q.push(created, () => runBug(sim, created, { priority: 'Medium', work: 150, pause: 400, pauseAt: 0.4, reopen: false, resolution: 'Done' }));
  }
  // A bug that outlived its target and is still open.
  if (sim.chance(0.4)) {
    const priority = sim.pick<PriorityName>(['High', 'Medium']);
    const created = NOW_MS - (priority === 'High' ? sim.rand(4, 9) : sim.rand(12, 20)) * DAY;
    sim.q.push(created, () => runBug(sim, created, { priority, work: 2000, pause: 0, pauseAt: 0, reopen: false, resolution: 'Done' }));
  }
}

function randomPriority(sim: BoardSim): PriorityName | null {
  let x = sim.r() * PRIORITY_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (const [p, w] of PRIORITY_WEIGHTS) {
    x -= w;
    if (x < 0) return p;
  }
  return 'Medium';
}

function randomPlan(sim: BoardSim): BugPlan {
  const priority = randomPriority(sim);
  const target = priority ? TARGET_HOURS[priority] : undefined;
  const work = target
    ? target * (sim.chance(0.22) ? sim.rand(1.1, 2.2) : sim.rand(0.15, 0.85))
    : sim.chance(0.3) ? Number.POSITIVE_INFINITY : sim.rand(24, 400);
  const x = sim.r();
  return {
    priority,
    work,
    pause: sim.chance(0.2) ? sim.rand(4, 96) : 0,
    pauseAt: sim.rand(0.2, 0.6),
    reopen: Number.isFinite(work) && sim.chance(0.08),
    resolution: x < 0.85 ? 'Done' : x < 0.93 ? 'Cannot Reproduce' : 'Duplicate',
  };
}

export function runBug(sim: BoardSim, created: number, plan: BugPlan): void {
  const lower = plan.priority ? LOWER[plan.priority] : undefined;
  const initial = lower && sim.chance(0.06) ? lower : plan.priority;
  const running = sim.runningAt(created);
  const toSprint = running !== null && sim.chance(SPRINT_SHARE[plan.priority ?? 'none']);
  const straight = toSprint && sim.chance(0.4);
  const d = sim.createBug(created, initial, straight && running ? [running.id] : []);
  const h = (hours: number) => created + hours * HOUR;
  const who = sim.worker();

  if (straight && sim.chance(0.6)) sim.q.push(created + 10 * MINUTE, () => d.update(created + 10 * MINUTE, who, { estimate: sim.pick([1, 2, 3]) }));
  if (toSprint && !straight) {
    const at = created + sim.rand(0.3, 6) * HOUR;
    sim.q.push(at, () => {
      const s = sim.runningAt(at);
      if (!s || d.done || !d.sprints.every((id) => sim.closedBy(id, at))) return;
      d.update(at, sim.sm, { sprints: [...d.sprints, s.id] });
      if (sim.chance(0.6)) d.update(at + 2 * MINUTE, who, { estimate: sim.pick([1, 2, 3]) });
    });
  }

  const W = plan.work;
  const triage = Number.isFinite(W) ? W * sim.rand(0.05, 0.25) : sim.rand(2, 72);
  if (initial !== plan.priority && plan.priority) {
    const priority = plan.priority;
    sim.q.push(h(triage / 2), () => d.update(h(triage / 2), sim.owner, { priority }));
  }
  const start = () =>
    sim.q.push(h(triage), () => {
      if (d.status === 'todo') d.update(h(triage), who, { status: 'inProgress', assignee: d.assignee ?? who });
    });
  if (!Number.isFinite(W)) {
    if (sim.chance(0.15)) start();
    return;
  }
  start();
  const W1 = plan.reopen ? W * 0.8 : W;
  const P = plan.pause;
  if (P > 0) {
    const p0 = triage + (W1 - triage) * plan.pauseAt;
    sim.q.push(h(p0), () => {
      if (d.status === 'inProgress') d.update(h(p0), who, { status: 'waiting' });
    });
    sim.q.push(h(p0 + P), () => {
      if (d.status === 'waiting') d.update(h(p0 + P), sim.tester(), { status: 'inProgress' });
    });
  }
  const closeBug = (at: number) =>
    sim.q.push(at, () => {
      if (d.done) return;
      d.update(at, sim.tester(), { status: plan.resolution === 'Done' ? 'done' : 'closed', resolution: plan.resolution });
    });
  if (plan.resolution === 'Done') {
    const at = h(W1 * sim.rand(0.85, 0.97) + P);
    sim.q.push(at, () => {
      if (d.status === 'inProgress') d.update(at, who, { status: 'review' });
    });
  }
  closeBug(h(W1 + P));
  if (plan.reopen) {
    const gap = sim.rand(4, 72);
    const reopenAt = h(W1 + P + gap);
    sim.q.push(reopenAt, () => {
      if (d.done) d.update(reopenAt, sim.owner, { status: 'inProgress', resolution: null });
    });
    closeBug(h(W + P + gap));
  }
}
