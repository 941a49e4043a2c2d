import { REACTION_NAMES } from "@entente/protocol";
import type {
  ItemLink,
  PartnershipFeedEvent,
  PostListResponse,
  PostTag,
  PostThreadResponse,
  PostView,
  ReactionName,
  ReactionView,
  ReplyView,
  RichTextDoc,
  SeenByView,
} from "@entente/protocol";
import { sql, type Kysely, type Selectable } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { Database, PostsTable, RepliesTable } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { orderedNow } from "../ordered-clock.js";
import type { Cursor } from "@entente/protocol/schemas";
import { olderThan, page } from "../cursor.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import { resolveMentions } from "./mentions.js";
import type { NotificationService } from "../notifications/notification-service.js";
import { mentionsIn, plainText } from "@entente/protocol/schemas";

export interface NewPost {
  title: string;
  body: RichTextDoc;
  tag: PostTag;
  links: ItemLink[];
}

export type PostChanges = Partial<NewPost>;

export interface PostQuery {
  before?: Cursor | undefined;
  limit: number;
  /** Words to find in titles, bodies and replies (case-insensitive substring). */
  q?: string | undefined;
}

/** The signed-in author: id and name from the session, organization from the seat. */
export interface Writer {
  user: { id: string; name: string };
  seat: Seat;
}

type PostRow = Selectable<PostsTable> & { author_name: string };
type ReplyRow = Selectable<RepliesTable> & { author_name: string };

/** What a reaction is on. */
export type ReactionTarget =
  { kind: "post"; post: PostRow } | { kind: "reply"; post: PostRow; reply: ReplyRow };

/**
 * The updates feed of a partnership: posts, their threads of replies, reactions and
 * "seen by". Authors are stamped from the session and seat; every stored change is then
 * published on the partnership's live events, and mentions and replies notify people.
 * Callers check permissions (who may write, who is the author) before calling.
 */
export class PostService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly events: FeedEvents,
    private readonly notifications: NotificationService,
  ) {}

  /** The post and the caller's seat in its partnership; 404 alike when either is missing. */
  async requirePost(userId: string, postId: string): Promise<{ post: PostRow; seat: Seat }> {
    const found = await this.postWithSeat(userId, postId);
    if (!found) throw DomainError.notFound("No such post");
    return found;
  }

  /** The reply, its post and the caller's seat; 404 alike when any is missing. */
  async requireReply(
    userId: string,
    replyId: string,
  ): Promise<{ reply: ReplyRow; post: PostRow; seat: Seat }> {
    const reply = await this.replies().where("replies.id", "=", replyId).executeTakeFirst();
    const found = reply ? await this.postWithSeat(userId, reply.post_id) : null;
    if (!reply || !found) throw DomainError.notFound("No such reply");
    return { reply, ...found };
  }

  private async postWithSeat(
    userId: string,
    postId: string,
  ): Promise<{ post: PostRow; seat: Seat } | null> {
    const post = await this.posts().where("posts.id", "=", postId).executeTakeFirst();
    const seat = post ? await this.access.seat(userId, post.partnership_id) : null;
    return post && seat ? { post, seat } : null;
  }

  async create(writer: Writer, input: NewPost): Promise<PostView> {
    const partnershipId = writer.seat.partnershipId;
    const body = await resolveMentions(this.db, partnershipId, input.body);
    const row = {
      id: newId(),
      partnership_id: partnershipId,
      author_user_id: writer.user.id,
      author_organization_id: writer.seat.organizationId,
      title: input.title,
      body: JSON.stringify(body.doc),
      tag: input.tag,
      links: JSON.stringify(input.links),
      search_text: searchText(input.title, body.text),
      created_at: orderedNow(),
      edited_at: null,
      deleted_at: null,
    };
    await this.db.insertInto("posts").values(row).execute();
    const [post] = await this.postViews([{ ...row, author_name: writer.user.name }]);
    this.publish(partnershipId, { type: "post.created", post: post! });
    await this.notifications.notify(
      {
        partnershipId,
        subject: { kind: "post", postId: row.id, replyId: null },
        actorUserId: writer.user.id,
      },
      body,
    );
    return post!;
  }

  /**
   * A page of the partnership's posts, newest first. A deleted post stays (as a tombstone)
   * only while its thread has replies.
   */
  async list(partnershipId: string, query: PostQuery): Promise<PostListResponse> {
    const pattern = query.q ? likePattern(query.q) : null;
    let select = this.posts()
      .where("posts.partnership_id", "=", partnershipId)
      .where((eb) => {
        const liveReply = eb
          .selectFrom("replies")
          .select("replies.id")
          .whereRef("replies.post_id", "=", "posts.id")
          .where("replies.deleted_at", "is", null);
        return eb.and([
          eb.or([eb("posts.deleted_at", "is", null), eb.exists(liveReply)]),
          ...(pattern === null
            ? []
            : [
                eb.or([
                  contains("posts.search_text", pattern),
                  eb.exists(liveReply.where(contains("replies.search_text", pattern))),
                ]),
              ]),
        ]);
      });
    if (query.before)
      select = select.where(olderThan("posts.created_at", "posts.id", query.before));
    const fetched = await select
      .orderBy("posts.created_at", "desc")
      .orderBy("posts.id", "desc")
      .limit(query.limit + 1)
      .execute();
    const { rows, nextCursor } = page(fetched, query.limit);
    return { posts: await this.postViews(rows), nextCursor };
  }

  /** The post and its whole thread, oldest reply first (deleted replies as tombstones). */
  async thread(post: PostRow): Promise<PostThreadResponse> {
    const rows = await this.replies()
      .where("replies.post_id", "=", post.id)
      .orderBy("replies.created_at")
      .orderBy("replies.id")
      .execute();
    const [view] = await this.postViews([post]);
    return { post: view!, replies: await this.replyViews(rows) };
  }

  async edit(post: PostRow, writer: Writer, changes: PostChanges): Promise<PostView> {
    requireLive(post);
    const title = changes.title ?? post.title;
    let doc = JSON.parse(post.body) as RichTextDoc;
    let text = plainText(doc);
    let added = { userIds: [] as string[], organizationIds: [] as string[] };
    if (changes.body) {
      const before = mentionsIn(doc);
      const body = await resolveMentions(this.db, post.partnership_id, changes.body);
      doc = body.doc;
      text = body.text;
      // Only people the edit newly mentions are told; the others already were.
      const had = (kind: string, id: string) => before.some((m) => m.kind === kind && m.id === id);
      added = {
        userIds: body.userIds.filter((id) => !had("user", id)),
        organizationIds: body.organizationIds.filter((id) => !had("organization", id)),
      };
    }
    const edited = {
      title,
      body: JSON.stringify(doc),
      tag: changes.tag ?? post.tag,
      links: changes.links ? JSON.stringify(changes.links) : post.links,
      search_text: searchText(title, text),
      edited_at: Date.now(),
    };
    await this.db.updateTable("posts").set(edited).where("id", "=", post.id).execute();
    const [view] = await this.postViews([{ ...post, ...edited }]);
    this.publish(post.partnership_id, { type: "post.updated", post: view! });
    await this.notifications.notify(
      {
        partnershipId: post.partnership_id,
        subject: { kind: "post", postId: post.id, replyId: null },
        actorUserId: writer.user.id,
      },
      added,
    );
    return view!;
  }

  /**
   * Deletes a post's content and reactions, keeping a tombstone: its thread stays readable
   * (showing the post as deleted) and nothing the author wanted gone is kept.
   */
  async remove(post: PostRow): Promise<void> {
    requireLive(post);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("posts")
        .set({ title: "", body: "null", links: "[]", search_text: "", deleted_at: Date.now() })
        .where("id", "=", post.id)
        .execute();
      await trx
        .deleteFrom("reactions")
        .where("target_kind", "=", "post")
        .where("target_id", "=", post.id)
        .execute();
    });
    this.publish(post.partnership_id, { type: "post.deleted", postId: post.id });
  }

  async reply(post: PostRow, writer: Writer, input: RichTextDoc): Promise<ReplyView> {
    requireLive(post);
    const body = await resolveMentions(this.db, post.partnership_id, input);
    const row = {
      id: newId(),
      post_id: post.id,
      partnership_id: post.partnership_id,
      author_user_id: writer.user.id,
      author_organization_id: writer.seat.organizationId,
      body: JSON.stringify(body.doc),
      search_text: searchText("", body.text),
      created_at: orderedNow(),
      edited_at: null,
      deleted_at: null,
    };
    await this.db.insertInto("replies").values(row).execute();
    const [reply] = await this.replyViews([{ ...row, author_name: writer.user.name }]);
    this.publish(post.partnership_id, {
      type: "reply.created",
      reply: reply!,
      replyCount: (await this.replyCounts([post.id])).get(post.id) ?? 0,
    });
    await this.notifications.notify(
      {
        partnershipId: post.partnership_id,
        subject: { kind: "post", postId: post.id, replyId: row.id },
        actorUserId: writer.user.id,
      },
      { ...body, threadAuthorId: post.author_user_id },
    );
    return reply!;
  }

  async editReply(reply: ReplyRow, writer: Writer, input: RichTextDoc): Promise<ReplyView> {
    requireLive(reply);
    const before = mentionsIn(JSON.parse(reply.body) as RichTextDoc);
    const body = await resolveMentions(this.db, reply.partnership_id, input);
    const edited = {
      body: JSON.stringify(body.doc),
      search_text: searchText("", body.text),
      edited_at: Date.now(),
    };
    await this.db.updateTable("replies").set(edited).where("id", "=", reply.id).execute();
    const [view] = await this.replyViews([{ ...reply, ...edited }]);
    this.publish(reply.partnership_id, { type: "reply.updated", reply: view! });
    const had = (kind: string, id: string) => before.some((m) => m.kind === kind && m.id === id);
    await this.notifications.notify(
      {
        partnershipId: reply.partnership_id,
        subject: { kind: "post", postId: reply.post_id, replyId: reply.id },
        actorUserId: writer.user.id,
      },
      {
        userIds: body.userIds.filter((id) => !had("user", id)),
        organizationIds: body.organizationIds.filter((id) => !had("organization", id)),
      },
    );
    return view!;
  }

  async removeReply(reply: ReplyRow): Promise<void> {
    requireLive(reply);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("replies")
        .set({ body: "null", search_text: "", deleted_at: Date.now() })
        .where("id", "=", reply.id)
        .execute();
      await trx
        .deleteFrom("reactions")
        .where("target_kind", "=", "reply")
        .where("target_id", "=", reply.id)
        .execute();
    });
    this.publish(reply.partnership_id, {
      type: "reply.deleted",
      postId: reply.post_id,
      replyId: reply.id,
    });
  }

  /** Sets (replacing any other) or, with null, removes the user's reaction on the target. */
  async react(
    target: ReactionTarget,
    userId: string,
    reaction: ReactionName | null,
  ): Promise<ReactionView[]> {
    const on = target.kind === "post" ? target.post : target.reply;
    requireLive(on);
    const key = { target_kind: target.kind, target_id: on.id, user_id: userId };
    if (reaction === null) {
      await this.db
        .deleteFrom("reactions")
        .where("target_kind", "=", key.target_kind)
        .where("target_id", "=", key.target_id)
        .where("user_id", "=", key.user_id)
        .execute();
    } else {
      const now = Date.now();
      await this.db
        .insertInto("reactions")
        .values({ ...key, post_id: target.post.id, reaction, created_at: now })
        .onConflict((conflict) =>
          conflict
            .columns(["target_kind", "target_id", "user_id"])
            .doUpdateSet({ reaction, created_at: now }),
        )
        .execute();
    }
    const reactions =
      (await this.reactions(target.kind, [on.id])).get(on.id) ?? ([] as ReactionView[]);
    this.publish(target.post.partnership_id, {
      type: "reactions.changed",
      postId: target.post.id,
      replyId: target.kind === "reply" ? target.reply.id : null,
      reactions,
    });
    return reactions;
  }

  /** Records that the reader has read the post (the first time counts); who has, by organization. */
  async markSeen(post: PostRow, reader: { userId: string; seat: Seat }): Promise<SeenByView> {
    const inserted = await this.db
      .insertInto("post_reads")
      .values({
        post_id: post.id,
        user_id: reader.userId,
        organization_id: reader.seat.organizationId,
        read_at: Date.now(),
      })
      .onConflict((conflict) => conflict.columns(["post_id", "user_id"]).doNothing())
      .executeTakeFirst();
    const seenBy = (await this.seenBy(post.partnership_id, [post.id])).get(post.id)!;
    if (inserted.numInsertedOrUpdatedRows === 1n) {
      this.publish(post.partnership_id, { type: "post.seen", postId: post.id, seenBy });
    }
    return seenBy;
  }

  private publish(partnershipId: string, event: PartnershipFeedEvent): void {
    this.events.publish({ kind: "partnership", partnershipId }, event);
  }

  private posts() {
    return this.db
      .selectFrom("posts")
      .innerJoin("users as author", "author.id", "posts.author_user_id")
      .selectAll("posts")
      .select("author.name as author_name");
  }

  private replies() {
    return this.db
      .selectFrom("replies")
      .innerJoin("users as author", "author.id", "replies.author_user_id")
      .selectAll("replies")
      .select("author.name as author_name");
  }

  private async postViews(rows: PostRow[]): Promise<PostView[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [replyCounts, reactions, seenBy] = await Promise.all([
      this.replyCounts(ids),
      this.reactions("post", ids),
      this.seenBy(rows[0]!.partnership_id, ids),
    ]);
    return rows.map((row) => ({
      id: row.id,
      partnershipId: row.partnership_id,
      author: authorOf(row),
      title: row.title,
      body: JSON.parse(row.body) as RichTextDoc | null,
      tag: row.tag,
      links: JSON.parse(row.links) as ItemLink[],
      createdAt: iso(row.created_at),
      editedAt: row.edited_at === null ? null : iso(row.edited_at),
      deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
      replyCount: replyCounts.get(row.id) ?? 0,
      reactions: reactions.get(row.id) ?? [],
      seenBy: seenBy.get(row.id)!,
    }));
  }

  private async replyViews(rows: ReplyRow[]): Promise<ReplyView[]> {
    if (rows.length === 0) return [];
    const reactions = await this.reactions(
      "reply",
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({
      id: row.id,
      postId: row.post_id,
      author: authorOf(row),
      body: JSON.parse(row.body) as RichTextDoc | null,
      createdAt: iso(row.created_at),
      editedAt: row.edited_at === null ? null : iso(row.edited_at),
      deletedAt: row.deleted_at === null ? null : iso(row.deleted_at),
      reactions: reactions.get(row.id) ?? [],
    }));
  }

  private async replyCounts(postIds: string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom("replies")
      .select((eb) => ["post_id", eb.fn.countAll<number>().as("count")])
      .where("post_id", "in", postIds)
      .where("deleted_at", "is", null)
      .groupBy("post_id")
      .execute();
    return new Map(rows.map((r) => [r.post_id, Number(r.count)]));
  }

  /** Reactions on each target, by reaction in {@link REACTION_NAMES} order, earliest first. */
  private async reactions(
    kind: "post" | "reply",
    targetIds: string[],
  ): Promise<Map<string, ReactionView[]>> {
    const rows = await this.db
      .selectFrom("reactions")
      .select(["target_id", "user_id", "reaction"])
      .where("target_kind", "=", kind)
      .where("target_id", "in", targetIds)
      .orderBy("created_at")
      .orderBy("user_id")
      .execute();
    const byTarget = new Map<string, ReactionView[]>();
    for (const id of targetIds) {
      const mine = rows.filter((r) => r.target_id === id);
      const views = REACTION_NAMES.flatMap((name) => {
        const userIds = mine.filter((r) => r.reaction === name).map((r) => r.user_id);
        return userIds.length === 0 ? [] : [{ name, count: userIds.length, userIds }];
      });
      byTarget.set(id, views);
    }
    return byTarget;
  }

  /** Who read each post, by organization in partnership order, earliest reader first. */
  private async seenBy(partnershipId: string, postIds: string[]): Promise<Map<string, SeenByView>> {
    const [order, rows] = await Promise.all([
      this.access.organizationIds(partnershipId),
      this.db
        .selectFrom("post_reads")
        .innerJoin("users", "users.id", "post_reads.user_id")
        .innerJoin("organizations", "organizations.id", "post_reads.organization_id")
        .select([
          "post_reads.post_id",
          "post_reads.read_at",
          "users.id as user_id",
          "users.name as user_name",
          "organizations.id as organization_id",
          "organizations.name as organization_name",
        ])
        .where("post_reads.post_id", "in", postIds)
        .orderBy("post_reads.read_at")
        .orderBy("users.id")
        .execute(),
    ]);
    const rank = (organizationId: string) => {
      const index = order.indexOf(organizationId);
      return index === -1 ? order.length : index;
    };
    const result = new Map<string, SeenByView>();
    for (const postId of postIds) {
      const organizations: SeenByView["organizations"] = [];
      for (const row of rows.filter((r) => r.post_id === postId)) {
        let organization = organizations.find((o) => o.id === row.organization_id);
        if (!organization) {
          organization = { id: row.organization_id, name: row.organization_name, members: [] };
          organizations.push(organization);
        }
        organization.members.push({
          id: row.user_id,
          name: row.user_name,
          seenAt: iso(row.read_at),
        });
      }
      organizations.sort((a, b) => rank(a.id) - rank(b.id));
      result.set(postId, { organizations });
    }
    return result;
  }
}

function requireLive(row: { deleted_at: number | null }): void {
  if (row.deleted_at !== null) throw new DomainError("conflict", "It was deleted");
}

function authorOf(row: PostRow | ReplyRow) {
  return {
    id: row.author_user_id,
    name: row.author_name,
    organizationId: row.author_organization_id,
  };
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

/**
 * Title and body lower-cased in JavaScript (Unicode-aware, unlike SQLite's `lower`), so a
 * plain LIKE is case-insensitive on both SQLite and PostgreSQL.
 */
function searchText(title: string, text: string): string {
  return `${title}\n${text}`.toLowerCase();
}

/** `%q%` for LIKE, with the query's own `%`, `_` and `\` matched literally. */
function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function contains(column: string, pattern: string) {
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
