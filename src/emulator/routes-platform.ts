/** Site-wide endpoints: who am I, fields, statuses, projects, users, filters, permissions. */
import { z } from 'zod';
import { badRequest, HttpError, notFound } from './http-error';
import { offsetPage, ok, param, parseBody, type Ctx, type Route } from './route';
import type { SiteProject, SiteUser } from './site';
import { issueTypeList, priorityList, statusList, translationsFor } from './locale';
import { listParam, publicUser } from './views';

type Grant = 'browse' | 'edit' | 'admin';

/** The permissions the emulator models, and which grant of a SiteUser answers each. */
const PERMISSIONS: Record<string, { name: string; type: 'PROJECT' | 'GLOBAL'; grant: Grant }> = {
  BROWSE_PROJECTS: { name: 'Browse Projects', type: 'PROJECT', grant: 'browse' },
  ADD_COMMENTS: { name: 'Add Comments', type: 'PROJECT', grant: 'browse' },
  EDIT_ISSUES: { name: 'Edit Issues', type: 'PROJECT', grant: 'edit' },
  CREATE_ISSUES: { name: 'Create Issues', type: 'PROJECT', grant: 'edit' },
  TRANSITION_ISSUES: { name: 'Transition Issues', type: 'PROJECT', grant: 'edit' },
  ASSIGN_ISSUES: { name: 'Assign Issues', type: 'PROJECT', grant: 'edit' },
  RESOLVE_ISSUES: { name: 'Resolve Issues', type: 'PROJECT', grant: 'edit' },
  SCHEDULE_ISSUES: { name: 'Schedule Issues', type: 'PROJECT', grant: 'edit' },
  ADMINISTER_PROJECTS: { name: 'Administer Projects', type: 'PROJECT', grant: 'admin' },
  ADMINISTER: { name: 'Administer Jira', type: 'GLOBAL', grant: 'admin' },
  SYSTEM_ADMIN: { name: 'Administer Jira System', type: 'GLOBAL', grant: 'admin' },
};

/**
 * Jira's rule: with a project (or an issue's project) the grant in that project; without one, a
 * project permission is held if it is held in any project.
 */
export function holds(ctx: Ctx, user: SiteUser, grant: Grant, projectKey: string | null): boolean {
  if (grant === 'admin') return user.admin;
  const keys = projectKey ? [projectKey] : ctx.index.site.projects.map((p) => p.key);
  return keys.some((k) => (grant === 'browse' ? ctx.index.canBrowse(user, k) : ctx.index.canEdit(user, k)));
}

function visibleProject(ctx: Ctx, keyOrId: string): SiteProject {
  const project = ctx.index.project(keyOrId);
  if (!project || !ctx.index.canBrowse(ctx.user, project.key)) throw notFound(`No project could be found with key '${keyOrId}'.`);
  return project;
}

function projectView(ctx: Ctx, p: SiteProject) {
  return { self: `${ctx.baseUrl}/rest/api/3/project/${p.id}`, id: p.id, key: p.key, name: p.name, projectTypeKey: 'software', simplified: false, style: 'classic' };
}

function myPermissions(ctx: Ctx) {
  const keys = listParam(ctx.query, 'permissions');
  if (keys.length === 0) throw badRequest('The permissions query parameter is required. Provide a comma-separated list of permission keys.');
  const unknown = keys.find((k) => !(k in PERMISSIONS));
  if (unknown) throw badRequest(`Permission '${unknown}' does not exist.`);
  let projectKey: string | null = null;
  const issueRef = ctx.query.get('issueId') ?? ctx.query.get('issueKey');
  const projectRef = ctx.query.get('projectId') ?? ctx.query.get('projectKey');
  if (issueRef) projectKey = ctx.index.projectKeyOf(ctx.index.issue(ctx.user, issueRef));
  else if (projectRef) projectKey = visibleProject(ctx, projectRef).key;
  const permissions = Object.fromEntries(
    keys.map((key) => {
      const p = PERMISSIONS[key] as (typeof PERMISSIONS)[string];
      const havePermission = holds(ctx, ctx.user, p.grant, p.type === 'GLOBAL' ? null : projectKey);
      return [key, { id: key, key, name: p.name, type: p.type, description: p.name, havePermission }];
    }),
  );
  return ok({ permissions });
}

/** Jira's ceiling for one check: 1,000 valid project ids and 1,000 valid issue ids. */
export const PERMISSION_CHECK_MAX = 1000;

/** Jira ignores null values in these lists, and empty permission keys. */
const NullableIds = z.array(z.number().int().nullable()).nullish();
const CheckBody = z.object({
  accountId: z.string().nullish(),
  globalPermissions: z.array(z.string().nullable()).nullish(),
  projectPermissions: z
    .array(z.object({ permissions: z.array(z.string().nullable()), projects: NullableIds, issues: NullableIds }).nullable())
    .nullish(),
});

const present = <T>(xs: readonly (T | null)[] | null | undefined): T[] => (xs ?? []).filter((x): x is T => x !== null);

/** Whose permissions a check answers for: the caller, or (for an administrator or the app) another user. */
function checkedUser(ctx: Ctx, accountId: string | null | undefined): SiteUser {
  if (!accountId || accountId === ctx.user.accountId) return ctx.user;
  // Jira: "Administer Jira global permission to check the permissions for other users"; an app
  // calling as itself may check any user.
  if (!ctx.user.admin && !ctx.user.app) throw new HttpError(403, ['You must have the Administer Jira global permission to check the permissions of other users.']);
  const other = ctx.index.site.users.find((u) => u.accountId === accountId);
  if (!other) throw new HttpError(400, [], { accountId: `The account ID '${accountId}' is not valid.` });
  return other;
}

/**
 * `POST /rest/api/3/permissions/check` (Get bulk permissions), as Jira documents it: global
 * permissions the user has; per project permission, the asked projects and issues (numeric ids)
 * it is granted in. Invalid ids are ignored; an issue the user may not see (project or security
 * level) is never granted; more than 1,000 valid project ids or 1,000 valid issue ids is a 400.
 */
function checkPermissions(ctx: Ctx) {
  const body = parseBody(CheckBody, ctx.body);
  const user = checkedUser(ctx, body.accountId);
  const globals = present(body.globalPermissions).filter((k) => k !== '');
  const badGlobal = globals.find((k) => PERMISSIONS[k]?.type !== 'GLOBAL');
  if (badGlobal !== undefined) throw new HttpError(400, [], { globalPermissions: `Global permission '${badGlobal}' does not exist.` });
  const entries = present(body.projectPermissions).map((pp) => ({
    permissions: present(pp.permissions).filter((k) => k !== ''),
    projects: present(pp.projects),
    issues: present(pp.issues),
  }));
  for (const e of entries) {
    if (e.permissions.length === 0) throw new HttpError(400, [], { projectPermissions: 'At least one project permission must be provided.' });
    const bad = e.permissions.find((k) => PERMISSIONS[k]?.type !== 'PROJECT');
    if (bad !== undefined) throw new HttpError(400, [], { projectPermissions: `Project permission '${bad}' does not exist.` });
  }
  const projectById = new Map(ctx.index.site.projects.map((p) => [p.id, p]));
  const validProjects = new Set(entries.flatMap((e) => e.projects).filter((id) => projectById.has(String(id))));
  const validIssues = new Set(entries.flatMap((e) => e.issues).filter((id) => ctx.index.issuesById.has(String(id))));
  if (validProjects.size > PERMISSION_CHECK_MAX || validIssues.size > PERMISSION_CHECK_MAX) {
    throw new HttpError(400, [`A maximum of ${PERMISSION_CHECK_MAX} projects and ${PERMISSION_CHECK_MAX} issues can be checked.`]);
  }

  // One answer per permission, in the order first asked, with the ids of every entry that asks it.
  const asked = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  for (const e of entries) {
    for (const permission of e.permissions) {
      const a = asked.get(permission) ?? { projects: new Set<number>(), issues: new Set<number>() };
      e.projects.forEach((id) => a.projects.add(id));
      e.issues.forEach((id) => a.issues.add(id));
      asked.set(permission, a);
    }
  }
  const projectPermissions = [...asked].map(([permission, a]) => {
    const grant = (PERMISSIONS[permission] as (typeof PERMISSIONS)[string]).grant;
    const projects = [...a.projects].filter((id) => {
      const p = projectById.get(String(id));
      return p !== undefined && holds(ctx, user, grant, p.key);
    });
    const issues = [...a.issues].filter((id) => {
      const issue = ctx.index.issuesById.get(String(id));
      return issue !== undefined && ctx.index.visible(user, issue) && holds(ctx, user, grant, ctx.index.projectKeyOf(issue));
    });
    return { permission, projects, issues };
  });
  const globalPermissions = [...new Set(globals)].filter((k) => holds(ctx, user, (PERMISSIONS[k] as (typeof PERMISSIONS)[string]).grant, null));
  return ok({ globalPermissions, projectPermissions });
}

export const platformRoutes: Route[] = [
  { method: 'GET', template: '/rest/api/3/myself', handle: (ctx) => ok(publicUser(ctx.user, ctx.baseUrl)) },
  {
    method: 'GET',
    template: '/rest/api/3/serverInfo',
    handle: (ctx) => ok({ baseUrl: ctx.baseUrl, version: '1001.0.0-SNAPSHOT', deploymentType: 'Cloud', serverTitle: ctx.index.site.name }),
  },
  { method: 'GET', template: '/rest/api/3/field', handle: (ctx) => ok(ctx.index.site.fields) },
  { method: 'GET', template: '/rest/api/3/status', handle: (ctx) => ok(statusList(ctx.index.site, translationsFor(ctx.index.site, ctx.user))) },
  { method: 'GET', template: '/rest/api/3/priority', handle: (ctx) => ok(priorityList(ctx.index.site, translationsFor(ctx.index.site, ctx.user))) },
  { method: 'GET', template: '/rest/api/3/issuetype', handle: (ctx) => ok(issueTypeList(ctx.index.site, translationsFor(ctx.index.site, ctx.user))) },
  {
    method: 'GET',
    template: '/rest/api/3/project/search',
    handle: (ctx) => {
      const text = (ctx.query.get('query') ?? '').toLowerCase();
      const keys = listParam(ctx.query, 'keys').map((k) => k.toUpperCase());
      const projects = ctx.index.site.projects.filter(
        (p) =>
          ctx.index.canBrowse(ctx.user, p.key) &&
          (keys.length === 0 || keys.includes(p.key.toUpperCase())) &&
          (text === '' || p.key.toLowerCase().includes(text) || p.name.toLowerCase().includes(text)),
      );
      const page = offsetPage(projects, ctx.query, 50, 100);
      return ok({ ...page, values: page.values.map((p) => projectView(ctx, p)) });
    },
  },
  { method: 'GET', template: '/rest/api/3/project/{key}', handle: (ctx) => ok(projectView(ctx, visibleProject(ctx, param(ctx, 'key')))) },
  {
    method: 'GET',
    template: '/rest/api/3/project/{key}/components',
    handle: (ctx) => {
      const p = visibleProject(ctx, param(ctx, 'key'));
      return ok(p.components.map((c) => ({ self: `${ctx.baseUrl}/rest/api/3/component/${c.id}`, ...c, project: p.key, projectId: Number(p.id) })));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/user',
    handle: (ctx) => {
      const accountId = ctx.query.get('accountId');
      if (!accountId) throw badRequest('The accountId query parameter needs to be provided.');
      const user = ctx.index.site.users.find((u) => u.accountId === accountId);
      if (!user) throw notFound(`Specified user does not exist or you do not have required permissions`);
      return ok(publicUser(user, ctx.baseUrl));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/user/search',
    handle: (ctx) => {
      const text = (ctx.query.get('query') ?? '').toLowerCase();
      const accountId = ctx.query.get('accountId');
      if (!text && !accountId) throw badRequest('One of the query or accountId parameters must be provided.');
      const users = ctx.index.site.users.filter(
        (u) => (accountId ? u.accountId === accountId : true) && (!text || u.displayName.toLowerCase().includes(text) || u.emailAddress.toLowerCase().includes(text)),
      );
      return ok(offsetPage(users, ctx.query, 50, 1000).values.map((u) => publicUser(u, ctx.baseUrl)));
    },
  },
  {
    method: 'GET',
    template: '/rest/api/3/filter/{id}',
    handle: (ctx) => {
      const id = param(ctx, 'id');
      const filter = ctx.index.filtersById.get(id);
      if (!filter) throw notFound(`The selected filter is not available to you, perhaps it has been deleted or had its permissions changed.`);
      return ok({ self: `${ctx.baseUrl}/rest/api/3/filter/${filter.id}`, ...filter });
    },
  },
  { method: 'GET', template: '/rest/api/3/mypermissions', handle: myPermissions },
  { method: 'POST', template: '/rest/api/3/permissions/check', handle: checkPermissions },
];
