/**
 * The SQL store on Forge SQL: `SqlClient` over `@forge/sql` (one prepared statement per request,
 * parameters bound server-side), the store itself, and the migrations handler.
 *
 * Forge SQL needs the `sql` module in the manifest (`modules: sql: - key: main, engine: mysql`),
 * and its tables are made by `migrateGovernanceSql`, which the manifest runs from a scheduled
 * trigger (and on install and upgrade): the migration runner runs each migration once per
 * installation and keeps their names in `__migrations`.
 */
import { ForgeSQLAPIError, migrationRunner, sql, type UpdateQueryResponse } from '@forge/sql';
import { z } from 'zod';
import { type SqlClient, SqlDuplicateKeyError, type SqlParam, SqlRows } from '../store/sql-client';
import { sqlGovernanceStore, type SqlStoreOptions } from '../store/sql';
import { migrateSqlStore } from '../store/sql-schema';
import type { GovernanceStore } from '../store/types';

const Change = z.object({ affectedRows: z.number() });
/** Waits before retrying a statement Forge refused for the rate (HTTP 429): it did not run. */
const RATE_WAITS_MS = [250, 1_000, 3_000];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A duplicate key, as Forge SQL reports the database's error 1062. */
function isDuplicateKey(e: ForgeSQLAPIError): boolean {
  const context = JSON.stringify(e.context ?? {});
  return /Duplicate entry/i.test(e.message) || /Duplicate entry|"errno":1062|ER_DUP_ENTRY/.test(context);
}

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      const wait = RATE_WAITS_MS[attempt];
      if (e instanceof ForgeSQLAPIError && e.responseDetails.status === 429 && wait !== undefined) {
        await sleep(wait);
        continue;
      }
      if (e instanceof ForgeSQLAPIError && isDuplicateKey(e)) throw new SqlDuplicateKeyError(e.message);
      throw e;
    }
  }
}

/** `SqlClient` over Forge SQL. */
export function forgeSqlClient(): SqlClient {
  return {
    async query(query: string, params: readonly SqlParam[]) {
      const result = await withRetries(() =>
        sql
          .prepare<Record<string, unknown>>(query)
          .bindParams(...params)
          .execute(),
      );
      return { rows: SqlRows.parse(result.rows) };
    },
    async execute(query: string, params: readonly SqlParam[]) {
      const result = await withRetries(() =>
        sql
          .prepare<UpdateQueryResponse>(query)
          .bindParams(...params)
          .execute(),
      );
      return { affectedRows: Change.parse(result.rows).affectedRows };
    },
  };
}

/** The governance store on this installation's Forge SQL database. */
export function forgeGovernanceStore(options?: SqlStoreOptions): GovernanceStore {
  return sqlGovernanceStore(forgeSqlClient(), options);
}

/**
 * Runs the store's migrations not yet run on this installation (a scheduled trigger and the
 * install/upgrade events call it); returns the names run.
 */
export async function migrateGovernanceSql(): Promise<string[]> {
  return migrateSqlStore(migrationRunner);
}
