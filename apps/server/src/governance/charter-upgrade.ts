import { formatDocumentName } from "@entente/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { charterVersion, yjsStateHash } from "./charter-version.js";
import { CharterVersions } from "./charter-versions.js";

/** The `server_upgrades` row that says this step ran. */
export const CHARTER_VERSION_UPGRADE = "0018_charter_content_versions";

/**
 * One-off step after migration 0018, run at start (a migration cannot read documents):
 * endorsements stored when the version was the hash of the charter's Yjs state stay current
 * when the charter has not changed since. Each row whose version is the old-style hash of
 * the charter as it is now is rewritten to the content version; the others endorsed an
 * older state and stay as they are (not current). Then every endorsed version is numbered,
 * in the order endorsed. Idempotent: two instances starting together do the same rewrite.
 */
export async function upgradeCharterVersions(
  db: Kysely<Database>,
  documents: DocumentReader,
  now: () => number = Date.now,
): Promise<void> {
  const done = await db
    .selectFrom("server_upgrades")
    .select("name")
    .where("name", "=", CHARTER_VERSION_UPGRADE)
    .executeTakeFirst();
  if (done) return;
  const versions = new CharterVersions(db);
  const partnerships = await db
    .selectFrom("charter_endorsements")
    .select("partnership_id")
    .distinct()
    .execute();
  for (const { partnership_id: partnershipId } of partnerships) {
    const doc = await documents.readDocument(
      formatDocumentName({ kind: "charter", partnershipId }),
    );
    let legacy: string;
    let current: string;
    try {
      legacy = yjsStateHash(doc);
      current = charterVersion(doc);
    } finally {
      doc.destroy();
    }
    await db
      .updateTable("charter_endorsements")
      .set({ version: current })
      .where("partnership_id", "=", partnershipId)
      .where("version", "=", legacy)
      .execute();
    const rows = await db
      .selectFrom("charter_endorsements")
      .select(["version", "created_at"])
      .where("partnership_id", "=", partnershipId)
      .orderBy("id")
      .execute();
    for (const row of rows) {
      await versions.number(partnershipId, row.version, Number(row.created_at));
    }
  }
  await db
    .insertInto("server_upgrades")
    .values({ name: CHARTER_VERSION_UPGRADE, done_at: now() })
    .onConflict((conflict) => conflict.doNothing())
    .execute();
}
