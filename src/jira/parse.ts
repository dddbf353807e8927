/** Parse a response body with zod and turn a failure into a JiraError naming the bad value. */
import type { z } from 'zod';
import { formatPath } from '../domain/config';
import { JiraError } from './types';

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function parseResponse<T>(endpoint: string, status: number, text: string, schema: z.ZodType<T>): T {
  let data: unknown = undefined;
  if (text.trim() !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      throw new JiraError(endpoint, status, `${endpoint} answered ${status} with a body that is not JSON: ${text.slice(0, 120)}`, '');
    }
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? issue.path : [];
  const where = formatPath(path, '(response)');
  let what = issue?.message ?? 'invalid';
  if (issue?.code === 'invalid_type') what = `expected ${issue.expected}, got ${describe(valueAt(data, path))}`;
  throw new JiraError(endpoint, status, `${endpoint}: unexpected response at ${where}: ${what}`, where);
}
