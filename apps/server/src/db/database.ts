import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * The SQLite handle under `db`, for the one hot statement that the query builder makes
   * too slow (the update log's append). Use it only inside `db.connection()`, which holds
   * the connection's lock, so it never runs inside another query's transaction.
   */
  sqlite?: SQLite.Database;
  /** TCP connections the store holds open now (its PostgreSQL pool grows and shrinks). */
  openConnections(): number;
  close(): Promise<void>;
}

/** Opens the store named by `DATABASE_URL`: `sqlite:<file>` or `postgres://…`. */
export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith("sqlite:")) return openSqlite(databaseUrl.slice("sqlite:".length));
  return openPostgres(databaseUrl);
}

function openSqlite(file: string): Store {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  // NORMAL under WAL survives a process crash; only an OS crash could drop the last commit.
  database.pragma("synchronous = NORMAL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: "sqlite",
    sqlite: database,
    openConnections: () => 0,
    close: () => db.destroy(),
  };
}

function openPostgres(connectionString: string): Store {
  // BIGINT columns hold milliseconds, well within Number's exact range.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that the server drops (restart, failover, admin termination) is
  // reported here; the pool discards it and opens a new one on next use. Without a
  // listener Node would treat the event as an uncaught error and exit.
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    openConnections: () => pool.totalCount,
    close: () => db.destroy(),
  };
}
