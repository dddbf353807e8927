/**
 * zod schemas of the hygiene and defect SLA resolvers' payloads and the two gadgets' saved
 * settings. The backend parses with these; the UI imports only the types in `governance-protocol.ts`.
 */
import { z } from 'zod';
import { ESTIMATE_MAX, type GovernanceGadgetSettings, type GovernanceReportPayload, type HygieneFixPayload } from './governance-protocol';

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

/** A hygiene fix: what to change, for one of the two rules the app can fix itself; the issue comes from the context. */
export const HygieneFixPayloadSchema = z.discriminatedUnion('rule', [
  z
    .object({
      rule: z.literal('no-product'),
      add: z.object({ type: z.enum(['label', 'component']), value: z.string().trim().min(1).max(255) }).strict(),
    })
    .strict(),
  z
    .object({
      rule: z.literal('missing-estimate'),
      estimate: z.number().finite().min(0, 'must not be negative').max(ESTIMATE_MAX, `must be at most ${ESTIMATE_MAX}`),
    })
    .strict(),
]) satisfies z.ZodType<HygieneFixPayload, unknown>;
