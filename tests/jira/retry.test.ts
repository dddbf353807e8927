/**
 * One retry policy for every request: 429 and 503 (and network failures) are retried with
 * exponential backoff and full jitter, never sooner than Retry-After; everything else fails at once.
 */
import { createJiraClient } from '../../src/jira/client';
import { fetchTransport } from '../../src/jira/fetch-transport';
import { backoffMs, retryAfterMs } from '../../src/jira/retry';
import { buildSite, USERS } from '../emulator/fixture';
import { harness, rejection, type Harness } from './harness';

const FIELD = 'GET /rest/api/3/field';

describe('retry policy', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(buildSite(), {}, { baseDelayMs: 100, maxDelayMs: 1000 });
  });
  afterEach(() => {
    h.emu.faults.clear();
    h.waits.length = 0;
  });
  afterAll(() => h.close());

  it('rides out a 429 storm, waiting at least Retry-After each time', async () => {
    h.emu.faults.next(4, { status: 429, retryAfterSeconds: 3, path: '/rest/api/3/field' });
    const client = h.clientFor('admin');
    const fields = await client.fields();
    expect(fields.map((f) => f.id)).toContain('summary');
    expect(h.waits).toHaveLength(4);
    expect(h.waits.every((ms) => ms >= 3000)).toBe(true);
    expect(client.stats()).toMatchObject({ requests: 5, retries: 4 });
  });

  it('reads Retry-After as an HTTP date', async () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    h.emu.faults.next(1, { status: 429, retryAfter: new Date(now + 8000).toUTCString(), path: '/rest/api/3/field' });
    await h.clientFor('admin', { now: () => now }).fields();
    expect(h.waits).toHaveLength(1);
    expect(h.waits[0]).toBeGreaterThanOrEqual(8000);
  });

  it('backs off exponentially on 503 without Retry-After (full jitter, capped)', async () => {
    h.emu.faults.next(5, { status: 503, path: '/rest/api/3/field' });
    await h.client.fields();
    // random() = 0.5: half of 100, 200, 400, 800, then the 1000 cap.
    expect(h.waits).toEqual([50, 100, 200, 400, 500]);
  });

  it('gives up after maxRetries with a JiraError naming the endpoint and the status', async () => {
    h.emu.faults.next(100, { status: 503, path: '/rest/api/3/field' });
    const from = h.emu.requests.length;
    const error = await rejection(h.clientFor('admin', { maxRetries: 2 }).fields());
    expect(error).toMatchObject({ endpoint: FIELD, status: 503 });
    expect(error.message).toMatch(/^GET \/rest\/api\/3\/field answered 503 after 3 attempt\(s\)/);
    expect(h.calls(FIELD, from)).toHaveLength(3);
  });

  it('gives up at once when Jira asks to wait longer than maxWaitMs', async () => {
    h.emu.faults.next(1, { status: 429, retryAfterSeconds: 600, path: '/rest/api/3/field' });
    const error = await rejection(h.clientFor('admin', { maxWaitMs: 20_000 }).fields());
    expect(error.status).toBe(429);
    expect(error.message).toMatch(/asked to wait 600 s/);
    expect(h.waits).toEqual([]);
  });

  it('fails at once on other 4xx, with Jira’s own message', async () => {
    const from = h.emu.requests.length;
    const error = await rejection(h.client.board(99));
    expect(error).toMatchObject({ endpoint: 'GET /rest/agile/1.0/board/{id}', status: 404 });
    expect(error.message).toContain('Board does not exist or you do not have permission to see it.');
    const bad = await rejection(h.client.search('project = PAY AND', { fields: [] }));
    expect(bad).toMatchObject({ endpoint: 'POST /rest/api/3/search/jql', status: 400 });
    expect(bad.message).toContain('before the end of the query');
    expect(h.emu.requests.length - from).toBe(2);
    expect(h.waits).toEqual([]);
  });

  it('does not retry a 500', async () => {
    h.emu.faults.next(1, { status: 500, path: '/rest/api/3/field' });
    expect((await rejection(h.client.fields())).status).toBe(500);
  });

  it('retries a dropped connection, then succeeds', async () => {
    h.emu.faults.drop(2, '/rest/api/3/myself');
    const me = await h.client.myself();
    expect(me.accountId).toBe('u-admin');
    expect(h.waits).toHaveLength(2);
  });

  it('names a network failure after the last try (status null)', async () => {
    // A connection closed without an answer is worth another try; a refused one is not (hostile.test.ts).
    h.emu.faults.drop(100, '/rest/api/3/myself');
    const error = await rejection(h.clientFor('admin', { maxRetries: 1 }).myself());
    expect(error).toMatchObject({ endpoint: 'GET /rest/api/3/myself', status: null });
    expect(error.message).toMatch(/failed after 2 attempt\(s\): connection closed/);
    expect(h.waits).toHaveLength(1);
  });

  it('treats a timeout as a network failure', async () => {
    h.emu.faults.slow(300);
    const transport = fetchTransport({ baseUrl: h.emu.url, email: USERS.admin.emailAddress, apiToken: USERS.admin.apiToken, timeoutMs: 50 });
    const error = await rejection(createJiraClient(transport, { maxRetries: 1, sleep: async () => undefined }).myself());
    expect(error.status).toBeNull();
    expect(error.message).toMatch(/timed out/);
  });
});

describe('retry arithmetic', () => {
  it('reads Retry-After seconds, dates, and nonsense', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(retryAfterMs('5', now)).toBe(5000);
    expect(retryAfterMs('0.5', now)).toBe(500);
    expect(retryAfterMs('Mon, 02 Mar 2026 09:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Mon, 02 Mar 2026 08:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(0);
  });

  it('never waits less than asked, nor more than asked plus the cap', () => {
    for (const r of [0, 0.3, 0.999]) {
      for (let attempt = 0; attempt < 12; attempt++) {
        const ms = backoffMs(attempt, 2000, { baseDelayMs: 500, maxDelayMs: 30_000, random: () => r });
        expect(ms).toBeGreaterThanOrEqual(2000);
        expect(ms).toBeLessThanOrEqual(32_000);
      }
    }
  });
});
