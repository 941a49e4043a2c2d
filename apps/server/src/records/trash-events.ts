import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** An entry deleted into the trash, or restored from it, by someone. */
export interface TrashEvent {
  kind: "deleted" | "restored";
  documentName: string;
  userId: string | null;
  title: string;
  at: number;
}

/** The deletions and restorations in these documents between `from` and `to` (ms), with slack. */
export async function trashEvents(
  db: Kysely<Database>,
  documentNames: readonly string[],
  from: number,
  to: number,
): Promise<TrashEvent[]> {
  if (documentNames.length === 0 || !Number.isFinite(from) || !Number.isFinite(to)) return [];
  const slack = 60_000;
  const rows = await db
    .selectFrom("entry_trash")
    .select([
      "document_name",
      "title",
      "deleted_by_user_id",
      "deleted_at",
      "restored_by_user_id",
      "restored_at",
    ])
    .where("document_name", "in", [...documentNames])
    .where((eb) =>
      eb.or([
        eb.and([eb("deleted_at", ">=", from - slack), eb("deleted_at", "<=", to + slack)]),
        eb.and([eb("restored_at", ">=", from - slack), eb("restored_at", "<=", to + slack)]),
      ]),
    )
    .orderBy("deleted_at")
    .execute();
  return rows.flatMap((row): TrashEvent[] => [
    {
      kind: "deleted",
      documentName: row.document_name,
      userId: row.deleted_by_user_id,
      title: row.title,
      at: Number(row.deleted_at),
    },
    ...(row.restored_at === null
      ? []
      : [
          {
            kind: "restored" as const,
            documentName: row.document_name,
            userId: row.restored_by_user_id,
            title: row.title,
            at: Number(row.restored_at),
          },
        ]),
  ]);
}
