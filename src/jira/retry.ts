/**
 * The retry policy: which answers are worth another try, and how long to wait before it.
 * Jira Cloud answers 429 (rate limited, with `Retry-After`) and 503 (busy) for transient trouble;
 * every other status is the final word.
 */

/** Statuses retried. Other 5xx are not: Jira uses them for failures a retry does not fix. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503]);

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/**
 * Milliseconds a `Retry-After` header asks for: delta-seconds or an HTTP date. 0 when absent or
 * unreadable (then exponential backoff alone decides).
 */
export function retryAfterMs(header: string | null, nowMs: number): number {
  if (header === null) return 0;
  const text = header.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text) * 1000);
  const date = Date.parse(text);
  return Number.isNaN(date) ? 0 : Math.max(0, date - nowMs);
}

/**
 * Wait before retry number `attempt` (0 for the first retry): exponential backoff with full jitter,
 * added on top of what the server asked for so that clients released by one `Retry-After` do not
 * all come back in the same millisecond.
 */
export function backoffMs(attempt: number, serverAskedMs: number, policy: BackoffPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return serverAskedMs + Math.floor(policy.random() * ceiling);
}
