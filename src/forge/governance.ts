/**
 * The use cases of the hygiene and defect SLA surfaces: the Governance project page (hygiene, readiness, defects, convergence) and the two gadgets. The project, issue or
 * gadget settings come from the Forge context; the figures come from the app's store (kept current
 * by the sync, as the app) and are kept to what the viewer may browse; Jira is read as the viewer
 * only to check what they may see.
 */
import { z } from 'zod';
import type { GovernanceConfig } from '../domain/config';
import { parseInstant, type JiraBoard } from '../domain/jira';
import type { JiraClient } from '../jira/types';
import { defectData, hygieneData } from '../services/governance-view';
import { landedSummaries } from '../services/readiness-mirror';
import { surfaceFigures, type SurfaceDeps, type Viewer } from '../services/surfaces';
import type { ConvergenceView } from '../shared/protocol';
import {
  DEFAULT_PERIOD_DAYS,
  type GovernanceContextData,
  type GovernanceGadgetSettings,
  type GovernanceReportData,
  type ReadinessData,
  type ReadinessRow,
  type ReadinessState,
  type ReportDimension,
} from '../shared/governance-protocol';
import { GovernanceGadgetSettingsSchema } from '../shared/governance-schemas';
import { formatZodError } from '../domain/config';
import { readConfig } from './config-store';
import type { ForgeContext } from './context';
import { convergenceView } from './convergence';
import { AppError } from './envelope';
import type { Store } from './store';

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

// The issue's Hygiene panel and its fixes: issue-hygiene.ts.

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

export async function governanceReport(
  deps: SurfaceDeps & { documents: Store },
  viewer: Viewer,
  context: ForgeContext,
  payload: { periodDays?: number | undefined; refresh?: boolean | undefined },
): Promise<GovernanceReportData> {
  const { config } = await readConfig(deps.documents);
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
  const s = await surfaceFigures(
    deps,
    viewer,
    params.boardIds,
    { sprints: config.convergence.sprints, periodDays: params.periodDays, config, rollup: params.rollup, sections: ['defects', 'hygiene'] },
    { refresh: payload.refresh ?? false },
  );
  if (!s.report?.hygiene || !s.report.defects) return { state: 'pending', freshness: s.freshness };
  return {
    state: 'ready',
    meta: { boards: s.boards, rollup, periodDays: params.periodDays, freshness: s.freshness },
    hygiene: hygieneData(s, s.report.hygiene, config, params.rollup),
    defects: defectData(s, s.report.defects, config, params.rollup),
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
  (a.startDate ? parseInstant(a.startDate) : Number.POSITIVE_INFINITY) - (b.startDate ? parseInstant(b.startDate) : Number.POSITIVE_INFINITY) || a.id - b.id;

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
export async function projectConvergence(deps: SurfaceDeps & { documents: Store }, viewer: Viewer, projectKey: string, refresh: boolean): Promise<ConvergenceView> {
  const { config } = await readConfig(deps.documents);
  const boards = (await requireProjectBoards(viewer.client, projectKey)).filter((b) => b.type !== 'kanban');
  if (boards.length === 0) throw new AppError('NOT_CONFIGURED', `Project ${projectKey} has no scrum board: convergence is reported per sprint.`);
  return convergenceView(deps, viewer, {
    settings: { boardIds: boards.map((b) => b.id), rollup: null, sprints: config.convergence.sprints, basis: config.convergence.basis, target: config.convergence.target },
    refresh,
  });
}
