/**
 * What the SQL store needs of a database: one statement per call, with `?` parameters. On Forge it
 * is Forge SQL (`src/forge/sql-client.ts`: `sql.prepare(q).bindParams(...).execute()`); in tests a
 * MariaDB server through `mysql2` (`tests/store/mariadb.ts`). Parameters are what JSON carries
 * (Forge sends them as JSON): strings, numbers and null.
 */
import { z } from 'zod';

export type SqlParam = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface SqlClient {
  /** A SELECT: its rows, each column by name. */
  query(sql: string, params: readonly SqlParam[]): Promise<{ rows: SqlRow[] }>;
  /** An INSERT, UPDATE or DELETE: how many rows it changed. A duplicate key throws `SqlDuplicateKeyError`. */
  execute(sql: string, params: readonly SqlParam[]): Promise<{ affectedRows: number }>;
}

/** An INSERT met a row with the same key: what a create-if-absent or a part already written is told by. */
export class SqlDuplicateKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SqlDuplicateKeyError';
  }
}

/** Rows as a client returns them: checked at the boundary. */
export const SqlRows = z.array(z.record(z.string(), z.unknown()));
/** The result of a DML statement. */
export const SqlChange = z.object({ affectedRows: z.number().int().nonnegative() });

/** A migration: run once per database, in order, by name (Forge's `migrationRunner` keeps the names run). */
export interface SqlMigration {
  readonly name: string;
  readonly statement: string;
}

/** What runs migrations: Forge's `migrationRunner`, or the tests' runner over MariaDB with the same bookkeeping. */
export interface SqlMigrationRunner {
  enqueue(name: string, statement: string): unknown;
  run(): Promise<string[]>;
}
