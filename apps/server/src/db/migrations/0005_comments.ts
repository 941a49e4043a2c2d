import { sql, type Kysely, type Migration } from "kysely";
import type { Dialect } from "../database.js";
import { millisType } from "./shared.js";

export function comments(dialect: Dialect): Migration {
  const millis = millisType(dialect);

  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("comment_threads")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("author_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("author_organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        // "charter" (with the anchor columns) or an item kind (with target_id).
        .addColumn("target_kind", "text", (c) => c.notNull())
        .addColumn("target_id", "text")
        .addColumn("anchor_start", "text")
        .addColumn("anchor_end", "text")
        .addColumn("quote", "text")
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("resolved_by", "text", (c) => c.references("users.id"))
        .addColumn("resolved_at", millis)
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("comment_threads_partnership_created")
        .on("comment_threads")
        .columns(["partnership_id", "created_at", "id"])
        .execute();

      await db.schema
        .createTable("comments")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("thread_id", "text", (c) =>
          c.notNull().references("comment_threads.id").onDelete("cascade"),
        )
        .addColumn("partnership_id", "text", (c) =>
          c.notNull().references("partnerships.id").onDelete("cascade"),
        )
        .addColumn("author_user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("author_organization_id", "text", (c) =>
          c.notNull().references("organizations.id").onDelete("cascade"),
        )
        .addColumn("body", "text", (c) => c.notNull())
        .addColumn("created_at", millis, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex("comments_thread_created")
        .on("comments")
        .columns(["thread_id", "created_at", "id"])
        .execute();

      // Notifications now point at a post or at a comment thread: post_id becomes
      // nullable. SQLite cannot drop NOT NULL, so it rebuilds the table (nothing
      // references it); PostgreSQL alters it in place.
      if (dialect === "postgres") {
        await sql`alter table notifications alter column post_id drop not null`.execute(db);
        await db.schema
          .alterTable("notifications")
          .addColumn("thread_id", "text", (c) =>
            c.references("comment_threads.id").onDelete("cascade"),
          )
          .execute();
        await db.schema
          .alterTable("notifications")
          .addColumn("comment_id", "text", (c) => c.references("comments.id").onDelete("cascade"))
          .execute();
        return;
      }
      await sql`create table notifications_next (
          id text primary key,
          user_id text not null references users (id) on delete cascade,
          partnership_id text not null references partnerships (id) on delete cascade,
          kind text not null,
          post_id text references posts (id) on delete cascade,
          reply_id text references replies (id) on delete cascade,
          thread_id text references comment_threads (id) on delete cascade,
          comment_id text references comments (id) on delete cascade,
          actor_user_id text not null references users (id),
          created_at integer not null,
          read_at integer
        )`.execute(db);
      await sql`insert into notifications_next
          (id, user_id, partnership_id, kind, post_id, reply_id, actor_user_id, created_at, read_at)
          select id, user_id, partnership_id, kind, post_id, reply_id, actor_user_id, created_at, read_at
          from notifications`.execute(db);
      await sql`drop table notifications`.execute(db);
      await sql`alter table notifications_next rename to notifications`.execute(db);
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
