/**
 * zod schemas of the ownership and settings resolvers' payloads. The backend parses with these;
 * the UI imports only the types in `protocol.ts`.
 */
import { z } from 'zod';
import type { FieldValuesPayload, ImportPayload, MatchCountsPayload, MatrixPayload, PeoplePayload, SavePayload, UsersPayload, ValidatePayload } from './ownership-protocol';

const ExpectedVersion = z.number().int().positive().nullable();
/** A configuration is a few tens of kB; Forge takes 500 kB in. */
const MAX_JSON_CHARS = 400_000;

export const MatrixPayloadSchema = z.object({ refresh: z.boolean().optional() }).strip() satisfies z.ZodType<MatrixPayload, unknown>;

/** The draft is `unknown` on purpose: the configuration service validates it and names every problem. */
export const ValidatePayloadSchema = z.object({ config: z.unknown() }).strip() satisfies z.ZodType<ValidatePayload, unknown>;
export const MatchCountsPayloadSchema = z.object({ config: z.unknown(), refresh: z.boolean().optional() }).strip() satisfies z.ZodType<MatchCountsPayload, unknown>;

export const SavePayloadSchema = z
  .object({ config: z.unknown(), expectedVersion: ExpectedVersion })
  .strip() satisfies z.ZodType<SavePayload, unknown>;

export const ImportPayloadSchema = z
  .object({ json: z.string().max(MAX_JSON_CHARS, `must be at most ${MAX_JSON_CHARS} characters`), expectedVersion: ExpectedVersion })
  .strip() satisfies z.ZodType<ImportPayload, unknown>;

export const FieldValuesPayloadSchema = z
  .object({ fieldId: z.string().regex(/^customfield_\d+$/, 'must be a custom field id such as customfield_10050') })
  .strip() satisfies z.ZodType<FieldValuesPayload, unknown>;

export const UsersPayloadSchema = z
  .object({ query: z.string().trim().min(1, 'type at least one character').max(100) })
  .strip() satisfies z.ZodType<UsersPayload, unknown>;

export const PeoplePayloadSchema = z
  .object({ accountIds: z.array(z.string().min(1).max(128)).max(200) })
  .strip() satisfies z.ZodType<PeoplePayload, unknown>;

/** The issue an issue panel runs on, from the Forge context (never from the payload). */
export const IssuePanelExtension = z
  .object({
    issue: z.object({ key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'is not an issue key'), id: z.union([z.string(), z.number()]).optional() }).passthrough(),
    project: z.object({ key: z.string() }).passthrough().optional(),
  })
  .passthrough();
