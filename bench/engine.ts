/**
 * The engine's side of the benchmark: parse Jira's pages, validate them with the same zod schemas
 * the client uses, prepare the issues for replay and compute the three metrics of a board.
 */
import type { GovernanceConfig } from '../src/domain/config';
import { discoverFields, prepareIssue, type PreparedIssue, statusCatalog } from '../src/domain/issue';
import { BulkChangelogPage, type ChangelogHistory, type JiraIssue, SearchJqlPage } from '../src/domain/jira';
import type { GovernanceReport } from '../src/domain/report';
import type { LoadedBoards } from '../src/services/board-data';
import { computeReport } from '../src/services/report';
import type { SyntheticBoard, SyntheticSite } from './synthetic';

const DAY = 24 * 3600_000;

/** Issues and changelogs of a board, validated, with the histories grouped per issue. */
export interface ValidatedBoard {
  issues: JiraIssue[];
  changelogs: Map<string, ChangelogHistory[]>;
}

export function validatePages(searchPages: readonly unknown[], changelogPages: readonly unknown[]): ValidatedBoard {
  const issues: JiraIssue[] = [];
  for (const p of searchPages) issues.push(...SearchJqlPage.parse(p).issues);
  const changelogs = new Map<string, ChangelogHistory[]>();
  for (const p of changelogPages)
    for (const entry of BulkChangelogPage.parse(p).issueChangeLogs) {
      const known = changelogs.get(entry.issueId);
      if (known) known.push(...entry.changeHistories);
      else changelogs.set(entry.issueId, entry.changeHistories);
    }
  return { issues, changelogs };
}

/** All three metrics of one board, from validated pages. */
export function computeBoard(site: SyntheticSite, board: SyntheticBoard, data: ValidatedBoard, config: GovernanceConfig): GovernanceReport {
  const fields = discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null);
  const prepared: PreparedIssue[] = data.issues.map((i) => prepareIssue(i, fields, data.changelogs.get(i.id) ?? []));
  return metricsOfBoard(site, board, prepared, config);
}

/** The three metrics through the same code the command and the resolvers run (`computeReport`). */
export function metricsOfBoard(site: SyntheticSite, board: SyntheticBoard, prepared: readonly PreparedIssue[], config: GovernanceConfig): GovernanceReport {
  const now = site.now;
  const loaded: LoadedBoards = {
    boards: [
      {
        board: { id: board.boardId, name: `Board ${board.boardId}` },
        configuration: board.configuration,
        sprints: board.sprints,
        fields: discoverFields(site.fields, board.configuration.estimation?.field?.fieldId ?? null),
        issueIds: new Set(prepared.map((p) => p.id)),
      },
    ],
    issues: new Map(prepared.map((p) => [p.id, p])),
    catalog: statusCatalog(site.statuses),
    siteStatusIds: new Set(site.statuses.map((s) => s.id)),
    siteFields: site.fields,
  };
  return computeReport(loaded, { boardIds: [board.boardId], sprints: board.sprints.length, now, from: now - 30 * DAY, to: now, config });
}
