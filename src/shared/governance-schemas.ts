/**
 * zod schemas of the hygiene and defect SLA resolvers' payloads and the two gadgets' saved
 * settings. The backend parses with these; the UI imports only the types in `governance-protocol.ts`.
 */
import { z } from 'zod';
import type { GovernanceGadgetSettings, GovernanceReportPayload } from './governance-protocol';

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

export const RefreshPayloadSchema = z.object({ refresh: z.boolean().optional() }).strict();

export const StrictEmptyPayload = z.object({}).strict();
