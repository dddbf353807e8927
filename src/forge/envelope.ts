/**
 * The typed envelope every resolver returns, and the translation of failures into codes and
 * messages a user can act on. Nothing is thrown across the bridge.
 */
import { z } from 'zod';
import { ConfigError, formatZodError } from '../domain/config';
import { JiraError } from '../jira/types';
import type { Envelope, ErrorCode } from '../shared/protocol';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Envelope<never> => ({ ok: false, error: { code, message } });

/** Parses a payload or raises BAD_REQUEST naming the bad field. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const r = schema.safeParse(payload ?? {});
  if (!r.success) throw new AppError('BAD_REQUEST', `Invalid request: ${formatZodError(r.error).join('; ')}`);
  return r.data;
}

export function toEnvelope(err: unknown): Envelope<never> {
  if (err instanceof AppError) return fail(err.code, err.message);
  if (err instanceof ConfigError) return fail('CONFIG_INVALID', `The governance configuration is invalid (${err.errors.slice(0, 3).join('; ')}). Ask a Jira administrator to fix it.`);
  if (err instanceof JiraError) {
    if (err.status === 404) return fail('NOT_FOUND', `Jira could not find it, or you may not see it (${err.endpoint}).`);
    if (err.status === 401 || err.status === 403) return fail('FORBIDDEN', `Jira refused access (${err.endpoint}, HTTP ${err.status}).`);
    return fail('JIRA_UNAVAILABLE', `Jira could not be read (${err.endpoint}${err.status ? `, HTTP ${err.status}` : ''}). Try again in a minute.`);
  }
  // Board loading raises its own error for a board that does not exist or cannot be seen.
  if (err instanceof Error && err.name === 'BoardNotFoundError') return fail('NOT_FOUND', `${err.message.charAt(0).toUpperCase()}${err.message.slice(1)}.`);
  const message = err instanceof Error ? err.message : String(err);
  return fail('INTERNAL', `Something went wrong: ${message}`);
}

/** Runs a resolver body, turning any failure into an error envelope. */
export async function guarded<T>(body: () => Promise<T>): Promise<Envelope<T>> {
  try {
    return ok(await body());
  } catch (err) {
    return toEnvelope(err);
  }
}
