/**
 * Why the open-defect figures of one screen add up, or do not: the total counts the open defects
 * with an SLA target once each; the per-team rows count every open defect of each board (without a
 * target too), so a defect on two boards counts twice there; the priority rows leave out defects
 * whose target is the default one (their priority has no row).
 */
import type { DefectData } from '../../../../src/shared/protocol';

export interface OpenReconciliation {
  /** The open defects of the per-team rows, summed. */
  rows: number;
  /** The total above: open defects with an SLA target, each once. */
  total: number;
  /** Open defects without a target: in the rows, not in the total. */
  noTarget: number;
  /** Extra counts in the rows from defects on several boards. */
  repeated: number;
  /** Open defects under the default target: in the total, in no priority row. */
  defaultTarget: number;
}

export function reconcileOpen(d: Pick<DefectData, 'total' | 'noSlaOpen' | 'openPerBoard' | 'byPriority'>): OpenReconciliation {
  const rows = d.openPerBoard.reduce((n, b) => n + b.open, 0);
  const noTarget = d.noSlaOpen;
  const repeated = Math.max(0, rows - d.total.open - noTarget);
  const byPriority = d.byPriority.reduce((n, p) => n + p.open, 0);
  return { rows, total: d.total.open, noTarget, repeated, defaultTarget: Math.max(0, d.total.open - byPriority) };
}
