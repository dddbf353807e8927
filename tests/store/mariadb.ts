/**
 * A MariaDB server for the SQL store's tests: Debian's `mariadbd` on a temporary data directory,
 * reached over a socket only (no network), started by the test file that needs it and stopped
 * after. `scripts/test.sh` installs the package; without it the tests fail saying so.
 *
 * Each store under test gets a database of its own, with the store's migrations applied by a
 * runner that keeps Forge's `migrationRunner` bookkeeping (the same `__migrations` table).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { z } from 'zod';
import { type SqlClient, SqlDuplicateKeyError, type SqlMigrationRunner, type SqlParam, SqlRows } from '../../src/store/sql-client';

const run = promisify(execFile);

export const MISSING_MARIADB =
  'MariaDB is not installed: the SQL store tests need `mariadbd` and `mariadb-install-db` (Debian package mariadb-server). ' +
  'Run scripts/test.sh (it installs them), or: apt-get install -y mariadb-server';

function findProgram(name: string): string | null {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin', '/usr/bin'];
  for (const d of dirs) if (d && existsSync(join(d, name))) return join(d, name);
  return null;
}

export interface MariaDb {
  readonly socket: string;
  /** A new empty database with the store's tables, and a client on it. */
  database(): Promise<TestDatabase>;
  stop(): Promise<void>;
}

export interface TestDatabase {
  readonly name: string;
  readonly client: SqlClient;
  /** Statements outside the store's interface: DDL, and what a test does behind the store's back. */
  readonly connection: mysql.Connection;
  migrations(): SqlMigrationRunner;
  close(): Promise<void>;
}

async function connect(socket: string, database?: string): Promise<mysql.Connection> {
  return mysql.createConnection({ socketPath: socket, user: 'root', database, charset: 'utf8mb4' });
}

/** Starts a server on a new data directory; resolves once it answers. */
export async function startMariaDb(): Promise<MariaDb> {
  const installDb = findProgram('mariadb-install-db');
  const server = findProgram('mariadbd');
  if (!installDb || !server) throw new Error(MISSING_MARIADB);
  const dir = mkdtempSync(join(tmpdir(), 'gov-mariadb-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'sock');
  await run(installDb, ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { timeout: 60_000 });
  const child: ChildProcess = spawn(
    server,
    ['--no-defaults', `--datadir=${data}`, `--socket=${socket}`, '--skip-networking', '--user=root', `--log-error=${join(dir, 'error.log')}`, '--innodb-buffer-pool-size=128M',
      // A throwaway server: no flush to disk at each commit.
      '--innodb-flush-log-at-trx-commit=0', '--innodb-doublewrite=0', '--skip-log-bin', '--performance-schema=OFF'],
    { stdio: 'ignore' },
  );
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );
  const stop = async () => {
    if (exited === undefined && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exit;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').slice(-2000) : '');
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited !== undefined) {
      const text = log();
      await stop();
      throw new Error(`mariadbd exited (${exited}) before it answered:\n${text}`);
    }
    if (existsSync(socket)) {
      try {
        const c = await connect(socket);
        await c.end();
        break;
      } catch {
        // not ready yet
      }
    }
    if (Date.now() > deadline) {
      const text = log();
      await stop();
      throw new Error(`mariadbd did not answer within 30 s:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  let n = 0;
  return {
    socket,
    async database() {
      const name = `gov_test_${++n}`;
      const admin = await connect(socket);
      await admin.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
      await admin.end();
      const connection = await connect(socket, name);
      return { name, client: mysqlClient(connection), connection, migrations: () => new TestMigrationRunner(connection), close: () => connection.end() };
    },
    stop,
  };
}

const Header = z.object({ affectedRows: z.number() });
const MysqlError = z.object({ errno: z.number(), message: z.string() });

/** `SqlClient` over a mysql2 connection, with server-side parameters (prepared statements) as Forge SQL has. */
export function mysqlClient(connection: mysql.Connection): SqlClient {
  const params = (p: readonly SqlParam[]) => [...p];
  return {
    async query(sql, p) {
      const [rows] = await connection.execute(sql, params(p));
      return { rows: SqlRows.parse(rows) };
    },
    async execute(sql, p) {
      try {
        const [header] = await connection.execute(sql, params(p));
        return { affectedRows: Header.parse(header).affectedRows };
      } catch (e) {
        const err = MysqlError.safeParse(e);
        if (err.success && err.data.errno === 1062) throw new SqlDuplicateKeyError(err.data.message);
        throw e;
      }
    },
  };
}

const MigrationRow = z.object({ name: z.string() });

/** Forge's `migrationRunner`, on MariaDB: the same table of migrations run, each migration once, in order. */
class TestMigrationRunner implements SqlMigrationRunner {
  private readonly queued: { name: string; statement: string }[] = [];
  constructor(private readonly connection: mysql.Connection) {}

  enqueue(name: string, statement: string): this {
    if (!this.queued.some((m) => m.name === name)) this.queued.push({ name, statement });
    return this;
  }

  async run(): Promise<string[]> {
    // The statements @forge/sql's runner sends (out/migration.js).
    await this.connection.query(
      'CREATE TABLE IF NOT EXISTS __migrations (id BIGINT PRIMARY KEY AUTO_INCREMENT, name VARCHAR(255) NOT NULL, migratedAt TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP);',
    );
    const [rows] = await this.connection.query('SELECT id, name, migratedAt FROM __migrations;');
    const done = new Set(z.array(MigrationRow).parse(rows).map((r) => r.name));
    const ran: string[] = [];
    for (const m of this.queued.filter((q) => !done.has(q.name))) {
      await this.connection.query(m.statement);
      await this.connection.execute('INSERT INTO __migrations (name) VALUES (?);', [m.name]);
      ran.push(m.name);
    }
    return ran;
  }
}
