/**
 * zod schemas of the Readiness resolvers' payloads. Strict: a key the resolver does not read (an
 * issue key, say: the issue comes from the Forge context) is refused, not ignored.
 */
import { z } from 'zod';
import { ItemId, ItemState, REASON_MAX } from '../domain/checklists/document';
import type { ReadinessUpdatePayload } from './readiness-protocol';

export const ReadinessGetPayloadSchema = z.object({}).strict();

export const ReadinessUpdatePayloadSchema = z
  .object({
    version: z.number().int().min(0),
    change: z
      .object({
        list: z.enum(['dor', 'dod']),
        item: ItemId,
        state: ItemState,
        reason: z.string().max(REASON_MAX, `must be at most ${REASON_MAX} characters`).optional(),
      })
      .strict(),
  })
  .strict() satisfies z.ZodType<ReadinessUpdatePayload, unknown>;
