import {
  Migrator,
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from "kysely";
import type { Dialect } from "./database.js";

/**
 * Versioned migrations, applied in name order at start-up. Never edit one that has
 * shipped: add the next. Each receives the dialect for the few types that differ.
 */
// Migrations see the schema as it was when they were written, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
function migrations(dialect: Dialect): Record<string, Migration> {
  const blob = dialect === "postgres" ? "bytea" : "blob";
  const millis = dialect === "postgres" ? "bigint" : "integer";

  return {
    "0001_walking_skeleton": {
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
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
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
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
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
    },
    "0002_document_snapshots": {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable("document_snapshots")
          .addColumn("document_name", "text", (c) => c.primaryKey())
          .addColumn("state", sql.raw(blob), (c) => c.notNull())
          .addColumn("last_update_id", "bigint", (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0003_governance": {
      async up(db: Kysely<any>) {
        // History tables: rows are only ever inserted, so "who endorsed or voted what, when" stays.
        const serial = dialect === "postgres" ? "bigserial" : "integer";
        await db.schema
          .createTable("charter_endorsements")
          .addColumn("id", serial, (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("version", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("charter_endorsements_partnership_id")
          .on("charter_endorsements")
          .columns(["partnership_id", "id"])
          .execute();

        await db.schema
          .createTable("decision_votes")
          .addColumn("id", serial, (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("decision_id", "text", (c) => c.notNull())
          .addColumn("seq", "integer", (c) => c.notNull())
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("vote", "text", (c) => c.notNull())
          .addColumn("comment", "text")
          .addColumn("outcome", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        // One row per position in a decision's history: of two votes cast on the same view
        // of it, only one lands, so nothing is ever recorded after the vote that decided it.
        await db.schema
          .createIndex("decision_votes_decision_seq")
          .on("decision_votes")
          .columns(["partnership_id", "decision_id", "seq"])
          .unique()
          .execute();
      },
    },
    "0004_updates_feed": {
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
          .addColumn("post_id", "text", (c) =>
            c.notNull().references("posts.id").onDelete("cascade"),
          )
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
          .addColumn("post_id", "text", (c) =>
            c.notNull().references("posts.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("reaction", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          // One reaction per user per target: a new one replaces it (upsert on this key).
          .addPrimaryKeyConstraint("reactions_pk", ["target_kind", "target_id", "user_id"])
          .execute();
        await db.schema
          .createIndex("reactions_post_id")
          .on("reactions")
          .column("post_id")
          .execute();

        await db.schema
          .createTable("post_reads")
          .addColumn("post_id", "text", (c) =>
            c.notNull().references("posts.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("read_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("post_reads_pk", ["post_id", "user_id"])
          .execute();

        await db.schema
          .createTable("notifications")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("post_id", "text", (c) =>
            c.notNull().references("posts.id").onDelete("cascade"),
          )
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
    },
    "0005_comments": {
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
    },
    "0006_notification_preferences": {
      async up(db: Kysely<any>) {
        // One row per user who changed anything; defaults live in the code.
        await db.schema
          .createTable("user_preferences")
          .addColumn("user_id", "text", (c) =>
            c.primaryKey().references("users.id").onDelete("cascade"),
          )
          .addColumn("language", "text")
          // {kind: boolean} of the e-mail choices the user made, as JSON text.
          .addColumn("email_kinds", "text", (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("digest_subscriptions")
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("frequency", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("digest_subscriptions_pk", ["user_id", "partnership_id"])
          .execute();
      },
    },
    "0007_digest_deliveries": {
      async up(db: Kysely<any>) {
        // Claimed before a digest is sent: the primary key lets one instance alone send
        // a user's digest of a partnership for a period.
        await db.schema
          .createTable("digest_deliveries")
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("period_key", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("digest_deliveries_pk", [
            "user_id",
            "partnership_id",
            "period_key",
          ])
          .execute();
      },
    },
    "0008_activity_index": {
      async up(db: Kysely<any>) {
        // The activity view reads a partnership's documents' updates by time.
        await db.schema
          .createIndex("document_updates_document_created")
          .on("document_updates")
          .columns(["document_name", "created_at"])
          .execute();
      },
    },
    "0009_governance_notifications": {
      async up(db: Kysely<any>) {
        // Notifications about an item of the partnership rather than a post or comment.
        for (const column of ["item_kind", "item_id", "item_title", "actor_organization_id"]) {
          await db.schema.alterTable("notifications").addColumn(column, "text").execute();
        }
        // What the governance watch already told people about: one row per event, claimed
        // before notifying, so several instances tell it once.
        await db.schema
          .createTable("notification_marks")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0011_meetings": {
      async up(db: Kysely<any>) {
        const serial = dialect === "postgres" ? "bigserial" : "integer";
        await db.schema
          .createTable("meetings")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("level", "text", (c) => c.notNull())
          .addColumn("starts_at", millis, (c) => c.notNull())
          .addColumn("duration_minutes", "integer", (c) => c.notNull())
          .addColumn("facilitator_user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("created_by_user_id", "text", (c) => c.notNull())
          .addColumn("created_by_organization_id", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("meetings_partnership_starts")
          .on("meetings")
          .columns(["partnership_id", "starts_at"])
          .execute();

        // The organization is stamped when the participant is added (a user belongs to one).
        await db.schema
          .createTable("meeting_participants")
          .addColumn("meeting_id", "text", (c) =>
            c.notNull().references("meetings.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("meeting_participants_pk", ["meeting_id", "user_id"])
          .execute();

        await db.schema
          .createTable("agenda_items")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("meeting_id", "text", (c) =>
            c.notNull().references("meetings.id").onDelete("cascade"),
          )
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("owner_organization_id", "text", (c) => c.notNull())
          .addColumn("timebox_minutes", "integer", (c) => c.notNull())
          .addColumn("position", "integer", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("agenda_items_meeting_position")
          .on("agenda_items")
          .columns(["meeting_id", "position"])
          .execute();

        // History: sign-offs are only ever inserted; the latest of each organization counts.
        await db.schema
          .createTable("agenda_sign_offs")
          .addColumn("id", serial, (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("agenda_item_id", "text", (c) =>
            c.notNull().references("agenda_items.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) => c.notNull())
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("version", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("agenda_sign_offs_item")
          .on("agenda_sign_offs")
          .columns(["agenda_item_id", "id"])
          .execute();

        // One row per level that has a rhythm; a level without one has no row.
        await db.schema
          .createTable("governance_rhythms")
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("level", "text", (c) => c.notNull())
          .addColumn("interval_days", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("governance_rhythms_pk", ["partnership_id", "level"])
          .execute();
      },
    },
    "0012_workshops": {
      async up(db: Kysely<any>) {
        const meeting = (c: ColumnDefinitionBuilder) =>
          c.notNull().references("meetings.id").onDelete("cascade");
        // The board, timer and vote of a meeting's workshop; made on first use.
        await db.schema
          .createTable("workshops")
          .addColumn("meeting_id", "text", (c) =>
            c.primaryKey().references("meetings.id").onDelete("cascade"),
          )
          .addColumn("phase", "text", (c) => c.notNull())
          .addColumn("timer_status", "text", (c) => c.notNull())
          .addColumn("timer_duration_ms", millis)
          .addColumn("timer_ends_at", millis)
          .addColumn("timer_remaining_ms", millis)
          .addColumn("vote_status", "text", (c) => c.notNull())
          .addColumn("votes_per_person", "integer")
          .addColumn("created_at", millis, (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("workshop_columns")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("meeting_id", "text", meeting)
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("position", "integer", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("workshop_columns_meeting")
          .on("workshop_columns")
          .columns(["meeting_id", "position"])
          .execute();
        // A note is hidden from everyone but its author while `revealed_at` is null.
        await db.schema
          .createTable("workshop_notes")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("meeting_id", "text", meeting)
          .addColumn("author_user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("column_id", "text", (c) => c.notNull())
          .addColumn("group_id", "text")
          .addColumn("revealed_at", millis)
          .addColumn("conversion_kind", "text")
          .addColumn("conversion_item_id", "text")
          .addColumn("converted_by_user_id", "text")
          .addColumn("converted_at", millis)
          .addColumn("created_at", millis, (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("workshop_notes_meeting")
          .on("workshop_notes")
          .columns(["meeting_id", "created_at"])
          .execute();
        await db.schema
          .createTable("workshop_groups")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("meeting_id", "text", meeting)
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("created_by_user_id", "text", (c) => c.notNull())
          .addColumn("conversion_kind", "text")
          .addColumn("conversion_item_id", "text")
          .addColumn("converted_by_user_id", "text")
          .addColumn("converted_at", millis)
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("workshop_groups_meeting")
          .on("workshop_groups")
          .columns(["meeting_id", "created_at"])
          .execute();
        // Dots: one row per voter and target. Never shown with the voter, except to the voter.
        await db.schema
          .createTable("workshop_votes")
          .addColumn("meeting_id", "text", meeting)
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("target_kind", "text", (c) => c.notNull())
          .addColumn("target_id", "text", (c) => c.notNull())
          .addColumn("count", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("workshop_votes_pk", ["meeting_id", "user_id", "target_id"])
          .execute();
      },
    },
    "0010_item_watch": {
      async up(db: Kysely<any>) {
        // The status the item watch last saw of each action and issue. A change is told by
        // the instance whose conditional update moves the row on (so once); a first sighting
        // is only recorded. `last_update_id`: the document's latest update then, where the
        // search for who made the next change starts.
        await db.schema
          .createTable("item_watch")
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("item_kind", "text", (c) => c.notNull())
          .addColumn("item_id", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("last_update_id", dialect === "postgres" ? "bigint" : "integer", (c) =>
            c.notNull(),
          )
          .addColumn("seen_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("item_watch_pk", ["partnership_id", "item_kind", "item_id"])
          .execute();
        // An action's or issue's notification says its status and due date at the time.
        for (const column of ["item_status", "item_due_date"]) {
          await db.schema.alterTable("notifications").addColumn(column, "text").execute();
        }
      },
    },
    "0018_content_versions": {
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
    },
    "0019_kpi_targets": {
      async up(db: Kysely<any>) {
        // Two-key KPI targets: a proposal per target change, kept after it is applied,
        // withdrawn or replaced, so the target history can say who proposed and who agreed.
        await db.schema
          .createTable("kpi_target_proposals")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("objective_id", "text", (c) => c.notNull())
          .addColumn("kpi_id", "text", (c) => c.notNull())
          .addColumn("target", dialect === "postgres" ? "double precision" : "real", (c) =>
            c.notNull(),
          )
          .addColumn("note", "text")
          .addColumn("proposed_by_user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          // JSON array: the owners whose agreement it needed when proposed.
          .addColumn("required_organization_ids", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .addColumn("resolved_at", millis)
          .addColumn("withdrawn_by_user_id", "text")
          .addColumn("withdrawn_by_organization_id", "text")
          .execute();
        await db.schema
          .createIndex("kpi_target_proposals_partnership")
          .on("kpi_target_proposals")
          .columns(["partnership_id", "kpi_id", "created_at"])
          .execute();
        // At most one pending proposal per KPI: of two made at once, one lands.
        await sql`create unique index kpi_target_proposals_one_pending
          on kpi_target_proposals (partnership_id, kpi_id) where status = 'pending'`.execute(db);
        await db.schema
          .createTable("kpi_target_agreements")
          .addColumn("proposal_id", "text", (c) =>
            c.notNull().references("kpi_target_proposals.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
          .addColumn("created_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("kpi_target_agreements_pk", ["proposal_id", "organization_id"])
          .execute();
      },
    },
    "0020_document_versions": {
      async up(db: Kysely<any>) {
        // Versions of the rich-text documents: a full Yjs state each, so they outlive the
        // compaction (and garbage collection) of `document_updates`. Rows are never updated.
        await db.schema
          .createTable("document_versions")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("document_name", "text", (c) => c.notNull())
          .addColumn("number", "integer", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("label", "text")
          .addColumn("state", blob, (c) => c.notNull())
          .addColumn("last_update_id", millis, (c) => c.notNull())
          .addColumn("authors", "text", (c) => c.notNull())
          .addColumn("endorsed_by", "text", (c) => c.notNull())
          .addColumn("restored_from", "text")
          .addColumn("created_by", "text")
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        // One number per version of a document: of two versions made at once, one retries.
        await db.schema
          .createIndex("document_versions_number")
          .on("document_versions")
          .columns(["document_name", "number"])
          .unique()
          .execute();
        // Which update inserted which Yjs items (client id, clock range), with its stamp, so a
        // comparison can colour inserted text by the organization whose member typed it.
        await db.schema
          .createTable("document_item_stamps")
          .addColumn("document_name", "text", (c) => c.notNull())
          .addColumn("update_id", millis, (c) => c.notNull())
          .addColumn("client_id", millis, (c) => c.notNull())
          .addColumn("clock_start", millis, (c) => c.notNull())
          .addColumn("clock_end", millis, (c) => c.notNull())
          .addColumn("user_id", "text")
          .addColumn("organization_id", "text")
          .execute();
        await db.schema
          .createIndex("document_item_stamps_client")
          .on("document_item_stamps")
          .columns(["document_name", "client_id", "update_id"])
          .execute();
      },
    },
    "0017_decision_content": {
      async up(db: Kysely<any>) {
        // The decision content each vote was cast on (hash of its canonical JSON). Votes
        // recorded before have none: they bind to nothing, so they count only in a decision
        // already decided (whose decided content is taken as it stands on first read).
        await db.schema.alterTable("decision_votes").addColumn("content_version", "text").execute();
        // What was decided: one row per decided decision, written with the deciding vote.
        await db.schema
          .createTable("decision_agreements")
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("decision_id", "text", (c) => c.notNull())
          .addColumn("outcome", "text", (c) => c.notNull())
          .addColumn("content_version", "text", (c) => c.notNull())
          .addColumn("content", "text", (c) => c.notNull())
          .addColumn("decided_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("decision_agreements_pk", ["partnership_id", "decision_id"])
          .execute();
      },
    },
    "0016_entry_records": {
      async up(db: Kysely<any>) {
        const partnership = (c: ColumnDefinitionBuilder) =>
          c.notNull().references("partnerships.id").onDelete("cascade");
        // The server's record of what each applied update changed in a structured
        // document's entries, with the sender it authenticated: field history and the
        // actor of notifications. Values are JSON, bounded in size.
        await db.schema
          .createTable("entry_changes")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", partnership)
          .addColumn("document_name", "text", (c) => c.notNull())
          .addColumn("collection", "text", (c) => c.notNull())
          .addColumn("entry_id", "text", (c) => c.notNull())
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("fields", "text", (c) => c.notNull())
          .addColumn("user_id", "text")
          .addColumn("organization_id", "text")
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("entry_changes_entry")
          .on("entry_changes")
          .columns(["document_name", "entry_id", "at"])
          .execute();
        await db.schema
          .createIndex("entry_changes_partnership")
          .on("entry_changes")
          .columns(["partnership_id", "at"])
          .execute();
        // Deleted entries, kept (with their nested entries) for 30 days to be restored.
        await db.schema
          .createTable("entry_trash")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", partnership)
          .addColumn("document_name", "text", (c) => c.notNull())
          .addColumn("collection", "text", (c) => c.notNull())
          .addColumn("entry_id", "text", (c) => c.notNull())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("owner_organization_id", "text")
          .addColumn("entry", "text", (c) => c.notNull())
          .addColumn("deleted_by_user_id", "text")
          .addColumn("deleted_by_organization_id", "text")
          .addColumn("deleted_at", millis, (c) => c.notNull())
          .addColumn("expires_at", millis, (c) => c.notNull())
          .addColumn("restored_by_user_id", "text")
          .addColumn("restored_at", millis)
          .execute();
        await db.schema
          .createIndex("entry_trash_partnership")
          .on("entry_trash")
          .columns(["partnership_id", "deleted_at"])
          .execute();
        await db.schema
          .createIndex("entry_trash_expiry")
          .on("entry_trash")
          .column("expires_at")
          .execute();
        // An item notification whose actor the server's records do not know says "someone"
        // (its actor_user_id is then the recipient's own, only to satisfy the reference).
        await db.schema
          .alterTable("notifications")
          .addColumn("actor_known", "integer", (c) => c.notNull().defaultTo(1))
          .execute();
        // A decision proposed in someone else's name: whom the decision names.
        await db.schema.alterTable("notifications").addColumn("item_proposed_by", "text").execute();
      },
    },
    "0013_login_throttle": {
      async up(db: Kysely<any>) {
        // One row per failed sign-in (and per attempt being checked), shared by every
        // instance: counted per (account, address), per address and per account.
        await db.schema
          .createTable("login_failures")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("address", "text", (c) => c.notNull())
          .addColumn("failed_at", millis, (c) => c.notNull())
          .execute();
        for (const [name, columns] of [
          ["login_failures_pair", ["account", "address", "failed_at"]],
          ["login_failures_address", ["address", "failed_at"]],
          ["login_failures_time", ["failed_at"]],
        ] as const) {
          await db.schema
            .createIndex(name)
            .on("login_failures")
            .columns([...columns])
            .execute();
        }
      },
    },
    "0014_organization_consent": {
      async up(db: Kysely<any>) {
        // Which organizations of a partnership approved an organization invitation.
        await db.schema
          .createTable("invitation_approvals")
          .addColumn("invitation_id", "text", (c) =>
            c.notNull().references("invitations.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("approved_by", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("approved_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("invitation_approvals_pk", ["invitation_id", "organization_id"])
          .execute();
      },
    },
    "0022_landing_page": {
      async up(db: Kysely<any>) {
        // Per member and partnership: the page `/p/:id` opens on. No row: the charter.
        await db.schema
          .createTable("landing_pages")
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("page", "text", (c) => c.notNull())
          .addColumn("updated_at", millis, (c) => c.notNull())
          .addPrimaryKeyConstraint("landing_pages_pk", ["user_id", "partnership_id"])
          .execute();
      },
    },
    "0021_health_checks": {
      async up(db: Kysely<any>) {
        // A health check cycle. `respondent_secret` exists only while it is open: it keys
        // the respondent tokens that let a member replace their answer, and goes at close.
        await db.schema
          .createTable("health_checks")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("dimensions", "text", (c) => c.notNull())
          .addColumn("min_respondents", "integer", (c) => c.notNull())
          .addColumn("respondent_secret", "text")
          .addColumn("opened_at", millis, (c) => c.notNull())
          .addColumn("closed_at", millis)
          .execute();
        await db.schema
          .createIndex("health_checks_partnership")
          .on("health_checks")
          .columns(["partnership_id", "opened_at"])
          .execute();
        // Answers carry no user id and no time; only the organization (results are per side).
        await db.schema
          .createTable("health_check_answers")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("health_check_id", "text", (c) =>
            c.notNull().references("health_checks.id").onDelete("cascade"),
          )
          .addColumn("organization_id", "text", (c) => c.notNull())
          .addColumn("respondent_token", "text")
          .addColumn("ratings", "text", (c) => c.notNull())
          .addColumn("comment", "text")
          .execute();
        await db.schema
          .createIndex("health_check_answers_token")
          .on("health_check_answers")
          .columns(["health_check_id", "respondent_token"])
          .unique()
          .execute();
        // Who answered a closed cycle (not what): written at close, in user id order.
        await db.schema
          .createTable("health_check_respondents")
          .addColumn("health_check_id", "text", (c) =>
            c.notNull().references("health_checks.id").onDelete("cascade"),
          )
          .addColumn("user_id", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("health_check_respondents_pk", ["health_check_id", "user_id"])
          .execute();
      },
    },
    // Reply by e-mail: the key a reply address's token names, bound to one user and one thread.
    "0029_reply_addresses": {
      async up(db) {
        await db.schema
          .createTable("reply_addresses")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("user_id", "text", (c) =>
            c.notNull().references("users.id").onDelete("cascade"),
          )
          .addColumn("partnership_id", "text", (c) => c.notNull())
          .addColumn("target_kind", "text", (c) => c.notNull())
          .addColumn("target_id", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("reply_addresses_target")
          .on("reply_addresses")
          .columns(["user_id", "target_kind", "target_id"])
          .unique()
          .execute();
      },
    },
    "0024_partnership_templates": {
      async up(db: Kysely<any>) {
        // The template a partnership started from (none: it started blank), and in which language.
        await db.schema
          .createTable("partnership_templates")
          .addColumn("partnership_id", "text", (c) =>
            c.primaryKey().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("template", "text", (c) => c.notNull())
          .addColumn("language", "text", (c) => c.notNull())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0025_invitation_lifecycle": {
      async up(db: Kysely<any>) {
        // Who an invitation was e-mailed to, which organization made it (the one whose admins
        // may revoke it), and its revocation.
        await db.schema.alterTable("invitations").addColumn("email", "text").execute();
        await db.schema
          .alterTable("invitations")
          .addColumn("inviter_organization_id", "text")
          .execute();
        await db.schema.alterTable("invitations").addColumn("revoked_by", "text").execute();
        await db.schema.alterTable("invitations").addColumn("revoked_at", millis).execute();
        // Invitations made before this: the inviter's seat in the partnership tells.
        await sql`
          UPDATE invitations SET inviter_organization_id = (
            SELECT partnership_members.organization_id FROM partnership_members
            WHERE partnership_members.partnership_id = invitations.partnership_id
              AND partnership_members.user_id = invitations.created_by
          )
        `.execute(db);
      },
    },
    "0027_organization_sso": {
      async up(db: Kysely<any>) {
        // An organization's own OpenID provider; the client secret is AES-256-GCM ciphertext.
        await db.schema
          .createTable("organization_sso")
          .addColumn("organization_id", "text", (c) =>
            c.primaryKey().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("issuer", "text", (c) => c.notNull())
          .addColumn("client_id", "text", (c) => c.notNull())
          .addColumn("client_secret_encrypted", "text", (c) => c.notNull())
          .addColumn("password_sign_in", "integer", (c) => c.notNull())
          // When an admin of the organization last signed in through this very provider.
          .addColumn("admin_proven_at", millis)
          .addColumn("updated_by", "text", (c) => c.references("users.id").onDelete("set null"))
          .addColumn("updated_at", millis, (c) => c.notNull())
          .execute();
        // A domain belongs to one organization at most.
        await db.schema
          .createTable("organization_sso_domains")
          .addColumn("domain", "text", (c) => c.primaryKey())
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organization_sso.organization_id").onDelete("cascade"),
          )
          .execute();
        // A sign-in under way: the browser holds a random token, the store its SHA-256.
        await db.schema
          .createTable("sso_sign_ins")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("organization_id", "text", (c) =>
            c.notNull().references("organizations.id").onDelete("cascade"),
          )
          .addColumn("state", "text", (c) => c.notNull())
          .addColumn("nonce", "text", (c) => c.notNull())
          .addColumn("code_verifier", "text", (c) => c.notNull())
          .addColumn("next", "text", (c) => c.notNull())
          .addColumn("expires_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0028_meeting_calendar": {
      async up(db: Kysely<any>) {
        // Where and when a meeting happens for calendars; `calendar_sequence` is the
        // iCalendar SEQUENCE, raised each time its time, place or title moves.
        await db.schema
          .alterTable("meetings")
          .addColumn("time_zone", "text", (c) => c.notNull().defaultTo("UTC"))
          .execute();
        await db.schema
          .alterTable("meetings")
          .addColumn("place", "text", (c) => c.notNull().defaultTo(""))
          .execute();
        await db.schema.alterTable("meetings").addColumn("video_url", "text").execute();
        await db.schema
          .alterTable("meetings")
          .addColumn("calendar_sequence", "integer", (c) => c.notNull().defaultTo(0))
          .execute();
        // What calendars still need of a deleted meeting: enough to say it is cancelled,
        // kept 30 days (`expires_at`) and pruned after.
        await db.schema
          .createTable("cancelled_meetings")
          .addColumn("meeting_id", "text", (c) => c.primaryKey())
          .addColumn("partnership_id", "text", (c) =>
            c.notNull().references("partnerships.id").onDelete("cascade"),
          )
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("starts_at", millis, (c) => c.notNull())
          .addColumn("duration_minutes", "integer", (c) => c.notNull())
          .addColumn("time_zone", "text", (c) => c.notNull())
          .addColumn("place", "text", (c) => c.notNull())
          .addColumn("calendar_sequence", "integer", (c) => c.notNull())
          .addColumn("cancelled_at", millis, (c) => c.notNull())
          .addColumn("expires_at", millis, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("cancelled_meetings_partnership")
          .on("cancelled_meetings")
          .columns(["partnership_id", "expires_at"])
          .execute();
        // One private feed per user; the URL's token is the credential, stored as its SHA-256.
        await db.schema
          .createTable("calendar_feeds")
          .addColumn("user_id", "text", (c) =>
            c.primaryKey().references("users.id").onDelete("cascade"),
          )
          .addColumn("token_hash", "text", (c) => c.notNull().unique())
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0023_search_index": {
      async up(db: Kysely<any>) {
        const serial = dialect === "postgres" ? "bigserial" : "integer";
        await db.schema
          .createTable("search_entries")
          .addColumn("id", serial, (c) =>
            dialect === "postgres" ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn("entry_key", "text", (c) => c.notNull().unique())
          .addColumn("source", "text", (c) => c.notNull())
          .addColumn("partnership_id", "text", (c) => c.notNull())
          .addColumn("document_name", "text")
          .addColumn("organization_id", "text")
          .addColumn("visible_to_organization_id", "text")
          .addColumn("kind", "text", (c) => c.notNull())
          .addColumn("title", "text", (c) => c.notNull())
          .addColumn("body", "text", (c) => c.notNull())
          .addColumn("url", "text", (c) => c.notNull())
          .addColumn("content_hash", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("search_entries_source")
          .on("search_entries")
          .column("source")
          .execute();
        await db.schema
          .createIndex("search_entries_partnership")
          .on("search_entries")
          .column("partnership_id")
          .execute();
        await db.schema
          .createTable("search_documents")
          .addColumn("document_name", "text", (c) => c.primaryKey())
          .addColumn("last_update_id", millis, (c) => c.notNull())
          .execute();
        if (dialect === "postgres") {
          // English and French stems of the accent-folded text (folded by the server, so
          // the unaccent extension is not needed); titles weigh more.
          await sql`ALTER TABLE search_entries ADD COLUMN search_vector tsvector NOT NULL`.execute(
            db,
          );
          await sql`CREATE INDEX search_entries_vector ON search_entries USING gin (search_vector)`.execute(
            db,
          );
        } else {
          // rowid = search_entries.id; porter stems English, `stems` holds French stems.
          await sql`CREATE VIRTUAL TABLE search_fts USING fts5(title, body, stems, tokenize = 'porter unicode61 remove_diacritics 2')`.execute(
            db,
          );
        }
      },
    },
    // A meeting's discussion post in the updates feed (reply by e-mail to meeting e-mails).
    "0030_meeting_discussions": {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable("meeting_discussions")
          .addColumn("meeting_id", "text", (c) =>
            c.primaryKey().references("meetings.id").onDelete("cascade"),
          )
          .addColumn("post_id", "text", (c) =>
            c.notNull().references("posts.id").onDelete("cascade"),
          )
          .addColumn("created_at", millis, (c) => c.notNull())
          .execute();
      },
    },
    "0031_user_language": {
      async up(db: Kysely<any>) {
        // The app's language, so that e-mails follow it unless the member chose theirs.
        await db.schema.alterTable("users").addColumn("app_language", "text").execute();
      },
    },
    // The notifications page lists one partnership's notifications of a user, newest first.
    "0033_notification_filters": {
      async up(db: Kysely<any>) {
        await db.schema
          .createIndex("notifications_user_partnership_created")
          .on("notifications")
          .columns(["user_id", "partnership_id", "created_at", "id"])
          .execute();
      },
    },
  };
}

/** Brings the schema to the latest version; throws (and the server does not start) on failure. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === "Error");
  if (error !== undefined || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ""} failed`, { cause: error });
  }
}

/** Brings the schema up to the named migration only (tests of a migration on older data). */
export async function migrateUpTo(db: Kysely<any>, dialect: Dialect, name: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations(dialect)) };
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error !== undefined) throw new Error(`Migration to ${name} failed`, { cause: error });
}
