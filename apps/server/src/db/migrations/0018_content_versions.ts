import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function contentVersions(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      const serial = dialect === "postgres" ? "bigserial" : "integer";
      const partnership = (c: ColumnDefinitionBuilder) =>
        c.notNull().references("partnerships.id").onDelete("cascade");
      // A number (1, 2, 3…) for each distinct content version of a partnership's charter,
      // in the order the server first saw them.
      await db.schema
        .createTable("charter_versions")
        .addColumn("partnership_id", "text", partnership)
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("number", "integer", (c) => c.notNull())
        .addColumn("first_seen_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("charter_versions_pk", ["partnership_id", "version"])
        .addUniqueConstraint("charter_versions_number", ["partnership_id", "number"])
        .execute();
      // Each time the server saw the charter at another version than the time before:
      // when an endorsement stopped being current.
      await db.schema
        .createTable("charter_version_sightings")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("partnership_id", "text", partnership)
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("seen_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("charter_version_sightings_partnership")
        .on("charter_version_sightings")
        .columns(["partnership_id", "id"])
        .execute();
      // One-off steps that need more than SQL (reading documents), run once at start.
      await db.schema
        .createTable("server_upgrades")
        .addColumn("name", "text", (c) => c.primaryKey())
        .addColumn("done_at", millis, (c) => c.notNull())
        .execute();

      // Sign-offs outlive their item and meeting: no cascade from agenda_items any more,
      // a snapshot of what was signed, and who deleted it. Rebuilt, as SQLite cannot drop
      // a foreign key; earlier sign-offs (notes only) keep their version and no snapshot.
      await db.schema
        .createTable("agenda_sign_offs_0018")
        .addColumn("id", serial, (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("partnership_id", "text", partnership)
        .addColumn("meeting_id", "text", (c) => c.notNull())
        .addColumn("agenda_item_id", "text", (c) => c.notNull())
        .addColumn("organization_id", "text", (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("version", "text", (c) => c.notNull())
        .addColumn("snapshot", "text")
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("deleted_at", millis)
        .addColumn("deleted_by_user_id", "text")
        .addColumn("deleted_by_organization_id", "text")
        .execute();
      await sql`
          insert into agenda_sign_offs_0018
            (partnership_id, meeting_id, agenda_item_id, organization_id, user_id, version,
             created_at)
          select m.partnership_id, i.meeting_id, s.agenda_item_id, s.organization_id,
            s.user_id, s.version, s.created_at
          from agenda_sign_offs s
          join agenda_items i on i.id = s.agenda_item_id
          join meetings m on m.id = i.meeting_id
          order by s.id`.execute(db);
      await db.schema.dropTable("agenda_sign_offs").execute();
      await db.schema.alterTable("agenda_sign_offs_0018").renameTo("agenda_sign_offs").execute();
      await db.schema
        .createIndex("agenda_sign_offs_item")
        .on("agenda_sign_offs")
        .columns(["agenda_item_id", "id"])
        .execute();
      await db.schema
        .createIndex("agenda_sign_offs_meeting")
        .on("agenda_sign_offs")
        .columns(["partnership_id", "meeting_id"])
        .execute();
    },
  };
}
