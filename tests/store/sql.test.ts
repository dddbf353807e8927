/**
 * The SQL store on a real MySQL-family server (MariaDB 10.11, started by this file) meets the store
 * contract, within Forge SQL's limits: every statement is checked against the 1 MiB request and 4
 * MiB response limits as it runs. Without MariaDB installed these tests fail, saying how to get it.
 */
import type { StoredIssueDoc } from '../../src/store/issue-codec';
import { requestBytes, SqlGovernanceStore, SqlLimitError } from '../../src/store/sql';
import type { SqlClient, SqlParam } from '../../src/store/sql-client';
import { migrateSqlStore, SQL_MIGRATIONS } from '../../src/store/sql-schema';
import { governanceStoreContract } from './contract';
import { boardState, demoBoard, largeFigures, variant } from './fixtures';
import { type MariaDb, startMariaDb, type TestDatabase } from './mariadb';

const MiB = 1024 * 1024;

let server: MariaDb | undefined;
beforeAll(async () => {
  server = await startMariaDb();
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

interface Statement {
  readonly sql: string;
  readonly dml: boolean;
  readonly request: number;
  readonly response: number;
}

/** A client that records every statement with its request and response sizes (as Forge's JSON carries them). */
function recording(inner: SqlClient): SqlClient & { statements: Statement[] } {
  const statements: Statement[] = [];
  return {
    statements,
    async query(sql: string, params: readonly SqlParam[]) {
      const r = await inner.query(sql, params);
      statements.push({ sql, dml: false, request: requestBytes(sql, params), response: Buffer.byteLength(JSON.stringify({ rows: r.rows })) });
      return r;
    },
    async execute(sql: string, params: readonly SqlParam[]) {
      const r = await inner.execute(sql, params);
      statements.push({ sql, dml: true, request: requestBytes(sql, params), response: 0 });
      return r;
    },
  };
}

function withinForgeLimits(statements: readonly Statement[]): void {
  for (const s of statements) {
    if (s.request > MiB) throw new Error(`a ${s.request}-byte request: ${s.sql.slice(0, 80)}`);
    if (s.response > 4 * MiB) throw new Error(`a ${s.response}-byte response: ${s.sql.slice(0, 80)}`);
  }
}

async function database(): Promise<TestDatabase> {
  if (!server) throw new Error('MariaDB did not start (see the error of beforeAll)');
  const db = await server.database();
  await migrateSqlStore(db.migrations());
  return db;
}

describe('SQL store on MariaDB', () => {
  governanceStoreContract(async () => {
    const db = await database();
    const client = recording(db.client);
    const store = new SqlGovernanceStore(client);
    return {
      store,
      async tamper(t) {
        if (t.kind === 'board') await db.connection.execute('UPDATE gov_boards SET doc = ? WHERE board_id = ?', [t.text, t.boardId]);
        else if (t.kind === 'issue') await db.connection.execute('UPDATE gov_issues SET doc = ? WHERE board_id = ? AND issue_id = ?', [t.text, t.boardId, t.issueId]);
        else if (t.kind === 'figures') {
          await db.connection.execute('DELETE FROM gov_figure_sections WHERE board_id = ? AND section = ? AND part > 0', [t.boardId, t.section]);
          await db.connection.execute('UPDATE gov_figure_sections SET doc = ?, bytes = ?, parts = 1 WHERE board_id = ? AND section = ?', [t.text, Buffer.byteLength(t.text), t.boardId, t.section]);
        } else {
          // What the first layout left: its table's rows, and none of the sections.
          await db.connection.execute('DELETE FROM gov_figure_sections WHERE board_id = ?', [t.boardId]);
          await db.connection.execute('INSERT INTO gov_figures (board_id, gen, part, parts, bytes, doc) VALUES (?, 1, 0, 1, ?, ?)', [t.boardId, Buffer.byteLength(t.text), t.text]);
        }
        return store;
      },
      async close() {
        await db.close();
        withinForgeLimits(client.statements);
      },
    };
  });

  describe('on Forge SQL terms', () => {
    let db: TestDatabase;
    let client: ReturnType<typeof recording>;
    let store: SqlGovernanceStore;
    beforeEach(async () => {
      db = await database();
      client = recording(db.client);
      store = new SqlGovernanceStore(client);
    });
    afterEach(async () => {
      await db.close();
    });

    it('runs its migrations once, as Forge’s migrationRunner does', async () => {
      expect(await migrateSqlStore(db.migrations())).toEqual([]);
      const [rows] = await db.connection.query('SELECT name FROM __migrations ORDER BY id');
      expect(rows).toEqual(SQL_MIGRATIONS.map((m) => ({ name: m.name })));
    });

    it('writes thousands of issues in few statements, each within 1 MiB, and reads them back in pages within 4 MiB', async () => {
      const base = demoBoard().issues;
      const docs: StoredIssueDoc[] = [];
      for (let copy = 0; copy < 12; copy++) for (const d of base) docs.push(variant(d, { id: `${copy}${d.id}` }));
      const bytes = docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0);
      expect(bytes).toBeGreaterThan(4 * MiB);
      await store.putIssues(5, docs);
      const writes = client.statements.filter((s) => s.dml);
      // One statement per batch: as few as 1 MiB requests allow (and at most 500 rows each).
      expect(writes.length).toBeLessThanOrEqual(Math.ceil((bytes * 1.3) / (MiB - 16 * 1024)) + 1);
      expect(Math.max(...writes.map((s) => s.request))).toBeGreaterThan(0.8 * MiB);
      client.statements.length = 0;
      const read = await store.issues(5);
      expect(read).toHaveLength(docs.length);
      const reads = client.statements;
      expect(reads.length).toBeGreaterThanOrEqual(Math.ceil(bytes / (2 * MiB)) + 1);
      withinForgeLimits(client.statements);
      expect((await store.issueStamps(5)).size).toBe(docs.length);
    });

    it('refuses a document too large for one request, naming the limit, and writes nothing of that call', async () => {
      const [a, b] = demoBoard().issues as [StoredIssueDoc, StoredIssueDoc];
      const huge = { ...b, fields: { ...b.fields, summary: 'Ж'.repeat(600_000) } };
      await expect(store.putIssues(5, [a, huge])).rejects.toThrow(SqlLimitError);
      await expect(store.putIssues(5, [a, huge])).rejects.toThrow(new RegExp(`Issue ${b.id} of board 5 is 1,2\\d\\d,\\d\\d\\d bytes \\(UTF-8\\).*1 MiB`));
      expect(await store.issues(5)).toEqual([]);
      const state = boardState(5);
      const big = { ...state, meta: state.meta && { ...state.meta, filterJql: 'x'.repeat(1_100_000) } };
      await expect(store.saveBoard(big, null)).rejects.toThrow(/board 5's state \(1,1\d\d,\d\d\d bytes\).*1 MiB/);
    });

    it('reads the last complete figures while a newer write is under way, and never a mix', async () => {
      const { figures } = demoBoard();
      const large = largeFigures(figures, 3 * MiB);
      await store.putFigures(5, large);
      const [parts] = await db.connection.query('SELECT gen, COUNT(*) AS n FROM gov_figure_sections WHERE board_id = 5 GROUP BY gen');
      expect(parts).toEqual([{ gen: 1, n: expect.any(Number) }]);
      // A newer generation cut short (a writer killed mid-way): its convergence section whole, its defects' first part only.
      const sections = (await import('../../src/store/figures-schema')).encodeFigureSections(figures);
      await db.connection.execute("INSERT INTO gov_figure_sections (board_id, gen, section, part, parts, bytes, doc) VALUES (5, 2, 'convergence', 0, 1, ?, ?)", [Buffer.byteLength(sections.convergence), sections.convergence]);
      await db.connection.execute("INSERT INTO gov_figure_sections (board_id, gen, section, part, parts, bytes, doc) VALUES (5, 2, 'defects', 0, 3, 1, ?)", ['{']);
      expect((await store.figures([5])).get(5)).toEqual(large);
      expect((await store.figures([5], ['defects'])).get(5)?.defects).toEqual(large.defects);
      // A reader of the convergence section alone takes the newer generation: complete for it.
      expect((await store.figures([5], ['convergence'])).get(5)?.tags.length).toBeLessThan(large.tags.length);
      // The next write supersedes both and clears them.
      await store.putFigures(5, figures);
      expect((await store.figures([5])).get(5)).toEqual(figures);
      const [left] = await db.connection.query('SELECT DISTINCT gen FROM gov_figure_sections WHERE board_id = 5');
      expect(left).toEqual([{ gen: 3 }]);
      withinForgeLimits(client.statements);
    });

    it('leaves out stored text that is not JSON', async () => {
      const docs = demoBoard().issues.slice(0, 3);
      await store.saveBoard(boardState(5), null);
      await store.putIssues(5, docs);
      await store.putFigures(5, demoBoard().figures);
      await db.connection.execute('UPDATE gov_issues SET doc = ? WHERE issue_id = ?', ['{"v":1,"id":', docs[0]?.id ?? '']);
      await db.connection.execute('UPDATE gov_boards SET doc = ?', ['not json']);
      await db.connection.execute("UPDATE gov_figure_sections SET doc = CONCAT(doc, ?) WHERE section = 'defects'", ['}']);
      expect((await store.issues(5)).map((d) => d.id)).toEqual(docs.slice(1).map((d) => d.id).sort());
      expect(await store.board(5)).toBeNull();
      expect(await store.figures([5])).toEqual(new Map());
      expect([...(await store.figures([5], ['convergence'])).keys()]).toEqual([5]);
    });

    it('reads only the parts of the sections asked for', async () => {
      const { figures } = demoBoard();
      const large = largeFigures(figures, 3 * MiB);
      await store.putFigures(5, large);
      client.statements.length = 0;
      expect((await store.figures([5], ['convergence'])).get(5)?.sprints).toEqual(large.sprints);
      const read = client.statements.reduce((n, s) => n + s.response, 0);
      // The large figures' copies are tags, defects and hygiene rows: the convergence section is small.
      expect(read).toBeLessThan(MiB);
      withinForgeLimits(client.statements);
    });

    it('answers thirty boards’ figures in one call, in pages', async () => {
      const { figures } = demoBoard();
      const ids = Array.from({ length: 30 }, (_, i) => 100 + i);
      for (const id of ids) await store.putFigures(id, { ...figures, boardId: id });
      client.statements.length = 0;
      const read = await store.figures(ids);
      expect([...read.keys()].sort((a, b) => a - b)).toEqual(ids);
      for (const id of ids) expect(read.get(id)).toEqual({ ...figures, boardId: id });
      const sections = (await import('../../src/store/figures-schema')).encodeFigureSections(figures);
      const total = 30 * (Buffer.byteLength(sections.convergence) + Buffer.byteLength(sections.defects) + Buffer.byteLength(sections.hygiene));
      expect(client.statements.length).toBeGreaterThanOrEqual(1 + Math.ceil(total / (2 * MiB)));
      withinForgeLimits(client.statements);
    });
  });
});
