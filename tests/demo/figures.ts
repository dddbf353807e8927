/**
 * The demo's headline figures, computed by the report's own engine (`computeReport`) on the demo
 * data handed over directly: convergence per board (last 6 closed sprints), defect SLA over the 30
 * days before now, and hygiene over what the report scans, per board and over all boards.
 */
import { type GovernanceConfig, parseConfigOrThrow } from '../../src/domain/config';
import type { ConvergenceReport, DefectReport, HygieneReport, ReportWarnings } from '../../src/domain/report';
import type { SiteData } from '../../src/emulator/site';
import { computeReport } from '../../src/services/report';
import { directLoaded } from './direct';

const DAY = 86_400_000;

export interface BoardFigures {
  boardId: number;
  key: string;
  convergence: ConvergenceReport;
  hygiene: HygieneReport;
}

export interface DemoFigures {
  boards: BoardFigures[];
  defects: DefectReport;
  hygiene: HygieneReport;
  warnings: ReportWarnings;
}

export function demoFigures(site: SiteData, configInput: unknown, now: number): DemoFigures {
  const config: GovernanceConfig = parseConfigOrThrow(configInput);
  const boardIds = site.boards.map((b) => b.board.id);
  const loaded = directLoaded(site, boardIds, now);
  const request = (ids: number[]) => ({ boardIds: ids, sprints: config.convergence.sprints, now, from: now - 30 * DAY, to: now, config });
  const boards = loaded.boards.map((b) => {
    const one = computeReport({ ...loaded, boards: [b] }, request([b.board.id]));
    return { boardId: b.board.id, key: b.board.location?.projectKey ?? '', convergence: one.convergence, hygiene: one.hygiene };
  });
  const all = computeReport(loaded, request(boardIds));
  return { boards, defects: all.defects, hygiene: all.hygiene, warnings: all.warnings };
}
