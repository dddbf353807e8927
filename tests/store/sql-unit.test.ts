/**
 * The SQL store's own arithmetic, without a database: figures cut into parts by their request
 * bytes (never inside a character), statements paced under Forge's DML rate, batches that fit
 * a request, and rows the client gives back checked.
 */
import fc from 'fast-check';
import { requestBytes, splitByRequestBytes, SqlGovernanceStore } from '../../src/store/sql';
import type { SqlClient, SqlParam } from '../../src/store/sql-client';
import { demoBoard } from './fixtures';

const jsonBytes = (s: string) => Buffer.byteLength(JSON.stringify(s));

describe('splitByRequestBytes', () => {
  it('cuts any text into parts that join back to it, each within the bytes, never inside a surrogate pair', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom('\ud83d', '\ude00', '😀', '"', '\\', '\u0000', 'Ж')), { maxLength: 30 }).map((xs) => xs.join('')),
        fc.integer({ min: 16, max: 64 }),
        (text, max) => {
          const parts = splitByRequestBytes(text, max);
          expect(parts.join('')).toBe(text);
          let offset = 0;
          for (const p of parts) {
            if (text.length > 0) expect(p.length).toBeGreaterThan(0);
            expect(jsonBytes(p)).toBeLessThanOrEqual(max);
            offset += p.length;
            const last = p.charCodeAt(p.length - 1);
            const next = text.charCodeAt(offset);
            expect(last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff).toBe(false);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts what JSON escapes: quotes, backslashes, control characters, and UTF-8 lengths', () => {
    const text = `"\\\n\u0001é€😀`.repeat(50);
    for (const max of [16, 17, 31, 100, 257]) {
      const parts = splitByRequestBytes(text, max);
      expect(parts.join('')).toBe(text);
      for (const p of parts) expect(jsonBytes(p)).toBeLessThanOrEqual(max);
      // Parts are as full as the next character allows.
      for (const [i, p] of parts.slice(0, -1).entries()) {
        const next = [...(parts[i + 1] as string)][0] as string;
        expect(jsonBytes(p + next)).toBeGreaterThan(max);
      }
    }
  });
});

/** A database that answers every statement at once and records it. */
function fakeDb(): SqlClient & { log: { sql: string; params: readonly SqlParam[]; at: number }[] } {
  const log: { sql: string; params: readonly SqlParam[]; at: number }[] = [];
  return {
    log,
    async query(sql, params) {
      log.push({ sql, params, at: Date.now() });
      return { rows: [] };
    },
    async execute(sql, params) {
      log.push({ sql, params, at: Date.now() });
      return { affectedRows: 0 };
    },
  };
}

describe('SqlGovernanceStore without a database', () => {
  it('paces DML statements under the rate it is given', async () => {
    const db = fakeDb();
    const store = new SqlGovernanceStore(db, { dmlPerSecond: 40 });
    const started = Date.now();
    for (let i = 0; i < 100; i++) await store.deleteIssues(1, [`${i}`]);
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2_000);
    // No second holds more than the rate.
    const times = db.log.map((s) => s.at);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(40);
  });

  it('writes issues in statements that each fit a request, however the budget is set', async () => {
    const docs = demoBoard().issues;
    for (const budget of [64 * 1024, 256 * 1024]) {
      const db = fakeDb();
      await new SqlGovernanceStore(db, { requestBudget: budget, dmlPerSecond: 0 }).putIssues(5, docs);
      const inserts = db.log.filter((s) => s.sql.startsWith('INSERT'));
      expect(inserts.length).toBeGreaterThan(1);
      for (const s of inserts) expect(requestBytes(s.sql, s.params)).toBeLessThanOrEqual(budget);
      expect(inserts.reduce((n, s) => n + s.params.length / 5, 0)).toBe(docs.length);
      // Nearly full: a batch ends only when the next document would not fit.
      const sizes = inserts.map((s) => requestBytes(s.sql, s.params));
      expect(Math.min(...sizes.slice(0, -1))).toBeGreaterThan(budget - 12 * 1024);
    }
  });

  it('refuses rows the database answers with that are not what was asked', async () => {
    const db: SqlClient = {
      query: async () => ({ rows: [{ version: 'one', doc: '{}' }] }),
      execute: async () => ({ affectedRows: 1 }),
    };
    await expect(new SqlGovernanceStore(db).board(1)).rejects.toThrow(/unexpected board row/);
  });
});
