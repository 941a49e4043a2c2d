import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { Database } from "./schema.js";
import { withPreparedStatements } from "./sqlite-statements.js";

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
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withPreparedStatements(database) }),
  });
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
  // A connection attempt to a database that is away (a failover, a black-holed network)
  // fails within seconds instead of holding the request until the OS gives up.
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 5_000 });
  // A connection the server drops (restart, failover, admin termination) is reported as an
  // `error` event on its client; without a listener Node treats the event as uncaught and
  // the process exits. The pool listens on idle clients only (and re-emits it as its own
  // `error`), so every client gets a listener of its own for the time it is checked out:
  // its query fails with the same error, and the pool discards it on release.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  pool.on("error", () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    openConnections: () => pool.totalCount,
    close: () => db.destroy(),
  };
}
