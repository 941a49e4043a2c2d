import type { Kysely, Migration } from "kysely";

export function activityIndex(): Migration {
  return {
    async up(db: Kysely<any>) {
      // The activity view reads a partnership's documents' updates by time.
      await db.schema
        .createIndex("document_updates_document_created")
        .on("document_updates")
        .columns(["document_name", "created_at"])
        .execute();
    },
  };
}
