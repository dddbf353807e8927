/**
 * The local preview server: Jira-like pages framing the built Custom UI, a bridge endpoint that
 * runs the app's own resolver definitions (`buildResolver`) with a Forge-shaped context, and the
 * local state under `.preview-state/`.
 */
import { configWithKey as configOf } from '../forge/config-store';
import { directoryGovernanceStore } from '../store/directory';
import { inProcessSync } from '../sync/in-process';
import { scheduleCatchUp } from '../sync/triggers';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CONFIG_KEY } from '../forge/config-store';
import { buildResolver } from '../forge/resolver';
import { parseConfig, type GovernanceConfigInput } from '../domain/config';
import { demoConfig } from '../demo/site';
import { startBackend, type PreviewBackend } from './backend';
import { BRIDGE_SHIM } from './bridge-shim';
import { fileStore } from './file-store';
import { readJson, writeJsonAtomic } from './files';
import { PREVIEW_MODULES } from './modules';
import { DEFAULT_SEARCH, editScreenPage, ensurePanelIssue, issuePanelExtension, issueSearchPage, issueViewPage, saveEditScreen, saveInlineEdit } from './issue-view';
import { JiraError } from '../jira/types';
import { columnsOf, dashboardPage, type Prefs, type PreviewLicense } from './pages';
import { modalRegistry } from './modal';
import { themeCss } from './theme';
import { GOVERNANCE_DASHBOARD, governanceDashboardPage, OVERVIEW_DASHBOARD, overviewDashboardPage, projectGovernancePage, projectPageContext } from './governance';
import { ADMIN_PAGE, adminPageContext, adminSettingsPage, profilePage } from './admin';

export interface PreviewOptions {
  /** 0: a free port. */
  port?: number;
  /** The app's root (manifest.yml, static/dist); found from this file when omitted. */
  root?: string;
  /** Default `<root>/.preview-state`. */
  stateDir?: string;
  env?: NodeJS.ProcessEnv;
}

export interface PreviewServer {
  url: string;
  backend: PreviewBackend;
  close(): Promise<void>;
}

export function findAppRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'manifest.yml'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`no manifest.yml above ${from}`);
    dir = up;
  }
}

const InvokeBody = z.object({ frame: z.string().min(1), functionKey: z.string().min(1), payload: z.unknown() });
const SubmitBody = z.object({ frame: z.string().min(1), payload: z.record(z.string(), z.unknown()) });
const ModalBody = z.object({ frame: z.string().min(1), resource: z.string().regex(/^[a-z0-9-]+$/), context: z.unknown(), closeOnEscape: z.boolean().optional() });
const Gadgets = z.record(z.string(), z.record(z.string(), z.unknown()));
/** The issue view's inline edit: labels (Jira's rules: no spaces) and the estimate. */
const InlineEditBody = z
  .object({
    key: z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/),
    labels: z.array(z.string().regex(/^\S{1,255}$/)).max(50),
    points: z.number().finite().min(0).max(1000).nullable().optional(),
  })
  .strict();
const EDIT_SCREEN = '/secure/EditIssue!default.jspa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

function cookies(req: http.IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out[part.slice(0, i).trim()] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}
const sendJson = (res: http.ServerResponse, status: number, value: unknown) => send(res, status, 'application/json', JSON.stringify(value));

/** A JSON media type: `application/json`, with parameters (`; charset=utf-8`) or not. */
export function isJsonContentType(value: string | undefined): boolean {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * Why a request must be refused before it is read, or null. The preview acts on a real Jira as the
 * developer when JIRA_SITE is set, so a page on another site must not drive it:
 * - every request names the preview's own host (`127.0.0.1:<port>` or `localhost:<port>`) in
 *   `Host`, so a DNS-rebound name (`evil.example:3000` resolving to 127.0.0.1) reads nothing;
 * - a state-changing request (anything but GET and HEAD) from a browser carries the preview's own
 *   `Origin` (a request without one comes from a script or a command, not a web page), and a JSON
 *   body: a cross-site form or a "simple" fetch can send only text/plain or form bodies, and a
 *   JSON one needs a preflight the preview never grants;
 * - the page that switches the user, language and theme is not followed from another site;
 * - the one HTML form (the edit screen, as Jira's) is accepted only with the preview's own Origin.
 */
export function refusal(req: { method?: string | undefined; url?: string | undefined; headers: http.IncomingHttpHeaders }, port: number): { status: number; message: string } | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.includes(host))
    return { status: 403, message: `The preview answers only requests addressed to http://127.0.0.1:${port} or http://localhost:${port}; this one named the host "${req.headers.host ?? ''}" and was refused.` };
  const method = (req.method ?? 'GET').toUpperCase();
  const site = req.headers['sec-fetch-site'];
  if (method === 'GET' || method === 'HEAD') {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/__preview/prefs' && (site === 'cross-site' || site === 'same-site'))
      return { status: 403, message: 'The preview settings can be changed only from the preview itself; a link from another site was refused.' };
    return null;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin.toLowerCase() === `http://${h}`))
    return { status: 403, message: `The preview accepts changes only from its own pages (http://127.0.0.1:${port}); a request from "${origin}" was refused.` };
  if (origin === undefined && site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, message: `The preview accepts changes only from its own pages (http://127.0.0.1:${port}); a ${site} request was refused.` };
  // The edit screen (as Jira's) posts an HTML form: accepted only from the preview's own page, by its Origin.
  const path = (req.url ?? '/').split('?')[0];
  if (path === EDIT_SCREEN && origin !== undefined && (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded') return null;
  if (!isJsonContentType(req.headers['content-type']))
    return { status: 415, message: `The preview accepts only JSON bodies (Content-Type: application/json); "${req.headers['content-type'] ?? 'none'}" was refused.` };
  return null;
}

function readText(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function readBody(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {});
      } catch (e) {
        reject(e);
      }
    });
    req.on('error', reject);
  });
}

/**
 * `backlog-convergence:1:view` → the module, the gadget and the entry point; a modal the frame
 * opened is `backlog-convergence:1:modal:<n>` (it runs as its opener's module).
 */
function parseFrame(id: string): { moduleKey: string; gadgetId: string; entryPoint: 'view' | 'edit' | 'modal' } | null {
  const [moduleKey, gadgetId, entry, n, ...rest] = id.split(':');
  if (!moduleKey || !gadgetId || rest.length > 0) return null;
  if (!(((entry === 'view' || entry === 'edit') && n === undefined) || (entry === 'modal' && n !== undefined && /^\d+$/.test(n)))) return null;
  if (!PREVIEW_MODULES.some((m) => m.key === moduleKey)) return null;
  return { moduleKey, gadgetId, entryPoint: entry };
}

export async function startPreview(options: PreviewOptions = {}): Promise<PreviewServer> {
  const root = options.root ?? findAppRoot(__dirname);
  const stateDir = options.stateDir ?? path.join(root, '.preview-state');
  const distDir = path.join(root, 'static', 'dist');
  const store = fileStore(path.join(stateDir, 'store.json'));
  const backend = await startBackend(options.env ?? process.env, stateDir, store);
  // The demo site comes with its governance configuration (products, channels, owners) seeded once.
  if (backend.mode === 'demo' && !(await store.get(CONFIG_KEY))) {
    const parsed = parseConfig(demoConfig() as GovernanceConfigInput);
    if (parsed.ok) await store.set(CONFIG_KEY, parsed.config);
  }
  const gadgetsFile = path.join(stateDir, 'gadgets.json');
  const parsedGadgets = Gadgets.safeParse(readJson(gadgetsFile, {}));
  const gadgets: Record<string, Record<string, unknown>> = parsedGadgets.success ? parsedGadgets.data : {};
  // The shared governance store, kept in the state folder, and its sync run in this process as the
  // app (on Forge: Forge SQL, a queue consumer, a schedule and Jira's events).
  const governance = directoryGovernanceStore(path.join(stateDir, 'governance-store'));
  const configWithKey = () => configOf(store);
  const syncQueue = inProcessSync({ client: backend.jiraAsApp(), store: governance, clock: backend.now, config: configWithKey });
  const definitions = buildResolver({
    jiraForUser: backend.jiraForUser,
    jiraAsApp: backend.jiraAsApp,
    store,
    governance,
    syncQueue,
    now: backend.now,
    // Who ticked a checklist item, and when, is stamped with the wall clock, not the demo's fixed "now".
    clock: () => Date.now(),
  }).getDefinitions();
  // The schedule: boards that are due are synced again (at once, then every five minutes).
  const catchUp = async () => scheduleCatchUp(governance, syncQueue, backend.now(), (await configWithKey()).key).catch(() => []);
  void catchUp();
  const schedule = setInterval(() => void catchUp(), 5 * 60_000);
  schedule.unref();

  let origin = '';
  let port = 0;
  const prefsOf = (req: http.IncomingMessage): Prefs => {
    const c = cookies(req);
    const user = backend.users.some((u) => u.accountId === c['preview-user']) ? (c['preview-user'] as string) : backend.defaultUser;
    const license: PreviewLicense = c['preview-license'] === 'inactive' || c['preview-license'] === 'none' ? c['preview-license'] : 'active';
    return { user, locale: c['preview-locale'] === 'ru-RU' ? 'ru-RU' : 'en-US', theme: c['preview-theme'] === 'dark' ? 'dark' : 'light', license };
  };

  /** The license Forge would put in a resolver's invocation: none for a free or development install. */
  const licenseOf = (prefs: Prefs): { isActive: boolean } | null => (prefs.license === 'none' ? null : { isActive: prefs.license !== 'inactive' });

  /** What Forge tells a gadget about where it runs (the UI's `getContext`, the resolvers' `context`). */
  const frameContext = (prefs: Prefs, frame: NonNullable<ReturnType<typeof parseFrame>>) => ({
    accountId: prefs.user,
    cloudId: 'preview',
    siteUrl: backend.browseBase ?? origin,
    locale: prefs.locale,
    timezone: 'Europe/Moscow',
    theme: { colorMode: prefs.theme },
    moduleKey: frame.moduleKey,
    localId: `${frame.moduleKey}-${frame.gadgetId}`,
    environmentType: 'DEVELOPMENT',
    // What the UI's getContext carries (it never decides anything: the resolvers judge the runtime's license).
    ...(licenseOf(prefs) ? { license: { active: licenseOf(prefs)?.isActive } } : {}),
    extension: issuePanelExtension(frame.moduleKey, frame.gadgetId) ?? {
      type: 'jira:dashboardGadget',
      dashboard: { id: 'preview' },
      gadget: { id: frame.gadgetId },
      gadgetConfiguration: gadgets[frame.gadgetId] ?? {},
      ...(frame.entryPoint === 'edit' ? { entryPoint: 'edit' } : {}),
    },
  });
  /** A project page is told its project (the frame's id carries the project key). */
  const modals = modalRegistry();
  const forgeContext = (prefs: Prefs, frame: NonNullable<ReturnType<typeof parseFrame>>, frameId: string) => {
    const c = { ...frameContext(prefs, frame), ...projectPageContext(frame.moduleKey, frame.gadgetId), ...adminPageContext(frame.moduleKey) };
    // A modal's page is told its opener's extension plus the context it was opened with, as `extension.modal`.
    const modal = frame.entryPoint === 'modal' ? modals.get(frameId) : undefined;
    return modal ? { ...c, extension: { ...c.extension, modal: modal.context } } : c;
  };

  function serveResource(res: http.ServerResponse, prefs: Prefs, resource: string, rest: string, frameId: string | null): void {
    const dir = path.join(distDir, resource);
    if (!/^[a-z0-9-]+$/.test(resource) || !fs.existsSync(path.join(dir, 'index.html')))
      return send(res, 404, 'text/plain', `The UI resource "${resource}" is not built. Run npm run build:ui.`);
    if (rest === '' || rest === 'index.html') {
      const frame = frameId ? parseFrame(frameId) : null;
      if (!frame || !frameId) return send(res, 400, 'text/plain', 'a resource page needs ?frame=<module>:<gadget>:<view|edit>');
      const modal = frame.entryPoint === 'modal' ? modals.get(frameId) : undefined;
      if (frame.entryPoint === 'modal' && !modal) return send(res, 404, 'text/plain', 'no such modal: it was opened before the preview restarted');
      const data = { id: frameId, resource, context: forgeContext(prefs, frame, frameId), ...(modal ? { modal: { closeOnEscape: modal.closeOnEscape } } : {}) };
      const head = `<script>window.__PREVIEW_FRAME__=${JSON.stringify(data).replace(/</g, '\\u003c')};</script><script>${BRIDGE_SHIM}</script>`;
      const html = fs.readFileSync(path.join(dir, 'index.html'), 'utf8').replace('<head>', `<head>${head}`);
      return send(res, 200, TYPES['.html'] as string, html);
    }
    const file = path.resolve(dir, rest);
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, 'text/plain', 'not found');
    send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file));
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refused = refusal(req, port);
    if (refused) {
      // The body is not read, and nothing else happens.
      res.setHeader('Connection', 'close');
      return send(res, refused.status, 'text/plain; charset=utf-8', refused.message);
    }
    const url = new URL(req.url ?? '/', origin);
    const prefs = prefsOf(req);
    const p = url.pathname;
    if (req.method === 'GET' && p === '/') return send(res, 302, 'text/plain', '', { Location: '/dashboard' });
    if (req.method === 'GET' && p === '/dashboard') {
      const edit = url.searchParams.get('edit');
      return send(res, 200, TYPES['.html'] as string, dashboardPage(prefs, backend.users, backend.siteName, edit ?? '1', edit !== null, columnsOf(url.searchParams.get('columns'))));
    }
    if (req.method === 'GET' && p === '/__preview/prefs') {
      const set = (name: string, value: string | null) => (value ? [`${name}=${encodeURIComponent(value)}; Path=/; SameSite=Lax`] : []);
      const back = url.searchParams.get('back');
      return send(res, 302, 'text/plain', '', {
        Location: back && back.startsWith('/') && !back.startsWith('//') ? back : '/dashboard',
        'Set-Cookie': [
          ...set('preview-user', url.searchParams.get('user')),
          ...set('preview-locale', url.searchParams.get('locale')),
          ...set('preview-theme', url.searchParams.get('theme')),
          ...set('preview-license', url.searchParams.get('license')),
        ],
      });
    }
    if (req.method === 'GET' && p === '/__preview/theme.css') return send(res, 200, TYPES['.css'] as string, await themeCss(url.searchParams.get('mode') === 'dark' ? 'dark' : 'light'));
    if (req.method === 'GET' && p === OVERVIEW_DASHBOARD) return send(res, 200, TYPES['.html'] as string, overviewDashboardPage(prefs, backend.users, backend.siteName, url.searchParams.get('edit')));
    if (req.method === 'GET' && p === GOVERNANCE_DASHBOARD) return send(res, 200, TYPES['.html'] as string, governanceDashboardPage(prefs, backend.users, backend.siteName, url.searchParams.get('edit')));
    const projectPage = /^\/projects\/([A-Z][A-Z0-9_]*)\/governance$/.exec(p);
    if (req.method === 'GET' && projectPage) return send(res, 200, TYPES['.html'] as string, await projectGovernancePage(prefs, backend.users, backend.siteName, backend.jiraForUser(prefs.user), projectPage[1] as string, `${p}${url.search}`));
    if (req.method === 'GET' && p === ADMIN_PAGE) return send(res, 200, TYPES['.html'] as string, adminSettingsPage(prefs, backend.users, backend.siteName));
    const person = /^\/jira\/people\/([^/]+)$/.exec(p);
    if (req.method === 'GET' && person) {
      const page = await profilePage(prefs, backend.users, backend.siteName, backend.jiraForUser(prefs.user), decodeURIComponent(person[1] as string));
      return send(res, page.status, TYPES['.html'] as string, page.html);
    }
    if (req.method === 'GET' && p === '/__preview/health') return sendJson(res, 200, { ok: true, mode: backend.mode });
    const app = /^\/app\/([^/]+)\/(.*)$/.exec(p);
    if (req.method === 'GET' && app) await ensurePanelIssue(url.searchParams.get('frame'), backend.jiraForUser(prefs.user));
    if (req.method === 'GET' && app) return serveResource(res, prefs, app[1] as string, decodeURIComponent(app[2] as string), url.searchParams.get('frame'));
    if (req.method === 'POST' && p === '/__preview/invoke') {
      const body = InvokeBody.safeParse(await readBody(req));
      const frame = body.success ? parseFrame(body.data.frame) : null;
      if (!body.success || !frame) return sendJson(res, 400, { message: 'bad invoke request' });
      await ensurePanelIssue(body.data.frame, backend.jiraForUser(prefs.user));
      try {
        const { accountId, ...context } = forgeContext(prefs, frame, body.data.frame);
        // As on Forge, the license reaches a resolver from the invocation, not from the UI's context.
        const license = licenseOf(prefs);
        const result = await definitions({ call: { functionKey: body.data.functionKey, payload: body.data.payload as never }, context }, { principal: { accountId }, ...(license ? { license } : {}) });
        return sendJson(res, 200, result);
      } catch (err) {
        // As on Forge, a resolver that throws (or does not exist) rejects the UI's invoke.
        return sendJson(res, 500, { message: err instanceof Error ? err.message : String(err) });
      }
    }
    if (req.method === 'POST' && p === '/__preview/modal') {
      const body = ModalBody.safeParse(await readBody(req));
      const frame = body.success ? parseFrame(body.data.frame) : null;
      if (!body.success || !frame || frame.entryPoint === 'modal') return sendJson(res, 400, { message: 'bad modal request' });
      if (!fs.existsSync(path.join(distDir, body.data.resource, 'index.html'))) return sendJson(res, 404, { message: `The UI resource "${body.data.resource}" is not built.` });
      const id = modals.open({ opener: body.data.frame, resource: body.data.resource, context: body.data.context ?? {}, closeOnEscape: body.data.closeOnEscape ?? true }, frame.moduleKey, frame.gadgetId);
      return sendJson(res, 200, { frame: id, url: `/app/${body.data.resource}/?frame=${encodeURIComponent(id)}` });
    }
    if (req.method === 'POST' && p === '/__preview/submit') {
      const body = SubmitBody.safeParse(await readBody(req));
      const frame = body.success ? parseFrame(body.data.frame) : null;
      if (!body.success || !frame || frame.entryPoint !== 'edit') return sendJson(res, 400, { message: 'only an edit view can submit' });
      gadgets[frame.gadgetId] = body.data.payload;
      writeJsonAtomic(gadgetsFile, gadgets);
      return sendJson(res, 200, { ok: true });
    }
    // A board's link (the Data sync tab's): Jira's own board page, or on the demo site the board's project page.
    if (req.method === 'GET' && p === '/secure/RapidBoard.jspa') {
      const id = Number(url.searchParams.get('rapidView'));
      if (!Number.isSafeInteger(id) || id <= 0) return send(res, 404, 'text/plain', 'not found');
      if (backend.browseBase) return send(res, 302, 'text/plain', '', { Location: `${backend.browseBase}/secure/RapidBoard.jspa?rapidView=${id}` });
      const board = await backend.jiraForUser(prefs.user).board(id).catch(() => null);
      const key = board?.location?.projectKey;
      if (!key) return send(res, 404, 'text/plain', 'This board does not exist, or you may not see it.');
      return send(res, 302, 'text/plain', '', { Location: `/projects/${encodeURIComponent(key)}/governance` });
    }
    // The issue view's inline edit (as the viewer); the page then tells its frames JIRA_ISSUE_CHANGED.
    if (req.method === 'POST' && p === '/__preview/edit-issue') {
      const body = InlineEditBody.safeParse(await readBody(req));
      if (!body.success) return sendJson(res, 400, { message: 'Labels have no spaces; the estimate is a number from 0 to 1000.' });
      try {
        const saved = await saveInlineEdit(backend.jiraForUser(prefs.user), { key: body.data.key, labels: body.data.labels, ...(body.data.points !== undefined ? { points: body.data.points } : {}) });
        return sendJson(res, 200, { ...saved, atlassianId: prefs.user });
      } catch (err) {
        if (err instanceof JiraError) return sendJson(res, err.status === 403 || err.status === 404 ? err.status : 400, { message: err.message });
        throw err;
      }
    }
    // Jira's edit screen, where the Hygiene panel's "Edit the …" links go.
    if (p === EDIT_SCREEN && (req.method === 'GET' || req.method === 'POST')) {
      const id = url.searchParams.get('id') ?? '';
      const client = backend.jiraForUser(prefs.user);
      const current = `${p}${url.search}`;
      if (req.method === 'POST') {
        try {
          const key = await saveEditScreen(client, id, new URLSearchParams(await readText(req)));
          return send(res, 303, 'text/plain', '', { Location: `/browse/${key}` });
        } catch (err) {
          if (!(err instanceof JiraError)) throw err;
          const page = await editScreenPage(prefs, backend.users, backend.siteName, client, id, current, err.message);
          return send(res, 400, TYPES['.html'] as string, page.html);
        }
      }
      const page = await editScreenPage(prefs, backend.users, backend.siteName, client, id, current);
      return send(res, page.status, TYPES['.html'] as string, page.html);
    }
    const browse = /^\/browse\/([A-Z][A-Z0-9_]*-\d+)$/.exec(p);
    if (req.method === 'GET' && browse) {
      const key = browse[1] as string;
      if (backend.browseBase) return send(res, 302, 'text/plain', '', { Location: `${backend.browseBase}/browse/${key}` });
      const page = await issueViewPage(prefs, backend.users, backend.siteName, backend.jiraForUser(prefs.user), key, `${p}${url.search}`);
      return send(res, page.status, TYPES['.html'] as string, page.html);
    }
    if (req.method === 'GET' && p === '/issues') {
      const jql = url.searchParams.get('jql') ?? DEFAULT_SEARCH;
      return send(res, 200, TYPES['.html'] as string, await issueSearchPage(prefs, backend.users, backend.siteName, backend.jiraForUser(prefs.user), jql, `${p}${url.search}`));
    }
    send(res, 404, 'text/plain', 'not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: err instanceof Error ? err.message : String(err) });
      else res.end();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', resolve);
    });
  } catch (err) {
    await backend.close();
    throw err;
  }
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    backend,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await backend.close();
    },
  };
}
