/**
 * Every board's sprints: eight closed two-week sprints, the one running at the demo's `now`, and
 * one planned for later. Teams review, close and plan on a Monday: a sprint's `endDate` is the
 * Monday noon (Moscow) two weeks after its start, it is closed (`completeDate`) a little later, and
 * the next one is started after planning. Sprint ids are numbered site-wide in the order sprints
 * were started, as Jira numbers them.
 */
import type { JiraSprint } from '../domain/jira';
import { rng } from '../domain/testing/generate';
import { DAY, HOUR, isoTime, MINUTE, NOW_MS } from './catalog';
import type { TeamDef } from './teams';

export const CLOSED_SPRINTS = 8;
/** Index of the active sprint; the next index is the future sprint. */
export const ACTIVE_INDEX = CLOSED_SPRINTS;
export const FUTURE_INDEX = CLOSED_SPRINTS + 1;

export interface SprintPlan {
  id: number;
  boardId: number;
  index: number;
  name: string;
  goal: string;
  state: 'closed' | 'active' | 'future';
  /** Instants (epoch ms); a future sprint has planned ones but publishes none. */
  start: number;
  end: number;
  complete: number | null;
  activated: number | null;
  /** When the team plans it (moves issues into it). */
  planAt: number;
}

const ACTIVE_MONDAY = [Date.parse('2026-11-16T00:00:00Z'), Date.parse('2026-11-23T00:00:00Z')] as const;

const GOALS = ['Release to the pilot group', 'Close the regulatory items', 'Stabilise after the release',
  'Finish the MVP scope', 'Reduce open defects', 'Prepare the demo day', 'Scale the feature to all segments'];

function boardSprints(team: TeamDef): Omit<SprintPlan, 'id'>[] {
  const r = rng(team.boardId * 7919);
  const monday = (index: number) => ACTIVE_MONDAY[team.cadence] + (index - ACTIVE_INDEX) * 14 * DAY;
  const out: Omit<SprintPlan, 'id'>[] = [];
  let previousComplete = 0;
  for (let index = 0; index <= FUTURE_INDEX; index++) {
    const start =
      index === 0 ? monday(0) + 10 * HOUR + Math.round(r() * 40) * MINUTE : previousComplete + (20 + Math.round(r() * 50)) * MINUTE;
    const end = monday(index + 1) + 9 * HOUR + Math.round(r() * 20) * MINUTE;
    const state = index < ACTIVE_INDEX ? 'closed' : index === ACTIVE_INDEX ? 'active' : 'future';
    const complete = state === 'closed' ? end + (5 + Math.round(r() * 70)) * MINUTE : null;
    const planAt =
      index === 0
        ? start - (60 + Math.round(r() * 120)) * MINUTE
        : state === 'future'
          ? NOW_MS - (28 + Math.round(r() * 40)) * HOUR
          : previousComplete + (start - previousComplete) * (0.2 + 0.5 * r());
    out.push({
      boardId: team.boardId,
      index,
      name: team.sprintName(team.firstSprintNumber + index),
      goal: GOALS[(team.boardId + index) % GOALS.length] as string,
      state,
      start,
      end,
      complete,
      activated: state === 'future' ? null : start + Math.round(r() * 300) * 1000,
      planAt,
    });
    if (complete !== null) previousComplete = complete;
    else previousComplete = end + 30 * MINUTE; // the planned close of the active sprint, for the future one
  }
  return out;
}

/** All boards' sprints, with site-wide ids in the order they were started (the future ones last). */
export function scheduleSprints(teams: readonly TeamDef[]): Map<number, SprintPlan[]> {
  const all = teams.flatMap(boardSprints);
  const order = [...all].sort((a, b) => a.start - b.start || a.boardId - b.boardId);
  const ids = new Map(order.map((s, i) => [s, 101 + i]));
  const byBoard = new Map<number, SprintPlan[]>();
  for (const s of all) {
    const list = byBoard.get(s.boardId) ?? [];
    list.push({ ...s, id: ids.get(s) as number });
    byBoard.set(s.boardId, list);
  }
  return byBoard;
}

/** The Agile API's view of a sprint at the demo's `now`. */
export function toJiraSprint(s: SprintPlan): JiraSprint {
  const sprint: JiraSprint = { id: s.id, name: s.name, state: s.state, originBoardId: s.boardId, goal: s.goal };
  if (s.state !== 'future') {
    sprint.startDate = isoTime(s.start);
    sprint.endDate = isoTime(s.end);
    if (s.activated !== null) sprint.activatedDate = isoTime(s.activated);
  }
  if (s.complete !== null) sprint.completeDate = isoTime(s.complete);
  return sprint;
}

/** The Sprint field's value on an issue, as Jira returns it. */
export function sprintFieldValue(s: SprintPlan): Record<string, unknown> {
  return { ...toJiraSprint(s), boardId: s.boardId };
}
