/**
 * Issue security levels and bulk permission checks, over HTTP: an issue under a level the user is
 * not granted is, for them, an issue that does not exist; `POST /rest/api/3/permissions/check`
 * answers as Jira documents it.
 */
import { generateHistory, generateSprint } from '../../src/domain/testing/generate';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { buildSite, INCIDENT_LEVEL, manyHistories, siteIssue, type SiteUserName } from './fixture';
import { call } from './http';

type Json = Record<string, unknown>;
const obj = (v: unknown) => v as Json;
const arr = (v: unknown) => v as Json[];

const SECURED = { key: 'PAY-50', id: '20050' };
/** Sprint 9 belongs to the WEB board; the PAY board lists it only because PAY-50 is in it. */
const SHARED_SPRINT = 9;

function securedSite() {
  const site = buildSite({
    pay: 3,
    extra: [
      siteIssue({
        key: SECURED.key,
        id: SECURED.id,
        type: 'Bug',
        fields: { summary: 'Card numbers in the log' },
        labels: ['backend'],
        sprints: [SHARED_SPRINT],
        histories: [
          ...manyHistories(3, 7000),
          generateHistory([{ at: '2026-03-10T10:00:00Z', field: 'sprint', from: '', to: String(SHARED_SPRINT) }], 7100),
        ],
        properties: { 'governance.checklist': { ready: true } },
      }),
    ],
  });
  const secured = site.issues.find((i) => i.key === SECURED.key);
  if (!secured) throw new Error('no secured issue');
  secured.fields.security = { ...INCIDENT_LEVEL };
  secured.remoteLinks = [{ id: 1, object: { url: 'https://figma.example/x', title: 'Mock-up' } }];
  // A visible issue linking to the secured one and to another: links show only what the reader sees.
  const pay1 = site.issues.find((i) => i.key === 'PAY-1');
  if (!pay1) throw new Error('no PAY-1');
  pay1.fields.issuelinks = [
    { id: '1', type: { name: 'Relates' }, outwardIssue: { id: SECURED.id, key: SECURED.key } },
    { id: '2', type: { name: 'Relates' }, outwardIssue: { id: '20002', key: 'PAY-2' } },
  ];
  pay1.histories.push(...manyHistories(2, 8000));
  site.sprints.push(generateSprint({ id: SHARED_SPRINT, originBoardId: 2, state: 'closed', name: 'WEB sprint 9' }));
  return site;
}

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator(securedSite());
});
afterAll(() => emu.close());

const searchKeys = async (user: SiteUserName, jql: string) => {
  const res = await call(emu.url, 'POST', '/rest/api/3/search/jql', { user, body: { jql, fields: ['summary'], maxResults: 100 } });
  expect(res.status).toBe(200);
  return arr(obj(res.body).issues).map((i) => i.key as string);
};
const count = async (user: SiteUserName, jql: string) => obj((await call(emu.url, 'POST', '/rest/api/3/search/approximate-count', { user, body: { jql } })).body).count;

describe('an issue under a security level the user is not granted', () => {
  it('is left out of search results and counts, whatever the query', async () => {
    expect(await searchKeys('dev', 'project = PAY')).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(await searchKeys('lead', 'project = PAY')).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-50']);
    // A Jira administrator gets no exemption from issue security.
    expect(await searchKeys('admin', 'project = PAY')).not.toContain('PAY-50');
    expect(await searchKeys('dev', 'key = PAY-50 OR id = 20050 OR summary ~ "card numbers"')).toEqual([]);
    expect(await searchKeys('lead', 'summary ~ "card numbers"')).toEqual(['PAY-50']);
    expect(await count('dev', 'project = PAY')).toBe(3);
    expect(await count('lead', 'project = PAY')).toBe(4);
    // The GET form of the search hides it too.
    const viaGet = await call(emu.url, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('labels = backend')}`, { user: 'dev' });
    expect(arr(obj(viaGet.body).issues).map((i) => i.id)).toEqual(['20001', '20003']);
  });

  it('answers 404 with Jira’s message from every issue endpoint, by key and by id', async () => {
    const paths = [
      '/rest/api/3/issue/PAY-50',
      '/rest/api/3/issue/20050',
      '/rest/api/3/issue/PAY-50/changelog',
      '/rest/api/3/issue/PAY-50/properties',
      '/rest/api/3/issue/PAY-50/properties/governance.checklist',
      '/rest/api/3/issue/PAY-50/remotelink',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueKey=PAY-50',
      '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&issueId=20050',
    ];
    for (const path of paths) {
      const hidden = await call(emu.url, 'GET', path, { user: 'dev' });
      expect([path, hidden.status]).toEqual([path, 404]);
      expect(obj(hidden.body).errorMessages).toEqual(['Issue does not exist or you do not have permission to see it.']);
      expect([path, (await call(emu.url, 'GET', path, { user: 'lead' })).status]).toEqual([path, 200]);
    }
    // Not even a write reveals it: 404, not the 403 of a visible issue one may not edit.
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-50/properties/x', { user: 'dev', body: 1 })).status).toBe(404);
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-50/properties/x', { user: 'viewer', body: 1 })).status).toBe(404);
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-1/properties/x', { user: 'viewer', body: 1 })).status).toBe(403);
  });

  it('is left out of bulk changelogs', async () => {
    const fetch = async (user: SiteUserName) => {
      const res = await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { user, body: { issueIdsOrKeys: ['PAY-50', '20050', 'PAY-1'] } });
      expect(res.status).toBe(200);
      return arr(obj(res.body).issueChangeLogs).map((l) => [l.issueId, arr(l.changeHistories).length]);
    };
    expect(await fetch('dev')).toEqual([['20001', 3]]);
    expect(await fetch('lead')).toEqual([
      ['20001', 3],
      ['20050', 4],
    ]);
    const onlyHidden = await call(emu.url, 'POST', '/rest/api/3/changelog/bulkfetch', { user: 'dev', body: { issueIdsOrKeys: ['PAY-50'] } });
    expect(onlyHidden.body).toEqual({ issueChangeLogs: [], nextPageToken: null });
  });

  it('is left out of another issue’s links and of the sprints a board lists because of its issues', async () => {
    const links = async (user: SiteUserName) =>
      arr(obj(obj((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-1?fields=issuelinks', { user })).body).fields).issuelinks).map((l) => obj(l.outwardIssue).key);
    expect(await links('dev')).toEqual(['PAY-2']);
    expect(await links('lead')).toEqual(['PAY-50', 'PAY-2']);
    const sprints = async (user: SiteUserName) => arr(obj((await call(emu.url, 'GET', '/rest/agile/1.0/board/1/sprint', { user })).body).values).map((s) => s.id);
    expect(await sprints('dev')).toEqual([1, 2, 3]);
    expect(await sprints('lead')).toEqual([1, 2, 3, SHARED_SPRINT]);
  });

  it('serves `security` as a normal field to whoever sees the issue, and JQL `level` reads it', async () => {
    const res = await call(emu.url, 'POST', '/rest/api/3/search/jql', { user: 'lead', body: { jql: 'key in (PAY-1, PAY-50)', fields: ['security'] } });
    const byKey = Object.fromEntries(arr(obj(res.body).issues).map((i) => [i.key, obj(i.fields).security]));
    expect(byKey).toEqual({
      'PAY-1': null,
      'PAY-50': { self: `${emu.url}/rest/api/3/securitylevel/10100`, id: '10100', name: 'Incident', description: 'Security incidents only' },
    });
    expect(await searchKeys('lead', 'level = Incident')).toEqual(['PAY-50']);
    expect(await searchKeys('lead', 'level is EMPTY AND project = PAY')).toEqual(['PAY-1', 'PAY-2', 'PAY-3']);
    expect(await searchKeys('dev', 'level = 10100')).toEqual([]);
    expect((await call(emu.url, 'POST', '/rest/api/3/search/jql', { user: 'lead', body: { jql: 'level = Nope' } })).status).toBe(400);
  });

  it('is seen by the app, whatever grants its account lists', async () => {
    expect(await searchKeys('app', 'project in (PAY, WEB)')).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-50', 'WEB-1', 'WEB-2']);
    expect((await call(emu.url, 'GET', '/rest/api/3/issue/PAY-50/changelog', { user: 'app' })).status).toBe(200);
    expect((await call(emu.url, 'PUT', '/rest/api/3/issue/PAY-50/properties/by-app', { user: 'app', body: 1 })).status).toBe(201);
    expect(obj((await call(emu.url, 'GET', '/rest/api/3/myself', { user: 'app' })).body).accountType).toBe('app');
  });
});

describe('POST /rest/api/3/permissions/check', () => {
  const check = (user: SiteUserName, body: unknown) => call(emu.url, 'POST', '/rest/api/3/permissions/check', { user, body });
  /** PAY and WEB, a project that does not exist; a PAY issue, the secured one, a WEB issue, one that does not exist. */
  const ASK = { permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projects: [10000, 10001, 99999], issues: [20001, 20050, 30001, 123456] };

  it('answers for the caller without accountId: projects by grant, issues also by security level', async () => {
    const dev = await check('dev', { globalPermissions: ['ADMINISTER'], projectPermissions: [ASK] });
    expect(dev.status).toBe(200);
    expect(dev.body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [20001] },
        { permission: 'EDIT_ISSUES', projects: [10000], issues: [20001] },
      ],
    });
    expect((await check('lead', { projectPermissions: [ASK] })).body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [20001, 20050] },
        { permission: 'EDIT_ISSUES', projects: [10000], issues: [20001, 20050] },
      ],
    });
    // The viewer browses PAY and WEB but edits nothing; the administrator lacks the level.
    expect((await check('viewer', { projectPermissions: [ASK] })).body).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [20001, 30001] },
        { permission: 'EDIT_ISSUES', projects: [], issues: [] },
      ],
    });
    expect((await check('admin', { globalPermissions: ['ADMINISTER'], projectPermissions: [ASK] })).body).toEqual({
      globalPermissions: ['ADMINISTER'],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [20001, 30001] },
        { permission: 'EDIT_ISSUES', projects: [10000, 10001], issues: [20001, 30001] },
      ],
    });
  });

  it('answers for another user to an administrator or the app only (403 otherwise, 400 for an unknown account)', async () => {
    const asDev = { globalPermissions: ['ADMINISTER'], projectPermissions: [ASK] };
    const devOwn = (await check('dev', asDev)).body;
    expect((await check('admin', { ...asDev, accountId: 'u-dev' })).body).toEqual(devOwn);
    expect((await check('app', { ...asDev, accountId: 'u-dev' })).body).toEqual(devOwn);
    expect((await check('admin', { ...asDev, accountId: 'u-lead' })).body).toEqual((await check('lead', asDev)).body);
    const refused = await check('dev', { ...asDev, accountId: 'u-lead' });
    expect(refused.status).toBe(403);
    expect(obj(refused.body).errorMessages).toEqual([expect.stringContaining('Administer Jira')]);
    expect((await check('lead', { ...asDev, accountId: 'u-admin' })).status).toBe(403);
    // Naming oneself is no other user.
    expect((await check('dev', { ...asDev, accountId: 'u-dev' })).body).toEqual(devOwn);
    const unknown = await check('admin', { ...asDev, accountId: 'nobody' });
    expect(unknown.status).toBe(400);
    expect(obj(unknown.body).errors).toEqual({ accountId: expect.stringContaining('nobody') });
  });

  it('merges entries per permission and ignores nulls, empty keys and invalid ids', async () => {
    const res = await check('lead', {
      globalPermissions: [null, ''],
      projectPermissions: [
        { permissions: ['BROWSE_PROJECTS', ''], projects: [10000, null], issues: [20050] },
        null,
        { permissions: ['BROWSE_PROJECTS'], issues: [20001, 20050, 999] },
      ],
    });
    expect(res.body).toEqual({ globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [20050, 20001] }] });
  });

  it('refuses unknown permissions, a permission of the wrong kind, an entry without one, and ids that are not numbers', async () => {
    const bad = [
      { projectPermissions: [{ permissions: ['NOT_A_PERMISSION'], projects: [10000] }] },
      { projectPermissions: [{ permissions: ['ADMINISTER'], projects: [10000] }] },
      { globalPermissions: ['EDIT_ISSUES'] },
      { projectPermissions: [{ permissions: [''], projects: [10000] }] },
      { projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], projects: ['PAY'] }] },
    ];
    for (const body of bad) {
      const res = await check('admin', body);
      expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
      expect(Object.keys(obj(res.body)).sort()).toEqual(['errorMessages', 'errors']);
    }
  });
});

describe('the 1,000-id ceiling of a permission check', () => {
  let big: Emulator;
  beforeAll(async () => {
    big = await startEmulator(buildSite({ pay: 1001, web: 0 }));
  });
  afterAll(() => big.close());

  const ids = (n: number, from = 20001) => Array.from({ length: n }, (_, i) => from + i);
  const check = (body: unknown) => call(big.url, 'POST', '/rest/api/3/permissions/check', { user: 'dev', body });

  it('answers 1,000 valid issue ids, with any number of invalid ones besides', async () => {
    const res = await check({ projectPermissions: [{ permissions: ['BROWSE_PROJECTS'], issues: [...ids(1000), ...ids(500, 900_000)] }] });
    expect(res.status).toBe(200);
    expect(arr(obj(res.body).projectPermissions)[0]?.issues).toEqual(ids(1000));
  });

  it('refuses 1,001 valid issue ids, in one entry or across entries, with Jira’s error body', async () => {
    for (const projectPermissions of [
      [{ permissions: ['BROWSE_PROJECTS'], issues: ids(1001) }],
      [
        { permissions: ['BROWSE_PROJECTS'], issues: ids(600) },
        { permissions: ['EDIT_ISSUES'], issues: ids(401, 20601) },
      ],
    ]) {
      const res = await check({ projectPermissions });
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errorMessages: ['A maximum of 1000 projects and 1000 issues can be checked.'], errors: {} });
    }
  });
});
