/**
 * zod schemas of the hygiene and defect SLA resolvers' payloads, the two gadgets' saved settings,
 * and the documents the report jobs keep in KVS. The backend parses with these; the UI imports only
 * the types in `governance-protocol.ts`.
 */
import { z } from 'zod';
import { HygieneRuleId, Severity } from '../domain/config';
import type { GovernanceRows } from '../domain/governance-rows';
import type { GovernanceGadgetSettings, GovernanceJobPayload, GovernanceReportPayload, JobView } from './governance-protocol';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const Dimension = z.enum(['product', 'channel', 'segment']);

export const GovernanceGadgetSettingsSchema = z
  .object({
    boardIds: z.array(int(1, Number.MAX_SAFE_INTEGER)).min(1, 'choose at least one board').max(30, 'choose at most 30 boards'),
    rollup: z.object({ dimension: Dimension, key: z.string().min(1).max(40) }).nullable().default(null),
    periodDays: int(1, 365),
    refresh: int(1, 1440).optional(),
  })
  .strip() satisfies z.ZodType<GovernanceGadgetSettings, unknown>;

export const GovernanceReportPayloadSchema = z
  .object({ periodDays: z.number().int().min(1).max(365).optional(), refresh: z.boolean().optional() })
  .strict() satisfies z.ZodType<GovernanceReportPayload, unknown>;

export const GovernanceJobPayloadSchema = z
  .object({ jobId: z.string().uuid('is not a job id') })
  .strict() satisfies z.ZodType<GovernanceJobPayload, unknown>;

export const RefreshPayloadSchema = z.object({ refresh: z.boolean().optional() }).strict();

export const StrictEmptyPayload = z.object({}).strict();

const Iso = z.string().min(1);
const Outcome = z.enum(['met', 'breached', 'atRisk', 'onTrack', 'noSla']);

/** Rows as a job stores them: parsed like any other stored document before anyone reads them. */
export const GovernanceRowsSchema = z.object({
  now: Iso,
  before: Iso,
  from: Iso,
  to: Iso,
  boards: z.array(z.object({ id: z.number(), name: z.string(), projectKey: z.string().nullable() })),
  rules: z.array(z.object({ id: HygieneRuleId, severity: Severity })),
  hygiene: z.object({
    tallies: z.array(z.object({ projectKey: z.string(), scanned: z.number(), violating: z.number(), scannedBefore: z.number(), violatingBefore: z.number() })),
    issues: z.array(
      z.object({
        key: z.string(),
        projectKey: z.string(),
        summary: z.string().nullable(),
        assignee: z.string().nullable(),
        assigneeName: z.string().nullable(),
        rules: z.array(HygieneRuleId),
      }),
    ),
  }),
  defects: z.object({
    priorities: z.array(z.object({ priority: z.string(), priorityId: z.string(), targetHours: z.number() })),
    openPerTeamTarget: z.number(),
    issues: z.array(
      z.object({
        key: z.string(),
        projectKey: z.string(),
        summary: z.string().nullable(),
        priority: z.string().nullable(),
        priorityRow: z.string().nullable(),
        targetHours: z.number().nullable(),
        elapsedHours: z.number(),
        outcome: Outcome,
        open: z.boolean(),
        resolvedAt: z.string().nullable(),
        boardIds: z.array(z.number()),
      }),
    ),
  }),
}) satisfies z.ZodType<GovernanceRows, unknown>;

export const JobParamsSchema = z.object({
  boardIds: z.array(z.number().int().positive()).min(1),
  rollup: z.object({ dimension: Dimension, key: z.string() }).nullable(),
  periodDays: z.number().int().min(1).max(365),
});

/** A report job as KVS holds it. */
export const JobDocumentSchema = z.object({
  id: z.string(),
  cacheKey: z.string(),
  params: JobParamsSchema,
  configVersion: z.number().nullable(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  phase: z.enum(['queued', 'boards', 'changelogs', 'computing', 'saving', 'done', 'failed']),
  boardsDone: z.number(),
  boardsTotal: z.number(),
  issuesFetched: z.number(),
  issuesExpected: z.number().nullable(),
  queuedAt: Iso,
  startedAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  error: z.string().nullable(),
}) satisfies z.ZodType<JobView & { cacheKey: string; params: unknown; configVersion: number | null }, unknown>;
export type JobDocument = z.infer<typeof JobDocumentSchema>;
export type JobParams = z.infer<typeof JobParamsSchema>;
