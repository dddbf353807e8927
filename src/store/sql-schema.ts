/**
 * The SQL store's schema, as migrations: Forge's `migrationRunner` runs them on Forge SQL (TiDB);
 * the tests run the same list on MariaDB 10.11. Only what both accept: one statement each, no
 * foreign keys (Forge SQL has none: a board's rows are deleted by the store itself), utf8mb4 with
 * the binary collation (ids compare byte by byte, the same on both), documents as MEDIUMTEXT (the
 * text exactly as written, where a JSON column would reorder keys on TiDB).
 *
 * - gov_boards: a board's state, versioned for compare-and-set.
 * - gov_issues: a board's issues, one document per issue with its `updated` stamp (newest wins).
 *   The index gov_issues_stamps covers the stamps and sizes, so listing a board's stamps or planning
 *   its pages reads the index, not the documents.
 * - gov_figure_sections: a board's figures by section (convergence, defects, hygiene: each gadget
 *   reads only its own), each section as consecutive parts of its JSON text (a 20,000-issue board's
 *   figures run to several MB, past what one request or response may carry). Each write is a new
 *   generation of every section; a reader takes the newest one in which the sections it asks for
 *   are complete, so it never mixes two writes.
 * - gov_figures: the figures of the first layout (one document per board), no longer read: a
 *   board's next write of figures deletes its rows.
 * Every table keeps each document's UTF-8 size (`bytes`), for sizing and for paging reads.
 */
import type { SqlMigration, SqlMigrationRunner } from './sql-client';

const TABLE_OPTIONS = 'DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin';

export const SQL_MIGRATIONS: readonly SqlMigration[] = [
  {
    name: 'v001_create_gov_boards',
    statement:
      'CREATE TABLE IF NOT EXISTS gov_boards (' +
      'board_id BIGINT NOT NULL, ' +
      'version BIGINT NOT NULL, ' +
      'bytes INT NOT NULL, ' +
      'doc MEDIUMTEXT NOT NULL, ' +
      `PRIMARY KEY (board_id)) ${TABLE_OPTIONS}`,
  },
  {
    name: 'v001_create_gov_issues',
    statement:
      'CREATE TABLE IF NOT EXISTS gov_issues (' +
      'board_id BIGINT NOT NULL, ' +
      'issue_id VARCHAR(64) NOT NULL, ' +
      'updated_ms BIGINT NOT NULL, ' +
      'bytes INT NOT NULL, ' +
      'doc MEDIUMTEXT NOT NULL, ' +
      'PRIMARY KEY (board_id, issue_id), ' +
      `KEY gov_issues_stamps (board_id, issue_id, updated_ms, bytes)) ${TABLE_OPTIONS}`,
  },
  {
    name: 'v001_create_gov_figures',
    statement:
      'CREATE TABLE IF NOT EXISTS gov_figures (' +
      'board_id BIGINT NOT NULL, ' +
      'gen BIGINT NOT NULL, ' +
      'part INT NOT NULL, ' +
      'parts INT NOT NULL, ' +
      'bytes INT NOT NULL, ' +
      'doc MEDIUMTEXT NOT NULL, ' +
      `PRIMARY KEY (board_id, gen, part)) ${TABLE_OPTIONS}`,
  },
  {
    name: 'v002_create_gov_figure_sections',
    statement:
      'CREATE TABLE IF NOT EXISTS gov_figure_sections (' +
      'board_id BIGINT NOT NULL, ' +
      'gen BIGINT NOT NULL, ' +
      'section VARCHAR(16) NOT NULL, ' +
      'part INT NOT NULL, ' +
      'parts INT NOT NULL, ' +
      'bytes INT NOT NULL, ' +
      'doc MEDIUMTEXT NOT NULL, ' +
      `PRIMARY KEY (board_id, gen, section, part)) ${TABLE_OPTIONS}`,
  },
];

/** Queues the store's migrations on a runner and runs those not yet run; returns their names. */
export function migrateSqlStore(runner: SqlMigrationRunner): Promise<string[]> {
  for (const m of SQL_MIGRATIONS) runner.enqueue(m.name, m.statement);
  return runner.run();
}
