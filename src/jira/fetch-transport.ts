/**
 * A transport over Node's fetch, for the command line and tests: basic auth with an API token,
 * JSON in and out, and a timeout per request. Any failure to get an answer (refused connection,
 * reset, timeout) is thrown, which the client treats as a network error worth retrying.
 */
import type { JiraRequest, JiraResponse, Transport } from './types';

export interface FetchTransportOptions {
  /** `https://your-site.atlassian.net` (a trailing slash is fine). */
  baseUrl: string;
  email?: string;
  apiToken?: string;
  fetch?: typeof fetch;
  /** Per request, including reading the body (default 30 s). */
  timeoutMs?: number;
}

export class NetworkError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'NetworkError';
  }
}

export function fetchTransport(options: FetchTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const auth =
    options.email && options.apiToken ? `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}` : undefined;

  return async (request: JiraRequest): Promise<JiraResponse> => {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (auth) headers.Authorization = auth;
    const init: RequestInit = { method: request.method, headers, signal: AbortSignal.timeout(timeoutMs) };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    // Only the site-relative path is ever appended: a credential never travels in a URL.
    const url = `${base}${request.path.startsWith('/') ? '' : '/'}${request.path}`;
    let response: Response;
    try {
      response = await doFetch(url, init);
    } catch (e) {
      // The client names the endpoint; the message says what went wrong with the connection.
      throw new NetworkError(describe(e), e);
    }
    return {
      status: response.status,
      headers: response.headers,
      text: async () => {
        try {
          return await response.text();
        } catch (e) {
          throw new NetworkError(`body not received: ${describe(e)}`, e);
        }
      },
    };
  };
}

/** fetch wraps the useful part ("ECONNREFUSED", "timeout") in `cause`. */
function describe(e: unknown): string {
  // An abort by timeout is a DOMException, which is not an Error in every Node version.
  if (e && typeof e === 'object' && (e as { name?: unknown }).name === 'TimeoutError') return 'timed out';
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : undefined;
  return code ? `${e.message} (${code})` : e.message;
}
