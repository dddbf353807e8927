/**
 * The Forge SQL adapter: statements prepared and bound as `@forge/sql` takes them, rows and counts
 * checked, a duplicate key told apart from other errors, a statement refused for the rate (429)
 * sent again, and the store's migrations queued on Forge's migration runner.
 */
import { ForgeSQLAPIError } from '@forge/sql';
import { SqlDuplicateKeyError } from '../../src/store/sql-client';
import { SQL_MIGRATIONS } from '../../src/store/sql-schema';

const calls: { query: string; params: unknown[] }[] = [];
const answers: (() => Promise<unknown>)[] = [];
const enqueued: [string, string][] = [];

jest.mock('@forge/sql', () => {
  const actual = jest.requireActual<typeof import('@forge/sql')>('@forge/sql');
  return {
    ...actual,
    sql: {
      prepare: (query: string) => {
        const call = { query, params: [] as unknown[] };
        const statement = {
          bindParams: (...params: unknown[]) => {
            call.params = params;
            return statement;
          },
          execute: () => {
            calls.push(call);
            const next = answers.shift();
            return next ? next() : Promise.resolve({ rows: [] });
          },
        };
        return statement;
      },
    },
    migrationRunner: {
      enqueue(name: string, statement: string) {
        enqueued.push([name, statement]);
        return this;
      },
      run: async () => enqueued.map(([name]) => name),
    },
  };
});

// Imported after the mock is in place.
import { forgeSqlClient, migrateGovernanceSql } from '../../src/forge/sql-client';

const apiError = (status: number, message: string, context?: Record<string, unknown>) =>
  new ForgeSQLAPIError({ status, statusText: '', traceId: null }, { code: 'SQL_EXECUTION_ERROR', message, context });

beforeEach(() => {
  calls.length = 0;
  answers.length = 0;
  enqueued.length = 0;
});

describe('Forge SQL client', () => {
  it('binds the parameters and gives the rows of a SELECT', async () => {
    answers.push(async () => ({ rows: [{ board_id: 1, doc: '{}' }] }));
    expect(await forgeSqlClient().query('SELECT board_id, doc FROM gov_boards WHERE board_id = ?', [1])).toEqual({ rows: [{ board_id: 1, doc: '{}' }] });
    expect(calls).toEqual([{ query: 'SELECT board_id, doc FROM gov_boards WHERE board_id = ?', params: [1] }]);
  });

  it('gives the rows changed by a DML statement', async () => {
    answers.push(async () => ({ rows: { affectedRows: 2, fieldCount: 0, info: '', insertId: 0, serverStatus: 2, warningStatus: 0 } }));
    expect(await forgeSqlClient().execute('DELETE FROM gov_issues WHERE board_id = ?', [1])).toEqual({ affectedRows: 2 });
  });

  it('refuses an answer that is not rows or a count', async () => {
    answers.push(async () => ({ rows: 'nothing' }));
    await expect(forgeSqlClient().query('SELECT 1', [])).rejects.toThrow();
    answers.push(async () => ({ rows: [] }));
    await expect(forgeSqlClient().execute('DELETE FROM gov_boards', [])).rejects.toThrow();
  });

  it('tells a duplicate key from other errors', async () => {
    answers.push(async () => {
      throw apiError(400, "Duplicate entry '7' for key 'PRIMARY'");
    });
    await expect(forgeSqlClient().execute('INSERT INTO gov_boards VALUES (?)', [7])).rejects.toBeInstanceOf(SqlDuplicateKeyError);
    answers.push(async () => {
      throw apiError(400, 'SQL error', { errno: 1062 });
    });
    await expect(forgeSqlClient().execute('INSERT INTO gov_boards VALUES (?)', [7])).rejects.toBeInstanceOf(SqlDuplicateKeyError);
    answers.push(async () => {
      throw apiError(400, "Table 'gov_boards' doesn't exist");
    });
    await expect(forgeSqlClient().execute('INSERT INTO gov_boards VALUES (?)', [7])).rejects.toThrow(/doesn't exist/);
  });

  it('sends a statement refused for the rate again, a few times', async () => {
    answers.push(async () => {
      throw apiError(429, 'Too many requests');
    });
    answers.push(async () => ({ rows: { affectedRows: 1 } }));
    expect(await forgeSqlClient().execute('DELETE FROM gov_boards WHERE board_id = ?', [1])).toEqual({ affectedRows: 1 });
    expect(calls).toHaveLength(2);
  });

  it('queues the store’s migrations on Forge’s runner, in order', async () => {
    expect(await migrateGovernanceSql()).toEqual(SQL_MIGRATIONS.map((m) => m.name));
    expect(enqueued).toEqual(SQL_MIGRATIONS.map((m) => [m.name, m.statement]));
  });
});
