/**
 * The backlog convergence gadget's use case: the figures of the saved boards (optionally rolled up
 * to one product, channel or segment), read from the app's store and kept to the issues the viewer
 * may browse. Refresh asks for a sync of the boards; it never recomputes from Jira.
 */
import { targetStatus, type GovernanceConfig } from '../domain/config';
import { parseInstant } from '../domain/jira';
import type { SprintConvergence } from '../domain/report';
import { surfaceFigures, type SurfaceDeps, type Viewer } from '../services/surfaces';
import type { BoardHeadline, ConvergenceView, GadgetSettings, RollupDimension, RunningSprintFigure } from '../shared/protocol';
import { readConfig } from './config-store';
import { AppError } from './envelope';
import type { Store } from './store';

export interface ConvergenceRequest {
  settings: GadgetSettings;
  refresh: boolean;
}

const listOf: Record<RollupDimension, 'products' | 'channels' | 'segments'> = {
  product: 'products',
  channel: 'channels',
  segment: 'segments',
};

function rollupOf(config: GovernanceConfig, settings: GadgetSettings): ConvergenceView['rollup'] {
  if (!settings.rollup) return null;
  const { dimension, key } = settings.rollup;
  const entry = config[listOf[dimension]].find((e) => e.key === key);
  if (!entry) throw new AppError('BAD_REQUEST', `The ${dimension} "${key}" is no longer in the governance configuration. Edit the gadget and choose another.`);
  return { dimension, key, name: entry.name };
}

const DAY = 86_400_000;

type Sums = { count: number; points: number };

function ratioOn(basis: GadgetSettings['basis'], num: Sums, den: Sums): number | null {
  const d = basis === 'points' ? den.points : den.count;
  return d === 0 ? null : (basis === 'points' ? num.points : num.count) / d;
}

/**
 * Each board's own sprints at a glance: its running sprints, measured up to now and never judged
 * (a running sprint is not "missed" while it runs), with the days left to the end Jira plans for
 * it; its newest closed sprint against the target; and its closed sprints shown as one ratio of
 * sums. A shared sprint (another board's, that this board's issues were in) is never a board's
 * current or last sprint, but counts among its closed sprints as it does in the report.
 */
export function boardHeadlines(
  boardIds: readonly number[],
  sprints: readonly SprintConvergence[],
  settings: Pick<GadgetSettings, 'basis' | 'target'>,
  nearBand: number,
  plannedEnds: ReadonlyMap<number, string>,
  now: number,
): BoardHeadline[] {
  return boardIds.map((boardId) => {
    const mine = sprints.filter((s) => s.boardId === boardId);
    const running = mine
      .filter((s) => s.state === 'active' && !s.shared)
      .sort((a, b) => Date.parse(b.start) - Date.parse(a.start) || b.sprintId - a.sprintId)
      .map((s): RunningSprintFigure => {
        const plannedEnd = plannedEnds.get(s.sprintId) ?? null;
        const end = plannedEnd === null ? NaN : parseInstant(plannedEnd);
        const committed = { count: s.committed.count, points: s.committed.points };
        const completedCommitted = { count: s.completedCommitted.count, points: s.completedCommitted.points };
        return {
          sprintId: s.sprintId,
          name: s.name,
          committed,
          completedCommitted,
          doneSoFar: ratioOn(settings.basis, completedCommitted, committed),
          plannedEnd: Number.isFinite(end) ? new Date(end).toISOString() : null,
          // `|| 0`: a planned end a few hours ago is 0 days left, not -0.
          daysLeft: Number.isFinite(end) ? Math.ceil((end - now) / DAY) || 0 : null,
        };
      });
    const closed = mine.filter((s) => s.state === 'closed');
    const own = closed.filter((s) => !s.shared).sort((a, b) => Date.parse(b.end) - Date.parse(a.end) || b.sprintId - a.sprintId)[0];
    const sum = (pick: (s: SprintConvergence) => Sums): Sums => ({
      count: closed.reduce((n, s) => n + pick(s).count, 0),
      points: closed.reduce((n, s) => n + pick(s).points, 0),
    });
    const overall = ratioOn(settings.basis, sum((s) => s.completedCommitted), sum((s) => s.committed));
    return {
      boardId,
      running,
      last: own
        ? { sprintId: own.sprintId, name: own.name, convergence: own.convergence[settings.basis], status: targetStatus(own.convergence[settings.basis], settings.target, nearBand) }
        : null,
      closed: { sprints: closed.length, convergence: overall, status: targetStatus(overall, settings.target, nearBand) },
    };
  });
}

const EMPTY_WARNINGS: ConvergenceView['warnings'] = {
  invalidEstimates: { count: 0, issues: [] },
  deletedStatuses: { count: 0, issues: [], statusIds: [] },
  unknownPriorities: { count: 0, issues: [], priorityIds: [] },
  unmappedStatuses: { count: 0, issues: [], statusIds: [] },
  unresolvedConfigNames: { count: 0, names: [] },
};

export async function convergenceView(deps: SurfaceDeps & { documents: Store }, viewer: Viewer, req: ConvergenceRequest): Promise<ConvergenceView> {
  const { config } = await readConfig(deps.documents);
  const rollup = rollupOf(config, req.settings);
  const effective: GovernanceConfig = {
    ...config,
    convergence: { ...config.convergence, target: req.settings.target, basis: req.settings.basis },
  };
  const s = await surfaceFigures(
    deps,
    viewer,
    req.settings.boardIds,
    { sprints: req.settings.sprints, periodDays: 30, config: effective, rollup: req.settings.rollup, sections: ['convergence'] },
    { refresh: req.refresh },
  );
  const report = s.report?.convergence ?? { target: effective.convergence.target, sprints: [], overall: { committed: { count: 0, points: 0 }, completedCommitted: { count: 0, points: 0 }, convergence: { issues: null, points: null }, status: null } };
  return {
    settings: req.settings,
    nearBand: config.convergence.nearBand,
    boards: s.boards,
    rollup,
    report,
    boardHeadlines: boardHeadlines(s.boards.map((b) => b.id), report.sprints, req.settings, config.convergence.nearBand, s.plannedEnds, deps.now()),
    warnings: s.report?.warnings ?? EMPTY_WARNINGS,
    freshness: s.freshness,
  };
}
