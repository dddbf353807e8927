/**
 * The backlog convergence gadget's use case: the figures of the saved boards (optionally rolled up
 * to one product, channel or segment), read from the app's store and kept to the issues the viewer
 * may browse. Refresh asks for a sync of the boards; it never recomputes from Jira.
 */
import { targetStatus, type GovernanceConfig } from '../domain/config';
import type { SprintConvergence } from '../domain/report';
import { surfaceFigures, type SurfaceDeps, type Viewer } from '../services/surfaces';
import type { ConvergenceView, CurrentFigure, GadgetSettings, RollupDimension } from '../shared/protocol';
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

/** The active sprints, or else each board's newest closed sprint, as one ratio of sums. */
export function currentFigure(sprints: readonly SprintConvergence[], settings: GadgetSettings, nearBand: number): CurrentFigure | null {
  const active = sprints.filter((s) => s.state === 'active');
  let chosen = active;
  if (chosen.length === 0) {
    const newest = new Map<number, SprintConvergence>();
    for (const s of sprints) {
      const seen = newest.get(s.boardId);
      if (s.state === 'closed' && (!seen || Date.parse(s.end) > Date.parse(seen.end))) newest.set(s.boardId, s);
    }
    chosen = [...newest.values()];
  }
  if (chosen.length === 0) return null;
  const sum = (pick: (s: SprintConvergence) => { count: number; points: number }) => ({
    count: chosen.reduce((n, s) => n + pick(s).count, 0),
    points: chosen.reduce((n, s) => n + pick(s).points, 0),
  });
  const committed = sum((s) => s.committed);
  const completedCommitted = sum((s) => s.completedCommitted);
  const den = committed[settings.basis === 'points' ? 'points' : 'count'];
  const num = completedCommitted[settings.basis === 'points' ? 'points' : 'count'];
  const convergence = den === 0 ? null : num / den;
  return {
    kind: active.length > 0 ? 'active' : 'last',
    sprintIds: chosen.map((s) => s.sprintId),
    committed,
    completedCommitted,
    convergence,
    status: targetStatus(convergence, settings.target, nearBand),
    provisional: chosen.some((s) => s.provisional),
  };
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
    current: currentFigure(report.sprints, req.settings, config.convergence.nearBand),
    warnings: s.report?.warnings ?? EMPTY_WARNINGS,
    freshness: s.freshness,
  };
}
