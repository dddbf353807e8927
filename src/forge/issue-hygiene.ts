/**
 * The issue's hygiene, for its Hygiene panel and its context summary: the rules it breaks now, each
 * with the shared catalogue's fix and what can be done about it; and the two fixes the app makes
 * itself, for the viewer (add a product's label or component, set the estimate).
 *
 * Every read is as the viewer, and the issue is the one in the Forge context: an issue they may not
 * browse (project or security level) is NOT_FOUND before anything of it is shown. A fix is made
 * only after Jira said, as the viewer, that they may edit the issue, through the Jira client as the
 * viewer (so Jira checks again, and the change is theirs in the issue's history); the value must be
 * one the configuration offers, never one the payload invents.
 */
import type { GovernanceConfig, Severity } from '../domain/config';
import { doneStatusIds } from '../domain/done';
import { activeRules, HYGIENE_CATALOGUE, hygieneContext, issueViolations } from '../domain/hygiene';
import { currentEstimate, discoverFields, prepareIssue, statusCatalog } from '../domain/issue';
import { fieldRef } from '../domain/history';
import { parseInstant, type JiraBoard, type JiraIssue } from '../domain/jira';
import { issueOwnership, productSuggestions } from '../domain/ownership-issue';
import { type IssueEdit, JiraError, type JiraClient } from '../jira/types';
import { fillUntranslatedTypeName, untranslatedTypeNames } from '../services/issue-types';
import { mappingFields } from '../services/ownership';
import type { SurfaceDeps, Viewer } from '../services/surfaces';
import type { HygieneActionView, HygieneFixPayload, IssueHygieneData, IssueHygieneViolation } from '../shared/governance-protocol';
import type { HygieneRuleId } from '../domain/config';
import { readConfig } from './config-store';
import { AppError } from './envelope';
import { projectBoards } from './governance';
import type { Store } from './store';

const ISSUE_FIELDS = ['summary', 'issuetype', 'status', 'project', 'created', 'updated', 'priority', 'assignee', 'resolution', 'resolutiondate', 'duedate', 'description', 'labels', 'components', 'parent', 'subtasks'];

/** The fields a first look at the issue reads: enough to find its stored judgement, its open sub-tasks and its products. */
export function hygieneLookFields(config: GovernanceConfig): string[] {
  return [...new Set(['summary', 'updated', 'subtasks', ...mappingFields(config)])];
}

function judgedFields(config: GovernanceConfig): string[] {
  const ids = new Set<string>(ISSUE_FIELDS);
  for (const list of [config.products, config.channels, config.segments]) for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  if (config.hygiene.acceptanceCriteriaField) ids.add(config.hygiene.acceptanceCriteriaField);
  return [...ids];
}

export interface HygieneJudgement {
  violations: { id: HygieneRuleId; severity: Severity }[];
  checkedAt: string;
  /** The issue as read (with `hygieneLookFields` at least). */
  issue: JiraIssue;
}

/** What the site says about the issue's project: its first board's estimation field and done statuses. */
async function projectSite(client: JiraClient, projectKey: string) {
  const [siteFields, statuses, boards] = await Promise.all([client.fields(), client.statuses(), projectBoards(client, projectKey).catch(() => [] as JiraBoard[])]);
  const board = boards[0];
  const configuration = board ? await client.boardConfiguration(board.id).catch(() => null) : null;
  const fields = discoverFields(siteFields, configuration?.estimation?.field?.fieldId ?? null);
  // A board that estimates by issue count has no field to fill in.
  const estimationFieldId = configuration?.estimation ? (fields.estimation?.id ?? null) : null;
  return { statuses, board, configuration, fields, estimationFieldId };
}

/** The rules one issue breaks now, read and judged directly (one issue's worth of Jira, as the viewer). */
async function judgeDirectly(client: JiraClient, config: GovernanceConfig, issueKey: string, now: number): Promise<HygieneJudgement> {
  const projectKey = issueKey.slice(0, issueKey.lastIndexOf('-'));
  const site = await projectSite(client, projectKey);
  const wanted = judgedFields(config);
  if (site.fields.sprint) wanted.push(site.fields.sprint.id);
  if (site.fields.estimation) wanted.push(site.fields.estimation.id);
  const [issue, histories, typeNames] = await Promise.all([client.issue(issueKey, wanted), client.issueChangelog(issueKey), untranslatedTypeNames(client)]);
  fillUntranslatedTypeName(issue, typeNames);
  const catalog = statusCatalog(site.statuses);
  const done = doneStatusIds(site.configuration, catalog);
  const ctx = hygieneContext({
    now,
    config,
    catalog,
    sprintFieldId: site.fields.sprint?.id ?? null,
    estimationFieldId: site.estimationFieldId,
    doneStatusIds: site.configuration ? done : null,
    ...(site.board && site.configuration ? { doneStatusIdsByBoard: new Map([[site.board.id, done]]) } : {}),
  });
  const violations = issueViolations(prepareIssue(issue, site.fields, histories), ctx).map((v) => ({ id: v.id, severity: v.severity }));
  return { violations, checkedAt: new Date(now).toISOString(), issue };
}

/**
 * The rules the issue breaks now, as the hygiene report judged it: from the store when a synced
 * board holds the issue and the issue has not changed since that board's figures (its `updated` is
 * before their "as of"), else computed from that one issue. `looked`: the issue already read as the
 * viewer with `hygieneLookFields` (else it is read here, as the viewer, first).
 */
export async function judgeIssueHygiene(
  deps: SurfaceDeps & { documents: Store },
  viewer: Viewer,
  config: GovernanceConfig,
  issueKey: string,
  looked?: JiraIssue,
): Promise<HygieneJudgement> {
  const issue = looked ?? (await viewer.client.issue(issueKey, hygieneLookFields(config)));
  const projectKey = issue.fields.project.key;
  const updated = issue.fields.updated ? parseInstant(issue.fields.updated) : Number.POSITIVE_INFINITY;
  const states = await Promise.all((await deps.store.boardIds()).map((id) => deps.store.board(id)));
  const candidates = states.flatMap((s) => (s && s.value.meta?.projectKey === projectKey ? [s.value.boardId] : []));
  const stored = await deps.store.figures(candidates);
  for (const figures of stored.values()) {
    if (!figures.tags.some((t) => t.id === issue.id)) continue;
    // Changed since the board was last synced (an edit, a fix just made): the stored judgement is out of date.
    if (!(updated < figures.asOf)) break;
    const row = figures.hygiene.find((r) => r.id === issue.id);
    const active = new Map(activeRules(config).map((a) => [a.rule.id, a.severity]));
    const violations = (row?.rules ?? []).filter((id) => active.has(id)).map((id) => ({ id, severity: active.get(id) as Severity }));
    return { violations, checkedAt: new Date(figures.asOf).toISOString(), issue };
  }
  return judgeDirectly(viewer.client, config, issue.key, deps.now());
}

/** The labels and components that would map the issue to a product (a component only where the issue's project has it). */
function productOptions(config: GovernanceConfig, projectComponents: readonly string[]): Extract<HygieneActionView, { kind: 'addProductValue' }>['options'] {
  const name = new Map(config.products.map((p) => [p.key, p.name]));
  return productSuggestions(config, projectComponents).flatMap((s) => {
    const productName = name.get(s.product) ?? { en: s.product, ru: s.product };
    return [
      ...s.components.map((value) => ({ product: s.product, productName, type: 'component' as const, value })),
      ...s.labels.map((value) => ({ product: s.product, productName, type: 'label' as const, value })),
    ];
  });
}

const openSubtasks = (issue: JiraIssue) => (issue.fields.subtasks ?? []).filter((s) => s.fields?.status?.statusCategory.key !== 'done').map((s) => s.key);

async function actionOf(id: HygieneRuleId, issue: JiraIssue, config: GovernanceConfig, canEdit: boolean, components: () => Promise<string[]>): Promise<HygieneActionView> {
  const action = HYGIENE_CATALOGUE[id].action;
  switch (action.kind) {
    case 'edit':
      return { kind: 'edit', field: action.field };
    case 'subtasks':
      return { kind: 'subtasks', keys: openSubtasks(issue) };
    case 'status':
      return { kind: 'status' };
    case 'write': {
      if (!canEdit) return { kind: 'edit', field: action.fallback };
      if (action.write === 'setEstimate') return { kind: 'setEstimate' };
      const options = productOptions(config, await components());
      return options.length > 0 ? { kind: 'addProductValue', options } : { kind: 'edit', field: action.fallback };
    }
  }
}

async function withActions(client: JiraClient, config: GovernanceConfig, judged: HygieneJudgement, canEdit: boolean): Promise<IssueHygieneData> {
  let components: Promise<string[]> | null = null;
  const projectComponents = () => (components ??= client.projectComponents(judged.issue.fields.project.key).then((cs) => cs.map((c) => c.name), () => []));
  const violations = await Promise.all(
    judged.violations.map(async (v): Promise<IssueHygieneViolation> => ({ ...v, fix: HYGIENE_CATALOGUE[v.id].fix, action: await actionOf(v.id, judged.issue, config, canEdit, projectComponents) })),
  );
  return { issueKey: judged.issue.key, issueId: judged.issue.id, violations, checkedAt: judged.checkedAt, canEdit };
}

async function mayEdit(client: JiraClient, issueKey: string): Promise<boolean> {
  return (await client.myPermissions(['EDIT_ISSUES'], { issueKey })).EDIT_ISSUES === true;
}

/** The Hygiene panel: the rules the issue breaks, each with its fix and what the viewer can do about it. */
export async function issueHygiene(deps: SurfaceDeps & { documents: Store }, viewer: Viewer, issueKey: string): Promise<IssueHygieneData> {
  const { config } = await readConfig(deps.documents);
  // As the viewer: a 404 for an issue they may not see, before anything of it is shown.
  const looked = await viewer.client.issue(issueKey, hygieneLookFields(config));
  const [judged, canEdit] = await Promise.all([judgeIssueHygiene(deps, viewer, config, issueKey, looked), mayEdit(viewer.client, looked.key)]);
  return withActions(viewer.client, config, judged, canEdit);
}

/** Jira refused the write (a field not on the edit screen, say): the viewer is told why, in Jira's words. */
function refusedBy(err: unknown): never {
  if (err instanceof JiraError && err.status === 400) throw new AppError('BAD_REQUEST', `Jira refused the change: ${err.message}`);
  throw err;
}

/**
 * Makes one fix for the viewer, then judges the issue again directly (the store has not seen the
 * change yet). Refused (nothing written) when the viewer may not edit the issue, when the rule is
 * not broken any more, or when the value is not one the configuration offers.
 */
export async function hygieneFix(deps: SurfaceDeps & { documents: Store }, viewer: Viewer, issueKey: string, payload: HygieneFixPayload): Promise<IssueHygieneData> {
  const { config } = await readConfig(deps.documents);
  const client = viewer.client;
  const looked = await client.issue(issueKey, hygieneLookFields(config));
  if (!(await mayEdit(client, looked.key))) throw new AppError('FORBIDDEN', `You may not edit ${looked.key}, so the app cannot change it for you.`);
  if (payload.rule === 'no-product') {
    const mapped = issueOwnership(looked, config).products;
    if (config.products.length === 0) throw new AppError('BAD_REQUEST', 'No product is configured, so there is nothing to map the issue to.');
    if (mapped.length > 0) throw new AppError('BAD_REQUEST', `${looked.key} already maps to a product (${mapped.map((p) => p.name.en).join(', ')}).`);
    const components = (await client.projectComponents(looked.fields.project.key).catch(() => [])).map((c) => c.name);
    const offered = productOptions(config, components).some((o) => o.type === payload.add.type && o.value === payload.add.value);
    if (!offered) throw new AppError('BAD_REQUEST', `“${payload.add.value}” is not a ${payload.add.type} of a configured product${payload.add.type === 'component' ? ` in project ${looked.fields.project.key}` : ''}.`);
    const edit: IssueEdit = payload.add.type === 'label' ? { update: { labels: [{ add: payload.add.value }] } } : { update: { components: [{ add: { name: payload.add.value } }] } };
    await client.editIssue(looked.key, edit).catch(refusedBy);
  } else {
    const site = await projectSite(client, looked.fields.project.key);
    const fieldId = site.estimationFieldId;
    if (fieldId === null) throw new AppError('BAD_REQUEST', `The board of project ${looked.fields.project.key} estimates by issue count: there is no estimate to set.`);
    const withEstimate = await client.issue(looked.key, [fieldId]);
    const current = currentEstimate(withEstimate, fieldRef(fieldId));
    if (current !== null && !Number.isNaN(current)) throw new AppError('BAD_REQUEST', `${looked.key} is already estimated (${current}).`);
    await client.editIssue(looked.key, { fields: { [fieldId]: payload.estimate } }).catch(refusedBy);
  }
  const judged = await judgeDirectly(client, config, looked.key, deps.now());
  return withActions(client, config, judged, true);
}
