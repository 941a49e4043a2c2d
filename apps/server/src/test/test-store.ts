import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openStore, type Store } from "../db/database.js";
import { migrateToLatest } from "../db/migrations/index.js";

/**
 * Which store the server tests run on: SQLite files by default; PostgreSQL when
 * `ENTENTE_TEST_STORE=postgres` (each test gets a fresh database on the server named by
 * `ENTENTE_TEST_POSTGRES_URL`, default the local `test` database's server).
 */
const TEST_STORE = process.env.ENTENTE_TEST_STORE === "postgres" ? "postgres" : "sqlite";
export const TEST_STORE_IS_POSTGRES = TEST_STORE === "postgres";
const ADMIN_URL =
  process.env.ENTENTE_TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/test";
/** The scale-out tests start Redis servers of their own with this command. */
export const REDIS_SERVER_COMMAND = process.env.ENTENTE_TEST_REDIS_SERVER ?? "redis-server";
/** PostgreSQL's server binaries for the tests that run a cluster of their own (default: Debian's newest). */
export const POSTGRES_BIN_DIR = process.env.ENTENTE_TEST_PG_BIN;
/** The nginx the deployment test runs as load balancer (not `NGINX`, which nginx reads). */
export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
/** The PATH given to the processes the deployment test starts. */
export const SEARCH_PATH = process.env.PATH ?? "/usr/local/bin:/usr/bin:/bin";
/** Under CI a test that lacks a service fails instead of being skipped. */
export const IN_CI = Boolean(process.env.CI);

export interface TempDatabase {
  url: string;
  cleanup: () => Promise<void>;
}

/** A real SQLite file in a fresh temporary folder; removed by `cleanup`. */
export function tempSqliteUrl(): { url: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-test-"));
  return {
    url: `sqlite:${path.join(dir, "entente.sqlite")}`,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh, empty database of the store under test; dropped by `cleanup`. */
export async function tempDatabase(): Promise<TempDatabase> {
  if (TEST_STORE === "sqlite") {
    const { url, cleanup } = tempSqliteUrl();
    return { url, cleanup: () => Promise.resolve(cleanup()) };
  }
  return tempPostgresDatabase();
}

/** A fresh, empty PostgreSQL database, whatever store the suite runs on; dropped by `cleanup`. */
export async function tempPostgresDatabase(): Promise<TempDatabase> {
  const name = `entente_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    cleanup: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** Why the PostgreSQL tests cannot run here, or null when the server answers. */
export async function postgresMissing(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return null;
  } catch {
    return `these tests need PostgreSQL at ${new URL(ADMIN_URL).host} (set ENTENTE_TEST_POSTGRES_URL)`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`ENTENTE_TEST_STORE=postgres but PostgreSQL is not reachable at ${ADMIN_URL}`, {
      cause: error,
    });
  }
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function openMigratedStore(url: string): Promise<Store> {
  const store = openStore(url);
  await migrateToLatest(store.db, store.dialect);
  return store;
}
