/**
 * The emulator speaks Jira Cloud's REST API: what a Jira client sees over HTTP — auth, paging,
 * permissions, error bodies, and the removed endpoints.
 */
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { buildSite, manyHistories, siteIssue } from './fixture';
import { call } from './http';
import { generateHistory } from '../../src/domain/testing/generate';

type Json = Record<string, unknown>;
const obj = (v: unknown) => v as Json;
const arr = (v: unknown) => v as Json[];

let emu: Emulator;
let site: ReturnType<typeof buildSite>;
const written: [string, string, unknown][] = [];

beforeAll(async () => {
  site = buildSite({
    pay: 7,
    extra: [
      siteIssue({ key: 'PAY-100', id: '20100', histories: manyHistories(45, 5000), labels: ['long'] }),
      siteIssue({
        key: 'PAY-101',
        id: '20101',
        histories: [generateHistory([{ at: '2026-03-03T10:00:00Z', field: 'sprint', from: '', to: '1', omitFieldId: true }], 9000)],
      }),
    ],
  });
  emu = await startEmulator(site, { searchPageMax: 3, onPropertyWrite: (k, p, v) => written.push([k, p, v]) });
});
afterAll(() => emu.close());

describe('authentication', () => {
  it('answers 401 in Jira’s error shape without credentials or with a wrong token', async () => {
    const none = await call(emu.url, 'GET', '/rest/api/3/myself', { user: null });
    expect(none.status).toBe(401);
    expect(obj(none.body).errorMessages).toEqual(expect.arrayContaining([expect.stringMatching(/authenticated/)]));
    const wrong = await call(emu.url, 'GET', '/rest/api/3/myself', { user: null, headers: { Authorization: `Basic ${Buffer.from('ada@example.com:nope').toString('base64')}` } });
    expect(wrong.status).toBe(401);
  });

  it('knows the user from basic auth or from x-emulator-user, and never shows the token', async () => {
    const me = await call(emu.url, 'GET', '/rest/api/3/myself', { user: 'dev' });
    expect(obj(me.body)).toMatchObject({ accountId: 'u-dev', displayName: 'Dev Payments' });
    expect(JSON.stringify(me.body)).not.toContain('tok-dev');
    const asUser = await call(emu.url, 'GET', '/rest/api/3/myself', { user: null, headers: { 'x-emulator-user': 'u-viewer' } });
    expect(obj(asUser.body).accountId).toBe('u-viewer');
  });
});

describe('enhanced search', () => {
  it('pages with an opaque nextPageToken and marks the last page, capped at searchPageMax with fields', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = PAY', fields: ['summary'], maxResults: 50, nextPageToken: token } });
      expect(res.status).toBe(200);
      const body = obj(res.body);
      const issues = arr(body.issues);
      expect(issues.length).toBeLessThanOrEqual(3);
      keys.push(...issues.map((i) => i.key as string));
      token = body.nextPageToken as string | undefined;
      expect(body.isLast).toBe(token === undefined);
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(keys).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5', 'PAY-6', 'PAY-7', 'PAY-100', 'PAY-101']);
  });

  it('returns only the fields asked for, custom fields included, and only ids by default', async () => {
    const res = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'key = PAY-2', fields: ['status', 'customfield_10016', 'customfield_99999'] } });
    const [issue] = arr(obj(res.body).issues);
    expect(Object.keys(obj(issue?.fields)).sort()).toEqual(['customfield_10016', 'status']);
    expect(obj(issue?.fields).customfield_10016).toBe(2);
    const bare = await call(emu.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('key = PAY-2')}`);
    expect(arr(obj(bare.body).issues)).toEqual([{ id: '20002' }]);
    const viaGet = await call(emu.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('key = PAY-2')}&fields=status,labels`);
    expect(Object.keys(obj(arr(obj(viaGet.body).issues)[0]?.fields)).sort()).toEqual(['labels', 'status']);
  });

  it('truncates expand=changelog to the 20 newest histories, newest first, with the full total', async () => {
    const res = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'key = PAY-100', fields: ['status'], expand: 'changelog' } });
    const changelog = obj(arr(obj(res.body).issues)[0]?.changelog);
    const histories = arr(changelog.histories);
    expect(changelog.total).toBe(45);
    expect(histories).toHaveLength(20);
    expect(histories.map((h) => h.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(5044 - i)));
  });

  it('answers a bad query with 400 and Jira’s message, and refuses unbounded queries', async () => {
    const bad = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = PAY AND (status = Done', fields: ['status'] } });
    expect(bad.status).toBe(400);
    expect(obj(bad.body).errorMessages).toEqual([expect.stringContaining("Expecting ')'")]);
    const unbounded = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'ORDER BY key' } });
    expect(unbounded.status).toBe(400);
    const payload = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 42 } });
    expect(payload.status).toBe(400);
  });

  it('refuses a page token of another query', async () => {
    const first = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = PAY', fields: ['status'] } });
    const token = obj(first.body).nextPageToken;
    const other = await call(emu.url, 'POST', '/rest/api/3/search/jql', { body: { jql: 'project = WEB', fields: ['status'], nextPageToken: token } });
    expect(other.status).toBe(400);
  });

  it('answers 410 Gone on the removed /rest/api/3/search', async () => {
    const gone = await call(emu.url, 'GET', '/rest/api/3/search?jql=project%3DPAY');
    expect(gone.status).toBe(410);
    expect(obj(gone.body).errorMessages).toEqual([expect.stringContaining('/rest/api/3/search/jql')]);
    expect((await call(emu.url, 'POST', '/rest/api/3/search', { body: { jql: 'project = PAY' } })).status).toBe(410);
  });

  it('counts approximately', async () => {
    const res = await call(emu.url, 'POST', '/rest/api/3/search/approximate-count', { body: { jql: 'project = WEB' } });
    expect(res.body).toEqual({ count: 2 });
  });
});

describe('permissions', () => {
  it('hides issues of projects the user may not browse, as if they did not exist', async () => {
    const dev = await call(emu.url, 'POST', '/rest/api/3/search/jql', { user: 'dev', body: { jql: 'labels = backend OR project = PAY', fields: ['project'], maxResults: 100 } });
    expect(arr(obj(dev.body).issues).every((i) => obj(obj(i.fields).project).key === 'PAY')).toBe(true);
    const web = await call(emu.url, 'POST', '/rest/api/3/search/jql', { user: 'dev', body: { jql: 'project = WEB' } });
    expect(web.status).toBe(400);
    expect(obj(web.body).errorMessages).toEqual(["The value 'WEB' does not exist for the field 'project'."]);
    const get = await call(emu.url, 'GET', '/rest/api/3/issue/WEB-1', { user: 'dev' });
    expect(get.status).toBe(404);
    expect((await call(emu.url, 'GET', '/rest/api/3/issue/WEB-1/changelog', { user: 'dev' })).status).toBe(404);
    const bulk = await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { user: 'dev', body: { issueIdsOrKeys: ['WEB-1', 'PAY-1'] } });
    expect(arr(obj(bulk.body).issueChangeLogs).map((l) => l.issueId)).toEqual(['20001']);
  });

  it('answers mypermissions per user and scope', async () => {
    const path = '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER&projectKey=WEB';
    const perms = (body: unknown) => Object.fromEntries(Object.entries(obj(obj(body).permissions)).map(([k, v]) => [k, obj(v).havePermission]));
    expect(perms((await call(emu.url, 'GET', path, { user: 'viewer' })).body)).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, ADMINISTER: false });
    expect(perms((await call(emu.url, 'GET', path, { user: 'admin' })).body)).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, ADMINISTER: true });
    expect((await call(emu.url, 'GET', path, { user: 'dev' })).status).toBe(404);
    expect((await call(emu.url, 'GET', '/rest/api/3/mypermissions', { user: 'dev' })).status).toBe(400);
  });

  it('checks permissions in bulk, for another user only as an administrator', async () => {
    const body = { accountId: 'u-viewer', globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], projects: [10000, 10001], issues: [20001] }] };
    const res = await call(emu.url, 'POST', '/rest/api/3/permissions/check', { body });
    expect(res.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'EDIT_ISSUES', projects: [], issues: [] },
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [20001] },
      ],
    });
    expect((await call(emu.url, 'POST', '/rest/api/3/permissions/check', { user: 'dev', body })).status).toBe(403);
  });

  it('hides a board of a project the user may not browse, with the board 404', async () => {
    const res = await call(emu.url, 'GET', '/rest/agile/1.0/board/2', { user: 'dev' });
    expect(res.status).toBe(404);
    expect(obj(res.body).errorMessages).toEqual(['Board does not exist or you do not have permission to see it.']);
    const list = await call(emu.url, 'GET', '/rest/agile/1.0/board', { user: 'dev' });
    expect(arr(obj(list.body).values).map((b) => b.id)).toEqual([1, 3]);
  });
});

describe('changelogs', () => {
  it('bulk-fetches oldest first, filtered by field, paged with a token that is null at the end', async () => {
    const all: string[] = [];
    let token: string | null = null;
    do {
      const res = await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['PAY-100', 'PAY-1', 'PAY-2'], fieldIds: ['status'], maxResults: 10, nextPageToken: token ?? undefined } });
      const body = obj(res.body);
      for (const log of arr(body.issueChangeLogs)) for (const h of arr(log.changeHistories)) all.push(`${log.issueId as string}:${h.id as string}`);
      token = body.nextPageToken as string | null;
    } while (token);
    // PAY-1 and PAY-2 changed only the sprint: filtered out. PAY-100's 45 status changes, in order.
    expect(all).toEqual(Array.from({ length: 45 }, (_, i) => `20100:${5000 + i}`));
  });

  it('matches custom-field items without fieldId by the field name', async () => {
    const res = await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['PAY-101'], fieldIds: ['customfield_10020'] } });
    const [log] = arr(obj(res.body).issueChangeLogs);
    expect(arr(log?.changeHistories).map((h) => arr(h.items)[0]?.field)).toEqual(['Sprint']);
  });

  it('refuses more than 1000 issues or 10 fields', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => String(i));
    expect((await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ids } })).status).toBe(400);
    const fields = Array.from({ length: 11 }, (_, i) => `f${i}`);
    expect((await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { body: { issueIdsOrKeys: ['PAY-1'], fieldIds: fields } })).status).toBe(400);
  });

  it('pages one issue’s changelog by startAt with total and isLast', async () => {
    const res = await call(emu.url, 'GET', '/rest/api/3/issue/PAY-100/changelog?startAt=40&maxResults=10');
    const body = obj(res.body);
    expect(body).toMatchObject({ startAt: 40, total: 45, isLast: true });
    expect(arr(body.values)).toHaveLength(5);
  });
});

describe('issues and properties', () => {
  it('gets an issue by key or id with every field by default', async () => {
    const byKey = obj((await call(emu.url, 'GET', '/rest/api/3/issue/pay-3')).body);
    expect(byKey.key).toBe('PAY-3');
    expect(obj(byKey.fields).summary).toBe('Issue PAY-3');
    const byId = obj((await call(emu.url, 'GET', '/rest/api/3/issue/20003?fields=status')).body);
    expect(Object.keys(obj(byId.fields))).toEqual(['status']);
  });

  it('writes, lists, reads and deletes properties, reporting each write to the hook', async () => {
    const value = { ready: true, items: ['a'] };
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-1/properties/dor', { body: value })).status).toBe(201);
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-1/properties/dor', { body: { ...value, ready: false } })).status).toBe(200);
    expect(obj((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-1/properties/dor')).body).value).toEqual({ ...value, ready: false });
    const list = obj((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-1/properties')).body);
    expect(arr(list.keys).map((k) => k.key)).toEqual(['dor']);
    expect((await call(emu.url, 'DELETE', '/rest/api/3/issue/PAY-1/properties/dor')).status).toBe(204);
    expect((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-1/properties/dor')).status).toBe(404);
    expect(written).toEqual([
      ['PAY-1', 'dor', value],
      ['PAY-1', 'dor', { ...value, ready: false }],
      ['PAY-1', 'dor', undefined],
    ]);
    // The caller's site is never written to: the hook is how a writer learns of changes.
    expect(site.issues.find((i) => i.key === 'PAY-1')?.properties).toEqual({});
  });

  it('refuses a property write without edit permission (403), and a too long value (400)', async () => {
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-1/properties/x', { user: 'viewer', body: 1 })).status).toBe(403);
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-1/properties/x', { body: 'x'.repeat(40_000) })).status).toBe(400);
  });

  it('escapes nothing itself: a key with a slash arrives encoded and is found', async () => {
    const res = await call(emu.url, 'PUT', `/rest/api/3/issue/PAY-1/properties/${encodeURIComponent('a/b c')}`, { body: 1 });
    expect(res.status).toBe(201);
    expect(obj((await call(emu.url, 'GET', `/rest/api/3/issue/PAY-1/properties/${encodeURIComponent('a/b c')}`)).body).key).toBe('a/b c');
  });
});

describe('agile and site metadata', () => {
  it('serves boards, configuration, sprints by state, and 404 for an unknown board', async () => {
    expect(obj((await call(emu.url, 'GET', '/rest/agile/1.0/board/1/configuration')).body).filter).toEqual({ id: '10000' });
    const sprints = obj((await call(emu.url, 'GET', '/rest/agile/1.0/board/1/sprint?state=active,closed')).body);
    expect(arr(sprints.values).map((s) => s.id)).toEqual([1, 2]);
    expect(sprints.isLast).toBe(true);
    expect((await call(emu.url, 'GET', '/rest/agile/1.0/board/99')).status).toBe(404);
    expect((await call(emu.url, 'GET', '/rest/agile/1.0/board/3/sprint')).status).toBe(400);
    expect((await call(emu.url, 'GET', '/rest/agile/1.0/board/1/sprint?state=done')).status).toBe(400);
  });

  it('serves fields, statuses, filters, projects, components, users and remote links', async () => {
    expect(arr((await call(emu.url, 'GET', '/rest/api/3/field')).body).map((f) => f.id)).toContain('customfield_10020');
    expect(arr((await call(emu.url, 'GET', '/rest/api/3/status')).body).length).toBeGreaterThan(3);
    expect(obj((await call(emu.url, 'GET', '/rest/api/3/filter/10001')).body).jql).toBe('project = WEB ORDER BY Rank ASC');
    expect((await call(emu.url, 'GET', '/rest/api/3/filter/1')).status).toBe(404);
    expect(arr(obj((await call(emu.url, 'GET', '/rest/api/3/project/search', { user: 'dev' })).body).values).map((p) => p.key)).toEqual(['PAY']);
    expect(arr((await call(emu.url, 'GET', '/rest/api/3/project/PAY/components')).body).map((c) => c.name)).toEqual(['API']);
    expect(arr((await call(emu.url, 'GET', '/rest/api/3/user/search?query=vic')).body).map((u) => u.accountId)).toEqual(['u-viewer']);
    expect(obj((await call(emu.url, 'GET', '/rest/api/3/user?accountId=u-dev')).body).displayName).toBe('Dev Payments');
    expect((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-1/remotelink')).body).toEqual([]);
  });

  it('answers 404 for an unknown path and 405 for a wrong method', async () => {
    expect((await call(emu.url, 'GET', '/rest/api/3/nothing')).status).toBe(404);
    expect((await call(emu.url, 'DELETE', '/rest/api/3/field')).status).toBe(405);
  });
});

describe('faults and the request log', () => {
  it('answers injected 429s with Retry-After, then recovers; logs every request', async () => {
    emu.faults.next(2, { status: 429, retryAfterSeconds: 7, path: '/rest/api/3/field' });
    const before = emu.requests.length;
    const first = await call(emu.url, 'GET', '/rest/api/3/field');
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('7');
    expect((await call(emu.url, 'GET', '/rest/api/3/status')).status).toBe(200);
    expect((await call(emu.url, 'GET', '/rest/api/3/field')).status).toBe(429);
    expect((await call(emu.url, 'GET', '/rest/api/3/field')).status).toBe(200);
    expect(emu.requests.slice(before).map((r) => r.status)).toEqual([429, 200, 429, 200]);
    expect(emu.requests.at(-1)).toMatchObject({ endpoint: 'GET /rest/api/3/field', user: 'u-admin' });
  });

  it('mutates successful bodies under a path until cleared', async () => {
    emu.faults.malformed('/rest/api/3/myself', () => ({ broken: true }));
    expect((await call(emu.url, 'GET', '/rest/api/3/myself')).body).toEqual({ broken: true });
    emu.faults.clear();
    expect(obj((await call(emu.url, 'GET', '/rest/api/3/myself')).body).accountId).toBe('u-admin');
  });
});
