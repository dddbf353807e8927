/**
 * Issue types by their untranslated (English) names. Jira names issue types in each reader's
 * language («Ошибка» for Bug) and does not always embed `untranslatedName` in an issue, while the
 * built-in defaults name types by it (`Bug`, `Story`). `GET /rest/api/3/issuetype` has it: read
 * once per use case and written into each issue's type where missing, so the domain can match
 * types the same way whoever reads Jira.
 */
import type { JiraIssue } from '../domain/jira';
import { JiraError, type JiraClient } from '../jira/types';

/** Type id → untranslated name. Empty where the site does not answer (a server without the endpoint, or no permission). */
export async function untranslatedTypeNames(client: JiraClient): Promise<Map<string, string>> {
  try {
    const types = await client.issueTypes();
    const names = new Map<string, string>();
    for (const t of types) if (t.untranslatedName) names.set(t.id, t.untranslatedName);
    return names;
  } catch (e) {
    // A server that implements only the endpoints the command needs (any answer but the list), or
    // a user who may not list types: names stand in (see `matchesIssueType`). A network failure
    // (no status) is a real one, and the next request would meet it anyway.
    if (e instanceof JiraError && e.status !== null) return new Map();
    throw e;
  }
}

/** Writes the untranslated name into the issue's type (and its sub-tasks' types) where Jira left it out. */
export function fillUntranslatedTypeName(issue: JiraIssue, names: ReadonlyMap<string, string>): void {
  const type = issue.fields.issuetype;
  if (!type.untranslatedName) {
    const name = names.get(type.id);
    if (name) type.untranslatedName = name;
  }
}
