/**
 * Fault injection, so tests can see the client survive what Jira Cloud does on a bad day: rate
 * limiting (429 with Retry-After), 503s, slow answers, dropped connections, and bodies the client
 * cannot understand.
 */

export interface FaultSpec {
  /** The status to answer instead of the real one (429, 503, 500, 404…). */
  status: number;
  /** Sent as `Retry-After: <seconds>`. */
  retryAfterSeconds?: number;
  /** Sent as `Retry-After` verbatim (an HTTP date, or garbage). Wins over `retryAfterSeconds`. */
  retryAfter?: string;
  /** Only requests whose path starts with this (`/rest/api/3/search/jql`); default: every request. */
  path?: string;
  /** Only requests of this method. */
  method?: string;
  /** The error body; default Jira's `{"errorMessages": [...], "errors": {}}`. */
  body?: unknown;
}

export interface MalformedRule {
  pathPrefix: string;
  /** Gets the parsed JSON body of a successful answer, returns the body to send instead. */
  mutate: (body: unknown) => unknown;
}

/** Faults armed from the start (`startEmulator(site, { faults })`). */
export interface FaultPlan {
  next?: (FaultSpec & { n: number })[];
  slowMs?: number;
  malformed?: MalformedRule[];
}

type Armed = FaultSpec & { left: number };

export class FaultController {
  private armed: Armed[] = [];
  private drops: { left: number; path?: string }[] = [];
  private rules: MalformedRule[] = [];
  private delayMs = 0;

  constructor(plan: FaultPlan = {}) {
    for (const f of plan.next ?? []) this.next(f.n, f);
    if (plan.slowMs) this.slow(plan.slowMs);
    for (const r of plan.malformed ?? []) this.malformed(r.pathPrefix, r.mutate);
  }

  /** The next `n` matching requests answer `spec.status` instead. */
  next(n: number, spec: FaultSpec): void {
    this.armed.push({ ...spec, left: n });
  }

  /** Every answer waits `ms` more (0 to stop). */
  slow(ms: number): void {
    this.delayMs = ms;
  }

  /** Successful JSON answers under `pathPrefix` pass through `mutate` before they are sent. */
  malformed(pathPrefix: string, mutate: (body: unknown) => unknown): void {
    this.rules.push({ pathPrefix, mutate });
  }

  /** The next `n` matching requests get their connection closed without an answer. */
  drop(n: number, path?: string): void {
    this.drops.push(path === undefined ? { left: n } : { left: n, path });
  }

  clear(): void {
    this.armed = [];
    this.drops = [];
    this.rules = [];
    this.delayMs = 0;
  }

  get extraDelayMs(): number {
    return this.delayMs;
  }

  /** Consumes and returns the fault for this request, if one is armed for it. */
  take(method: string, path: string): FaultSpec | 'drop' | null {
    const drop = this.drops.find((d) => d.left > 0 && (d.path === undefined || path.startsWith(d.path)));
    if (drop) {
      drop.left--;
      return 'drop';
    }
    const fault = this.armed.find((f) => f.left > 0 && (!f.path || path.startsWith(f.path)) && (!f.method || f.method.toUpperCase() === method));
    if (!fault) return null;
    fault.left--;
    return fault;
  }

  /** The body to send: unchanged (not copied) unless a rule matches, else a mutated deep copy. */
  mutate(path: string, body: unknown): unknown {
    const rules = this.rules.filter((r) => path.startsWith(r.pathPrefix));
    if (rules.length === 0) return body;
    return rules.reduce((b, r) => r.mutate(b), JSON.parse(JSON.stringify(body)) as unknown);
  }
}
