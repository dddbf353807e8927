/**
 * The hygiene and defect SLA figures the project page and the two governance gadgets show, from a
 * viewer's stored figures (`surfaces.ts`): the score now and a week before, the rules most broken
 * with their fixes, the offending issues (summary, assignee), the defects per priority, the open
 * defects per team, and the defects that need attention first.
 */
import type { GovernanceConfig } from '../domain/config';
import type { BoardFigures } from '../domain/figures';

import { hygieneRule } from '../domain/hygiene';
import { compareKeys } from '../domain/issue';
import type { DefectReport, HygieneReport } from '../domain/report';
import type { DefectData, DefectRow as ListedDefect, HygieneData, HygieneIssueRow } from '../shared/governance-protocol';
import { hygieneOf, keepFilter, keptHygieneRows } from './figures-report';
import type { SurfaceFigures } from './surfaces';

/** Offending issues sent to a page at once; the counts and the CSV cover them all. */
export const ISSUES_SHOWN = 2_000;
const WEEK_MS = 7 * 86_400_000;

const ratio = (violating: number, scanned: number): number | null => (scanned === 0 ? null : 1 - violating / scanned);

export function hygieneData(s: SurfaceFigures, hygiene: HygieneReport, config: GovernanceConfig, rollup: Parameters<typeof keepFilter>[2]): HygieneData {
  const keep = keepFilter(s.figures, s.visible, rollup);
  const before = hygieneOf(s.figures, (b) => b.hygieneBefore, config, keep);
  const tags = new Map(s.figures.flatMap((f) => f.tags.map((t) => [t.key, t] as const)));
  const issues: HygieneIssueRow[] = keptHygieneRows(s.figures, (b) => b.hygiene, keep)
    .flat()
    .filter((r) => r.rules.length > 0)
    .map((r) => {
      const t = tags.get(r.key);
      return { key: r.key, projectKey: t?.projectKey ?? r.key.slice(0, r.key.lastIndexOf('-')), summary: t?.summary ?? null, assignee: t?.assignee ?? null, assigneeName: t?.assigneeName ?? null, rules: [...r.rules] };
    })
    .sort((a, b) => compareKeys(a.key, b.key));
  const order = new Map(hygiene.rules.map((r, i) => [r.id, i]));
  const asOf = Math.min(...s.figures.map((f) => f.asOf));
  return {
    score: {
      score: hygiene.score,
      scanned: hygiene.scanned,
      violating: hygiene.violating,
      before: ratio(before.violating, before.scanned),
      scannedBefore: before.scanned,
      violatingBefore: before.violating,
    },
    before: new Date(asOf - WEEK_MS).toISOString(),
    rules: [...hygiene.rules]
      .sort((a, b) => b.count - a.count || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((r) => ({ ...r, id: r.id as HygieneIssueRow['rules'][number], fix: hygieneRule(r.id as HygieneIssueRow['rules'][number]).fix })),
    issues: issues.slice(0, ISSUES_SHOWN),
    issuesTotal: issues.length,
  };
}

export function defectData(s: SurfaceFigures, defects: DefectReport, config: GovernanceConfig, rollup: Parameters<typeof keepFilter>[2]): DefectData {
  const keep = keepFilter(s.figures, s.visible, rollup);
  const tags = new Map(s.figures.flatMap((f) => f.tags.map((t) => [t.key, t] as const)));
  const boardsOf = new Map<string, number[]>();
  for (const f of s.figures) for (const d of f.defects) if (keep(d.key)) boardsOf.set(d.key, [...(boardsOf.get(d.key) ?? []), f.boardId]);
  const target = config.defects.openPerTeamTarget;
  const names = new Map(s.boards.map((b) => [b.id, b.name]));
  const seen = new Set<string>();
  const attention: (ListedDefect & { hoursLeft: number })[] = [];
  for (const f of s.figures as readonly BoardFigures[]) {
    for (const d of f.defects) {
      if (seen.has(d.id) || !keep(d.key) || !d.open || d.targetHours === null || (d.outcome !== 'breached' && d.outcome !== 'atRisk')) continue;
      seen.add(d.id);
      attention.push({
        key: d.key,
        projectKey: d.project,
        summary: tags.get(d.key)?.summary ?? null,
        priority: d.priority,
        priorityRow: d.targetPriorityId,
        targetHours: d.targetHours,
        elapsedHours: d.elapsedHours,
        outcome: d.outcome,
        open: d.open,
        resolvedAt: null,
        boardIds: boardsOf.get(d.key) ?? [],
        hoursLeft: d.targetHours - d.elapsedHours,
      });
    }
  }
  attention.sort((a, b) => a.hoursLeft - b.hoursLeft || compareKeys(a.key, b.key));
  return {
    from: defects.from,
    to: defects.to,
    byPriority: defects.byPriority,
    total: defects.total,
    noSla: defects.noSla,
    noSlaOpen: defects.noSlaOpen,
    openPerBoard: defects.openPerBoard.map((b) => ({ boardId: b.boardId, name: names.get(b.boardId) ?? String(b.boardId), open: b.open, openNoSla: b.openNoSla, target, withinTarget: b.open < target })),
    attention,
  };
}
