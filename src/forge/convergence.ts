/**
 * The backlog convergence gadget's use case: the figures of the saved boards (optionally rolled up
 * to one product, channel or segment), computed as the viewer and cached per viewer, so a cached
 * report is never shown to someone who could not have read its issues.
 */
import { createHash } from 'node:crypto';
import { targetStatus, type GovernanceConfig } from '../domain/config';
import type { SprintConvergence } from '../domain/report';
import { JiraError, type JiraClient } from '../jira/types';
import { reportSections } from '../services/report';
import type { ConvergenceView, CurrentFigure, GadgetSettings, RollupDimension } from '../shared/protocol';
import { ConvergenceViewSchema } from '../shared/schemas';
import { readConfig } from './config-store';
import { AppError } from './envelope';
import { storeKey, type Store } from './store';

const DAY_MS = 24 * 3_600_000;
/** A cached report is at most this old; the gadget's Refresh recomputes at once. */
export const REPORT_TTL_SECONDS = 15 * 60;
/** KVS values stop at 240 KiB; a bigger report is simply not cached. */
const MAX_CACHED_CHARS = 200_000;

export interface ConvergenceRequest {
  accountId: string;
  settings: GadgetSettings;
  now: number;
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

function cacheKey(req: ConvergenceRequest, configVersion: number | null): string {
  const s = req.settings;
  const params = JSON.stringify([[...s.boardIds].sort((a, b) => a - b), s.rollup, s.sprints, s.basis, s.target, configVersion]);
  return storeKey('report', 'v1', req.accountId, createHash('sha256').update(params).digest('hex').slice(0, 32));
}

async function boardNames(client: JiraClient, boardIds: readonly number[]): Promise<{ id: number; name: string }[]> {
  return Promise.all(
    boardIds.map(async (id) => {
      try {
        const b = await client.board(id);
        return { id, name: b.name };
      } catch (err) {
        if (err instanceof JiraError && err.status === 404)
          throw new AppError('NOT_FOUND', `Board ${id} does not exist or you may not browse it. Edit the gadget to choose another board.`);
        throw err;
      }
    }),
  );
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

export async function convergenceView(client: JiraClient, store: Store, req: ConvergenceRequest): Promise<ConvergenceView> {
  const { config, version } = await readConfig(store);
  const rollup = rollupOf(config, req.settings);
  const key = cacheKey(req, version);
  if (!req.refresh) {
    const cached = ConvergenceViewSchema.safeParse((await store.get(key))?.value);
    if (cached.success) return { ...cached.data, fromCache: true };
  }
  // Reading each board as the viewer first checks they may see it, before any heavy work.
  const boards = await boardNames(client, req.settings.boardIds);
  const effective: GovernanceConfig = {
    ...config,
    convergence: { ...config.convergence, target: req.settings.target, basis: req.settings.basis },
  };
  // Only convergence: the defect and hygiene issues (every open issue of the boards) are not fetched.
  const { convergence, warnings } = await reportSections(client, {
    sections: ['convergence'],
    boardIds: req.settings.boardIds,
    sprints: req.settings.sprints,
    now: req.now,
    from: req.now - 30 * DAY_MS,
    to: req.now,
    config: effective,
    rollup: req.settings.rollup,
  });
  const view: ConvergenceView = {
    settings: req.settings,
    nearBand: config.convergence.nearBand,
    boards,
    rollup,
    report: convergence,
    current: currentFigure(convergence.sprints, req.settings, config.convergence.nearBand),
    warnings,
    computedAt: new Date(req.now).toISOString(),
    fromCache: false,
  };
  const json = JSON.stringify(view);
  if (json.length <= MAX_CACHED_CHARS) {
    // The cache only saves time: failing to write it must not cost the viewer the figures.
    await store.set(key, view, { ttlSeconds: REPORT_TTL_SECONDS }).catch(() => undefined);
  }
  return view;
}
