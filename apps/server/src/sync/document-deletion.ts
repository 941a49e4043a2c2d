import { sql, type Transaction } from "kysely";
import type { Dialect } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { DOCUMENT_LOCK_CLASS } from "./update-log.js";

/**
 * Deletes everything stored of a document (its updates and snapshot) inside `trx`, the
 * transaction that deletes what the document belonged to. On PostgreSQL it first takes the
 * document's advisory lock, like appends and compaction: one in flight commits before (and
 * its rows go too) or waits until this commits; a compaction never writes a snapshot back.
 * An update a room still had queued when the deletion committed is appended after it and
 * stays unreachable (the document's name is never served again).
 */
export async function deleteStoredDocument(
  trx: Transaction<Database>,
  dialect: Dialect,
  documentName: string,
): Promise<void> {
  if (dialect === "postgres") {
    await sql`SELECT pg_advisory_xact_lock(${DOCUMENT_LOCK_CLASS}, hashtext(${documentName}::text))`.execute(
      trx,
    );
  }
  await trx.deleteFrom("document_updates").where("document_name", "=", documentName).execute();
  await trx.deleteFrom("document_snapshots").where("document_name", "=", documentName).execute();
}
