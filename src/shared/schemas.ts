/**
 * zod schemas of every resolver payload and of the gadget's saved settings. The backend parses
 * with these; the UI imports only the types in `protocol.ts`.
 */
import { z } from 'zod';
import type { BoardsListPayload, ConvergencePayload, GadgetSettings, IssuesSummariesPayload } from './protocol';

const RollupDimension = z.enum(['product', 'channel', 'segment']);

/** Jira stores what `view.submit` sent; numbers typed into a form may come back as strings. */
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const GadgetSettingsSchema = z
  .object({
    boardIds: z.array(int(1, Number.MAX_SAFE_INTEGER)).min(1, 'choose at least one board').max(30, 'choose at most 30 boards'),
    rollup: z.object({ dimension: RollupDimension, key: z.string().min(1).max(40) }).nullable().default(null),
    sprints: int(1, 20),
    basis: z.enum(['issues', 'points']),
    target: z.coerce.number().gt(0).max(1),
    refresh: int(1, 1440).optional(),
  })
  .strip() satisfies z.ZodType<GadgetSettings, unknown>;

export const EmptyPayload = z.object({}).strip();

export const BoardsListPayloadSchema = z
  .object({ query: z.string().max(100).optional(), include: z.array(z.number().int().positive()).max(30).optional() })
  .strip() satisfies z.ZodType<BoardsListPayload, unknown>;

export const ConvergencePayloadSchema = z
  .object({ refresh: z.boolean().optional() })
  .strip() satisfies z.ZodType<ConvergencePayload, unknown>;

export const IssueKey = z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key such as PAY-12');

export const IssuesSummariesPayloadSchema = z
  .object({ keys: z.array(IssueKey).min(1).max(100) })
  .strip() satisfies z.ZodType<IssuesSummariesPayload, unknown>;

const Ratio = z.number().nullable();
const IssueSetSchema = z.object({ count: z.number(), points: z.number(), issues: z.array(z.string()) });
const Status = z.enum(['met', 'near', 'missed']).nullable();
const Totals = z.object({ count: z.number(), points: z.number() });

/** A cached convergence view as stored (a stored document is parsed like any other input). */
const WarningIssuesSchema = z.object({ count: z.number().int().min(0), issues: z.array(z.string()) });
export const ReportWarningsSchema = z.object({
  invalidEstimates: WarningIssuesSchema,
  deletedStatuses: WarningIssuesSchema.extend({ statusIds: z.array(z.string()) }),
  unknownPriorities: WarningIssuesSchema.extend({ priorityIds: z.array(z.string()) }),
  unmappedStatuses: WarningIssuesSchema.extend({ statusIds: z.array(z.string()) }),
  unresolvedConfigNames: z.object({ count: z.number().int().min(0), names: z.array(z.string()) }),
});

export const ConvergenceViewSchema = z.object({
  settings: GadgetSettingsSchema,
  nearBand: z.number(),
  boards: z.array(z.object({ id: z.number(), name: z.string() })),
  rollup: z
    .object({ dimension: RollupDimension, key: z.string(), name: z.object({ en: z.string(), ru: z.string() }) })
    .nullable(),
  report: z.object({
    target: z.number(),
    sprints: z.array(
      z.object({
        boardId: z.number(),
        sprintId: z.number(),
        name: z.string(),
        state: z.enum(['closed', 'active']),
        shared: z.boolean(),
        start: z.string(),
        end: z.string(),
        provisional: z.boolean(),
        committed: IssueSetSchema,
        added: IssueSetSchema,
        removed: IssueSetSchema,
        completed: IssueSetSchema,
        completedCommitted: IssueSetSchema,
        notCompleted: IssueSetSchema,
        movedToNextSprint: IssueSetSchema,
        convergence: z.object({ issues: Ratio, points: Ratio }),
        scopeChange: Ratio,
        status: Status,
      }),
    ),
    overall: z.object({
      committed: Totals,
      completedCommitted: Totals,
      convergence: z.object({ issues: Ratio, points: Ratio }),
      status: Status,
    }),
  }),
  current: z
    .object({
      kind: z.enum(['active', 'last']),
      sprintIds: z.array(z.number()),
      committed: Totals,
      completedCommitted: Totals,
      convergence: Ratio,
      status: Status,
      provisional: z.boolean(),
    })
    .nullable(),
  warnings: ReportWarningsSchema,
  computedAt: z.string(),
  fromCache: z.boolean(),
});
