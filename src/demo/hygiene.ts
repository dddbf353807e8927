/**
 * The untidy corners every real Jira has, sprinkled over one board: work started and abandoned in
 * the backlog, due dates that passed, a card dragged to In Progress without an assignee. (Other
 * problems come from the flow itself: estimates missing in the sprints, stories without
 * acceptance criteria, empty descriptions, issues without a product, done without a resolution,
 * reopened with the resolution left, chronic carry-over, open sub-tasks under a done story.)
 */
import { DAY, HOUR, NOW_MS } from './catalog';
import type { BoardSim } from './board-sim';

const dateOf = (ms: number): string => new Date(ms + 3 * HOUR).toISOString().slice(0, 10);

export function scheduleHygieneProblems(sim: BoardSim): void {
  // Started, then forgotten in the backlog: stale in progress.
  if (sim.chance(0.6)) {
    const created = NOW_MS - sim.rand(40, 90) * DAY;
    const started = NOW_MS - sim.rand(18, 35) * DAY;
    sim.q.push(created, () => {
      const d = sim.createWorkItem(created);
      d.hints.abandoned = true;
      sim.q.push(started, () => d.update(started, sim.worker(), { status: 'inProgress', assignee: sim.worker() }));
    });
  }

  // Due dates: a regulatory deadline or a promise to a client; some will pass before the work is done.
  const dues = 1 + Math.floor(sim.rand(0, 3));
  for (let i = 0; i < dues; i++) {
    const at = NOW_MS - sim.rand(10, 45) * DAY;
    const due = at + sim.rand(5, 50) * DAY;
    sim.q.push(at, () => {
      const running = sim.runningAt(at);
      const pool = sim.drafts.filter(
        (d) => !d.done && !d.subtask && d.type !== 'Epic' && d.duedate === null && (d.sprints.length === 0 || (running !== null && d.inSprint(running.id))),
      );
      if (pool.length) sim.pick(pool).update(at, sim.owner, { duedate: dateOf(due) });
    });
  }

  // Someone drags a card to In Progress and forgets to assign it.
  if (sim.chance(0.5)) {
    const at = NOW_MS - sim.rand(0.5, 3) * DAY;
    sim.q.push(at, () => {
      const s = sim.runningAt(at);
      const pool = s ? sim.drafts.filter((d) => d.inSprint(s.id) && d.status === 'todo' && d.assignee === null && !d.subtask) : [];
      if (pool.length) {
        const d = sim.pick(pool);
        d.hints.noAssignee = true;
        d.update(at, sim.worker(), { status: 'inProgress' });
      }
    });
  }
}
