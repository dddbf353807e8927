/** What the convergence views say about a sprint: its order, its state, and a short label that keeps its number. */
import type { Basis, ConvergenceView, RunningSprintFigure, SprintConvergence, TargetStatus } from '../../../src/shared/protocol';

export const ratioOf = (s: SprintConvergence, basis: Basis): number | null => s.convergence[basis];

/** Oldest first, by the instant the sprint ended (now, for a running sprint). */
export function chronological(sprints: readonly SprintConvergence[]): SprintConvergence[] {
  return [...sprints].sort((a, b) => Date.parse(a.end) - Date.parse(b.end) || a.sprintId - b.sprintId);
}

/** A running sprint is in progress, never met, near or missed; a closed one is judged. */
export type SprintState = TargetStatus | 'running' | 'none';

export function sprintState(s: SprintConvergence, basis: Basis): SprintState {
  if (s.state === 'active') return 'running';
  if (ratioOf(s, basis) === null) return 'none';
  return s.status ?? 'none';
}

/** The running sprints' days left and planned ends, by sprint id. */
export function runningSprints(view: ConvergenceView): ReadonlyMap<number, RunningSprintFigure> {
  return new Map(view.boardHeadlines.flatMap((h) => h.running.map((r) => [r.sprintId, r] as const)));
}

/**
 * Labels for sprints shown side by side: the part of their name before the final number is the
 * same for most of a board's sprints ("PAY Sprint 43", "PAY Sprint 44"), so that part is said once
 * and each label is the number. A name that does not share it (another board's shared sprint) or
 * does not end in a number keeps its whole name. The number is never cut.
 */
export function shortLabels(names: readonly string[]): { prefix: string; labels: string[] } {
  const parts = names.map((n) => /^(.*?)(\d+)$/.exec(n.trim()));
  const counts = new Map<string, number>();
  for (const p of parts) if (p && p[1]) counts.set(p[1], (counts.get(p[1]) ?? 0) + 1);
  let prefix = '';
  let best = 1;
  for (const [p, c] of counts) if (c > best) [prefix, best] = [p, c];
  if (prefix === '') return { prefix: '', labels: [...names] };
  return { prefix, labels: names.map((n, i) => (parts[i]?.[1] === prefix ? (parts[i]?.[2] as string) : n)) };
}
