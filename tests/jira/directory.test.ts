/**
 * The client's directory reads the settings pickers use (projects, components, priorities, issue
 * types, users) and the bounded search the mapping preview uses, over real HTTP against the emulator.
 */
import { buildSite, USERS } from '../emulator/fixture';
import { harness, rejection, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await harness(buildSite({ pay: 120 }));
});
afterAll(() => h.close());

describe('directory reads', () => {
  it('lists the projects the caller may browse, every page', async () => {
    expect((await h.client.projects()).map((p) => p.key)).toEqual(['PAY', 'WEB']);
    expect((await h.clientFor('dev').projects()).map((p) => p.key)).toEqual(['PAY']);
  });

  it('lists a project’s components, and refuses a project the caller may not browse', async () => {
    expect((await h.client.projectComponents('PAY')).map((c) => c.name)).toEqual(['API']);
    expect((await rejection(h.clientFor('dev').projectComponents('WEB'))).status).toBe(404);
  });

  it('lists priorities and issue types', async () => {
    expect((await h.client.priorities()).map((p) => p.name)).toEqual(['Highest', 'High', 'Medium', 'Low']);
    expect(await h.client.issueTypes()).toContainEqual(expect.objectContaining({ name: 'Sub-task', subtask: true }));
  });

  it('finds users by name or e-mail, and looks one up by account id (null when unknown)', async () => {
    expect((await h.client.searchUsers('vic')).map((u) => u.accountId)).toEqual([USERS.viewer.accountId]);
    expect((await h.client.user(USERS.dev.accountId))?.displayName).toBe('Dev Payments');
    expect(await h.client.user('nobody')).toBeNull();
  });
});

describe('search limit', () => {
  it('stops after the limit, asking no more than needed', async () => {
    const from = h.emu.requests.length;
    const issues = await h.client.search('project = PAY ORDER BY key ASC', { fields: ['labels'], pageSize: 50, limit: 70 });
    expect(issues).toHaveLength(70);
    const pages = h.calls('POST /rest/api/3/search/jql', from);
    expect(pages).toHaveLength(2);
  });

  it('returns every issue when the limit is above the total', async () => {
    expect(await h.client.search('project = PAY', { fields: ['labels'], pageSize: 50, limit: 1000 })).toHaveLength(120);
  });
});
