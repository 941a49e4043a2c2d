import type { Database as SQLiteDatabase } from "better-sqlite3";
import { sql, type Kysely, type Transaction } from "kysely";
import * as Y from "yjs";
import type { Dialect, Store } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { nextTurn } from "../next-turn.js";
import { WriteCoalescer } from "./write-coalescer.js";

/** Who an update came from, stamped by the server; null ids for server-written content. */
export interface UpdateStamp {
  userId: string | null;
  organizationId: string | null;
}

/** A document as stored: a snapshot (once compacted) and the updates after it. */
export interface StoredDocument {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Id of the newest update the snapshot and updates include; 0 for a new document. */
  lastUpdateId: number;
}

/**
 * Append-only store of a document's Yjs updates, compacted into snapshots. Only Yjs
 * binary is ever stored. Compaction keeps every update's row, with its author stamp
 * and time, and drops only the bytes the snapshot now holds.
 */
/** One update to store, with who it came from. */
export interface PendingUpdate {
  update: Uint8Array;
  stamp: UpdateStamp;
}

export interface UpdateLog {
  load(documentName: string): Promise<StoredDocument>;
  /** Stores the updates in order, in one write; resolves with their ids once durable. */
  appendAll(documentName: string, updates: readonly PendingUpdate[]): Promise<number[]>;
  /**
   * Folds the stored snapshot and updates into a new snapshot, read from storage (not
   * from any instance's memory, which may lack another instance's latest update).
   * Resolves `false`, doing nothing, while another compaction of the document runs.
   */
  compact(documentName: string): Promise<boolean>;
}

const COMPACTED = new Uint8Array(0);

/**
 * Applies a stored document to `doc`: the snapshot, then each update, in one
 * transaction. Applying one by one is linear; `Y.mergeUpdates` over many small
 * updates from interleaved clients is quadratic (bench/cold-load.mjs: 5.5 s against
 * 0.46 s for 10,000 updates).
 */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin: unknown): void {
  doc.transact(() => {
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
  }, origin);
}

function prepareSqliteInsert(
  database: SQLiteDatabase,
): (rows: readonly Row[], createdAt: number) => number[] {
  const statement = database.prepare(
    `INSERT INTO document_updates (document_name, "update", user_id, organization_id, created_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  return database.transaction((rows: readonly Row[], createdAt: number) =>
    rows.map(({ documentName, update, stamp }) =>
      Number(
        statement.run(
          documentName,
          Buffer.from(update.buffer, update.byteOffset, update.byteLength),
          stamp.userId,
          stamp.organizationId,
          createdAt,
        ).lastInsertRowid,
      ),
    ),
  );
}

/** One row of `document_updates` to insert. */
interface Row extends PendingUpdate {
  documentName: string;
}

/** Rows per insert statement: well under both stores' limits on bound parameters. */
const ROWS_PER_INSERT = 1000;

/** First key of the PostgreSQL advisory locks taken per document ("ENT"). */
export const DOCUMENT_LOCK_CLASS = 0x454e54;

type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The snapshot and the updates after it, in two reads (the caller makes them
 * consistent), with the id of the last update the snapshot holds (0 without one).
 */
async function readStored(
  db: Executor,
  documentName: string,
): Promise<{ stored: StoredDocument; snapshotId: number }> {
  const snapshot = await db
    .selectFrom("document_snapshots")
    .select(["state", "last_update_id"])
    .where("document_name", "=", documentName)
    .executeTakeFirst();
  const after = snapshot?.last_update_id ?? 0;
  const rows = await db
    .selectFrom("document_updates")
    .select(["id", "update"])
    .where("document_name", "=", documentName)
    .where("id", ">", after)
    .orderBy("id")
    .execute();
  return {
    stored: {
      snapshot: snapshot?.state ?? null,
      updates: rows.map((r) => r.update),
      lastUpdateId: rows.at(-1)?.id ?? after,
    },
    snapshotId: after,
  };
}

/**
 * The update log in the SQL store. On PostgreSQL several instances append to the same
 * document, so each append holds the document's advisory lock until it commits: update
 * ids then commit in order per document, and a compaction, which holds the same lock,
 * never folds in a snapshot past an id that is not committed yet.
 */
export class SqlUpdateLog implements UpdateLog {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly sqlite: SQLiteDatabase | undefined;
  /** The prepared append, in one transaction per write (SQLite); made on first use. */
  private sqliteInsert: ((rows: readonly Row[], createdAt: number) => number[]) | undefined;
  /**
   * Appends of all documents share one commit: on PostgreSQL those that arrive while
   * others are in flight; on SQLite those of one turn of the event loop.
   */
  private readonly writes: WriteCoalescer<Row, number>;

  constructor(store: Pick<Store, "db" | "dialect" | "sqlite">) {
    this.db = store.db;
    this.dialect = store.dialect;
    this.sqlite = store.sqlite;
    this.writes =
      this.dialect === "sqlite"
        ? new WriteCoalescer((rows) => this.insertSqlite(rows), ROWS_PER_INSERT, 1, nextTurn)
        : new WriteCoalescer((rows) => this.insertPostgres(rows), ROWS_PER_INSERT, 4);
  }

  async load(documentName: string): Promise<StoredDocument> {
    // A compaction between the two reads would pair an old snapshot with emptied rows:
    // read again until the snapshot is the same before and after the rows.
    for (;;) {
      const { stored, snapshotId } = await readStored(this.db, documentName);
      const check = await this.db
        .selectFrom("document_snapshots")
        .select("last_update_id")
        .where("document_name", "=", documentName)
        .executeTakeFirst();
      if ((check?.last_update_id ?? 0) === snapshotId) return stored;
    }
  }

  /** Stores one update; resolves with its id once it is durable. */
  async append(documentName: string, update: Uint8Array, stamp: UpdateStamp): Promise<number> {
    const [id] = await this.appendAll(documentName, [{ update, stamp }]);
    return id as number;
  }

  async appendAll(documentName: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    const ids: number[] = [];
    for (let start = 0; start < updates.length; start += ROWS_PER_INSERT) {
      const rows = updates
        .slice(start, start + ROWS_PER_INSERT)
        .map(({ update, stamp }) => ({ documentName, update, stamp }));
      ids.push(...(await this.writes.add(rows)));
    }
    return ids;
  }

  /**
   * One transaction of prepared inserts, run under the connection's lock so it never
   * lands inside another query's transaction. One process writes SQLite: ids commit in order.
   */
  private async insertSqlite(rows: readonly Row[]): Promise<number[]> {
    const database = this.sqlite;
    if (!database) throw new Error("SqlUpdateLog on SQLite needs the store's SQLite handle");
    this.sqliteInsert ??= prepareSqliteInsert(database);
    const insert = this.sqliteInsert;
    const createdAt = Date.now();
    return this.db.connection().execute(() => Promise.resolve(insert(rows, createdAt)));
  }

  /**
   * One statement for the rows of several documents. It first takes each document's
   * advisory lock, in the order of the lock keys (so two instances never wait on each
   * other in a cycle), and holds them until it commits; ids come back in row order.
   */
  private async insertPostgres(rows: readonly Row[]): Promise<number[]> {
    const names = [...new Set(rows.map((row) => row.documentName))];
    const values = sql.join(
      rows.map(
        ({ documentName, update, stamp }, position) =>
          sql`(${position}::int, ${documentName}::text,
            ${Buffer.from(update.buffer, update.byteOffset, update.byteLength)}::bytea,
            ${stamp.userId}::text, ${stamp.organizationId}::text)`,
      ),
    );
    const { rows: inserted } = await sql<{ id: number }>`
      WITH document_locks AS (
        SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, key)
        FROM (SELECT DISTINCT hashtext(name) AS key FROM unnest(${names}::text[]) AS name) AS keys
        ORDER BY key
      )
      INSERT INTO document_updates (document_name, "update", user_id, organization_id, created_at)
      SELECT v.document_name, v.update, v.user_id, v.organization_id, ${Date.now()}::bigint
      FROM (VALUES ${values}) AS v(position, document_name, update, user_id, organization_id)
      WHERE (SELECT count(*) FROM document_locks) > 0
      ORDER BY v.position
      RETURNING id`.execute(this.db);
    return inserted.map((row) => Number(row.id)).sort((a, b) => a - b);
  }

  async compact(documentName: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === "postgres") {
        const { rows } = await sql<{ locked: boolean }>`
          SELECT pg_try_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${documentName}::text)) AS locked
        `.execute(trx);
        if (!rows[0]?.locked) return false;
      }
      // Under the lock (PostgreSQL) or in SQLite's one writer, nothing commits in between.
      const { stored, snapshotId } = await readStored(trx, documentName);
      if (stored.updates.length === 0) return true;
      const doc = new Y.Doc({ gc: true });
      applyStoredDocument(doc, stored, null);
      const state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
      const now = Date.now();
      await trx
        .insertInto("document_snapshots")
        .values({
          document_name: documentName,
          state,
          last_update_id: stored.lastUpdateId,
          updated_at: now,
        })
        .onConflict((conflict) =>
          conflict.column("document_name").doUpdateSet({
            state,
            last_update_id: stored.lastUpdateId,
            updated_at: now,
          }),
        )
        .execute();
      await trx
        .updateTable("document_updates")
        .set({ update: COMPACTED })
        .where("document_name", "=", documentName)
        .where("id", ">", snapshotId)
        .where("id", "<=", stored.lastUpdateId)
        .execute();
      return true;
    });
  }
}
