/**
 * The emulator's Edit issue (`PUT /rest/api/3/issue/{key}`), as the Jira client calls it: labels
 * and components by operation, a number field set, Jira's refusals (no Edit issues: 403; an issue
 * the caller may not see: 404; a field it does not edit, a component the project lacks, a label with
 * a space: 400), the change stamped and recorded as the caller's, reported to the hook, and the
 * caller's site fixture left as it was.
 */
import { DEMO_USERS, buildDemoSite } from '../../src/demo/site';
import { STORY_POINTS_FIELD_ID } from '../../src/demo/catalog';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import { createJiraClient } from '../../src/jira/client';
import { JiraError } from '../../src/jira/types';

const NOW = Date.parse('2026-11-27T12:00:00Z');
let emu: Emulator;
const site = buildDemoSite();
const reported: [string, Record<string, unknown>][] = [];
const as = (accountId: string) => createJiraClient(emulatorTransport(emu.url, accountId), { maxRetries: 0 });
const status = (p: Promise<unknown>) => p.then(() => 200, (e: unknown) => (e instanceof JiraError ? e.status : -1));

beforeAll(async () => {
  emu = await startEmulator(site, { now: () => NOW, onIssueWrite: (key, fields) => reported.push([key, fields]) });
});
afterAll(() => emu.close());

describe('PUT /rest/api/3/issue/{key}', () => {
  it('adds a label and a component, sets story points, stamps the change as the caller’s and reports it', async () => {
    const po = as(DEMO_USERS.productOwner);
    await po.editIssue('PAYM-181', { update: { labels: [{ add: 'payments' }], components: [{ add: { name: 'Payments' } }] } });
    await po.editIssue('PAYM-181', { fields: { [STORY_POINTS_FIELD_ID]: 8 } });
    const issue = await po.issue('PAYM-181', ['labels', 'components', 'updated', STORY_POINTS_FIELD_ID]);
    expect(issue.fields.labels).toEqual(['sb', 'payments']);
    expect(issue.fields.components?.map((c) => c.name)).toEqual(['Mobile', 'Payments']);
    expect((issue.fields as Record<string, unknown>)[STORY_POINTS_FIELD_ID]).toBe(8);
    expect(Date.parse(issue.fields.updated ?? '')).toBe(NOW);
    const last = (await po.issueChangelog('PAYM-181')).at(-1);
    expect(last?.author?.accountId).toBe(DEMO_USERS.productOwner);
    expect(last?.items.map((i) => i.fieldId)).toEqual([STORY_POINTS_FIELD_ID]);
    expect(reported.map(([key, fields]) => [key, Object.keys(fields).sort()])).toEqual([
      ['PAYM-181', ['components', 'labels', 'updated']],
      ['PAYM-181', [STORY_POINTS_FIELD_ID, 'updated']],
    ]);
    // The caller's fixture is not written to.
    expect(site.issues.find((i) => i.key === 'PAYM-181')?.fields.labels).toEqual(['sb']);
  });

  it('refuses as Jira does, changing nothing', async () => {
    const before = reported.length;
    // Browses everything, edits nothing.
    expect(await status(as(DEMO_USERS.businessOwner).editIssue('PAY-2', { update: { labels: [{ add: 'x' }] } }))).toBe(403);
    // Browses loans only: the issue is not there for them.
    expect(await status(as(DEMO_USERS.loansAnalyst).editIssue('PAY-2', { update: { labels: [{ add: 'x' }] } }))).toBe(404);
    const admin = as(DEMO_USERS.admin);
    expect(await status(admin.editIssue('PAY-2', { update: { labels: [{ add: 'two words' }] } }))).toBe(400);
    expect(await status(admin.editIssue('PAY-2', { update: { components: [{ add: { name: 'Loans' } }] } }))).toBe(400);
    expect(await status(admin.editIssue('PAY-2', { fields: { reporter: { accountId: DEMO_USERS.admin } } }))).toBe(400);
    expect(await status(admin.editIssue('PAY-2', { fields: { [STORY_POINTS_FIELD_ID]: 'five' } }))).toBe(400);
    expect(reported.length).toBe(before);
    expect((await admin.issue('PAY-2', ['labels'])).fields.labels).toEqual(site.issues.find((i) => i.key === 'PAY-2')?.fields.labels);
  });
});
