import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** Who an update came from, stamped by the server; null ids for server-written content. */
export interface UpdateStamp {
  userId: string | null;
  organizationId: string | null;
}

/** Append-only store of a document's Yjs updates. Only Yjs binary is ever stored. */
export interface UpdateLog {
  load(documentName: string): Promise<Uint8Array[]>;
  append(documentName: string, update: Uint8Array, stamp: UpdateStamp): Promise<void>;
}

export class SqlUpdateLog implements UpdateLog {
  constructor(private readonly db: Kysely<Database>) {}

  async load(documentName: string): Promise<Uint8Array[]> {
    const rows = await this.db
      .selectFrom("document_updates")
      .select("update")
      .where("document_name", "=", documentName)
      .orderBy("id")
      .execute();
    return rows.map((r) => r.update);
  }

  async append(documentName: string, update: Uint8Array, stamp: UpdateStamp): Promise<void> {
    await this.db
      .insertInto("document_updates")
      .values({
        document_name: documentName,
        update,
        user_id: stamp.userId,
        organization_id: stamp.organizationId,
        created_at: Date.now(),
      })
      .execute();
  }
}
