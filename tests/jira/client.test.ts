/** The rest of the client: agile lists, permissions, issue properties, parsing, and the concurrency bound. */
import { generateSprint } from '../../src/domain/testing/generate';
import { buildSite } from '../emulator/fixture';
import { harness, rejection, type Harness } from './harness';

function site() {
  const s = buildSite({ pay: 6, web: 2 });
  // 120 closed sprints on board 2: more than one agile page (50).
  for (let id = 100; id < 220; id++) s.sprints.push(generateSprint({ id, originBoardId: 2 }));
  s.sprints.push(generateSprint({ id: 300, originBoardId: 2, state: 'future' }));
  return s;
}

describe('agile and site reads', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site());
  });
  afterAll(() => h.close());

  it('reads a board, its configuration and its filter', async () => {
    const board = await h.client.board(1);
    expect(board).toMatchObject({ id: 1, name: 'PAY board' });
    const configuration = await h.client.boardConfiguration(1);
    expect(configuration.estimation?.field?.fieldId).toBe('customfield_10016');
    expect((await h.client.filter(configuration.filter.id)).jql).toBe('project = PAY ORDER BY Rank ASC');
  });

  it('pages every sprint of a board, by state', async () => {
    const from = h.emu.requests.length;
    const closed = await h.client.sprints(2, ['closed']);
    expect(closed.map((s) => s.id)).toEqual(Array.from({ length: 120 }, (_, i) => 100 + i));
    const calls = h.calls('GET /rest/agile/1.0/board/{id}/sprint', from);
    expect(calls.map((r) => new URL(r.path, 'http://x').searchParams.get('startAt'))).toEqual(['0', '50', '100']);
    expect(calls.every((r) => r.path.includes('state=closed'))).toBe(true);
    expect((await h.client.sprints(2, ['active', 'future'])).map((s) => s.state)).toEqual(['active', 'future']);
    expect(await h.client.sprints(2)).toHaveLength(122);
  });

  it('lists the boards a user can see', async () => {
    expect((await h.client.boards()).map((b) => b.id)).toEqual([1, 2, 3]);
    expect((await h.clientFor('dev').boards()).map((b) => b.id)).toEqual([1, 3]);
  });

  it('reads fields, statuses, myself and one issue', async () => {
    expect((await h.client.fields()).find((f) => f.schema?.custom?.endsWith('gh-sprint'))?.id).toBe('customfield_10020');
    expect((await h.client.statuses()).map((s) => s.statusCategory.key)).toContain('done');
    expect((await h.clientFor('viewer').myself()).displayName).toBe('Vic Viewer');
    const issue = await h.client.issue('PAY-2', ['summary']);
    expect(issue.fields.summary).toBe('Issue PAY-2');
    expect(h.client.stats().issues).toBeGreaterThanOrEqual(1);
  });
});

describe('a user without browse permission', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site(), {}, {}, 'dev');
  });
  afterAll(() => h.close());

  it('sees fewer issues, and a 404 for an issue or board of a hidden project', async () => {
    const mine = await h.client.search('issuetype in (Story, Bug)', { fields: ['project'] });
    const all = await h.clientFor('admin').search('issuetype in (Story, Bug)', { fields: ['project'] });
    expect(mine.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5', 'PAY-6']);
    expect(all).toHaveLength(8);
    expect((await rejection(h.client.issue('WEB-1', []))).status).toBe(404);
    expect((await rejection(h.client.board(2))).status).toBe(404);
  });

  it('has the permissions its grants give, per project', async () => {
    expect(await h.client.myPermissions(['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER'], { projectKey: 'PAY' })).toEqual({
      BROWSE_PROJECTS: true,
      EDIT_ISSUES: true,
      ADMINISTER: false,
    });
    const viewer = h.clientFor('viewer');
    expect(await viewer.myPermissions(['EDIT_ISSUES'], { issueKey: 'WEB-1' })).toEqual({ EDIT_ISSUES: false });
    expect(await h.clientFor('admin').myPermissions(['ADMINISTER'])).toEqual({ ADMINISTER: true });
  });
});

describe('issue properties', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site());
  });
  afterAll(() => h.close());

  it('round-trips a value, and reads an unset property as null', async () => {
    const value = { version: 3, items: [{ id: 'ac', state: 'done', by: 'u-dev' }], ready: false };
    expect(await h.client.issueProperty('PAY-1', 'governance.checklist')).toBeNull();
    await h.client.setIssueProperty('PAY-1', 'governance.checklist', value);
    expect(await h.client.issueProperty('PAY-1', 'governance.checklist')).toEqual(value);
    await h.client.setIssueProperty('PAY-1', 'governance.checklist', { ...value, ready: true });
    expect(await h.client.issueProperty('PAY-1', 'governance.checklist')).toEqual({ ...value, ready: true });
  });

  it('escapes keys in the path, whatever they hold', async () => {
    const from = h.emu.requests.length;
    await h.client.setIssueProperty('PAY-2', 'odd/key?x=1#y', 'v');
    expect(await h.client.issueProperty('PAY-2', 'odd/key?x=1#y')).toBe('v');
    expect(h.emu.requests[from]?.path).toBe('/rest/api/3/issue/PAY-2/properties/odd%2Fkey%3Fx%3D1%23y');
  });

  it('refuses a write without edit permission with Jira’s 403', async () => {
    const error = await rejection(h.clientFor('viewer').setIssueProperty('PAY-1', 'x', 1));
    expect(error).toMatchObject({ status: 403, endpoint: 'PUT /rest/api/3/issue/{key}/properties/{property}' });
  });
});

describe('answers the client cannot understand', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site(), {}, { pageSize: 100 });
  });
  afterEach(() => h.emu.faults.clear());
  afterAll(() => h.close());

  it('names the endpoint and the path of the bad value', async () => {
    h.emu.faults.malformed('/rest/api/3/search/jql', (body) => {
      const page = body as { issues: { fields: { status: Record<string, unknown> } }[] };
      const fourth = page.issues[3];
      if (fourth) delete fourth.fields.status.id;
      return page;
    });
    const error = await rejection(h.client.search('project = PAY', { fields: ['summary'] }));
    expect(error).toMatchObject({ endpoint: 'POST /rest/api/3/search/jql', status: 200, valuePath: 'issues[3].fields.status.id' });
    expect(error.message).toContain('issues[3].fields.status.id: expected string');
  });

  it('still reads unexpected nulls and missing optional fields', async () => {
    h.emu.faults.malformed('/rest/api/3/search/jql', (body) => {
      const page = body as { issues: { fields: Record<string, unknown> }[]; isLast?: boolean };
      for (const issue of page.issues) {
        delete issue.fields.summary;
        issue.fields.priority = null;
        issue.fields.labels = null;
        issue.fields.updated = null;
      }
      delete page.isLast;
      return page;
    });
    const issues = await h.client.search('project = PAY', { fields: ['summary', 'priority', 'labels', 'updated'] });
    expect(issues).toHaveLength(6);
    expect(issues[0]?.fields.priority).toBeNull();
  });

  it('names a board answer that is not a board', async () => {
    h.emu.faults.malformed('/rest/agile/1.0/board/1', () => ({ id: '1', name: 'PAY board' }));
    const error = await rejection(h.client.board(1));
    expect(error.valuePath).toBe('id');
    expect(error.message).toBe('GET /rest/agile/1.0/board/{id}: unexpected response at id: expected number, got string');
  });
});

describe('the concurrency bound', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site(), { latencyMs: 25 });
  });
  afterAll(() => h.close());

  it('never has more requests in flight than allowed, across methods', async () => {
    const client = h.clientFor('admin', { concurrency: 3 });
    const keys = ['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4', 'PAY-5', 'PAY-6'];
    await Promise.all([
      ...keys.map((k) => client.issue(k, ['summary'])),
      ...keys.map((k) => client.issueChangelog(k)),
      client.fields(),
      client.statuses(),
      client.sprints(2),
    ]);
    expect(h.emu.peakInFlight()).toBe(3);
    expect(Math.max(...h.emu.requests.map((r) => r.inFlight))).toBe(3);
  });
});
