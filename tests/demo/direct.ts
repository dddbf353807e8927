/**
 * The demo site's data handed to the engine directly: no HTTP, no client, no paging. A board's
 * issues are its filter's match (evaluated by the emulator's JQL engine, as Jira would), with their
 * complete changelogs; its sprints are those Jira lists for it (its own and shared ones).
 */
import { discoverFields, prepareIssue, statusCatalog } from '../../src/domain/issue';
import { JiraIssue } from '../../src/domain/jira';
import { compileJql } from '../../src/emulator/jql-eval';
import { localizeFields, translationsFor } from '../../src/emulator/locale';
import { listedSprints } from '../../src/emulator/routes-agile';
import type { SiteData } from '../../src/emulator/site';
import { SiteIndex } from '../../src/emulator/site-index';
import type { LoadedBoards } from '../../src/services/board-data';

/**
 * The boards as the report's loader would load them for a user (default: the first administrator),
 * every issue of each board, its names in the user's language.
 */
export function directLoaded(site: SiteData, boardIds: readonly number[], now: number, accountId?: string): LoadedBoards {
  const index = new SiteIndex(site);
  const user = site.users.find((u) => (accountId === undefined ? u.admin : u.accountId === accountId));
  if (!user) throw new Error('no such user on the site');
  const names = translationsFor(site, user);
  const untranslated = new Map(site.issueTypes.map((t) => [t.id, t.name]));
  const loaded: LoadedBoards = {
    boards: [],
    issues: new Map(),
    catalog: statusCatalog(site.statuses),
    siteStatusIds: new Set(site.statuses.map((s) => s.id)),
    siteFields: site.fields,
  };
  for (const id of boardIds) {
    const b = site.boards.find((x) => x.board.id === id);
    if (!b) throw new Error(`no board ${id}`);
    const matches = compileJql(b.filter.jql, { index, user, now }).matches;
    const raw = index.visibleIssues(user).filter(matches);
    const fields = discoverFields(site.fields, b.configuration.estimation?.field?.fieldId ?? null);
    const issueIds = new Set<string>();
    for (const r of raw) {
      const issue = JiraIssue.parse({ id: r.id, key: r.key, fields: localizeFields(r.fields, names) });
      issue.fields.issuetype.untranslatedName ??= untranslated.get(issue.fields.issuetype.id) ?? null;
      issueIds.add(issue.id);
      loaded.siteStatusIds.add(issue.fields.status.id);
      if (!loaded.issues.has(issue.id)) loaded.issues.set(issue.id, prepareIssue(issue, fields, r.histories));
    }
    const sprints = listedSprints(index, b, raw).filter((s) => s.state !== 'future');
    loaded.boards.push({ board: b.board, configuration: b.configuration, sprints, fields, issueIds });
  }
  return loaded;
}
