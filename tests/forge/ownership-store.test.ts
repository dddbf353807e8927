/**
 * The ownership matrix and the settings page's mapping counts answer from the app's store: every
 * synced board, every issue (no 2,000 cap), kept to what the viewer may browse (security levels
 * included), with how fresh the boards are; a draft is counted against the stored issues; a field
 * the stored issues were not read with is named, not counted as zero; no Jira issue is read for a
 * viewer. Over the demo site made larger (1,500 more open payments issues) and served by the
 * emulator, with one administrator who lacks the "Bank security" level.
 */
import { SEGMENT_FIELD_ID } from '../../src/demo/catalog';
import { DEMO_NOW, DEMO_USERS, buildDemoSite, demoConfig } from '../../src/demo/site';
import { defaultConfig, parseConfigOrThrow, type GovernanceConfig } from '../../src/domain/config';
import { parseInstant } from '../../src/domain/jira';
import { matchCounts, type MatchCounts } from '../../src/domain/ownership';
import type { OwnershipMatrix } from '../../src/domain/ownership-matrix';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData, SiteIssue } from '../../src/emulator/site';
import { CONFIG_KEY } from '../../src/forge/config-store';
import { memoryStore } from '../../src/forge/store';
import { createJiraClient } from '../../src/jira/client';
import type { JiraClient } from '../../src/jira/types';
import { SYNC_HORIZON_DAYS } from '../../src/services/jql';
import { computeReport } from '../../src/services/report';
import type { Envelope, MatchCountsData, MatrixData } from '../../src/shared/protocol';
import { directLoaded } from '../demo/direct';
import { resolverCall, type ResolverCall } from './harness';

jest.setTimeout(120_000);

const NOW = parseInstant(DEMO_NOW);
const DAY = 86_400_000;
const ADDED = 1500;
/** The payments issues under the "Bank security" level (a loans story is under it too). */
const SECURED_PAY = ['PAY-208', 'PAY-229', 'PAY-235'];
/** An administrator without the "Bank security" level (the demo's English-speaking one, changed here). */
const LIMITED_ADMIN = DEMO_USERS.englishAdmin;

const demo = (): GovernanceConfig => parseConfigOrThrow(demoConfig());

function data<T>(r: Envelope<T>): T {
  if (!r.ok) throw new Error(`expected success, got ${r.error.code}: ${r.error.message}`);
  return r.data;
}

function ok(r: MatchCountsData): Extract<MatchCountsData, { status: 'ok' }> {
  if (r.status !== 'ok') throw new Error(`expected counts, got ${JSON.stringify(r).slice(0, 300)}`);
  return r;
}

/** `n` more open payments issues, each a copy of an open, unsecured PAY story or bug with its history. */
function enlarge(site: SiteData, n: number): void {
  const sources = site.issues.filter((i) => {
    const f = i.fields as { status: { statusCategory: { key: string } }; issuetype: { subtask?: boolean }; parent?: unknown; subtasks?: unknown[]; security?: unknown };
    return i.key.startsWith('PAY-') && f.status.statusCategory.key !== 'done' && !f.issuetype.subtask && !f.parent && (f.subtasks ?? []).length === 0 && !f.security;
  });
  if (sources.length === 0) throw new Error('no open PAY issue to copy');
  let id = 1 + Math.max(...site.issues.map((i) => Number(i.id)));
  let number = 1 + Math.max(...site.issues.filter((i) => i.key.startsWith('PAY-')).map((i) => Number(i.key.slice(4))));
  let history = 1 + Math.max(...site.issues.flatMap((i) => i.histories.map((h) => Number(h.id) || 0)));
  for (let k = 0; k < n; k++) {
    const source = sources[k % sources.length] as SiteIssue;
    const copy: SiteIssue = structuredClone(source);
    copy.id = String(id++);
    copy.key = `PAY-${number++}`;
    copy.histories = copy.histories.map((h) => ({ ...h, id: String(history++) }));
    site.issues.push(copy);
  }
}

let site: SiteData;
let emulator: Emulator;
const clientFor = (accountId: string): JiraClient => createJiraClient(emulatorTransport(emulator.url, accountId));
const boardIds = () => site.boards.map((b) => b.board.id);

/** What the store keeps of the boards: their issues not done, or updated in the horizon, as `user` may browse them. */
function storedScope(user: string, boards = boardIds()) {
  const loaded = directLoaded(site, boards, NOW, user);
  return [...loaded.issues.values()].filter((p) => p.issue.fields.status.statusCategory.key !== 'done' || parseInstant(p.issue.fields.updated ?? '') >= NOW - SYNC_HORIZON_DAYS * DAY).map((p) => p.issue);
}

/** The boards located in projects `user` may browse. */
function boardsOf(user: string): number[] {
  const u = site.users.find((x) => x.accountId === user);
  return site.boards.filter((b) => u?.browse === '*' || (u?.browse ?? []).includes(b.board.location?.projectKey ?? '')).map((b) => b.board.id);
}

/** The hygiene report over every board as `user` reads Jira, for a roll-up: what the matrix must agree with. */
function directHygiene(user: string, rollup: { dimension: 'product' | 'channel' | 'segment'; key: string } | null = null) {
  const boards = boardsOf(user);
  return computeReport(directLoaded(site, boards, NOW, user), { boardIds: boards, sprints: 6, now: NOW, from: NOW - 30 * DAY, to: NOW, config: demo(), rollup }).hygiene;
}

const cell = (m: OwnershipMatrix, product: string, channel = '*', segment = '*') =>
  m.cells.find((c) => c.product === product && c.channel === channel && c.segment === segment) ?? { issues: 0, open: 0, openDefects: 0, violations: 0, violating: 0 };

let call: ResolverCall;
/** The first answers, while the store was empty. */
let firstCounts: MatchCountsData;
let firstMatrix: MatrixData;

beforeAll(async () => {
  site = buildDemoSite();
  enlarge(site, ADDED);
  const limited = site.users.find((u) => u.accountId === LIMITED_ADMIN);
  if (!limited) throw new Error('no English-speaking administrator');
  limited.securityLevels = [];
  emulator = await startEmulator(site, { now: () => NOW });
  const store = memoryStore(() => NOW);
  await store.set(CONFIG_KEY, demo());
  call = resolverCall(clientFor, { store });
  firstCounts = data(await call<MatchCountsData>('settings/match-counts', { config: demo() }, { type: 'jira:adminPage' }));
  firstMatrix = data(await call<MatrixData>('ownership/matrix', {}, { type: 'jira:adminPage' }));
  await call.sync.idle();
});
afterAll(() => emulator?.close());

describe('an empty store', () => {
  it('registers the boards of the configured projects (every board, when the settings name no project), and says the figures come after their first sync', () => {
    expect(firstCounts).toEqual({
      status: 'pending',
      freshness: expect.objectContaining({ asOf: null, syncing: true, pending: boardIds() }),
    });
    if (firstCounts.status !== 'pending') return;
    expect(firstCounts.freshness.boards.map((b) => [b.name, b.phase])).toEqual(site.boards.map((b) => [b.board.name, 'new']));
    // Asked again before the first sync ran: still pending, nothing registered twice.
    expect(firstMatrix.matrix).toBeNull();
    expect(firstMatrix.freshness).toMatchObject({ asOf: null, pending: boardIds(), syncing: true });
    expect(call.sync.outcomes.map((o) => o.status)).toEqual(boardIds().map(() => 'synced'));
  });
});

describe('settings/match-counts from the store', () => {
  it('counts every stored issue, more than 2,000, exactly as the domain maps them', async () => {
    const r = ok(data(await call<MatchCountsData>('settings/match-counts', { config: demo() }, { type: 'jira:adminPage' })));
    const expected = matchCounts(storedScope(DEMO_USERS.admin), demo());
    expect(expected.total).toBeGreaterThan(2000);
    expect(r.counts).toEqual(expected);
    expect(r.boards).toBe(boardIds().length);
    expect(r.unreadFields).toEqual([]);
    expect(r.freshness).toMatchObject({ asOf: new Date(NOW).toISOString(), pending: [], syncing: false });
  });

  it('counts a draft (unsaved) as it is on the page', async () => {
    const draft = demo();
    draft.products[0] = { ...draft.products[0]!, match: { components: [], labels: [], projects: ['PAY'], field: null } };
    const r = ok(data(await call<MatchCountsData>('settings/match-counts', { config: draft }, { type: 'jira:adminPage' })));
    const payments = storedScope(DEMO_USERS.admin).filter((i) => i.fields.project.key === 'PAY').length;
    expect(payments).toBeGreaterThan(ADDED);
    expect(r.counts.products[0]).toEqual({ key: 'payments', count: payments });
    expect(r.counts).toEqual(matchCounts(storedScope(DEMO_USERS.admin), draft));
  });

  it('does not count issues under a security level the administrator lacks', async () => {
    const all = ok(data(await call<MatchCountsData>('settings/match-counts', { config: demo() }, { type: 'jira:adminPage' })));
    const limited = ok(data(await call<MatchCountsData>('settings/match-counts', { config: demo() }, { type: 'jira:adminPage' }, LIMITED_ADMIN)));
    const expected: MatchCounts = matchCounts(storedScope(LIMITED_ADMIN), demo());
    expect(limited.counts).toEqual(expected);
    const secured = storedScope(DEMO_USERS.admin).filter((i) => (i.fields as { security?: unknown }).security);
    expect(secured.map((i) => i.key)).toEqual(expect.arrayContaining(SECURED_PAY));
    expect(limited.counts.total).toBe(all.counts.total - secured.length);
    const payments = (r: typeof all) => r.counts.products.find((p) => p.key === 'payments')?.count ?? 0;
    expect(payments(limited)).toBe(payments(all) - SECURED_PAY.length);
  });
});

describe('ownership/matrix from the store', () => {
  it('covers every issue hygiene scans on every board, more than 2,000, agreeing with the hygiene report cell by cell', async () => {
    const d = data(await call<MatrixData>('ownership/matrix', {}, { type: 'jira:adminPage' }));
    if (!d.matrix) throw new Error('no matrix');
    const hygiene = directHygiene(DEMO_USERS.admin);
    expect(hygiene.scanned).toBeGreaterThan(2000);
    const all = cell(d.matrix, '*');
    expect({ issues: all.issues, violating: all.violating, violations: all.violations }).toEqual({
      issues: hygiene.scanned,
      violating: hygiene.violating,
      violations: hygiene.rules.reduce((n, r) => n + r.count, 0),
    });
    expect(d.matrix.scanned).toBe(hygiene.scanned);
    for (const p of demo().products) {
      const rolled = directHygiene(DEMO_USERS.admin, { dimension: 'product', key: p.key });
      expect([p.key, cell(d.matrix, p.key).issues, cell(d.matrix, p.key).violating]).toEqual([p.key, rolled.scanned, rolled.violating]);
    }
    expect(d.freshness).toMatchObject({ asOf: new Date(NOW).toISOString(), behindMs: 0, pending: [], syncing: false });
    expect(d.freshness.boards).toHaveLength(boardIds().length);
    expect(d.outdatedBoards).toBe(0);
  });

  it('gives a restricted viewer only the issues they may browse: no issue under a security level they lack, no project they may not see', async () => {
    const admin = data(await call<MatrixData>('ownership/matrix', {}, { type: 'jira:adminPage' }));
    const contractor = data(await call<MatrixData>('ownership/matrix', {}, { type: 'jira:adminPage' }, DEMO_USERS.paymentsContractor));
    if (!admin.matrix || !contractor.matrix) throw new Error('no matrix');
    const hygiene = directHygiene(DEMO_USERS.paymentsContractor);
    expect(cell(contractor.matrix, '*').issues).toBe(hygiene.scanned);
    expect(cell(contractor.matrix, '*').violating).toBe(hygiene.violating);
    expect(contractor.matrix.scanned).toBeLessThan(admin.matrix.scanned);
    // The payments issues the contractor may not see (the secured ones among them) are in the administrator's cells only.
    const payments = { dimension: 'product' as const, key: 'payments' };
    const hidden = directHygiene(DEMO_USERS.admin, payments).scanned - directHygiene(DEMO_USERS.paymentsContractor, payments).scanned;
    expect(hidden).toBeGreaterThan(0);
    expect(cell(admin.matrix, 'payments').issues - cell(contractor.matrix, 'payments').issues).toBe(hidden);
    // Boards of projects the contractor may not browse are not named to them.
    expect(contractor.freshness.boards.length).toBeLessThan(admin.freshness.boards.length);
    expect(contractor.freshness.boards.map((b) => b.name)).not.toContain('LOAN board');
  });

  it('reads no issue from Jira for a viewer: only the permission check and the owners', async () => {
    await call.sync.idle();
    const mark = emulator.requests.length;
    for (const user of [DEMO_USERS.admin, DEMO_USERS.paymentsContractor, DEMO_USERS.scrumMaster]) {
      data(await call<MatrixData>('ownership/matrix', {}, { type: 'jira:adminPage' }, user));
    }
    data(await call<MatchCountsData>('settings/match-counts', { config: demo() }, { type: 'jira:adminPage' }));
    await call.sync.idle();
    const endpoints = emulator.requests.slice(mark).map((r) => r.endpoint ?? r.path);
    expect(endpoints.filter((e) => /search|changelog|\/issue\b|\/board\b/.test(e))).toEqual([]);
    expect(endpoints).toContain('POST /rest/api/3/permissions/check');
  });
});

describe('Refresh', () => {
  it('asks for a sync of the stored boards (once a minute per board) and answers with what is stored meanwhile', async () => {
    let now = NOW;
    const store = memoryStore(() => now);
    await store.set(CONFIG_KEY, demo());
    const c = resolverCall(clientFor, { store, now: () => now });
    await c.sync.push({ boardId: 9, reason: 'new' });
    await c.sync.idle();
    now += 2 * 60_000;
    const runs = c.sync.outcomes.length;
    const shown = data(await c<MatrixData>('ownership/matrix', { refresh: true }, { type: 'jira:adminPage' }));
    expect(shown.matrix?.scanned).toBeGreaterThan(0);
    expect(shown.freshness).toMatchObject({ syncing: true, asOf: new Date(NOW).toISOString(), behindMs: 2 * 60_000 });
    await c.sync.idle();
    expect(c.sync.outcomes.length).toBe(runs + 1);
    const after = data(await c<MatrixData>('ownership/matrix', { refresh: true }, { type: 'jira:adminPage' }));
    expect(after.freshness.syncing).toBe(false);
    await c.sync.idle();
    // Within the minute: nothing more was queued.
    expect(c.sync.outcomes.length).toBe(runs + 1);
  });
});

describe('a draft mapping on a field the stored issues were not read with', () => {
  it('names the field instead of counting 0, says the sync reads it once saved, then counts it exactly', async () => {
    const store = memoryStore(() => NOW);
    // Nothing saved: the defaults map on no field, so the Segment field is not kept.
    const c = resolverCall(clientFor, { store });
    const fx = [9, 10];
    for (const boardId of fx) await c.sync.push({ boardId, reason: 'new' });
    await c.sync.idle();
    const admin = { type: 'jira:adminPage' };
    const before = ok(data(await c<MatchCountsData>('settings/match-counts', { config: demo() }, admin)));
    expect(before.unreadFields).toEqual([{ id: SEGMENT_FIELD_ID, saved: false }]);
    expect(before.boards).toBe(2);
    // What the stored issues do answer is counted (products and channels map by components and labels).
    const expected = matchCounts(storedScope(DEMO_USERS.admin, fx), demo());
    expect(before.counts.products).toEqual(expected.products);

    expect(data(await c('settings/save', { config: demo(), expectedVersion: null }, admin))).toMatchObject({ status: 'saved' });
    const saved = ok(data(await c<MatchCountsData>('settings/match-counts', { config: demo() }, admin)));
    expect(saved.unreadFields).toEqual([{ id: SEGMENT_FIELD_ID, saved: true }]);
    // The boards synced under the older settings are asked for a catch-up, which reads the field.
    expect(saved.freshness.syncing).toBe(true);
    await c.sync.idle();
    const after = ok(data(await c<MatchCountsData>('settings/match-counts', { config: demo() }, admin)));
    expect(after.unreadFields).toEqual([]);
    expect(after.counts).toEqual(expected);
    expect(after.counts.segments.some((s) => s.count > 0)).toBe(true);
    // A draft going back to the defaults reads no field: nothing to name.
    expect(ok(data(await c<MatchCountsData>('settings/match-counts', { config: defaultConfig() }, admin))).unreadFields).toEqual([]);
  });
});
