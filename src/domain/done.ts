/**
 * A board's *done statuses* (docs/metrics.md, "Backlog convergence": "Done" is the board's last column): the statuses "done at t" means for
 * convergence and chronic carry-over ("Jira hygiene"). Elsewhere "done" is the status category `done`.
 */
import type { BoardConfiguration } from './jira';
import type { StatusCatalog } from './issue';

/**
 * The statuses mapped to the board's last (rightmost) column; with no board configuration, the
 * statuses of category `done` in the catalog.
 *
 * Decisions where docs/metrics.md is silent, taken as Jira's Sprint Report takes them:
 * - The rightmost column is the last one in `columnConfig.columns`, even when no status is mapped
 *   to it. Jira counts an issue as completed only when it sits in that column, so an empty
 *   rightmost column means nothing on that board is ever done (we do not fall back to the column
 *   before it, which would call "In Review" done on some boards).
 * - A configuration with no columns at all says nothing about doneness, so it is treated like a
 *   missing configuration: the statuses of category `done`.
 */
export function doneStatusIds(configuration: BoardConfiguration | null, catalog: StatusCatalog): Set<string> {
  const columns = configuration?.columnConfig.columns ?? [];
  const rightmost = columns[columns.length - 1];
  if (rightmost) return new Set(rightmost.statuses.map((s) => s.id));
  const done = new Set<string>();
  for (const [id, category] of catalog) if (category === 'done') done.add(id);
  return done;
}

/**
 * Every status mapped to a column of the board: an issue in any other status is not on the board
 * (Jira lists it under "unmapped statuses"). Null where the configuration has no columns (then
 * nothing can be said).
 */
export function mappedStatusIds(configuration: BoardConfiguration | null): ReadonlySet<string> | null {
  const columns = configuration?.columnConfig.columns ?? [];
  if (columns.length === 0) return null;
  const ids = new Set<string>();
  for (const c of columns) for (const s of c.statuses) ids.add(s.id);
  return ids;
}
