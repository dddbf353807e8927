/**
 * The use cases of the hygiene and defect SLA surfaces: the issue's Hygiene panel, the Governance
 * project page (hygiene, readiness, defects, convergence) and the two gadgets. The project, issue or
 * gadget settings come from the Forge context; Jira is read as the viewer, except by report jobs.
 */
import { z } from 'zod';
import type { GovernanceConfig } from '../domain/config';
import { doneStatusIds } from '../domain/done';
import { defectSummary, hygieneSummary, type GovernanceRows } from '../domain/governance-rows';
import { hygieneContext, hygieneRule, issueViolations } from '../domain/hygiene';
import { discoverFields, prepareIssue, statusCatalog } from '../domain/issue';
import { compareKeys } from '../domain/issue';
import type { JiraBoard } from '../domain/jira';
import type { JiraClient } from '../jira/types';
import { landedSummaries } from '../services/readiness-mirror';
import { viewerRows, type ReportQueue } from '../services/report-jobs';
import type { ConvergenceView } from '../shared/protocol';
import {
  DEFAULT_PERIOD_DAYS,
  type GovernanceContextData,
  type GovernanceGadgetSettings,
  type GovernanceReportData,
  type HygieneData,
  type IssueHygieneData,
  type ReadinessData,
  type ReadinessRow,
  type ReadinessState,
  type ReportDimension,
} from '../shared/governance-protocol';
import { GovernanceGadgetSettingsSchema } from '../shared/governance-schemas';
import { formatZodError } from '../domain/config';
import { fillUntranslatedTypeName, untranslatedTypeNames } from '../services/issue-types';
import { readConfig } from './config-store';
import type { ForgeContext } from './context';
import { convergenceView } from './convergence';
import { AppError } from './envelope';
import type { Store } from './store';

/** The hygiene list sent to a page at once; the CSV and the counts cover them all. */
export const ISSUES_SHOWN = 2_000;
const READINESS_MAX_ISSUES = 100;

const listOf: Record<ReportDimension, 'products' | 'channels' | 'segments'> = { product: 'products', channel: 'channels', segment: 'segments' };

// ---- where the call comes from ---------------------------------------------------------------------

const ProjectPageExtension = z
  .object({ type: z.literal('jira:projectPage'), project: z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'is not a project key') }).passthrough() })
  .passthrough();
const GadgetExtension = z.object({ type: z.literal('jira:dashboardGadget'), gadgetConfiguration: z.unknown().optional() }).passthrough();
const IssueExtension = z
  .object({ issue: z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key') }).passthrough() })
  .passthrough();

export type Surface =
  | { kind: 'project'; projectKey: string }
  | { kind: 'gadget'; saved: { kind: 'none' } | { kind: 'invalid'; problem: string } | { kind: 'ok'; settings: GovernanceGadgetSettings } };

/** The project page's project, or the gadget's saved settings, from the Forge context. */
export function surfaceOf(context: ForgeContext): Surface {
  const project = ProjectPageExtension.safeParse(context.extension);
  if (project.success) return { kind: 'project', projectKey: project.data.project.key };
  const gadget = GadgetExtension.safeParse(context.extension);
  if (!gadget.success) throw new AppError('BAD_REQUEST', 'This works on a project page or a dashboard gadget only.');
  const raw = gadget.data.gadgetConfiguration;
  if (raw === undefined || raw === null || (typeof raw === 'object' && Object.keys(raw).length === 0)) return { kind: 'gadget', saved: { kind: 'none' } };
  const parsed = GovernanceGadgetSettingsSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'gadget', saved: { kind: 'invalid', problem: formatZodError(parsed.error).join('; ') } };
  return { kind: 'gadget', saved: { kind: 'ok', settings: parsed.data } };
}

export function issueKeyOf(context: ForgeContext): string {
  const parsed = IssueExtension.safeParse(context.extension);
  if (!parsed.success) throw new AppError('BAD_REQUEST', 'This panel needs an issue: open it from an issue view.');
  return parsed.data.issue.key;
}

/** The agile boards located in the project, as the viewer sees them; scrum boards first. */
export async function projectBoards(client: JiraClient, projectKey: string): Promise<JiraBoard[]> {
  const boards = (await client.boards({ projectKeyOrId: projectKey })).filter((b) => (b.location?.projectKey ?? '').toUpperCase() === projectKey.toUpperCase());
  return boards.sort((a, b) => (a.type === 'scrum' ? 0 : 1) - (b.type === 'scrum' ? 0 : 1) || a.id - b.id).slice(0, 30);
}

async function requireProjectBoards(client: JiraClient, projectKey: string): Promise<JiraBoard[]> {
  const boards = await projectBoards(client, projectKey);
  if (boards.length === 0) throw new AppError('NOT_CONFIGURED', `Project ${projectKey} has no board you may see. Create a board located in the project to see its governance figures.`);
  return boards;
}

function gadgetSettings(surface: Surface): GovernanceGadgetSettings {
  if (surface.kind !== 'gadget') throw new AppError('BAD_REQUEST', 'Not a gadget.');
  if (surface.saved.kind === 'none') throw new AppError('NOT_CONFIGURED', 'This gadget has no boards yet. Edit it to choose boards.');
  if (surface.saved.kind === 'invalid') throw new AppError('NOT_CONFIGURED', `The gadget's settings cannot be read (${surface.saved.problem}). Edit it and save again.`);
  return surface.saved.settings;
}

function rollupName(config: GovernanceConfig, rollup: GovernanceGadgetSettings['rollup']) {
  if (!rollup) return null;
  const entry = config[listOf[rollup.dimension]].find((e) => e.key === rollup.key);
  if (!entry) throw new AppError('BAD_REQUEST', `The ${rollup.dimension} "${rollup.key}" is no longer in the governance configuration. Edit the gadget and choose another.`);
  return { ...rollup, name: entry.name };
}

// ---- the issue's Hygiene panel ---------------------------------------------------------------------

const ISSUE_FIELDS = ['summary', 'issuetype', 'status', 'project', 'created', 'updated', 'priority', 'assignee', 'resolution', 'resolutiondate', 'duedate', 'description', 'labels', 'components', 'parent', 'subtasks'];

function mappingFields(config: GovernanceConfig): string[] {
  const ids = new Set<string>();
  for (const list of [config.products, config.channels, config.segments]) for (const e of list) if (e.match.field) ids.add(e.match.field.id);
  if (config.hygiene.acceptanceCriteriaField) ids.add(config.hygiene.acceptanceCriteriaField);
  return [...ids];
}

/** The rules the issue breaks now, judged as the hygiene report judges it on its project's board. */
export async function issueHygiene(client: JiraClient, store: Store, issueKey: string, now: number): Promise<IssueHygieneData> {
  const { config } = await readConfig(store);
  const projectKey = issueKey.slice(0, issueKey.lastIndexOf('-'));
  const [siteFields, statuses, boards] = await Promise.all([client.fields(), client.statuses(), projectBoards(client, projectKey).catch(() => [] as JiraBoard[])]);
  const board = boards[0];
  const configuration = board ? await client.boardConfiguration(board.id).catch(() => null) : null;
  const fields = discoverFields(siteFields, configuration?.estimation?.field?.fieldId ?? null);
  const wanted = [...ISSUE_FIELDS, ...mappingFields(config)];
  if (fields.sprint) wanted.push(fields.sprint.id);
  if (fields.estimation) wanted.push(fields.estimation.id);
  const [issue, histories, typeNames] = await Promise.all([client.issue(issueKey, wanted), client.issueChangelog(issueKey), untranslatedTypeNames(client)]);
  fillUntranslatedTypeName(issue, typeNames);
  const catalog = statusCatalog(statuses);
  const done = doneStatusIds(configuration, catalog);
  const ctx = hygieneContext({
    now,
    config,
    catalog,
    sprintFieldId: fields.sprint?.id ?? null,
    estimationFieldId: configuration?.estimation ? (fields.estimation?.id ?? null) : null,
    doneStatusIds: configuration ? done : null,
    ...(board && configuration ? { doneStatusIdsByBoard: new Map([[board.id, done]]) } : {}),
  });
  const violations = issueViolations(prepareIssue(issue, fields, histories), ctx).map((v) => ({ id: v.id, severity: v.severity, fix: v.fix }));
  return { issueKey: issue.key, violations, checkedAt: new Date(now).toISOString() };
}

// ---- context of the page or gadget -----------------------------------------------------------------

export async function governanceContext(client: JiraClient, store: Store, context: ForgeContext): Promise<GovernanceContextData> {
  const { config } = await readConfig(store);
  const surface = surfaceOf(context);
  const rollupOptions = Object.fromEntries(
    (['product', 'channel', 'segment'] as const).map((d) => [d, config[listOf[d]].map((e) => ({ key: e.key, name: e.name }))]),
  ) as GovernanceContextData['rollupOptions'];
  const base = { defaultPeriodDays: DEFAULT_PERIOD_DAYS, rollupOptions, openPerTeamTarget: config.defects.openPerTeamTarget };
  if (surface.kind === 'project') {
    const boards = await projectBoards(client, surface.projectKey);
    return { ...base, surface: 'project', project: { key: surface.projectKey, name: boards[0]?.location?.name ?? null }, boards: boards.map((b) => ({ id: b.id, name: b.name })), settings: null, settingsProblem: null };
  }
  const saved = surface.saved;
  return {
    ...base,
    surface: 'gadget',
    project: null,
    boards: [],
    settings: saved.kind === 'ok' ? saved.settings : null,
    settingsProblem: saved.kind === 'invalid' ? saved.problem : null,
  };
}

// ---- hygiene and defect figures --------------------------------------------------------------------

export interface ReportDeps {
  store: Store;
  queue: ReportQueue | null;
  now(): number;
  inlineLimit?: number;
}

function hygieneData(rows: GovernanceRows): HygieneData {
  const summary = hygieneSummary(rows);
  const issues = [...rows.hygiene.issues].sort((a, b) => compareKeys(a.key, b.key));
  return {
    score: summary.score,
    before: rows.before,
    rules: summary.rules.map((r) => ({ ...r, fix: hygieneRule(r.id).fix })),
    issues: issues.slice(0, ISSUES_SHOWN),
    issuesTotal: issues.length,
  };
}

export async function governanceReport(
  deps: ReportDeps,
  viewer: { accountId: string; client: JiraClient },
  context: ForgeContext,
  payload: { periodDays?: number | undefined; refresh?: boolean | undefined },
): Promise<GovernanceReportData> {
  const { config, version } = await readConfig(deps.store);
  const surface = surfaceOf(context);
  let params: { boardIds: number[]; rollup: GovernanceGadgetSettings['rollup']; periodDays: number };
  if (surface.kind === 'project') {
    const boards = await requireProjectBoards(viewer.client, surface.projectKey);
    params = { boardIds: boards.map((b) => b.id), rollup: null, periodDays: payload.periodDays ?? DEFAULT_PERIOD_DAYS };
  } else {
    const s = gadgetSettings(surface);
    params = { boardIds: s.boardIds, rollup: s.rollup, periodDays: s.periodDays };
  }
  const rollup = rollupName(config, params.rollup);
  const outcome = await viewerRows(
    { store: deps.store, queue: deps.queue, now: deps.now, ...(deps.inlineLimit !== undefined ? { inlineLimit: deps.inlineLimit } : {}) },
    { accountId: viewer.accountId, client: viewer.client, params, config, configVersion: version, refresh: payload.refresh ?? false },
  );
  if (outcome.kind === 'pending') return { state: 'pending', job: outcome.job };
  const { rows } = outcome;
  const defects = defectSummary(rows);
  return {
    state: 'ready',
    meta: {
      computedAt: outcome.computedAt,
      fromCache: outcome.fromCache,
      computedAs: outcome.computedAs,
      boards: rows.boards.map((b) => ({ id: b.id, name: b.name })),
      rollup,
      periodDays: params.periodDays,
    },
    hygiene: hygieneData(rows),
    defects: { from: rows.from, to: rows.to, ...defects },
  };
}

// ---- readiness of the next sprint ------------------------------------------------------------------

const Flag = z.enum(['true', 'false']);
/** Only the DoR summary is read (of what the app last mirrored); anything else is left alone. */
const ReadinessSummary = z
  .object({ dor: z.object({ ready: Flag, applies: Flag, progress: z.number(), openRequired: z.number() }).passthrough() })
  .passthrough();

export function readinessOf(value: unknown): { state: ReadinessState; progress: number | null; openRequired: number | null } {
  if (value === null || value === undefined) return { state: 'notStarted', progress: null, openRequired: null };
  const parsed = ReadinessSummary.safeParse(value);
  if (!parsed.success) return { state: 'unreadable', progress: null, openRequired: null };
  const dor = parsed.data.dor;
  if (dor.applies === 'false') return { state: 'notApplicable', progress: null, openRequired: null };
  return { state: dor.ready === 'true' ? 'ready' : 'notReady', progress: dor.progress, openRequired: dor.openRequired };
}

const byStart = (a: { startDate?: string | null | undefined; id: number }, b: { startDate?: string | null | undefined; id: number }) =>
  (a.startDate ? Date.parse(a.startDate) : Number.POSITIVE_INFINITY) - (b.startDate ? Date.parse(b.startDate) : Number.POSITIVE_INFINITY) || a.id - b.id;

/**
 * The next sprint's backlog with each issue's DoR state, as the app last mirrored it (read from the
 * app's storage, not from the issue property, which anyone who may edit the issue can write).
 */
export async function projectReadiness(client: JiraClient, store: Store, projectKey: string): Promise<ReadinessData> {
  const boards = (await requireProjectBoards(client, projectKey)).filter((b) => b.type !== 'kanban');
  const counts: Record<ReadinessState, number> = { ready: 0, notReady: 0, notStarted: 0, notApplicable: 0, unreadable: 0 };
  for (const board of boards) {
    const next = (await client.sprints(board.id, ['future'])).filter((s) => s.originBoardId == null || s.originBoardId === board.id).sort(byStart)[0];
    if (!next) continue;
    const issues = (await client.search(`sprint = ${next.id} ORDER BY Rank ASC`, { fields: ['summary', 'issuetype', 'status', 'assignee'], pageSize: READINESS_MAX_ISSUES })).filter(
      (i) => i.fields.issuetype.subtask !== true,
    );
    const shown = issues.slice(0, READINESS_MAX_ISSUES);
    const summaries = await landedSummaries(store, shown.map((i) => i.id));
    const rows: ReadinessRow[] = await Promise.all(
      shown.map(async (i) => {
        const r = readinessOf(summaries.get(i.id) ?? null);
        counts[r.state]++;
        return {
          key: i.key,
          summary: i.fields.summary ?? null,
          type: i.fields.issuetype.name,
          status: i.fields.status.name,
          statusCategory: i.fields.status.statusCategory.key,
          assigneeName: i.fields.assignee?.displayName ?? null,
          ...r,
        };
      }),
    );
    return { sprint: { id: next.id, name: next.name, boardId: board.id, boardName: board.name, startDate: next.startDate ?? null }, rows, counts };
  }
  return { sprint: null, rows: [], counts };
}

// ---- the team's sprint history ---------------------------------------------------------------------

/** The convergence gadget's view over the project's boards, with the configuration's defaults. */
export async function projectConvergence(client: JiraClient, store: Store, accountId: string, projectKey: string, now: number, refresh: boolean): Promise<ConvergenceView> {
  const { config } = await readConfig(store);
  const boards = (await requireProjectBoards(client, projectKey)).filter((b) => b.type !== 'kanban');
  if (boards.length === 0) throw new AppError('NOT_CONFIGURED', `Project ${projectKey} has no scrum board: convergence is reported per sprint.`);
  return convergenceView(client, store, {
    accountId,
    settings: { boardIds: boards.map((b) => b.id), rollup: null, sprints: config.convergence.sprints, basis: config.convergence.basis, target: config.convergence.target },
    now,
    refresh,
  });
}
