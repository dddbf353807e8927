/**
 * Every request of a client goes through here: URL building, the concurrency bound, the retry
 * policy, counters, and parsing of the answer. One place, so every endpoint behaves the same way.
 */
import type { z } from 'zod';
import { parseResponse } from './parse';
import { backoffMs, retryAfterMs, RETRYABLE_STATUSES, type BackoffPolicy } from './retry';
import { ErrorBody } from './schemas';
import { Semaphore } from './semaphore';
import { withoutMember } from './unread';
import { JiraError, NetworkError, type JiraClientStats, type JiraRequest, type JiraResponse, type NetworkFailure, type Transport } from './types';

export type QueryValue = string | number | boolean | readonly string[] | undefined;

export interface Call<T> {
  method: JiraRequest['method'];
  /** `/rest/agile/1.0/board/{id}`: named in errors as is; `{name}` is filled from `params`, escaped. */
  template: string;
  params?: Record<string, string | number>;
  /** Query parameters; arrays are joined by commas (Jira's convention), undefined ones are left out. */
  query?: Record<string, QueryValue>;
  body?: unknown;
  schema: z.ZodType<T>;
  /**
   * A member the schema strips wherever it occurs, cut from the body before it is parsed
   * (`withoutMember`): the same value, without parsing what is never read.
   */
  unread?: string;
}

export interface RequesterOptions extends BackoffPolicy {
  concurrency: number;
  maxRetries: number;
  /** Give up at once when Jira asks to wait longer than this (a resolver has 25 s in all). */
  maxWaitMs: number;
  /** Retries after a timeout (at most `maxRetries`): a site that does not answer rarely starts to. */
  maxTimeoutRetries: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

/** `/rest/api/3/issue/{key}/changelog` + {key: 'A B/1'} → `/rest/api/3/issue/A%20B%2F1/changelog` */
export function buildPath(template: string, params: Record<string, string | number> = {}, query: Record<string, QueryValue> = {}): string {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${template}`);
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    search.append(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  const qs = search.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/** Jira's own words for a failure, for the error message. */
function errorText(text: string): string {
  try {
    const parsed = ErrorBody.safeParse(JSON.parse(text));
    if (parsed.success) {
      const { errorMessages, errors, message } = parsed.data;
      const all = [...(errorMessages ?? []), ...Object.entries(errors ?? {}).map(([k, v]) => `${k}: ${v}`), ...(message ? [message] : [])];
      if (all.length > 0) return all.join('; ');
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  const trimmed = text.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? 'no details' : trimmed.slice(0, 200);
}

/** Failures another try cannot mend: the same wall again (refused, unknown host, TLS, too large). */
const FINAL_FAILURES: ReadonlySet<NetworkFailure> = new Set(['refused', 'dns', 'tls', 'blocked', 'too-large']);

export class Requester {
  private readonly slots: Semaphore;
  readonly counters: JiraClientStats = { requests: 0, issues: 0, histories: 0, retries: 0 };

  constructor(
    private readonly transport: Transport,
    private readonly options: RequesterOptions,
  ) {
    this.slots = new Semaphore(options.concurrency);
  }

  async call<T>(call: Call<T>): Promise<T> {
    const endpoint = `${call.method} ${call.template}`;
    const request: JiraRequest = { method: call.method, path: buildPath(call.template, call.params, call.query) };
    if (call.body !== undefined) request.body = call.body;
    for (let attempt = 0; ; attempt++) {
      const answer = await this.attempt(request);
      const lastTry = attempt >= this.options.maxRetries;
      if ('error' in answer) {
        if (FINAL_FAILURES.has(answer.kind)) throw new JiraError(endpoint, null, `${endpoint}: ${answer.error}`);
        const retries = answer.kind === 'timeout' ? Math.min(this.options.maxRetries, this.options.maxTimeoutRetries) : this.options.maxRetries;
        if (attempt >= retries) {
          throw new JiraError(endpoint, null, `${endpoint} failed after ${attempt + 1} attempt(s): ${answer.error}`);
        }
        await this.wait(attempt, 0);
        continue;
      }
      const { response, text } = answer;
      if (RETRYABLE_STATUSES.has(response.status)) {
        const asked = retryAfterMs(response.headers.get('retry-after'), this.options.now());
        if (lastTry || asked > this.options.maxWaitMs) {
          const why = lastTry ? `after ${attempt + 1} attempt(s)` : `and asked to wait ${Math.ceil(asked / 1000)} s`;
          throw new JiraError(endpoint, response.status, `${endpoint} answered ${response.status} ${why}: ${errorText(text)}`);
        }
        await this.wait(attempt, asked);
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        throw new JiraError(endpoint, response.status, `${endpoint} answered ${response.status}: ${errorText(text)}`);
      }
      return parseResponse(endpoint, response.status, call.unread === undefined ? text : withoutMember(text, call.unread), call.schema);
    }
  }

  /** One HTTP exchange inside a concurrency slot; a thrown transport error is a network failure. */
  private async attempt(request: JiraRequest): Promise<{ response: JiraResponse; text: string } | { error: string; kind: NetworkFailure }> {
    this.counters.requests++;
    return this.slots.run(async () => {
      try {
        const response = await this.transport(request);
        return { response, text: await response.text() };
      } catch (e) {
        if (e instanceof NetworkError) return { error: e.message, kind: e.kind };
        return { error: e instanceof Error ? e.message : String(e), kind: 'other' };
      }
    });
  }

  /** Backoff happens outside any slot, so a waiting request does not hold up the others. */
  private async wait(attempt: number, askedMs: number): Promise<void> {
    this.counters.retries++;
    await this.options.sleep(backoffMs(attempt, askedMs, this.options));
  }
}
