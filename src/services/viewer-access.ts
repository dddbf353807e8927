/**
 * What a viewer may see of figures computed as the app: the issues of the projects they may browse,
 * less the issues whose security level does not grant them. One bulk permission check as the
 * viewer (`POST /rest/api/3/permissions/check`: the projects, and the issues that carry a security
 * level), kept for a few minutes per viewer and set of ids; a kept answer is used only while its own
 * timestamp says it is fresh, whatever the store's expiry does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { IssueTag } from '../domain/figures';
import type { JiraClient } from '../jira/types';

/** A viewer's answer is kept this long. */
export const ACCESS_TTL_MS = 5 * 60_000;

/** The part of the app's document store this needs (KVS on Forge, memory in tests, files in the preview). */
export interface AccessCache {
  get(key: string): Promise<{ value: unknown } | null>;
  set(key: string, value: unknown, options?: { ttlSeconds?: number }): Promise<unknown>;
}

const Kept = z.object({ at: z.number(), projects: z.array(z.string()), issues: z.array(z.string()) });

/** What access to an issue depends on: its project and its security level (a figure's tag is one). */
export type AccessSubject = Pick<IssueTag, 'id' | 'projectId' | 'security'>;

export interface ViewerAccess {
  /** Whether the viewer may browse the issue a row names. */
  canSee(tag: AccessSubject): boolean;
  /** Whether the answer came from the kept one (no request to Jira). */
  readonly cached: boolean;
}

const safe = (s: string): string => s.replace(/[^a-zA-Z0-9:._#-]/g, '_');

/**
 * The viewer's access to the issues `tags` name. `client` reads Jira as the viewer: Jira answers
 * with their own permissions, issue security included.
 */
export async function viewerAccess(client: JiraClient, cache: AccessCache, accountId: string, tags: readonly AccessSubject[], now: number): Promise<ViewerAccess> {
  const projects = [...new Set(tags.map((t) => t.projectId))].sort();
  const secured = [...new Set(tags.filter((t) => t.security !== null).map((t) => t.id))].sort();
  const key = `access:v1:${safe(accountId)}:${createHash('sha256').update(JSON.stringify([projects, secured])).digest('hex').slice(0, 32)}`;
  const kept = Kept.safeParse((await cache.get(key))?.value);
  let allowedProjects: Set<string>;
  let allowedIssues: Set<string>;
  let cached = false;
  if (kept.success && now - kept.data.at >= 0 && now - kept.data.at < ACCESS_TTL_MS) {
    allowedProjects = new Set(kept.data.projects);
    allowedIssues = new Set(kept.data.issues);
    cached = true;
  } else {
    if (projects.length === 0) return { canSee: () => false, cached: false };
    const grants = await client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds: projects, issueIds: secured });
    const browse = grants.BROWSE_PROJECTS ?? { projectIds: [], issueIds: [] };
    allowedProjects = new Set(browse.projectIds);
    allowedIssues = new Set(browse.issueIds);
    // Keeping the answer only saves time: failing to keep it must not cost the viewer the figures.
    await cache.set(key, { at: now, projects: [...allowedProjects], issues: [...allowedIssues] }, { ttlSeconds: Math.ceil(ACCESS_TTL_MS / 1000) }).catch(() => undefined);
  }
  return {
    cached,
    canSee: (tag) => allowedProjects.has(tag.projectId) && (tag.security === null || allowedIssues.has(tag.id)),
  };
}
