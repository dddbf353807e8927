/**
 * What a viewer may see of figures computed as the app: issues of projects they may browse, less
 * secured issues Jira does not grant them. The answer is kept a few minutes per viewer, used only
 * while its own timestamp says it is fresh (a store may hand back an expired value for up to 48
 * hours), never given to another viewer, and failing to keep it costs nobody their figures.
 */
import type { IssueTag } from '../../src/domain/figures';
import type { BulkPermissionCheck, JiraClient, PermissionGrants } from '../../src/jira/types';
import { ACCESS_TTL_MS, viewerAccess, type AccessCache } from '../../src/services/viewer-access';

const T0 = Date.UTC(2026, 10, 27, 12);

const tag = (id: string, projectId: string, security: string | null = null): IssueTag => ({
  id,
  key: `P${projectId}-${id}`,
  projectKey: `P${projectId}`,
  projectId,
  security,
  products: [],
  channels: [],
  segments: [],
  summary: null,
  assignee: null,
  assigneeName: null,
  open: true,
  defect: false,
  deletedStatuses: [],
});

/** Jira as one viewer: the projects and secured issues they are granted. */
function jiraAs(grants: PermissionGrants) {
  const calls: BulkPermissionCheck[] = [];
  const client = {
    bulkPermissions: async (check: BulkPermissionCheck) => {
      calls.push(check);
      return { BROWSE_PROJECTS: { projectIds: grants.projectIds.filter((p) => check.projectIds.includes(p)), issueIds: grants.issueIds.filter((i) => check.issueIds.includes(i)) } };
    },
  } as unknown as JiraClient;
  return { client, calls };
}

/** A cache that keeps everything forever (as a store may, past its expiry). */
function foreverCache(): AccessCache & { keys: () => string[] } {
  const m = new Map<string, unknown>();
  return {
    get: async (k) => (m.has(k) ? { value: m.get(k) } : null),
    set: async (k, v) => void m.set(k, v),
    keys: () => [...m.keys()],
  };
}

const TAGS = [tag('1', '100'), tag('2', '100', 'bank'), tag('3', '100', 'bank'), tag('4', '200')];

describe('viewerAccess', () => {
  it('shows the issues of projects the viewer browses, secured ones only when Jira grants them', async () => {
    const { client, calls } = jiraAs({ projectIds: ['100'], issueIds: ['2'] });
    const access = await viewerAccess(client, foreverCache(), 'viewer', TAGS, T0);
    expect(TAGS.filter((t) => access.canSee(t)).map((t) => t.id)).toEqual(['1', '2']);
    // One request: the projects, and only the issues that carry a security level.
    expect(calls).toEqual([expect.objectContaining({ permissions: ['BROWSE_PROJECTS'], projectIds: ['100', '200'], issueIds: ['2', '3'] })]);
  });

  it('answers from the kept answer for a few minutes, then asks Jira again even if the store still returns the old one', async () => {
    const cache = foreverCache();
    const first = jiraAs({ projectIds: ['100', '200'], issueIds: ['2', '3'] });
    expect((await viewerAccess(first.client, cache, 'viewer', TAGS, T0)).cached).toBe(false);
    const again = await viewerAccess(first.client, cache, 'viewer', TAGS, T0 + ACCESS_TTL_MS - 1);
    expect(again.cached).toBe(true);
    expect(first.calls.length).toBe(1);
    // The viewer lost the project and the level meanwhile: past the timestamp, Jira decides again.
    const later = jiraAs({ projectIds: ['200'], issueIds: [] });
    const after = await viewerAccess(later.client, cache, 'viewer', TAGS, T0 + ACCESS_TTL_MS);
    expect(after.cached).toBe(false);
    expect(TAGS.filter((t) => after.canSee(t)).map((t) => t.id)).toEqual(['4']);
  });

  it('never gives one viewer’s answer to another', async () => {
    const cache = foreverCache();
    await viewerAccess(jiraAs({ projectIds: ['100', '200'], issueIds: ['2', '3'] }).client, cache, 'admin', TAGS, T0);
    const contractor = jiraAs({ projectIds: ['100'], issueIds: [] });
    const access = await viewerAccess(contractor.client, cache, 'contractor', TAGS, T0 + 1);
    expect(contractor.calls.length).toBe(1);
    expect(TAGS.filter((t) => access.canSee(t)).map((t) => t.id)).toEqual(['1']);
  });

  it('still answers when the answer cannot be kept', async () => {
    const broken: AccessCache = { get: async () => null, set: async () => Promise.reject(new Error('storage unavailable')) };
    const access = await viewerAccess(jiraAs({ projectIds: ['100'], issueIds: [] }).client, broken, 'viewer', TAGS, T0);
    expect(TAGS.filter((t) => access.canSee(t)).map((t) => t.id)).toEqual(['1']);
  });

  it('does not trust a kept answer of another shape, or one stamped in the future', async () => {
    const cache = foreverCache();
    const { client, calls } = jiraAs({ projectIds: ['100'], issueIds: [] });
    await viewerAccess(client, cache, 'viewer', TAGS, T0);
    const key = cache.keys()[0]!;
    await cache.set(key, { at: T0 + 3_600_000, projects: ['100', '200'], issues: ['2', '3'] });
    const access = await viewerAccess(client, cache, 'viewer', TAGS, T0 + 1);
    expect(access.cached).toBe(false);
    await cache.set(key, { at: T0, projects: '100' });
    expect((await viewerAccess(client, cache, 'viewer', TAGS, T0 + 2)).cached).toBe(false);
    expect(calls.length).toBe(3);
  });
});
