/**
 * The demo site synced into the SQL store on MariaDB (as the app, over HTTP to the emulator) gives
 * the report the memory store gives, and the figures that size and speed the store are measured:
 * bytes per stored issue (the store's UTF-8 documents, and MariaDB's pages on disk), and the time
 * of a 30-board figures read. They are written to test-output/sql-store-measures.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { DEMO_APP } from '../../src/demo/people';
import { buildDemoSite, demoConfig } from '../../src/demo/site';
import { parseConfigOrThrow } from '../../src/domain/config';
import { emulatorTransport } from '../../src/emulator/acting-as';
import { startEmulator, type Emulator } from '../../src/emulator/server';
import type { SiteData } from '../../src/emulator/site';
import { createJiraClient } from '../../src/jira/client';
import { storeReport } from '../../src/services/store-report';
import { memoryGovernanceStore } from '../../src/store/memory';
import { SqlGovernanceStore } from '../../src/store/sql';
import type { SqlClient } from '../../src/store/sql-client';
import { migrateSqlStore } from '../../src/store/sql-schema';
import type { GovernanceStore } from '../../src/store/types';
import { syncBoard } from '../../src/sync/engine';
import { NOW } from './fixtures';
import { type MariaDb, startMariaDb, type TestDatabase } from './mariadb';

const DAY = 86_400_000;

let site: SiteData;
let emulator: Emulator;
let server: MariaDb | undefined;
let db: TestDatabase;
beforeAll(async () => {
  site = buildDemoSite();
  [emulator, server] = await Promise.all([startEmulator(site, { now: () => NOW }), startMariaDb()]);
  db = await server.database();
  await migrateSqlStore(db.migrations());
}, 60_000);
afterAll(async () => {
  await db?.close();
  await Promise.all([emulator?.close(), server?.stop()]);
});

/** Counts the statements sent. */
function counting(inner: SqlClient): SqlClient & { count: { select: number; dml: number; selectMs: number } } {
  const count = { select: 0, dml: 0, selectMs: 0 };
  return {
    count,
    query: async (sql, params) => {
      count.select++;
      const t0 = process.hrtime.bigint();
      const r = await inner.query(sql, params);
      count.selectMs += Number(process.hrtime.bigint() - t0) / 1e6;
      return r;
    },
    execute: (sql, params) => {
      count.dml++;
      return inner.execute(sql, params);
    },
  };
}

async function syncAll(store: GovernanceStore, boardIds: readonly number[]) {
  const config = parseConfigOrThrow(demoConfig());
  const client = createJiraClient(emulatorTransport(emulator.url, DEMO_APP));
  const deps = { client, store, clock: () => NOW, config: async () => ({ config, key: 'demo' }), owner: 'test' };
  return Promise.all(boardIds.map((id) => syncBoard(deps, id)));
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

describe('the demo site in the SQL store on MariaDB', () => {
  it('gives the memory store’s report, and is measured', async () => {
    const boardIds = site.boards.map((b) => b.board.id);
    const sqlClient = counting(db.client);
    const sql = new SqlGovernanceStore(sqlClient);
    const memory = memoryGovernanceStore();
    const started = Date.now();
    const outcomes = await syncAll(sql, boardIds);
    const syncMs = Date.now() - started;
    const syncStatements = { ...sqlClient.count };
    await syncAll(memory, boardIds);
    expect(outcomes).toEqual(boardIds.map(() => expect.objectContaining({ status: 'synced' })));

    const config = parseConfigOrThrow(demoConfig());
    const req = { sprints: 6, from: NOW - 30 * DAY, to: NOW, config };
    const fromSql = await storeReport(sql, boardIds, req);
    expect(fromSql.pending).toEqual([]);
    expect(fromSql.report).toEqual((await storeReport(memory, boardIds, req)).report);

    // Size: the same documents in both stores, and MariaDB's pages for them.
    const stored = (await Promise.all(boardIds.map((id) => sql.issueStamps(id)))).reduce((n, s) => n + s.size, 0);
    const sqlBytes = await sql.sizeBytes();
    const memoryBytes = await memory.sizeBytes();
    // The same issue documents (board states differ only by what each run cost; figure rows come
    // in the order the store gives the issues, by id on SQL, so only the report is compared).
    const sorted = (docs: { id: string }[]) => docs.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const id of boardIds) expect(sorted(await sql.issues(id))).toEqual(sorted(await memory.issues(id)));
    expect([...(await sql.figures(boardIds)).keys()].sort((a, b) => a - b)).toEqual(boardIds);
    expect(Math.abs(sqlBytes - memoryBytes)).toBeLessThan(100 * boardIds.length);
    await db.connection.query('ANALYZE TABLE gov_boards, gov_issues, gov_figure_sections, gov_figures');
    const [tables] = await db.connection.query(
      'SELECT table_name AS t, data_length AS d, index_length AS i FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name LIKE ?',
      ['gov_%'],
    );
    const disk = (tables as { t: string; d: number; i: number }[]).reduce((n, r) => n + Number(r.d) + Number(r.i), 0);
    const [docs] = await db.connection.query('SELECT SUM(bytes) AS issues, (SELECT SUM(bytes) FROM gov_figure_sections) AS figures FROM gov_issues');
    const parts = docs as { issues: string; figures: string }[];
    const issueDocBytes = Number(parts[0]?.issues);
    const figureBytes = Number(parts[0]?.figures);

    // A 30-board read: the demo's boards' figures stored again under 30 ids, read in one call.
    const figures = await sql.figures(boardIds);
    const ids = Array.from({ length: 30 }, (_, i) => 1000 + i);
    for (const [i, id] of ids.entries()) {
      const f = figures.get(boardIds[i % boardIds.length] as number);
      if (!f) throw new Error('figures missing');
      await sql.putFigures(id, { ...f, boardId: id });
    }
    for (const [id, f] of await sql.figures(ids)) await memory.putFigures(id, f);
    const times: number[] = [];
    const dbTimes: number[] = [];
    const memoryTimes: number[] = [];
    let statements = 0;
    for (let run = 0; run < 7; run++) {
      const before = { ...sqlClient.count };
      const t0 = process.hrtime.bigint();
      const read = await sql.figures(ids);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      statements = sqlClient.count.select - before.select;
      dbTimes.push(sqlClient.count.selectMs - before.selectMs);
      expect(read.size).toBe(30);
      // The same read from memory: what parsing and checking the documents costs, whatever the store.
      const t1 = process.hrtime.bigint();
      expect((await memory.figures(ids)).size).toBe(30);
      memoryTimes.push(Number(process.hrtime.bigint() - t1) / 1e6);
    }
    const thirtyBytes = (await Promise.all(ids.map(async (id) => Buffer.byteLength(JSON.stringify((await sql.figures([id])).get(id)))))).reduce((a, b) => a + b, 0);

    const measures = {
      boards: boardIds.length,
      storedIssues: stored,
      storeBytes: { sql: sqlBytes, memory: memoryBytes },
      bytesPerIssue: {
        sql: round(sqlBytes / stored),
        memory: round(memoryBytes / stored),
        issueDocumentsOnly: round(issueDocBytes / stored),
        mariadbOnDisk: round(disk / stored),
      },
      figuresBytes: figureBytes,
      sync: { ms: syncMs, selects: syncStatements.select, dml: syncStatements.dml },
      thirtyBoardFiguresRead: {
        bytes: thirtyBytes,
        statements,
        medianMs: round(median(times)),
        minMs: round(Math.min(...times)),
        runsMs: times.map((t) => round(t)),
        /** Of which waiting for MariaDB's answers. */
        databaseMedianMs: round(median(dbTimes)),
        /** The same read from the memory store (JSON and zod parsing only). */
        memoryMedianMs: round(median(memoryTimes)),
      },
    };
    mkdirSync('test-output', { recursive: true });
    writeFileSync('test-output/sql-store-measures.json', `${JSON.stringify(measures, null, 2)}\n`);
    console.log(`SQL store on MariaDB, demo site: ${JSON.stringify(measures)}`);
    expect(measures.bytesPerIssue.sql).toBeGreaterThan(0);
  }, 120_000);
});
