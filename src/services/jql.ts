/**
 * JQL building. JQL only narrows what is fetched: every figure re-applies its own classification to
 * what a search returns, so these clauses may be a superset, never a subset.
 */

/** A board filter's JQL without its `ORDER BY` (outside quoted strings). */
export function withoutOrderBy(jql: string): string {
  let quote: string | null = null;
  for (let i = 0; i < jql.length; i++) {
    const c = jql[i] as string;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      continue;
    }
    if ((c === 'o' || c === 'O') && /^order\s+by\b/i.test(jql.slice(i)) && (i === 0 || /\s|\)/.test(jql[i - 1] as string)))
      return jql.slice(0, i).trim();
  }
  return jql.trim();
}

/** A JQL date literal a day earlier than the instant, so that no site time zone can cut it short. */
export function jqlDateBefore(epochMs: number): string {
  const d = new Date(epochMs - 24 * 3600_000);
  return `"${d.toISOString().slice(0, 10)}"`;
}

/**
 * The board's issues the requested metrics may need:
 * - convergence: members of the reported sprints now (closed sprints stay in the field), or changed
 *   since the earliest reported sprint started (an issue removed from a sprint was updated then);
 * - defects: open now, or updated since the period's start (resolved in it);
 * - hygiene: not done now, or updated in the 30 days before `now`.
 */
export function boardScopeJql(filterJql: string, scope: { sprintIds: readonly number[]; updatedSince: number; openNow: boolean }): string {
  const base = withoutOrderBy(filterJql);
  const clauses: string[] = [];
  if (scope.sprintIds.length) clauses.push(`sprint in (${scope.sprintIds.join(', ')})`);
  if (scope.openNow) clauses.push('statusCategory != Done');
  clauses.push(`updated >= ${jqlDateBefore(scope.updatedSince)}`);
  return `${base ? `(${base}) AND ` : ''}(${clauses.join(' OR ')})`;
}

/** How far back the store keeps done issues: longer than any figure looks (20 sprints, a year of defects). */
export const SYNC_HORIZON_DAYS = 400;

/**
 * The issues the store keeps of a board: its filter's issues that are not done, or were updated in
 * the horizon. With `sinceMs`, only those updated since then (a catch-up), as a relative JQL date
 * (`-17m`) so no time zone of the reading account can shift it; the caller's margin covers the
 * minute JQL rounds to.
 */
export function syncScopeJql(filterJql: string, o: { sinceMs: number | null; now: number; horizonDays?: number }): string {
  const base = withoutOrderBy(filterJql);
  const scope =
    o.sinceMs === null
      ? `(statusCategory != Done OR updated >= -${o.horizonDays ?? SYNC_HORIZON_DAYS}d)`
      : `updated >= -${Math.max(1, Math.ceil((o.now - o.sinceMs) / 60_000) + 1)}m`;
  return `${base ? `(${base}) AND ` : ''}${scope}`;
}

/** The board's whole kept scope (ids only), to find what left it (deleted, moved, no longer matching). */
export function keptScopeJql(filterJql: string, horizonDays = SYNC_HORIZON_DAYS): string {
  return syncScopeJql(filterJql, { sinceMs: null, now: 0, horizonDays });
}
