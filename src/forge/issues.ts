/** Summaries of the issues behind a drill-down, read as the viewer. */
import { JiraError, type JiraClient } from '../jira/types';
import type { IssueSummary } from '../shared/protocol';

export async function issueSummaries(client: JiraClient, keys: readonly string[]): Promise<IssueSummary[]> {
  const unique = [...new Set(keys)];
  let found = new Map<string, IssueSummary>();
  try {
    const issues = await client.search(`key in (${unique.join(', ')})`, { fields: ['summary', 'status'], pageSize: 100 });
    found = new Map(
      issues.map((i) => [
        i.key,
        { key: i.key, summary: i.fields.summary ?? null, status: i.fields.status.name, statusCategory: i.fields.status.statusCategory.key },
      ]),
    );
  } catch (err) {
    // Jira rejects the whole query when one key was deleted or moved: the keys still link.
    if (!(err instanceof JiraError && err.status === 400)) throw err;
  }
  return unique.map((key) => found.get(key) ?? { key, summary: null, status: null, statusCategory: null });
}
