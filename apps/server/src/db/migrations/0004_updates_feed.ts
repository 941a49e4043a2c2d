import type { Kysely, Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function updatesFeed(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      // Rich bodies are Tiptap JSON kept as text (JSON in both dialects' eyes is just text
      // here: nothing queries inside it); search runs on the lower-cased plain text beside it.
      await db.schema
        .createTable("posts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("author_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("author_organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("tag", "text", (c) => c.notNull())
        .addColumn("links", "text", (c) => c.notNull())
        .addColumn("search_text", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("edited_at", millis)
        .addColumn("deleted_at", millis)
        .execute();
      // The feed: a partnership's posts newest first, paged by (created_at, id).
      await db.schema
        .createIndex("posts_partnership_created")
        .on("posts")
        .columns(["partnership_id", "created_at", "id"])
        .execute();

      await db.schema
        .createTable("replies")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("post_id", "text", (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("author_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("author_organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("search_text", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("edited_at", millis)
        .addColumn("deleted_at", millis)
        .execute();
      // A thread oldest first; reply counts per post.
      await db.schema
        .createIndex("replies_post_created")
        .on("replies")
        .columns(["post_id", "created_at", "id"])
        .execute();

      await db.schema
        .createTable("reactions")
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target_id", "text", (c) => c.notNull())
        .addColumn("post_id", "text", (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("reaction", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        // One reaction per user per target: a new one replaces it (upsert on this key).
        .addPrimaryKeyConstraint("reactions_pk", ["target_kind", "target_id", "user_id"])
        .execute();
      await db.schema.createIndex("reactions_post_id").on("reactions").column("post_id").execute();

      await db.schema
        .createTable("post_reads")
        .addColumn("post_id", "text", (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("read_at", millis, (c) => c.notNull())
        .addPrimaryKeyConstraint("post_reads_pk", ["post_id", "user_id"])
        .execute();

      await db.schema
        .createTable("notifications")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("post_id", "text", (c) => c.notNull().references("posts.id").onDelete("cascade"))
        .addColumn("reply_id", "text", (c) => c.references("replies.id").onDelete("cascade"))
        .addColumn("actor_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("created_at", millis, (c) => c.notNull())
        .addColumn("read_at", millis)
        .execute();
      // A user's notifications newest first, and their unread count.
      await db.schema
        .createIndex("notifications_user_created")
        .on("notifications")
        .columns(["user_id", "created_at", "id"])
        .execute();
      await db.schema
        .createIndex("notifications_user_read")
        .on("notifications")
        .columns(["user_id", "read_at"])
        .execute();
    },
  };
}
