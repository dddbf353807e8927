/** The shape of an emulator endpoint, and helpers its handlers share. */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { BAD_PAYLOAD, badRequest, HttpError } from './http-error';
import type { SiteUser } from './site';
import type { SiteIndex } from './site-index';

export interface EmulatorConfig {
  searchPageMax: number;
  bulkPageMax: number;
  changelogTruncation: number;
  now: () => number;
  onPropertyWrite?: (issueKey: string, propertyKey: string, value: unknown) => void;
  onIssueWrite?: (issueKey: string, fields: Record<string, unknown>) => void;
}

export interface Ctx {
  user: SiteUser;
  index: SiteIndex;
  /** Path parameters, already decoded. */
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  baseUrl: string;
  config: EmulatorConfig;
}

export interface Reply {
  status?: number;
  /** JSON body; undefined sends none. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** `/rest/agile/1.0/board/{id}` */
  template: string;
  handle(ctx: Ctx): Reply | Promise<Reply>;
}

export const ok = (body: unknown): Reply => ({ status: 200, body });

export function param(ctx: Ctx, name: string): string {
  const v = ctx.params[name];
  if (v === undefined) throw new Error(`route has no {${name}}`);
  return v;
}

/** A request body parsed by zod; anything else is Jira's generic 400. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const r = schema.safeParse(body);
  if (!r.success) throw badRequest(BAD_PAYLOAD);
  return r.data;
}

/** A non-negative integer query parameter, or the default. */
export function intParam(query: URLSearchParams, name: string, dflt: number): number {
  const raw = query.get(name);
  if (raw === null || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw badRequest(`The '${name}' parameter must be a non-negative integer, got '${raw}'.`);
  return Number(raw);
}

/** `{startAt, maxResults, total, isLast, values}`: an offset page of a list. */
export function offsetPage<T>(all: readonly T[], query: URLSearchParams, defaultMax: number, cap: number, withTotal = true) {
  const startAt = intParam(query, 'startAt', 0);
  const maxResults = Math.min(Math.max(intParam(query, 'maxResults', defaultMax), 1), cap);
  const values = all.slice(startAt, startAt + maxResults);
  const isLast = startAt + values.length >= all.length;
  return { maxResults, startAt, ...(withTotal ? { total: all.length } : {}), isLast, values };
}

/**
 * Opaque page tokens, bound to the query they continue (a token of another query is refused, as
 * Jira refuses a token that does not belong to the search).
 */
export function pageToken(offset: number, scope: string): string {
  return Buffer.from(JSON.stringify({ o: offset, s: digest(scope) })).toString('base64url');
}

export function readPageToken(token: string | null | undefined, scope: string): number {
  if (token === null || token === undefined || token === '') return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; s?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 && parsed.s === digest(scope)) return parsed.o;
  } catch {
    // fall through
  }
  throw new HttpError(400, ['The provided next page token is invalid or expired.']);
}

function digest(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}
