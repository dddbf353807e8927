/**
 * A Jira Cloud REST emulator over real HTTP on 127.0.0.1, serving a SiteData: the endpoints the app
 * reads, with Jira's paging, error bodies, permission model and rate-limit answers (through the
 * fault controller). Tests, the demo command and the local preview all talk to it as to Jira.
 *
 * Where Jira's behaviour had to be chosen (Atlassian's documentation, as of 2026):
 * - `expand=changelog` on search keeps the newest `changelogTruncation` (20) histories, newest
 *   first ("recent updates, sorted by date, starting from the most recent"); `total` counts all.
 * - Search pages: at most `searchPageMax` (100) issues with fields, 5,000 for ids/keys only; the
 *   last page has `isLast: true` and no `nextPageToken`. Default fields: `id` only. Without ORDER
 *   BY, issues come by key (project, then number); `Rank` orders by issue id (creation order).
 * - Bulk changelogs: oldest first across issues (then smallest issue id), items filtered by field
 *   id, pages of `bulkPageMax` histories, `nextPageToken: null` on the last page. Per-issue
 *   changelogs are served in stored order.
 * - Permissions: a user browses and edits project by project. An issue of a project the user may
 *   not browse is indistinguishable from a missing one: left out of search and bulk changelogs,
 *   404 from issue endpoints, and a JQL value `project = X` is "does not exist" (400). A board
 *   follows its location's project (404 and left out of board lists). Filters are shared with all.
 *   Writing a property needs Edit issues (403). `mypermissions` without a scope reports a project
 *   permission held in any project, as Jira does.
 * - Issue security levels: an issue whose `security` field holds a level is seen only by users the
 *   level grants (`SiteUser.securityLevels`, '*' for all; Jira administrators get no exemption).
 *   For anyone else it is a missing issue everywhere: left out of search results and counts
 *   (approximate-count, board sprint lists derived from issues), of bulk changelogs and of other
 *   issues' sub-tasks and links, 404 from the issue, its changelog, properties, remote links and
 *   `mypermissions?issueKey=`, and never granted by `permissions/check`. `security` is a normal
 *   field (null when unset, `self` added); JQL `level` reads it.
 * - The app: a site user with `app: true` is the app's own account (Forge `asApp()`, accountType
 *   `app`). It browses and edits every project and reads every security level whatever its grants
 *   say (sync "as the app" sees everything), is not a Jira administrator, and, as Jira documents
 *   for apps calling as themselves, may check other users' permissions.
 * - `POST /rest/api/3/permissions/check`: numeric project and issue ids, invalid ones ignored, null
 *   values and empty keys ignored; an unknown permission, a project permission among the global
 *   ones (or the reverse), an entry without permissions or more than 1,000 valid project or issue
 *   ids: 400. Without `accountId` it answers for the caller; another user's permissions only for
 *   an administrator or the app (else 403). One answer per project permission asked, in order.
 * - JQL dates are read in UTC (every emulated user's zone). See `jql-*.ts` for the subset.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultController, type FaultPlan } from './faults';
import { HttpError } from './http-error';
import { agileRoutes } from './routes-agile';
import { editRoutes } from './routes-edit';
import { issueRoutes } from './routes-issue';
import { platformRoutes } from './routes-platform';
import { searchRoutes } from './routes-search';
import type { Ctx, EmulatorConfig, Reply, Route } from './route';
import type { SiteData, SiteUser } from './site';
import { SiteIndex } from './site-index';

/** The header the local preview and tests act as a site user with (basic auth is the other way in). */
export const EMULATOR_USER_HEADER = 'x-emulator-user';

export { FaultController } from './faults';
export type { FaultPlan, FaultSpec, MalformedRule } from './faults';

export interface EmulatorOptions {
  /** 0 (default): a free port. */
  port?: number;
  host?: '127.0.0.1';
  faults?: FaultPlan;
  /** Most issues a search page holds when fields are asked for (default 100; 5,000 for ids only). */
  searchPageMax?: number;
  /** Most histories a bulk changelog page holds (default 1,000). */
  bulkPageMax?: number;
  /** Histories kept by `expand=changelog` on search, newest first (default 20). */
  changelogTruncation?: number;
  /** Every answer waits this long (default 0). */
  latencyMs?: number;
  /** "Now" for relative JQL dates (default: the clock). */
  now?: () => number;
  /** Called after an issue property is written (value) or deleted (undefined): the preview persists it. */
  onPropertyWrite?: (issueKey: string, propertyKey: string, value: unknown) => void;
  /** Called after an issue's fields are edited (`PUT /rest/api/3/issue/{key}`), with the new values of the fields edited: the preview persists them. */
  onIssueWrite?: (issueKey: string, fields: Record<string, unknown>) => void;
}

export interface RequestLog {
  method: string;
  /** Path and query as requested. */
  path: string;
  /** `GET /rest/agile/1.0/board/{id}`, or null for an unknown path. */
  endpoint: string | null;
  status: number;
  /** The authenticated user's account id, or null. */
  user: string | null;
  /** The parsed JSON request body, if any. */
  body: unknown;
  /** Requests in flight at this one's arrival, itself included. */
  inFlight: number;
  startedAt: number;
  durationMs: number;
}

export interface Emulator {
  url: string;
  close(): Promise<void>;
  /**
   * Serves `site` from now on (tests and benchmarks change a copy of the site between syncs: issues
   * updated, created, deleted, moved; sprints closed; a board's filter changed).
   */
  replaceSite(site: SiteData): void;
  faults: FaultController;
  requests: RequestLog[];
  /** Most requests ever in flight at once. */
  peakInFlight(): number;
}

const ROUTES: Route[] = [...platformRoutes, ...searchRoutes, ...issueRoutes, ...editRoutes, ...agileRoutes];

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.template.replace(/\{(\w+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}/?$`), names };
});

function match(method: string, pathname: string): { route: Route; params: Record<string, string> } | 'method' | null {
  let pathKnown = false;
  for (const c of COMPILED) {
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    pathKnown = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1] as string);
      } catch {
        throw new HttpError(400, [`The path segment '${m[i + 1]}' is not valid.`]);
      }
    });
    return { route: c.route, params };
  }
  return pathKnown ? 'method' : null;
}

function authenticate(req: http.IncomingMessage, index: SiteIndex): SiteUser | null {
  const asUser = req.headers[EMULATOR_USER_HEADER];
  if (typeof asUser === 'string') return index.site.users.find((u) => u.accountId === asUser) ?? null;
  const auth = req.headers.authorization;
  if (!auth?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(auth.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : (index.userByCredentials(decoded.slice(0, colon), decoded.slice(colon + 1)) ?? null);
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const delay = (ms: number) => (ms > 0 ? new Promise<void>((r) => setTimeout(r, ms)) : Promise.resolve());

export async function startEmulator(site: SiteData, options: EmulatorOptions = {}): Promise<Emulator> {
  // Property writes and issue edits are the only mutations: copy the properties, so they never leak
  // into the caller's fixture (the hooks report them); an edit replaces an issue's `fields` and
  // `histories` on this copy (never changes them in place), so the rest is shared, only read.
  const indexOf = (s: SiteData) => new SiteIndex({ ...s, issues: s.issues.map((i) => ({ ...i, properties: structuredClone(i.properties) })) });
  let index = indexOf(site);
  const faults = new FaultController(options.faults);
  const requests: RequestLog[] = [];
  const config: EmulatorConfig = {
    searchPageMax: options.searchPageMax ?? 100,
    bulkPageMax: options.bulkPageMax ?? 1000,
    changelogTruncation: options.changelogTruncation ?? 20,
    now: options.now ?? Date.now,
    ...(options.onPropertyWrite ? { onPropertyWrite: options.onPropertyWrite } : {}),
    ...(options.onIssueWrite ? { onIssueWrite: options.onIssueWrite } : {}),
  };
  let inFlight = 0;
  let peak = 0;
  let baseUrl = '';

  async function answer(req: http.IncomingMessage, url: URL, log: RequestLog): Promise<Reply | 'drop'> {
    const raw = await readBody(req);
    await delay((options.latencyMs ?? 0) + faults.extraDelayMs);
    const method = req.method ?? 'GET';
    // The endpoint is known before any fault, so the log counts faulted requests per endpoint too.
    const found = match(method, url.pathname);
    if (found !== null && found !== 'method') log.endpoint = `${found.route.method} ${found.route.template}`;
    const fault = faults.take(method, url.pathname);
    if (fault === 'drop') return 'drop';
    if (fault) {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      else if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
      if (fault.body !== undefined) return { status: fault.status, body: fault.body, headers };
      throw new HttpError(fault.status, [fault.status === 429 ? 'Rate limit exceeded.' : `Injected fault: HTTP ${fault.status}.`], {}, headers);
    }
    const user = authenticate(req, index);
    if (!user) throw new HttpError(401, ['Client must be authenticated to access this resource.']);
    log.user = user.accountId;
    if (found === null) throw new HttpError(404, [`No resource at ${url.pathname}.`]);
    if (found === 'method') throw new HttpError(405, [`Method ${method} is not allowed on ${url.pathname}.`]);
    let body: unknown = undefined;
    if (raw.trim() !== '') {
      try {
        body = JSON.parse(raw);
      } catch {
        throw new HttpError(400, ['Unexpected character in the request body: it is not JSON.']);
      }
    }
    log.body = body;
    const ctx: Ctx = { user, index, params: found.params, query: url.searchParams, body, baseUrl, config };
    const reply = await found.route.handle(ctx);
    const status = reply.status ?? 200;
    if (status >= 200 && status < 300 && reply.body !== undefined) {
      return { status, body: faults.mutate(url.pathname, reply.body) };
    }
    return reply;
  }

  const server = http.createServer((req, res) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    const url = new URL(req.url ?? '/', 'http://emulator');
    const log: RequestLog = {
      method: req.method ?? 'GET',
      path: url.pathname + url.search,
      endpoint: null,
      status: 0,
      user: null,
      body: undefined,
      inFlight,
      startedAt: Date.now(),
      durationMs: 0,
    };
    const finish = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      log.status = status;
      log.durationMs = Date.now() - log.startedAt;
      requests.push(log);
      inFlight--;
      if (body === undefined) {
        res.writeHead(status, headers).end();
      } else {
        res.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers }).end(JSON.stringify(body));
      }
    };
    answer(req, url, log).then(
      (reply) => {
        if (reply === 'drop') {
          log.durationMs = Date.now() - log.startedAt;
          requests.push(log);
          inFlight--;
          req.socket.destroy();
          return;
        }
        finish(reply.status ?? 200, reply.body, reply.headers);
      },
      (e: unknown) => {
        if (e instanceof HttpError) finish(e.status, e.body(), e.headers);
        else finish(500, { errorMessages: [`Internal server error: ${e instanceof Error ? e.message : String(e)}`], errors: {} });
      },
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.address}:${address.port}`;

  return {
    url: baseUrl,
    faults,
    requests,
    peakInFlight: () => peak,
    replaceSite: (next) => {
      index = indexOf(next);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}
