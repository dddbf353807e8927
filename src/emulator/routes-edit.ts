/**
 * `PUT /rest/api/3/issue/{key}` (Edit issue) for the fields people edit on the issue view: summary,
 * description, labels, components, due date, assignee and number custom fields (story points). As
 * Jira: Browse and Edit issues are needed (404 / 403), `fields` sets a value and `update` applies
 * operations (`labels: [{ add: "x" }]`), a field the emulator does not edit is refused with a 400
 * naming it, a component must exist in the issue's project, and each change stamps `updated` and
 * appends a changelog history by the caller. The issue's fields are replaced, never changed in
 * place, so a site fixture shared with other emulators stays as it was.
 */
import { z } from 'zod';
import type { ChangelogItem } from '../domain/jira';
import { HttpError } from './http-error';
import { param, type Ctx, type Route } from './route';
import type { SiteIssue } from './site';
import { jiraTime } from './site-changes';

const Operation = z.union([z.object({ add: z.unknown() }).strict(), z.object({ set: z.unknown() }).strict(), z.object({ remove: z.unknown() }).strict()]);
const EditBody = z
  .object({
    fields: z.record(z.string(), z.unknown()).optional(),
    update: z.record(z.string(), z.array(Operation)).optional(),
  })
  .passthrough();

type Op = { add: unknown } | { set: unknown } | { remove: unknown };
const invalid = (field: string, message: string) => new HttpError(400, [], { [field]: message });
const notEditable = (field: string) => invalid(field, `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`);

function text(v: unknown): string | null {
  return v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v);
}

/** The issue's labels after the operations (Jira: no spaces in a label, at most 255 characters). */
function labelsAfter(before: string[], ops: Op[]): string[] {
  let labels = [...before];
  for (const op of ops) {
    const value = 'add' in op ? op.add : 'remove' in op ? op.remove : op.set;
    const values = 'set' in op ? value : [value];
    if (!Array.isArray(values) || values.some((l) => typeof l !== 'string' || l === '' || /\s/.test(l) || l.length > 255)) throw invalid('labels', 'The label can\'t contain spaces.');
    if ('set' in op) labels = [...new Set(values as string[])];
    else if ('add' in op) labels = labels.includes(value as string) ? labels : [...labels, value as string];
    else labels = labels.filter((l) => l !== value);
  }
  return labels;
}

function componentsAfter(ctx: Ctx, issue: SiteIssue, before: { id?: string; name: string }[], ops: Op[]): { id: string; name: string }[] {
  const projectKey = ctx.index.projectKeyOf(issue);
  const project = ctx.index.site.projects.find((p) => p.key === projectKey);
  const find = (v: unknown) => {
    const ref = v as { id?: unknown; name?: unknown } | null;
    const c = project?.components.find((x) => (ref?.id !== undefined && x.id === String(ref.id)) || (typeof ref?.name === 'string' && x.name === ref.name));
    if (!c) throw invalid('components', `Component name '${String(ref?.name ?? ref?.id)}' is not valid`);
    return { id: c.id, name: c.name };
  };
  let out = before.map((c) => ({ id: c.id ?? '', name: c.name }));
  for (const op of ops) {
    if ('set' in op) {
      if (!Array.isArray(op.set)) throw invalid('components', 'Components must be a list.');
      out = op.set.map(find);
    } else if ('add' in op) {
      const c = find(op.add);
      if (!out.some((x) => x.id === c.id)) out.push(c);
    } else {
      const c = find(op.remove);
      out = out.filter((x) => x.id !== c.id);
    }
  }
  return out;
}

function editIssue(ctx: Ctx) {
  const issue = ctx.index.issue(ctx.user, param(ctx, 'key'));
  if (!ctx.index.canEdit(ctx.user, ctx.index.projectKeyOf(issue))) throw new HttpError(403, ['You do not have permission to edit this issue.']);
  const parsed = EditBody.safeParse(ctx.body);
  if (!parsed.success) throw new HttpError(400, ['The request body is not a valid issue update.']);
  const ops = new Map<string, Op[]>();
  for (const [field, value] of Object.entries(parsed.data.fields ?? {})) ops.set(field, [{ set: value }]);
  for (const [field, list] of Object.entries(parsed.data.update ?? {})) {
    if (ops.has(field)) throw invalid(field, `Field '${field}' cannot be in both fields and update.`);
    ops.set(field, list as Op[]);
  }
  const before = issue.fields;
  const after: Record<string, unknown> = { ...before };
  const items: ChangelogItem[] = [];
  const change = (field: string, fieldId: string, from: unknown, to: unknown, toString: string | null = text(to)) => {
    after[fieldId] = to;
    items.push({ field, fieldtype: fieldId.startsWith('customfield_') ? 'custom' : 'jira', fieldId, from: null, fromString: text(from), to: null, toString });
  };
  for (const [field, list] of ops) {
    const only = list.length === 1 && list[0] && 'set' in list[0] ? list[0].set : undefined;
    switch (field) {
      case 'labels': {
        const labels = labelsAfter((before.labels as string[] | undefined) ?? [], list);
        change('labels', 'labels', ((before.labels as string[] | undefined) ?? []).join(' '), labels, labels.join(' '));
        break;
      }
      case 'components': {
        const components = componentsAfter(ctx, issue, (before.components as { id?: string; name: string }[] | undefined) ?? [], list);
        change('Component', 'components', null, components, components.map((c) => c.name).join(', '));
        break;
      }
      case 'summary':
        if (typeof only !== 'string' || only.trim() === '') throw invalid('summary', 'You must specify a summary of the issue.');
        change('summary', 'summary', before.summary, only);
        break;
      case 'description':
        if (only !== null && (typeof only !== 'object' || (only as { type?: unknown }).type !== 'doc')) throw invalid('description', 'Operation value must be an Atlassian Document (see the Atlassian Document Format)');
        change('description', 'description', null, only, null);
        break;
      case 'duedate':
        if (only !== null && (typeof only !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(only))) throw invalid('duedate', "Error parsing date string. Use the format 'yyyy-MM-dd'.");
        change('duedate', 'duedate', before.duedate, only);
        break;
      case 'assignee': {
        const id = (only as { accountId?: unknown } | null)?.accountId;
        const user = only === null ? null : ctx.index.site.users.find((u) => u.accountId === id);
        if (only !== null && !user) throw invalid('assignee', `User '${String(id)}' does not exist.`);
        change('assignee', 'assignee', (before.assignee as { displayName?: string } | null)?.displayName, user ? { accountId: user.accountId, displayName: user.displayName, active: true } : null, user?.displayName ?? null);
        break;
      }
      default: {
        const def = ctx.index.site.fields.find((f) => f.id === field);
        if (!def || !field.startsWith('customfield_') || def.schema?.type !== 'number') throw notEditable(field);
        if (only !== null && (typeof only !== 'number' || !Number.isFinite(only))) throw invalid(field, 'Operation value must be a number');
        change(def.name, field, before[field], only);
      }
    }
  }
  if (items.length > 0) {
    const at = ctx.config.now();
    after.updated = jiraTime(at);
    const histories = issue.histories;
    const id = String(1 + Math.max(0, ...ctx.index.site.issues.flatMap((i) => i.histories.map((h) => Number(h.id) || 0))));
    issue.fields = after;
    issue.histories = [...histories, { id, author: { accountId: ctx.user.accountId, displayName: ctx.user.displayName }, created: jiraTime(at), items }];
    ctx.index.invalidate();
    ctx.config.onIssueWrite?.(issue.key, { ...Object.fromEntries([...ops.keys()].map((f) => [f, after[f]])), updated: after.updated });
  }
  return { status: 204 };
}

export const editRoutes: Route[] = [{ method: 'PUT', template: '/rest/api/3/issue/{key}', handle: editIssue }];
