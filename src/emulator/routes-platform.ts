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

const CheckBody = z.object({
  accountId: z.string().optional(),
  globalPermissions: z.array(z.string()).optional(),
  projectPermissions: z
    .array(z.object({ permissions: z.array(z.string()), projects: z.array(z.number()).optional(), issues: z.array(z.number()).optional() }))
    .optional(),
});

/** `POST /rest/api/3/permissions/check`: what an app acting as itself uses to check a user. */
function checkPermissions(ctx: Ctx) {
  const body = parseBody(CheckBody, ctx.body);
  let user = ctx.user;
  if (body.accountId && body.accountId !== ctx.user.accountId) {
    if (!ctx.user.admin) throw new HttpError(403, ['You must be a Jira administrator to check the permissions of other users.']);
    const other = ctx.index.site.users.find((u) => u.accountId === body.accountId);
    if (!other) throw badRequest(`The user with account ID '${body.accountId}' does not exist.`);
    user = other;
  }
  const grantOf = (key: string) => PERMISSIONS[key]?.grant;
  const globalPermissions = (body.globalPermissions ?? []).filter((k) => grantOf(k) === 'admin' && user.admin);
  const projectPermissions = (body.projectPermissions ?? []).flatMap((pp) =>
    pp.permissions.map((permission) => {
      const grant = grantOf(permission);
      const projects = (pp.projects ?? []).filter((id) => {
        const p = ctx.index.project(String(id));
        return grant !== undefined && p !== undefined && holds(ctx, user, grant, p.key);
      });
      const issues = (pp.issues ?? []).filter((id) => {
        const issue = ctx.index.issuesById.get(String(id));
        return grant !== undefined && issue !== undefined && holds(ctx, user, grant, ctx.index.projectKeyOf(issue));
      });
      return { permission, projects, issues };
    }),
  );
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
