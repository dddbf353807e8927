/**
 * Hygiene (METRICS.md §3, now and a week before) and defect SLA (§2) of a set of boards, as rows
 * that keep each issue's project (`src/domain/governance-rows.ts`), computed by the domain from
 * what the Jira client reads.
 */
import { type GovernanceConfig, refLabel } from '../domain/config';
import { defectClock, defectReport } from '../domain/defects';
import { doneStatusIds } from '../domain/done';
import type { DefectRow, GovernanceRows, HygieneIssueRow, HygieneTally } from '../domain/governance-rows';
import { activeRules, HYGIENE_RECENT_DAYS, hygieneContext, hygieneScope, issueViolations, type HygieneContext } from '../domain/hygiene';
import { issueAsOf, sprintAsOf } from '../domain/hygiene/as-of';
import type { PreparedIssue } from '../domain/issue';
import type { JiraSprint } from '../domain/jira';
import { rollupPredicate, type OwnershipDimension } from '../domain/ownership';
import type { JiraClient } from '../jira/types';
import { type LoadedBoards, type LoadStep, loadBoards } from './board-data';

export const DAY_MS = 24 * 3_600_000;
/** The previous-week score is taken this long before `now`. */
export const WEEK_MS = 7 * DAY_MS;

export interface RowsRequest {
  boardIds: readonly number[];
  now: number;
  /** Defects resolved in the `periodDays` before `now` are reported. */
  periodDays: number;
  config: GovernanceConfig;
  rollup: { dimension: OwnershipDimension; key: string } | null;
  onStep?: (step: LoadStep) => void;
}

/** Reads the boards: every issue not done now, or updated since the earliest instant a figure looks at. */
export async function governanceRows(client: JiraClient, req: RowsRequest): Promise<GovernanceRows> {
  const since = Math.min(req.now - req.periodDays * DAY_MS, req.now - WEEK_MS - HYGIENE_RECENT_DAYS * DAY_MS);
  const loaded = await loadBoards(client, {
    boardIds: req.boardIds,
    config: req.config,
    scope: () => ({ sprintIds: [], updatedSince: since }),
    openNow: true,
    ...(req.onStep ? { onStep: req.onStep } : {}),
  });
  return computeRows(loaded, req);
}

interface Judging {
  readonly contextOf: (boardIndex: number, now: number) => HygieneContext;
}

function judging(loaded: LoadedBoards, config: GovernanceConfig, current: number): Judging {
  const sprints: JiraSprint[] = loaded.boards.flatMap((b) => b.sprints);
  const doneByBoard = new Map(loaded.boards.map((b) => [b.board.id, doneStatusIds(b.configuration, loaded.catalog)] as const));
  const issuesByKey = new Map([...loaded.issues.values()].map((p) => [p.key, p] as const));
  const sprintsAt = new Map<number, Map<number, JiraSprint>>();
  return {
    contextOf(boardIndex, now) {
      let byId = sprintsAt.get(now);
      if (!byId) {
        // At the report's own `now` the sprints are as Jira lists them; earlier, as they stood then.
        byId = new Map(sprints.map((s) => [s.id, now === current ? s : sprintAsOf(s, now)] as const));
        sprintsAt.set(now, byId);
      }
      const b = loaded.boards[boardIndex];
      return hygieneContext({
        now,
        config,
        catalog: loaded.catalog,
        sprintsById: byId,
        sprintFieldId: b?.fields.sprint?.id ?? null,
        estimationFieldId: b?.fields.estimation?.id ?? null,
        doneStatusIds: b ? (doneByBoard.get(b.board.id) ?? null) : null,
        doneStatusIdsByBoard: doneByBoard,
        issuesByKey,
      });
    },
  };
}

/** The rows from loaded board data: pure, so any source of data gives the same figures. */
export function computeRows(loaded: LoadedBoards, req: RowsRequest): GovernanceRows {
  const { config, now } = req;
  const before = now - WEEK_MS;
  const from = now - req.periodDays * DAY_MS;
  const include = req.rollup ? rollupPredicate(config, req.rollup.dimension, req.rollup.key) : null;
  const visible = (p: PreparedIssue) => p.created <= now && (include === null || include(p.issue));
  const judge = judging(loaded, config, now);

  // Hygiene: each issue judged once, in the context of the first board that holds it.
  const tallies = new Map<string, HygieneTally>();
  const tally = (projectKey: string) => {
    let t = tallies.get(projectKey);
    if (!t) tallies.set(projectKey, (t = { projectKey, scanned: 0, violating: 0, scannedBefore: 0, violatingBefore: 0 }));
    return t;
  };
  const offending: HygieneIssueRow[] = [];
  const seen = new Set<string>();
  loaded.boards.forEach((b, index) => {
    const ctxNow = judge.contextOf(index, now);
    const ctxBefore = judge.contextOf(index, before);
    const fields = { sprintFieldId: b.fields.sprint?.id ?? null, estimationFieldId: b.fields.estimation?.id ?? null };
    for (const id of b.issueIds) {
      const p = loaded.issues.get(id);
      if (!p || seen.has(id) || !visible(p)) continue;
      seen.add(id);
      if (hygieneScope(p.issue, now, p.created)) {
        const t = tally(p.projectKey);
        t.scanned++;
        const rules = issueViolations(p, ctxNow).map((v) => v.id);
        if (rules.length > 0) {
          t.violating++;
          const a = p.issue.fields.assignee;
          offending.push({ key: p.key, projectKey: p.projectKey, summary: p.issue.fields.summary ?? null, assignee: a?.accountId ?? null, assigneeName: a?.displayName ?? null, rules });
        }
      }
      const then = issueAsOf(p, before, loaded.catalog, fields);
      if (then && hygieneScope(then.issue, before)) {
        const t = tally(p.projectKey);
        t.scannedBefore++;
        if (issueViolations(then, ctxBefore).length > 0) t.violatingBefore++;
      }
    }
  });

  // Defect SLA: the domain's report lists each defect open now or resolved in the period.
  const all = [...loaded.issues.values()].filter(visible);
  const report = defectReport({
    issues: all,
    boards: loaded.boards.map((b) => ({ boardId: b.board.id, issueIds: b.issueIds })),
    catalog: loaded.catalog,
    config,
    now,
    from,
    to: now,
  });
  const byKey = new Map(all.map((p) => [p.key, p] as const));
  const defects: DefectRow[] = [];
  for (const d of report.issues) {
    const p = byKey.get(d.key);
    if (!p) continue;
    const clock = defectClock(p, loaded.catalog, config, now);
    defects.push({
      key: d.key,
      projectKey: p.projectKey,
      summary: p.issue.fields.summary ?? null,
      priority: d.priority,
      priorityRow: config.defects.targets.some((t) => t.priority.id === d.priorityId) ? d.priorityId : null,
      targetHours: d.targetHours,
      elapsedHours: d.elapsedHours,
      outcome: d.outcome,
      open: !clock.done,
      resolvedAt: clock.resolvedAt === null ? null : new Date(clock.resolvedAt).toISOString(),
      boardIds: loaded.boards.filter((b) => b.issueIds.has(p.id)).map((b) => b.board.id),
    });
  }

  return {
    now: new Date(now).toISOString(),
    before: new Date(before).toISOString(),
    from: new Date(from).toISOString(),
    to: new Date(now).toISOString(),
    boards: loaded.boards.map((b) => ({ id: b.board.id, name: b.board.name, projectKey: b.board.location?.projectKey ?? null })),
    rules: activeRules(config).map((a) => ({ id: a.rule.id, severity: a.severity })),
    hygiene: { tallies: [...tallies.values()].sort((a, b) => (a.projectKey < b.projectKey ? -1 : a.projectKey > b.projectKey ? 1 : 0)), issues: offending },
    defects: {
      priorities: config.defects.targets.map((t) => ({ priority: refLabel(t.priority), priorityId: t.priority.id, targetHours: t.hours })),
      openPerTeamTarget: config.defects.openPerTeamTarget,
      issues: defects,
    },
  };
}
