/**
 * The scrum cycle of one board: a backlog written ahead, planning into the next sprint, work moving
 * To Do → In Progress → In Review → Done during the sprint, scope added and removed mid-sprint,
 * and unfinished work carried over when the sprint is closed (the closed sprint stays in the
 * issue's Sprint field). Each sprint completes about the team's reliability share of its
 * commitment, so a board's convergence lands near it.
 */
import { DAY, HOUR, MINUTE, NOW_MS } from './catalog';
import type { BoardSim } from './board-sim';
import type { Draft } from './draft';
import { ACTIVE_INDEX, FUTURE_INDEX, type SprintPlan } from './schedule';

type Outcome = 'complete' | 'carry' | 'remove';

/** The sprint from whose start the chronic carry-overs are stuck (three closed sprints and the active one). */
const CHRONIC_FROM = ACTIVE_INDEX - 3;

/** Four epics: one done, two in progress, one not started. */
export function scheduleEpics(sim: BoardSim): void {
  const first = sim.first;
  for (let i = 0; i < 4; i++) {
    const created = i === 3 ? first.start + sim.rand(50, 70) * DAY : first.start - sim.rand(30, 120) * DAY;
    sim.q.push(created, () => {
      const epic = sim.createEpic(created, i);
      if (i === 3) return;
      const started = created + sim.rand(5, 20) * DAY;
      sim.q.push(started, () => epic.update(started, sim.owner, { status: 'inProgress' }));
      if (i !== 0) return;
      const done = sim.sprint(3).end - sim.rand(1, 5) * DAY;
      sim.q.push(done, () => epic.update(done, sim.owner, { status: 'done', resolution: 'Done' }));
    });
  }
}

export function scheduleSprintFlow(sim: BoardSim): void {
  const cap = sim.team.capacity;
  const first = sim.first;
  for (let i = 0; i < cap + 8; i++) {
    const created = first.planAt - sim.rand(2, 60) * DAY;
    sim.q.push(created, () => sim.refineLater(sim.createWorkItem(created)));
  }
  for (let k = 0; k <= ACTIVE_INDEX; k++) {
    const s = sim.sprint(k);
    const n = Math.round(cap * sim.rand(0.85, 1.1));
    for (let i = 0; i < n; i++) {
      const created = s.start + (s.end - s.start) * sim.r();
      if (created < NOW_MS) sim.q.push(created, () => sim.refineLater(sim.createWorkItem(created)));
    }
    sim.q.push(s.planAt, () => plan(sim, s));
    sim.q.push(s.start, () => start(sim, s));
    const complete = s.complete;
    if (complete !== null) sim.q.push(complete, () => close(sim, s, sim.sprint(k + 1), complete));
  }
  const future = sim.future;
  sim.q.push(future.planAt, () => plan(sim, future));
}

const members = (sim: BoardSim, s: SprintPlan): Draft[] =>
  sim.drafts.filter((d) => !d.subtask && d.inSprint(s.id) && !d.done);

function plan(sim: BoardSim, s: SprintPlan): void {
  const t0 = s.planAt;
  const future = s.index === FUTURE_INDEX;
  const cap = sim.team.capacity;
  const target = Math.round(future ? cap * sim.rand(0.5, 0.8) : cap + sim.rand(-2, 2));
  const need = Math.max(future ? 1 : 2, target - members(sim, s).length);
  const picked = sim.backlog(t0).slice(0, need);
  while (picked.length < need) {
    const d = sim.createWorkItem(t0 - sim.rand(2, 40) * DAY);
    sim.refineLater(d);
    picked.push(d);
  }
  // The owner re-ranks the epics in progress before every planning.
  for (const epic of sim.epics) if (epic.status === 'inProgress') epic.update(t0 - 10 * MINUTE, sim.owner, { rank: 'higher' });
  let t = t0;
  for (const d of picked) {
    t += sim.rand(20, 90) * 1000;
    if (d.estimate === null && sim.chance(future ? 0.55 : 0.85)) d.update(t, sim.worker(), { estimate: sim.points() });
    d.update(t + 30_000, sim.sm, { sprints: [...d.sprints, s.id], rank: sim.chance(0.3) ? 'higher' : undefined });
  }
}

function start(sim: BoardSim, s: SprintPlan): void {
  const committed = members(sim, s).filter((d) => d.type !== 'Bug');
  if (s.index === CHRONIC_FROM) {
    const stuck = committed.filter((d) => d.type === 'Story').slice(0, sim.team.chronicCarryovers);
    for (const d of stuck) d.hints.chronic = ACTIVE_INDEX - CHRONIC_FROM + 1;
  }
  const outcomes = decideAll(sim, committed);
  for (const d of committed) {
    const outcome = outcomes.get(d) ?? 'complete';
    const finish = work(sim, d, s, outcome, s.start);
    if (d.type === 'Story' && d.children.length === 0 && outcome !== 'remove' && sim.chance(0.25)) subtasks(sim, d, s, outcome, s.start, finish);
  }
  const additions = Math.floor(sim.rand(0, 3.2));
  for (let i = 0; i < additions; i++) {
    const at = s.start + (s.end - s.start) * sim.rand(0.08, 0.7);
    sim.q.push(at, () => addScope(sim, s, at));
  }
}

/**
 * The fate of each committed issue. The sprint's reliability varies around the team's; that share
 * of the commitment is completed, the rest carried over (or, now and then, taken out of the
 * sprint). Chronic carry-overs are among the misses.
 */
function decideAll(sim: BoardSim, committed: readonly Draft[]): Map<Draft, Outcome> {
  const outcomes = new Map<Draft, Outcome>();
  const rest: Draft[] = [];
  for (const d of committed) {
    if (d.hints.chronic > 0) {
      d.hints.chronic--;
      outcomes.set(d, 'carry');
    } else rest.push(d);
  }
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(sim.r() * (i + 1));
    [rest[i], rest[j]] = [rest[j] as Draft, rest[i] as Draft];
  }
  const reliability = Math.min(1, sim.team.reliability + sim.rand(-0.07, 0.07));
  let misses = Math.round((1 - reliability) * committed.length) - outcomes.size;
  for (const d of rest) {
    outcomes.set(d, misses-- > 0 ? (sim.chance(0.7) ? 'carry' : 'remove') : 'complete');
  }
  return outcomes;
}

/** Scope added after the start: a backlog item pulled in, or an issue created straight into the sprint. */
function addScope(sim: BoardSim, s: SprintPlan, at: number): void {
  if (s.complete !== null && at >= s.complete) return;
  const backlog = sim.backlog(at).slice(0, 5);
  let d: Draft;
  if (backlog.length && sim.chance(0.45)) {
    d = sim.pick(backlog);
    d.update(at, sim.sm, { sprints: [...d.sprints, s.id] });
  } else {
    d = sim.createWorkItem(at, { sprints: [s.id], reporter: sim.worker() });
  }
  if (d.estimate === null && sim.chance(0.65)) d.update(at + 5 * MINUTE, sim.worker(), { estimate: sim.points() });
  work(sim, d, s, sim.chance(0.82) ? 'complete' : 'carry', at);
}

/** Schedules an issue's work inside a sprint; returns when it will be done, if it will. */
function work(sim: BoardSim, d: Draft, s: SprintPlan, outcome: Outcome, from: number): number | null {
  const D = s.end - from;
  const at = (x: number) => from + D * x;
  const who = d.assignee ?? sim.worker();
  const member = () => d.inSprint(s.id);
  const begin = (t: number) =>
    sim.q.push(t, () => {
      if (d.status === 'todo' && member()) d.update(t, who, { status: 'inProgress', assignee: d.hints.noAssignee ? undefined : (d.assignee ?? who) });
    });
  const review = (t: number) =>
    sim.q.push(t, () => {
      if (d.status === 'inProgress' && member()) d.update(t, who, { status: 'review' });
    });

  if (outcome === 'remove') {
    if (d.status === 'todo' && sim.chance(0.4)) begin(at(sim.rand(0.05, 0.2)));
    const t = at(sim.rand(0.3, 0.8));
    sim.q.push(t, () => {
      if (!member() || d.done) return;
      d.update(t, sim.sm, { sprints: d.sprints.filter((id) => id !== s.id) });
      if (d.status !== 'todo' && sim.chance(0.7)) d.update(t + sim.rand(5, 60) * MINUTE, d.assignee ?? sim.sm, { status: 'todo' });
    });
    return null;
  }
  if (d.estimate !== null && sim.chance(0.1)) {
    const t = at(sim.rand(0.05, 0.4));
    sim.q.push(t, () => {
      if (!d.done && d.estimate !== null) d.update(t, who, { estimate: sim.reestimate(d.estimate) });
    });
  }
  if (sim.chance(0.06)) {
    const t = at(sim.rand(0.1, 0.5));
    const other = sim.worker();
    sim.q.push(t, () => {
      if (!d.done && d.assignee && d.assignee !== other) d.update(t, sim.sm, { assignee: other });
    });
  }
  if (sim.chance(0.04)) {
    const t = at(sim.rand(0.1, 0.4));
    const unflag = t + sim.rand(4, 48) * HOUR;
    sim.q.push(t, () => d.update(t, who, { flagged: true }));
    sim.q.push(unflag, () => d.update(unflag, who, { flagged: false }));
  }

  if (outcome === 'carry') {
    if (d.status === 'todo' && sim.chance(0.6)) {
      const t1 = at(sim.rand(0.1, 0.7));
      begin(t1);
      if (sim.chance(0.4)) review(t1 + D * sim.rand(0.05, 0.2));
    } else if (d.status === 'inProgress' && sim.chance(0.3)) review(at(sim.rand(0.2, 0.8)));
    return null;
  }

  let a = sim.rand(0.02, 0.4);
  let b = a + sim.rand(0.08, 0.3);
  let c = b + sim.rand(0.02, 0.12);
  if (c > 0.95) [a, b, c] = [(a * 0.95) / c, (b * 0.95) / c, 0.95];
  const finishAt = at(c);
  begin(at(a));
  review(at(b));
  const finish = (t: number) =>
    sim.q.push(t, () => {
      if (d.done || !member()) return;
      for (const child of d.children) {
        if (!child.done && !d.hints.leaveSubtaskOpen) child.update(t - MINUTE, child.assignee ?? who, { status: 'done', resolution: 'Done' });
      }
      d.update(t, sim.tester(), { status: 'done', resolution: d.hints.skipResolution ? undefined : 'Done' });
    });
  finish(finishAt);
  if (sim.chance(0.04)) {
    const reopenAt = finishAt + D * sim.rand(0.005, 0.03);
    const againAt = reopenAt + D * sim.rand(0.01, 0.03);
    const keep = sim.chance(0.4);
    sim.q.push(reopenAt, () => {
      if (d.done && member()) d.update(reopenAt, sim.tester(), { status: 'inProgress', resolution: keep ? undefined : null });
    });
    if (againAt < at(0.99)) finish(againAt);
  }
  return finishAt;
}

/** Two or three sub-tasks, done before their parent (one left open now and then). */
function subtasks(sim: BoardSim, parent: Draft, s: SprintPlan, outcome: Outcome, from: number, finish: number | null): void {
  const D = s.end - from;
  const tc = from + D * sim.rand(0.01, 0.06);
  const n = 2 + Math.floor(sim.r() * 2);
  const end = finish ?? from + D * 0.9;
  const leaveOpen = outcome === 'complete' && sim.chance(0.07);
  parent.hints.leaveSubtaskOpen = leaveOpen;
  sim.q.push(tc, () => {
    if (!parent.inSprint(s.id) || parent.done) return;
    for (let i = 0; i < n; i++) {
      const created = tc + i * 20_000;
      if (created > NOW_MS) return;
      const who = parent.assignee ?? sim.worker();
      const st = sim.createSubtask(parent, created, who);
      const a = created + (end - created) * sim.rand(0.05, 0.5);
      const b = a + (end - a) * sim.rand(0.3, 0.9);
      const closes = outcome === 'complete' ? !(leaveOpen && i === n - 1) : sim.chance(0.5);
      // Only the sub-tasks that get done are started; the others wait in To Do.
      if (closes) sim.q.push(a, () => {
        if (st.status === 'todo') st.update(a, who, { status: 'inProgress' });
      });
      if (closes) sim.q.push(b, () => {
        if (!st.done) st.update(b, who, { status: 'done', resolution: 'Done' });
      });
    }
  });
}

/** Closing a sprint: what is not done moves to the next sprint, keeping the closed one in the field. */
function close(sim: BoardSim, s: SprintPlan, next: SprintPlan, at: number): void {
  for (const d of members(sim, s)) {
    if (d.hints.chronic === 0 && d.type !== 'Bug' && sim.chance(0.04)) continue; // left in the backlog
    d.update(at, sim.sm, { sprints: [...d.sprints, next.id] });
  }
}
