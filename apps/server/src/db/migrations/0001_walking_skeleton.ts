import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { blobType, millisType } from "./shared.js";

export function walkingSkeleton(dialect: Dialect): Migration {
  const blob = blobType(dialect);
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("sessions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("expires_at", millis, (c) => c.notNull())
        .execute();
      await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();

      await db.schema
        .createTable("organizations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("organization_members")
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) =>
          c.notNull().unique().references("users.id").onDelete("cascade"),
        )
        .addColumn("role", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("organization_members_pk", ["organization_id", "user_id"])
        .execute();

      await db.schema
        .createTable("partnerships")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable("partnership_organizations")
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("joined_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("partnership_organizations_pk", [
          "partnership_id",
          "organization_id",
        ])
        .execute();

      await db.schema
        .createTable("partnership_members")
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("permission", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("partnership_members_pk", ["partnership_id", "user_id"])
        .execute();
      await db.schema
        .createIndex("partnership_members_user_id")
        .on("partnership_members")
        .column("user_id")
        .execute();

      await db.schema
        .createTable("invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("level", "text", (c) => c.notNull())
        .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
        .addColumn("created_by", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("expires_at", millis, (c) => c.notNull())
        .addColumn("accepted_by", "text", (c) => c.references("users.id"))
        .addColumn("accepted_at", millis)
        .execute();

      await db.schema
        .createTable("document_updates")
        .addColumn("id", dialect === "postgres" ? "bigserial" : "integer", (c) =>
          dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn("document_name", "text", (c) => c.notNull())
        .addColumn("update", sql.raw(blob), (c) => c.notNull())
        .addColumn("user_id", "text", (c) => c.references("users.id"))
        .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("document_updates_document_name_id")
        .on("document_updates")
        .columns(["document_name", "id"])
        .execute();
    },
  };
}
