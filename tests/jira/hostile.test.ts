/**
 * The client against servers that do not behave: bodies without end or with an absurd
 * Content-Length, cursors without end, connections refused, hosts that do not exist, TLS that does
 * not check out, answers that never come. Each ends quickly in a JiraError naming the endpoint.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import https from 'node:https';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createJiraClient, type JiraClientOptions } from '../../src/jira/client';
import { DEFAULT_MAX_RESPONSE_BYTES, fetchTransport } from '../../src/jira/fetch-transport';
import { MAX_PAGES } from '../../src/jira/pager';
import { endlessBody, hostileServer, json, refusedPort, type HostileServer } from './hostile-server';
import { rejection } from './harness';

const MiB = 1024 * 1024;

function issue(n: number) {
  return {
    id: String(n),
    key: `A-${n}`,
    fields: {
      issuetype: { id: '1', name: 'Story', subtask: false },
      status: { id: '1', name: 'To Do', statusCategory: { key: 'new' } },
      project: { id: '1', key: 'A' },
      created: '2026-01-01T00:00:00.000+0000',
    },
  };
}

describe('hostile servers', () => {
  let server: HostileServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  /** A client that records its backoffs instead of sleeping them. */
  function client(url: string, options: JiraClientOptions = {}, transport: { maxResponseBytes?: number; timeoutMs?: number } = {}) {
    const waits: number[] = [];
    const c = createJiraClient(fetchTransport({ baseUrl: url, email: 'a@example.com', apiToken: 't', ...transport }), {
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
      ...options,
    });
    return { client: c, waits };
  }

  describe('response size cap', () => {
    it('stops reading a body without end at the cap, names the endpoint and the cap, and does not retry', async () => {
      server = await hostileServer((_req, res) => endlessBody(res));
      const { client: c, waits } = client(server.url, {}, { maxResponseBytes: 1 * MiB });
      const started = Date.now();
      const error = await rejection(c.fields());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error.endpoint).toBe('GET /rest/api/3/field');
      expect(error.message).toContain('GET /rest/api/3/field');
      expect(error.message).toContain('1 MiB');
      expect(server.requests).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('refuses a Content-Length above the cap before reading the body', async () => {
      // Declares 400 MB and sends nothing: reading would wait for ever (until the timeout).
      server = await hostileServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(400 * 1000 * 1000) });
        res.write('{');
      });
      const { client: c, waits } = client(server.url, {}, { timeoutMs: 20_000 });
      const started = Date.now();
      const error = await rejection(c.statuses());
      expect(Date.now() - started).toBeLessThan(5000);
      expect(error.endpoint).toBe('GET /rest/api/3/status');
      expect(error.message).toContain(`${DEFAULT_MAX_RESPONSE_BYTES / MiB} MiB`);
      expect(error.message).toContain('400000000');
      expect(server.requests).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('has a default cap of 64 MiB, and reads an answer under the cap whole, multi-byte characters split across chunks included', async () => {
      expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(64 * MiB);
      const fields = Array.from({ length: 2000 }, (_, i) => ({ id: `customfield_${i}`, name: `Поле ${i} — ✔`, custom: true }));
      const bytes = Buffer.from(JSON.stringify(fields), 'utf8');
      server = await hostileServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        // Odd-sized chunks cut through the Cyrillic and symbol characters.
        for (let i = 0; i < bytes.length; i += 4093) res.write(bytes.subarray(i, i + 4093));
        res.end();
      });
      const got = await client(server.url, {}, { maxResponseBytes: bytes.length }).client.fields();
      expect(got.map((f) => f.name)).toEqual(fields.map((f) => f.name));
      const over = await rejection(client(server.url, {}, { maxResponseBytes: bytes.length - 1 }).client.fields());
      expect(over.message).toMatch(/cap/);
    });
  });

  describe('page cap', () => {
    it(`stops a search whose cursors never end (MAX_PAGES = ${MAX_PAGES}) with an error naming the endpoint`, async () => {
      expect(MAX_PAGES).toBe(10_000);
      let n = 0;
      server = await hostileServer((_req, res) => json(res, 200, { issues: [issue(++n)], nextPageToken: `invented-${n}`, isLast: false }));
      const error = await rejection(client(server.url, { maxPages: 25 }).client.search('project = A', { fields: [] }));
      expect(error.endpoint).toBe('POST /rest/api/3/search/jql');
      expect(error.message).toMatch(/more than 25 pages/);
      expect(server.requests).toHaveLength(25);
    });

    it('stops an agile list whose pages never end', async () => {
      let n = 0;
      server = await hostileServer((_req, res) =>
        json(res, 200, { values: [{ id: ++n, name: `S${n}`, state: 'closed' }], isLast: false, startAt: 0, maxResults: 50 }),
      );
      const error = await rejection(client(server.url, { maxPages: 30 }).client.sprints(1));
      expect(error.endpoint).toBe('GET /rest/agile/1.0/board/{id}/sprint');
      expect(error.message).toMatch(/more than 30 pages/);
      expect(server.requests).toHaveLength(30);
    });

    it('stops bulk changelogs whose tokens never end', async () => {
      let n = 0;
      server = await hostileServer((_req, res) => json(res, 200, { issueChangeLogs: [], nextPageToken: `t${++n}` }));
      const error = await rejection(client(server.url, { maxPages: 12 }).client.changelogs([{ id: '1', key: 'A-1' }], ['status']));
      expect(error.endpoint).toBe('POST /rest/api/3/changelog/bulkfetch');
      expect(error.message).toMatch(/more than 12 pages/);
    });

    it('ends a search at a page with no issues, whatever token it carries', async () => {
      let n = 0;
      server = await hostileServer((_req, res) => {
        n++;
        json(res, 200, n <= 2 ? { issues: [issue(n)], nextPageToken: `t${n}` } : { issues: [], nextPageToken: `t${n}`, isLast: false });
      });
      const found = await client(server.url, { maxPages: 50 }).client.search('project = A', { fields: [] });
      expect(found.map((i) => i.key)).toEqual(['A-1', 'A-2']);
      expect(server.requests).toHaveLength(3);
    });
  });

  describe('connections that cannot be made', () => {
    it('fails at once on a refused connection, naming the cause, without retries', async () => {
      const port = await refusedPort();
      const { client: c, waits } = client(`http://127.0.0.1:${port}`);
      const started = Date.now();
      const error = await rejection(c.myself());
      expect(Date.now() - started).toBeLessThan(2000);
      expect(error).toMatchObject({ endpoint: 'GET /rest/api/3/myself', status: null });
      expect(error.message).toMatch(/connection refused/);
      expect(waits).toEqual([]);
      expect(c.stats().requests).toBe(1);
    });

    it('fails at once on a host that does not exist', async () => {
      // `.invalid` never resolves (RFC 2606); an offline resolver says EAI_AGAIN, also "host not found".
      const { client: c, waits } = client('https://no-such-site.invalid');
      const error = await rejection(c.myself());
      expect(error.status).toBeNull();
      expect(error.message).toMatch(/host not found/);
      expect(waits).toEqual([]);
      expect(c.stats().requests).toBe(1);
    });

    it('classifies resolver failures handed over by fetch, without retries', async () => {
      for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
        const fakeFetch = (async () => {
          throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code} x.example`), { code }) });
        }) as typeof fetch;
        const waits: number[] = [];
        const c = createJiraClient(fetchTransport({ baseUrl: 'https://x.example', fetch: fakeFetch }), { sleep: async (ms) => void waits.push(ms) });
        const error = await rejection(c.myself());
        expect(error.message).toMatch(/host not found/);
        expect(error.message).toContain(code);
        expect(waits).toEqual([]);
      }
    });

    it('fails at once on TLS trouble: https to a server that speaks plain http', async () => {
      server = await hostileServer((_req, res) => json(res, 200, {}));
      const { client: c, waits } = client(`https://${server.host}`);
      const error = await rejection(c.myself());
      expect(error.status).toBeNull();
      expect(error.message).toMatch(/TLS: /);
      expect(error.message).not.toContain('\n');
      expect(waits).toEqual([]);
    });

    const openssl = spawnSync('openssl', ['version']).status === 0;
    (openssl ? it : it.skip)('fails at once on TLS trouble: a self-signed certificate', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'gov-tls-'));
      const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'), '-subj', '/CN=localhost', '-days', '1']);
      expect(made.status).toBe(0);
      const tls = https.createServer({ key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) }, (_req, res) => res.end('{}'));
      await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
      try {
        const { client: c, waits } = client(`https://localhost:${(tls.address() as net.AddressInfo).port}`);
        const error = await rejection(c.myself());
        expect(error.message).toMatch(/TLS: self-signed certificate/);
        expect(waits).toEqual([]);
      } finally {
        tls.closeAllConnections();
        await new Promise<void>((resolve) => tls.close(() => resolve()));
      }
    });

    it('retries a timeout, but only a few times', async () => {
      server = await hostileServer(() => undefined); // never answers
      const { client: c, waits } = client(server.url, { maxRetries: 5 }, { timeoutMs: 100 });
      const error = await rejection(c.myself());
      expect(error.message).toMatch(/timed out/);
      expect(server.requests).toHaveLength(3);
      expect(waits).toHaveLength(2);
    });
  });

  describe('credentials', () => {
    it('refuses to send basic credentials over plain http, except to this machine', () => {
      expect(() => fetchTransport({ baseUrl: 'http://jira.example.com', email: 'a@example.com', apiToken: 'SECRET-TOKEN' })).toThrow(/https/);
      try {
        fetchTransport({ baseUrl: 'http://jira.example.com', email: 'a@example.com', apiToken: 'SECRET-TOKEN' });
      } catch (e) {
        expect(String(e)).not.toContain('SECRET-TOKEN');
      }
      for (const local of ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'])
        expect(() => fetchTransport({ baseUrl: local, email: 'a@example.com', apiToken: 't' })).not.toThrow();
      expect(() => fetchTransport({ baseUrl: 'http://jira.example.com' })).not.toThrow();
    });
  });
});
