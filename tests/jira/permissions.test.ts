/**
 * The client's bulk permission check (in requests of at most 1,000 projects and 1,000 issues) and
 * what a user without an issue's security level gets from the client: no issue, a 404, no changelog.
 */
import { securityLevelOf } from '../../src/jira/schemas';
import { buildSite, INCIDENT_LEVEL, manyHistories, siteIssue } from '../emulator/fixture';
import { harness, rejection, type Harness } from './harness';

const ENDPOINT = 'POST /rest/api/3/permissions/check';
const PAY_ISSUES = 1500;
const SECURED = { key: 'PAY-5000', id: '25000' };

/** 1,500 PAY issues (ids 20001…21500), two WEB issues, and one PAY issue under a security level. */
function site() {
  const s = buildSite({
    pay: PAY_ISSUES,
    extra: [siteIssue({ key: SECURED.key, id: SECURED.id, type: 'Bug', histories: manyHistories(30, 9000) })],
  });
  const secured = s.issues.find((i) => i.key === SECURED.key);
  if (!secured) throw new Error('no secured issue');
  secured.fields.security = { ...INCIDENT_LEVEL };
  return s;
}

const payIds = Array.from({ length: PAY_ISSUES }, (_, i) => String(20001 + i));
type Body = { accountId?: string; projectPermissions: { permissions: string[]; projects?: number[]; issues?: number[] }[] };

let h: Harness;
beforeAll(async () => {
  h = await harness(site(), {}, {}, 'dev');
});
afterAll(() => h.close());

describe('bulkPermissions', () => {
  it('checks more than 1,000 issues in requests of at most 1,000, and merges the answers in the order asked', async () => {
    const from = h.emu.requests.length;
    // Reversed, with duplicates, the secured issue, a WEB issue and ids Jira does not know.
    const issueIds = [...payIds].reverse().concat(['20001', SECURED.id, '30001', '999999', '20002']);
    const grants = await h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS', 'EDIT_ISSUES'], projectIds: ['10000', '10001'], issueIds });
    const calls = h.calls(ENDPOINT, from);
    expect(calls.map((c) => c.status)).toEqual([200, 200]);
    const bodies = calls.map((c) => c.body as Body);
    expect(bodies.map((b) => b.projectPermissions.map((e) => [e.permissions, e.projects?.length ?? 0, e.issues?.length ?? 0]))).toEqual(
      expect.arrayContaining([
        [[['BROWSE_PROJECTS', 'EDIT_ISSUES'], 2, 1000]],
        [[['BROWSE_PROJECTS', 'EDIT_ISSUES'], 0, 503]],
      ]),
    );
    // Every id asked for exactly once, as numbers, none twice.
    const sent = bodies.flatMap((b) => b.projectPermissions.flatMap((e) => e.issues ?? []));
    expect(sent.every((id) => typeof id === 'number')).toBe(true);
    expect(sent.map(String).sort()).toEqual([...new Set(issueIds)].sort());
    const expected = [...payIds].reverse();
    expect(grants).toEqual({
      BROWSE_PROJECTS: { projectIds: ['10000'], issueIds: expected },
      EDIT_ISSUES: { projectIds: ['10000'], issueIds: expected },
    });
  });

  it('splits more than 1,000 projects too, a thousand of each per request', async () => {
    const from = h.emu.requests.length;
    const projectIds = ['10001', ...Array.from({ length: 2400 }, (_, i) => String(50_000 + i)), '10000'];
    const grants = await h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds, issueIds: payIds.slice(0, 1200) });
    const sizes = h.calls(ENDPOINT, from).map((c) => {
      const [entry] = (c.body as Body).projectPermissions;
      return [entry?.projects?.length ?? 0, entry?.issues?.length ?? 0];
    });
    expect(sizes.sort((a, b) => (b[0] as number) - (a[0] as number) || (b[1] as number) - (a[1] as number))).toEqual([
      [1000, 1000],
      [1000, 200],
      [402, 0],
    ]);
    expect(grants.BROWSE_PROJECTS).toEqual({ projectIds: ['10000'], issueIds: payIds.slice(0, 1200) });
  });

  it('asks another user’s permissions as the app, and Jira refuses that to a user who is no administrator', async () => {
    const check = { permissions: ['BROWSE_PROJECTS'], projectIds: ['10000', '10001'], issueIds: [SECURED.id, '20001', '30001'] };
    const app = h.clientFor('app');
    expect(await app.bulkPermissions(check)).toEqual({ BROWSE_PROJECTS: { projectIds: ['10000', '10001'], issueIds: [SECURED.id, '20001', '30001'] } });
    expect(await app.bulkPermissions({ ...check, accountId: 'u-lead' })).toEqual({ BROWSE_PROJECTS: { projectIds: ['10000'], issueIds: [SECURED.id, '20001'] } });
    expect(await h.clientFor('admin').bulkPermissions({ ...check, accountId: 'u-dev' })).toEqual({ BROWSE_PROJECTS: { projectIds: ['10000'], issueIds: ['20001'] } });
    const refused = await rejection(h.client.bulkPermissions({ ...check, accountId: 'u-lead' }));
    expect(refused).toMatchObject({ status: 403, endpoint: ENDPOINT });
  });

  it('sends nothing when there is nothing to check, and refuses keys where ids belong', async () => {
    const from = h.emu.requests.length;
    expect(await h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds: [], issueIds: [] })).toEqual({
      BROWSE_PROJECTS: { projectIds: [], issueIds: [] },
    });
    expect(await h.client.bulkPermissions({ permissions: [], projectIds: ['10000'], issueIds: [] })).toEqual({});
    await expect(h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds: [], issueIds: ['PAY-1'] })).rejects.toThrow(/'PAY-1' is not numeric/);
    await expect(h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds: ['PAY'], issueIds: [] })).rejects.toThrow(/project id 'PAY'/);
    expect(h.calls(ENDPOINT, from)).toHaveLength(0);
  });

  it('names the value when an answer is not what Jira sends', async () => {
    h.emu.faults.malformed('/rest/api/3/permissions/check', () => ({ projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: ['ten'] }] }));
    try {
      const error = await rejection(h.client.bulkPermissions({ permissions: ['BROWSE_PROJECTS'], projectIds: ['10000'], issueIds: [] }));
      expect(error).toMatchObject({ endpoint: ENDPOINT, status: 200, valuePath: 'projectPermissions[0].projects[0]' });
    } finally {
      h.emu.faults.clear();
    }
  });
});

describe('an issue under a security level, through the client', () => {
  it('is not found by a user without the level, and is by one with it, with its `security` field', async () => {
    const mine = await h.client.search('project = PAY AND issuetype = Bug', { fields: ['security'] });
    expect(mine.map((i) => i.key)).toEqual([]);
    const lead = await h.clientFor('lead').search('project = PAY AND issuetype = Bug', { fields: ['security'] });
    expect(lead.map((i) => [i.key, securityLevelOf(i.fields)?.name])).toEqual([[SECURED.key, INCIDENT_LEVEL.name]]);
    const plain = await h.clientFor('lead').search('key = PAY-1', { fields: ['security'] });
    expect(plain.map((i) => securityLevelOf(i.fields))).toEqual([null]);
    expect(await h.clientFor('lead').approximateCount?.('project = PAY')).toBe(PAY_ISSUES + 1);
    expect(await h.client.approximateCount?.('project = PAY')).toBe(PAY_ISSUES);
  });

  it('is a 404 to read and has no changelog, for a user without the level', async () => {
    expect((await rejection(h.client.issue(SECURED.key, ['summary']))).status).toBe(404);
    expect((await rejection(h.client.issueChangelog(SECURED.key))).status).toBe(404);
    expect(await h.client.issueProperty(SECURED.key, 'governance.checklist')).toBeNull();
    const logs = await h.client.changelogs([SECURED, { id: '20001', key: 'PAY-1' }], []);
    expect(logs.get(SECURED.id) ?? []).toEqual([]);
    expect(logs.get('20001')).toHaveLength(1);
    const leads = await h.clientFor('lead').changelogs([SECURED], []);
    expect(leads.get(SECURED.id)).toHaveLength(30);
  });
});
