import { parseDocumentName } from "@entente/domain";
import type { Database as SQLiteDatabase } from "better-sqlite3";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import type { Database, DocumentItemStampsTable } from "../db/schema.js";
import type { PendingUpdate, StoredDocument, UpdateLog } from "../sync/update-log.js";

/** The documents that keep versions: rich text (the charter, meeting notes, private notes). */
export function isVersionedDocument(documentName: string): boolean {
  const ref = parseDocumentName(documentName);
  return ref?.kind === "charter" || ref?.kind === "private" || ref?.kind === "meeting";
}

/** One range of Yjs items an update carried. */
interface ItemRange {
  clientId: number;
  clockStart: number;
  clockEnd: number;
}

/** The item ranges an update carries, per client (from its header, without integrating it). */
function itemRanges(update: Uint8Array): ItemRange[] {
  const { from, to } = Y.parseUpdateMeta(update);
  const ranges: ItemRange[] = [];
  for (const [clientId, clockEnd] of to) {
    const clockStart = from.get(clientId) ?? 0;
    if (clockEnd > clockStart) ranges.push({ clientId, clockStart, clockEnd });
  }
  return ranges;
}

/**
 * An update log that also records, for the versioned documents, which Yjs items each stored
 * update carried with the update's server stamp: a comparison of two versions can then tell
 * which organization's member typed each inserted run of text, long after compaction emptied
 * the update's bytes. Recorded after the append is durable; a failure to record is logged by
 * the caller and only costs colour, never an edit.
 */
export class StampingUpdateLog implements UpdateLog {
  private readonly stamps: ItemStampWriter;

  constructor(
    private readonly log: UpdateLog,
    store: Pick<Store, "db" | "sqlite">,
  ) {
    this.stamps = new ItemStampWriter(store);
  }

  load(documentName: string): Promise<StoredDocument> {
    return this.log.load(documentName);
  }

  compact(documentName: string): Promise<boolean> {
    return this.log.compact(documentName);
  }

  async appendAll(documentName: string, updates: readonly PendingUpdate[]): Promise<number[]> {
    const ids = await this.log.appendAll(documentName, updates);
    if (isVersionedDocument(documentName)) {
      await this.stamps.record(documentName, updates, ids);
    }
    return ids;
  }
}

/** Rows per insert statement on PostgreSQL: well under its limit on bound parameters. */
const STAMP_ROWS_PER_INSERT = 500;

/**
 * Writes item stamps. On SQLite, where every stored update of a rich-text document comes
 * here, one prepared statement in one transaction (building and compiling the insert with
 * the query builder cost more than running it); on PostgreSQL, a multi-row insert.
 */
class ItemStampWriter {
  private readonly db: Kysely<Database>;
  private readonly sqlite: SQLiteDatabase | undefined;
  private sqliteInsert: ((rows: readonly DocumentItemStampsTable[]) => void) | undefined;

  constructor(store: Pick<Store, "db" | "sqlite">) {
    this.db = store.db;
    this.sqlite = store.sqlite;
  }

  /** Records the item ranges of stored updates (`ids[i]` is the row of `updates[i]`). */
  async record(
    documentName: string,
    updates: readonly PendingUpdate[],
    ids: readonly number[],
  ): Promise<void> {
    const rows = updates.flatMap(({ update, stamp }, index) =>
      itemRanges(update).map((range) => ({
        document_name: documentName,
        update_id: ids[index] ?? 0,
        client_id: range.clientId,
        clock_start: range.clockStart,
        clock_end: range.clockEnd,
        user_id: stamp.userId,
        organization_id: stamp.organizationId,
      })),
    );
    if (rows.length === 0) return;
    if (this.sqlite) {
      const insert = (this.sqliteInsert ??= prepareSqliteInsert(this.sqlite));
      // Under the connection's lock, so it never lands inside another query's transaction.
      await this.db.connection().execute(() => Promise.resolve(insert(rows)));
      return;
    }
    for (let start = 0; start < rows.length; start += STAMP_ROWS_PER_INSERT) {
      await this.db
        .insertInto("document_item_stamps")
        .values(rows.slice(start, start + STAMP_ROWS_PER_INSERT))
        .execute();
    }
  }
}

function prepareSqliteInsert(
  database: SQLiteDatabase,
): (rows: readonly DocumentItemStampsTable[]) => void {
  const statement = database.prepare(
    `INSERT INTO document_item_stamps
       (document_name, update_id, client_id, clock_start, clock_end, user_id, organization_id)
     VALUES (@document_name, @update_id, @client_id, @clock_start, @clock_end, @user_id, @organization_id)`,
  );
  return database.transaction((rows: readonly DocumentItemStampsTable[]) => {
    for (const row of rows) statement.run(row);
  });
}

/** Who first stored each item of a document: answers "which organization typed this". */
export class ItemAuthorship {
  private constructor(private readonly byClient: Map<number, ItemStampRow[]>) {}

  static async load(db: Kysely<Database>, documentName: string): Promise<ItemAuthorship> {
    const rows = await db
      .selectFrom("document_item_stamps")
      .select(["client_id", "clock_start", "clock_end", "organization_id", "update_id"])
      .where("document_name", "=", documentName)
      .orderBy("update_id")
      .execute();
    const byClient = new Map<number, ItemStampRow[]>();
    for (const row of rows) {
      const clientId = Number(row.client_id);
      const list = byClient.get(clientId) ?? [];
      list.push({
        clockStart: Number(row.clock_start),
        clockEnd: Number(row.clock_end),
        organizationId: row.organization_id,
      });
      byClient.set(clientId, list);
    }
    return new ItemAuthorship(byClient);
  }

  /**
   * The organization of the first stored update that carried the item: a later update
   * carrying the same clocks again (a client re-sending, or one reusing another's client
   * id) changed nothing, so it is not its author.
   */
  organizationOf(id: Y.ID): string | null {
    const rows = this.byClient.get(id.client) ?? [];
    const row = rows.find((r) => r.clockStart <= id.clock && id.clock < r.clockEnd);
    return row?.organizationId ?? null;
  }
}

interface ItemStampRow {
  clockStart: number;
  clockEnd: number;
  organizationId: string | null;
}
