/**
 * The ownership of one issue as its panel shows it: the mapping under the configuration, the
 * owners and leaders as Jira users (read as the viewer), and what is missing.
 */
import type { GovernanceConfig } from '../domain/config';
import type { JiraUser } from '../domain/jira';
import { issueOwnership, ownershipAccountIds, type IssueOwnership } from '../domain/ownership-issue';
import { JiraError, type JiraClient } from '../jira/types';

/** A Jira user as the UI shows one; `displayName` null: Jira does not know (or will not show) the account. */
export interface Person {
  accountId: string;
  displayName: string | null;
  avatarUrl: string | null;
  active: boolean | null;
}

/** The issue fields a mapping rule reads: project, components, labels and the custom fields it names. */
export function mappingFields(config: GovernanceConfig): string[] {
  const ids = new Set<string>(['project', 'components', 'labels']);
  for (const list of [config.products, config.channels, config.segments]) for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  return [...ids];
}

export function personOf(accountId: string, user: JiraUser | null): Person {
  if (!user) return { accountId, displayName: null, avatarUrl: null, active: null };
  const avatars = user.avatarUrls ?? {};
  const avatarUrl = avatars['48x48'] ?? avatars['32x32'] ?? Object.values(avatars)[0] ?? null;
  return { accountId, displayName: user.displayName ?? null, avatarUrl, active: user.active ?? null };
}

/**
 * The people behind account ids, read as the viewer. A user Jira will not show (deleted, or the
 * viewer lacks "Browse users and groups") is still listed, without a name, so the gap is visible.
 */
export async function people(client: JiraClient, accountIds: readonly string[]): Promise<Map<string, Person>> {
  const unique = [...new Set(accountIds)];
  const found = await Promise.all(
    unique.map(async (id) => {
      try {
        return personOf(id, await client.user(id));
      } catch (err) {
        if (err instanceof JiraError && (err.status === 403 || err.status === 401)) return personOf(id, null);
        throw err;
      }
    }),
  );
  return new Map(found.map((p) => [p.accountId, p]));
}

export interface IssueOwnershipResult {
  issueKey: string;
  projectKey: string;
  ownership: IssueOwnership;
  people: Map<string, Person>;
}

/** Reads the issue as the viewer and maps it; the project's components sharpen a "no product" fix. */
export async function ownershipOfIssue(client: JiraClient, config: GovernanceConfig, issueKey: string): Promise<IssueOwnershipResult> {
  const issue = await client.issue(issueKey, mappingFields(config));
  const projectKey = issue.fields.project.key;
  let ownership = issueOwnership(issue, config);
  const needsComponents = ownership.problems.some((p) => p.kind === 'no-product');
  const [components, found] = await Promise.all([
    needsComponents ? client.projectComponents(projectKey).catch(() => []) : Promise.resolve([]),
    people(client, ownershipAccountIds(ownership)),
  ]);
  if (needsComponents) ownership = issueOwnership(issue, config, components.map((c) => c.name));
  return { issueKey: issue.key, projectKey, ownership, people: found };
}
