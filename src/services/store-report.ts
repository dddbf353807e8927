/**
 * A report read from the store: the boards' stored figure rows, kept to what the reader may browse
 * and the roll-up selects, aggregated (`figures-report.ts`). No Jira issue is read; the caller
 * decides who may see what (`visible`), and the result says how fresh each board is.
 */
import type { GovernanceStore } from '../store/types';
import type { BoardFigures } from './board-figures';
import { type FiguresRequest, type FiguresSections, figuresReport } from './figures-report';

/** How current a board's stored figures are. */
export interface BoardFreshness {
  boardId: number;
  /** The instant its figures are as of; null when none is stored yet. */
  asOf: number | null;
  /** Every change made before this instant is stored (null: the first sync has not finished). */
  watermark: number | null;
  phase: string;
  lastError: string | null;
  issues: number;
}

export interface StoreReport {
  /** The report over the boards that have figures (null when none has). */
  report: FiguresSections | null;
  freshness: BoardFreshness[];
  /** Boards without stored figures yet (their first sync is running or due). */
  pending: number[];
}

export async function storeReport(store: GovernanceStore, boardIds: readonly number[], req: FiguresRequest): Promise<StoreReport> {
  const [figures, states] = await Promise.all([store.figures(boardIds, req.sections), Promise.all(boardIds.map((id) => store.board(id)))]);
  const freshness: BoardFreshness[] = boardIds.map((boardId, i) => {
    const s = states[i]?.value ?? null;
    return {
      boardId,
      asOf: figures.get(boardId)?.asOf ?? null,
      watermark: s?.sync.watermark ?? null,
      phase: s?.sync.phase ?? 'new',
      lastError: s?.sync.lastError?.message ?? null,
      issues: s?.sync.issues ?? 0,
    };
  });
  const ready: BoardFigures[] = [];
  for (const id of boardIds) {
    const f = figures.get(id);
    if (f) ready.push(f);
  }
  const pending = boardIds.filter((id) => !figures.has(id));
  return { report: ready.length > 0 ? figuresReport(ready, req) : null, freshness, pending };
}
