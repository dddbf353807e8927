/** Complete changelogs for many issues: bulk fetch, its paging and limits, and the per-issue fallback. */
import { generateHistory, generateIssue } from '../../src/domain/testing/generate';
import { buildSite, manyHistories, siteIssue } from '../emulator/fixture';
import { harness, type Harness } from './harness';

const BULK = 'POST /rest/api/3/changelog/bulkfetch';
const PER_ISSUE = 'GET /rest/api/3/issue/{key}/changelog';

/** PAY-1…5 change the sprint; PAY-100 has 45 status changes; PAY-101 one history changing status and sprint, the sprint item without fieldId. */
function site() {
  return buildSite({
    pay: 5,
    web: 1,
    extra: [
      siteIssue({ key: 'PAY-100', id: '20100', histories: manyHistories(45, 5000) }),
      siteIssue({
        key: 'PAY-101',
        id: '20101',
        histories: [
          generateHistory(
            [
              { at: '2026-03-03T10:00:00Z', field: 'status', from: '10000', to: '3' },
              { at: '2026-03-03T10:00:00Z', field: 'sprint', from: '', to: '1', omitFieldId: true },
            ],
            9000,
          ),
        ],
      }),
    ],
  });
}
const ref = (key: string, id: string) => ({ key, id });
const PAY100 = ref('PAY-100', '20100');
const PAY101 = ref('PAY-101', '20101');

describe('bulk fetch', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site(), { bulkPageMax: 7 });
  });
  afterAll(() => h.close());

  it('pages through every history, oldest first, keyed by issue id, with an entry for every issue asked', async () => {
    const from = h.emu.requests.length;
    const logs = await h.client.changelogs([PAY100, ref('PAY-1', '20001'), ref('WEB-1', '30001')], ['status']);
    expect(logs.get('20100')?.map((x) => x.id)).toEqual(Array.from({ length: 45 }, (_, i) => String(5000 + i)));
    expect(logs.get('20001')).toEqual([]);
    expect(logs.get('30001')).toEqual([]);
    expect(h.calls(BULK, from)).toHaveLength(7);
    expect(h.calls(BULK, from)[0]?.body).toMatchObject({ fieldIds: ['status'], issueIdsOrKeys: ['20100', '20001', '30001'] });
  });

  it('splits more than 10 field ids into groups and merges the items of each history', async () => {
    const from = h.emu.requests.length;
    const fieldIds = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8', 'a9', 'status', 'customfield_10020'];
    const logs = await h.client.changelogs([PAY101], fieldIds);
    const bodies = h.calls(BULK, from).map((r) => (r.body as { fieldIds: string[] }).fieldIds);
    expect(bodies).toEqual([fieldIds.slice(0, 10), ['customfield_10020']]);
    expect(logs.get('20101')?.[0]?.items.map((i) => i.field).sort()).toEqual(['Sprint', 'status']);
  });

  it('sends at most 1000 issues a request', async () => {
    const many = Array.from({ length: 1005 }, (_, n) => {
      const issue = generateIssue({ key: `BIG-${n + 1}`, id: String(50000 + n) });
      return { id: issue.id, key: issue.key, fields: issue.fields as Record<string, unknown>, properties: {}, histories: [generateHistory([{ at: '2026-03-03T10:00:00Z', field: 'status', to: '3' }], 60000 + n)] };
    });
    const big = await harness(buildSite({ pay: 0, web: 0, extra: many }));
    const logs = await big.client.changelogs(many, []);
    const sizes = big.calls(BULK).map((r) => (r.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys.length);
    await big.close();
    expect(sizes.sort((a, b) => a - b)).toEqual([5, 1000]);
    expect(logs.size).toBe(1005);
    expect([...logs.values()].every((histories) => histories.length === 1)).toBe(true);
  });

  it('asks nothing for no issues', async () => {
    const from = h.emu.requests.length;
    expect((await h.client.changelogs([], ['status'])).size).toBe(0);
    expect(h.emu.requests.length).toBe(from);
  });
});

describe('fallback where bulk fetch is not available', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await harness(site(), {}, {}, 'dev');
    h.emu.faults.next(1000, { status: 404, path: '/rest/api/3/changelog/bulkfetch' });
  });
  afterAll(() => h.close());

  it('reads each issue’s changelog instead, filtered by field on the client, and stops asking for bulk fetch', async () => {
    const logs = await h.client.changelogs([PAY100, PAY101, ref('WEB-1', '30001')], ['customfield_10020']);
    expect(logs.get('20100')).toEqual([]);
    expect(logs.get('20101')?.map((x) => x.items.map((i) => i.field))).toEqual([['Sprint']]);
    expect(logs.get('30001')).toEqual([]); // dev may not browse WEB: 404, left out as bulk fetch would
    const again = await h.client.changelogs([PAY100], ['status']);
    expect(again.get('20100')).toHaveLength(45);
    expect(h.calls(BULK)).toHaveLength(1);
    // PAY-100: 45 histories in pages of 100, once per call.
    expect(h.calls(PER_ISSUE).filter((r) => r.path.includes('PAY-100'))).toHaveLength(2);
  });

  it('pages one issue’s changelog by startAt', async () => {
    const from = h.emu.requests.length;
    h.emu.faults.malformed('/rest/api/3/issue/PAY-100/changelog', (body) => {
      const page = body as { values: unknown[]; startAt: number; maxResults: number };
      // A server that gives 10 a page whatever was asked.
      return { ...page, values: page.values.slice(0, 10), maxResults: 10, isLast: page.startAt + 10 >= 45 };
    });
    const histories = await h.client.issueChangelog('PAY-100');
    h.emu.faults.clear();
    h.emu.faults.next(1000, { status: 404, path: '/rest/api/3/changelog/bulkfetch' });
    expect(histories.map((x) => x.id)).toEqual(Array.from({ length: 45 }, (_, i) => String(5000 + i)));
    expect(h.calls(PER_ISSUE, from).map((r) => new URL(r.path, 'http://x').searchParams.get('startAt'))).toEqual(['0', '10', '20', '30', '40']);
  });
});
