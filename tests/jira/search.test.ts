/** Enhanced search through the client: every page, at every boundary, and only the fields asked for. */
import { generateHistory } from '../../src/domain/testing/generate';
import { buildSite, manyHistories, siteIssue } from '../emulator/fixture';
import { harness, type Harness } from './harness';

const SEARCH = 'POST /rest/api/3/search/jql';
const BULK = 'POST /rest/api/3/changelog/bulkfetch';

describe('search paging at every boundary (page size 3)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(buildSite({ pay: 4 }), {}, { pageSize: 3 });
  });
  afterAll(() => h.close());

  it.each([
    [0, 'project = PAY AND labels = nothing', [], 1],
    [1, 'key = PAY-1', ['PAY-1'], 1],
    [3, 'key in (PAY-1, PAY-2, PAY-3)', ['PAY-1', 'PAY-2', 'PAY-3'], 1],
    [4, 'project = PAY', ['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4'], 2],
  ])('%i matching issues: every one, in the fewest requests', async (_n, jql, keys, requests) => {
    const from = h.emu.requests.length;
    const pages: number[] = [];
    const issues = await h.client.search(jql, { fields: ['summary'], onPage: (n) => pages.push(n) });
    expect(issues.map((i) => i.key)).toEqual(keys);
    expect(h.calls(SEARCH, from)).toHaveLength(requests);
    expect(pages.at(-1)).toBe(keys.length);
  });

  it('asks for the fields given plus those every issue needs, never *all', async () => {
    const from = h.emu.requests.length;
    await h.client.search('key = PAY-1', { fields: ['summary', 'customfield_10020'] });
    const [request] = h.calls(SEARCH, from);
    expect(request?.body).toMatchObject({ jql: 'key = PAY-1', maxResults: 3 });
    expect((request?.body as { fields: string[] }).fields.sort()).toEqual(['created', 'customfield_10020', 'issuetype', 'project', 'status', 'summary']);
    await expect(h.client.search('key = PAY-1', { fields: ['*all'] })).rejects.toThrow(/by id/);
  });

  it('stops on a missing or null token even without isLast, and pages on a token without isLast', async () => {
    h.emu.faults.malformed('/rest/api/3/search/jql', (body) => {
      const page = body as { isLast?: boolean; nextPageToken?: string | null };
      delete page.isLast;
      if (page.nextPageToken === undefined) page.nextPageToken = null;
      return page;
    });
    const issues = await h.client.search('project = PAY', { fields: ['summary'] });
    h.emu.faults.clear();
    expect(issues.map((i) => i.key)).toEqual(['PAY-1', 'PAY-2', 'PAY-3', 'PAY-4']);
  });

  it('counts returned issues and requests', async () => {
    const client = h.clientFor('admin');
    await client.search('project = PAY', { fields: [] });
    expect(client.stats()).toEqual({ requests: 2, issues: 4, histories: 0, retries: 0 });
  });

  it('reports a page token repeated by the server instead of looping', async () => {
    let first: unknown;
    h.emu.faults.malformed('/rest/api/3/search/jql', (body) => {
      const page = body as { nextPageToken?: string };
      first ??= page.nextPageToken;
      return { ...page, isLast: false, nextPageToken: first };
    });
    await expect(h.client.search('project = PAY', { fields: [] })).rejects.toThrow(/same page cursor twice/);
    h.emu.faults.clear();
  });
});

describe('expand=changelog, truncated by Jira, completed by bulk fetch', () => {
  let h: Harness;
  // Stored newest first, so only a client that sorts gets them in order.
  const long = manyHistories(45, 5000).reverse();
  beforeAll(async () => {
    const site = buildSite({
      pay: 2,
      extra: [
        siteIssue({ key: 'PAY-100', id: '20100', histories: long }),
        siteIssue({ key: 'PAY-101', id: '20101', histories: manyHistories(20, 7000) }),
      ],
    });
    h = await harness(site, { bulkPageMax: 10 });
  });
  afterAll(() => h.close());

  it('gives an issue with 45 histories all 45, oldest first, and leaves complete ones alone', async () => {
    const from = h.emu.requests.length;
    const issues = await h.client.search('project = PAY', { fields: ['status'], expandChangelog: true });
    const byKey = new Map(issues.map((i) => [i.key, i]));
    const full = byKey.get('PAY-100')?.changelog;
    expect(full?.histories.map((x) => x.id)).toEqual(Array.from({ length: 45 }, (_, i) => String(5000 + i)));
    expect(full?.total).toBe(45);
    expect(byKey.get('PAY-101')?.changelog?.histories.map((x) => x.id)).toEqual(Array.from({ length: 20 }, (_, i) => String(7000 + i)));
    expect(byKey.get('PAY-1')?.changelog?.histories).toHaveLength(1);
    // Only the truncated issue is fetched again: 45 histories in pages of 10.
    const bulk = h.calls(BULK, from);
    expect(bulk).toHaveLength(5);
    expect(bulk.every((r) => JSON.stringify((r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys) === '["20100"]')).toBe(true);
  });

  it('can leave truncated changelogs as Jira sent them (sorted)', async () => {
    const issues = await h.client.search('key = PAY-100', { fields: ['status'], expandChangelog: true, completeChangelogs: false });
    const ids = issues[0]?.changelog?.histories.map((x) => Number(x.id));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => 5025 + i));
  });

  it('sorts histories by created, then by numeric id', async () => {
    const twin = [
      generateHistory([{ at: '2026-03-05T10:00:00Z', field: 'status', to: '3' }], 10),
      generateHistory([{ at: '2026-03-05T10:00:00Z', field: 'status', to: '10001' }], 9),
      generateHistory([{ at: '2026-03-04T10:00:00Z', field: 'status', to: '10000' }], 11),
    ];
    const hh = await harness(buildSite({ pay: 0, extra: [siteIssue({ key: 'PAY-7', id: '20007', histories: twin })] }));
    const [issue] = await hh.client.search('key = PAY-7', { fields: [], expandChangelog: true });
    await hh.close();
    expect(issue?.changelog?.histories.map((x) => x.id)).toEqual(['11', '9', '10']);
  });
});
