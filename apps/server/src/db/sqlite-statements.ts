import type SQLite from "better-sqlite3";
import type { SqliteDatabase, SqliteStatement } from "kysely";

/** How many distinct statements stay prepared; the query builder's SQL is a few hundred shapes. */
export const PREPARED_STATEMENTS_KEPT = 500;

/**
 * The SQLite handle as the query builder sees it, with each distinct SQL text prepared
 * once and kept (least recently used dropped past `kept`). Kysely prepares every query it
 * runs; on the sync hot path (records, item stamps, the search index) preparing cost as
 * much as running. A kept statement is safe to reuse: the builder runs one query at a time
 * on its single connection, and SQLite prepares a statement again itself when the schema
 * it was prepared against changes.
 */
export function withPreparedStatements(
  database: SQLite.Database,
  kept = PREPARED_STATEMENTS_KEPT,
): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => database.close(),
    prepare(sql: string): SqliteStatement {
      const found = statements.get(sql);
      if (found !== undefined) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql);
        statements.set(sql, found);
        return found;
      }
      const statement = database.prepare(sql);
      statements.set(sql, statement);
      if (statements.size > kept) statements.delete(statements.keys().next().value!);
      return statement;
    },
  };
}
