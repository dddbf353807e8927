/**
 * A transport over Node's fetch, for the command line and tests: basic auth with an API token,
 * JSON in and out, a timeout per request, and a cap on the size of an answer. A failure to get an
 * answer is thrown as a `NetworkError` whose kind says whether another try could help: a refused
 * connection, an unknown host, TLS trouble or an answer over the cap cannot; a timeout or a reset
 * connection might.
 */
import { NetworkError, type JiraRequest, type JiraResponse, type NetworkFailure, type Transport } from './types';

export { NetworkError } from './types';

/** Largest answer read, in bytes, unless `maxResponseBytes` says otherwise. */
export const DEFAULT_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface FetchTransportOptions {
  /** `https://your-site.atlassian.net` (a trailing slash is fine). */
  baseUrl: string;
  email?: string;
  apiToken?: string;
  fetch?: typeof fetch;
  /** Per request, including reading the body (default 30 s). */
  timeoutMs?: number;
  /** Largest answer read (default `DEFAULT_MAX_RESPONSE_BYTES`); a larger one fails, unread. */
  maxResponseBytes?: number;
}

/** Hosts that are this machine: the only ones credentials may reach over plain http. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/** `1 MiB`, `64 MiB`, `1.5 KiB`, `512 bytes`. */
export function formatBytes(n: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GiB'],
    [1024 * 1024, 'MiB'],
    [1024, 'KiB'],
  ];
  for (const [size, unit] of units) if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  return `${n} bytes`;
}

export function fetchTransport(options: FetchTransportOptions): Transport {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const auth =
    options.email && options.apiToken ? `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}` : undefined;
  if (auth) {
    const url = new URL(base);
    if (url.protocol !== 'https:' && !isLoopbackHost(url.hostname)) {
      throw new Error(`credentials are sent only over https (or to this machine), not to ${url.protocol}//${url.host}`);
    }
  }
  const tooLarge = (what: string) => new NetworkError(`the answer is larger than the ${formatBytes(maxBytes)} response cap (${what})`, 'too-large');

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
      throw classify(e);
    }
    const declared = response.headers.get('content-length');
    if (declared !== null && /^\s*\d+\s*$/.test(declared) && Number(declared) > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw tooLarge(`Content-Length ${declared.trim()}`);
    }
    return {
      status: response.status,
      headers: response.headers,
      text: () => readCapped(response, maxBytes, tooLarge),
    };
  };
}

/** The body as UTF-8 text, read as a stream and abandoned as soon as it passes `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, tooLarge: (what: string) => NetworkError): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge(`more than ${total} bytes received`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof NetworkError) throw e;
    const failure = classify(e);
    throw new NetworkError(`body not received: ${failure.message}`, failure.kind, e);
  }
  // As Response.text(): UTF-8, a byte-order mark dropped.
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks, total));
}

const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|EPROTO$)/;
const RESET_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const TIMEOUT_CODES: ReadonlySet<string> = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

interface Cause {
  code: string | undefined;
  message: string;
  name: string | undefined;
}

/** fetch wraps the useful part ("ECONNREFUSED", a TLS reason) in `cause`, sometimes in an AggregateError. */
function innermost(e: unknown): Cause {
  let current: unknown = e;
  for (let depth = 0; depth < 5; depth++) {
    if (!current || typeof current !== 'object') break;
    const o = current as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown; name?: unknown };
    const name = typeof o.name === 'string' ? o.name : undefined;
    if (typeof o.code === 'string' || name === 'TimeoutError') {
      return { code: typeof o.code === 'string' ? o.code : undefined, message: typeof o.message === 'string' ? o.message : String(current), name };
    }
    if (o.cause !== undefined) current = o.cause;
    else if (Array.isArray(o.errors) && o.errors.length > 0) current = o.errors[0];
    else break;
  }
  const o = current as { message?: unknown; name?: unknown } | null;
  return {
    code: undefined,
    message: o && typeof o === 'object' && typeof o.message === 'string' ? o.message : String(current),
    name: o && typeof o === 'object' && typeof o.name === 'string' ? o.name : undefined,
  };
}

/** OpenSSL's long form (`…:SSL routines:ssl3_get_record:wrong version number:…`) cut to its reason. */
function tlsReason(message: string): string {
  const openssl = /SSL routines:[^:]*:([^:]+)/.exec(message);
  return (openssl?.[1] ?? message.split('\n')[0] ?? message).trim();
}

function classify(e: unknown): NetworkError {
  const top = e && typeof e === 'object' && typeof (e as { name?: unknown }).name === 'string' ? (e as { name: string }).name : undefined;
  if (top === 'TimeoutError') return new NetworkError('timed out', 'timeout', e);
  const { code, message, name } = innermost(e);
  const failure = (text: string, kind: NetworkFailure) => new NetworkError(text, kind, e);
  if (name === 'TimeoutError' || (code !== undefined && TIMEOUT_CODES.has(code))) return failure(code ? `timed out (${code})` : 'timed out', 'timeout');
  if (code === 'ECONNREFUSED') return failure('connection refused', 'refused');
  if (code === 'ENOTFOUND') return failure('host not found (ENOTFOUND)', 'dns');
  if (code === 'EAI_AGAIN') return failure('host not found (EAI_AGAIN: the name could not be resolved now)', 'dns');
  if (code !== undefined && TLS_CODE.test(code)) return failure(`TLS: ${tlsReason(message)} (${code})`, 'tls');
  if (code !== undefined && RESET_CODES.has(code)) return failure(`connection closed (${code})`, 'reset');
  if (code === undefined && message === 'bad port') return failure('fetch refuses to connect to this port (bad port)', 'blocked');
  const text = message.split('\n')[0] ?? message;
  return failure(code ? `${text} (${code})` : text, 'other');
}
