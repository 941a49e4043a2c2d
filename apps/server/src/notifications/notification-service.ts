import type {
  ActionStatusName,
  IssueStatusName,
  NotificationItem,
  NotificationKind,
  NotificationListResponse,
  NotificationView,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import { innerJoinSeat, memberIds } from "../access/memberships.js";
import type { Database, NotificationsTable } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { orderedNow } from "../ordered-clock.js";
import type { Cursor } from "@entente/protocol/schemas";
import { olderThan, page } from "../cursor.js";
import type { FeedEvents } from "../live-events/feed-events.js";

/**
 * What a notification points at: a post (or one of its replies), a comment of a thread, or
 * an item of the partnership (a decision, the charter, an action or an issue).
 */
export type NotificationSubject =
  | { kind: "post"; postId: string; replyId: string | null }
  | { kind: "comment"; threadId: string; commentId: string }
  | { kind: "item"; item: NotificationItem; actorOrganizationId: string };

/** Where something happened that people are told about. */
export interface NotificationSource {
  partnershipId: string;
  subject: NotificationSubject;
  /** Null when the server's records do not say who did it (item notifications only). */
  actorUserId: string | null;
}

/** Who a post or reply reaches besides the feed itself. */
export interface Audience {
  /** Mentioned by name. */
  userIds: readonly string[];
  /** Mentioned as a whole: their members in the partnership are told. */
  organizationIds: readonly string[];
  /** For a reply: the author of the post it answers. */
  threadAuthorId?: string | undefined;
}

/** Told of notifications once they are stored and announced (e-mail delivery listens). */
export interface NotificationListener {
  created(
    partnershipId: string,
    notifications: readonly { userId: string; notification: NotificationView }[],
  ): void;
}

/**
 * Which of a user's notifications a list or "mark all read" is about: one partnership's,
 * some kinds', or both; an absent field does not narrow.
 */
export interface NotificationFilter {
  partnershipId?: string | undefined;
  kinds?: readonly NotificationKind[] | undefined;
}

/** When one person is reached several ways by one change, the most personal one counts. */
const PRECEDENCE: readonly NotificationKind[] = ["mention", "organization_mention", "reply"];

/**
 * In-app notifications: created when a post, reply or comment mentions someone (by name or
 * through their organization) or answers their post or comment thread, delivered live on the
 * user's event stream; when governance waits on the user's organization (see
 * GovernanceWatch); and when an action or issue the user owns changed status or became
 * overdue (see ItemWatch). A user sees a notification only while they are in its partnership and while
 * the post (and reply) it points at is not deleted.
 */
export class NotificationService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: FeedEvents,
    private readonly listener?: NotificationListener,
  ) {}

  /** Notifies everyone `audience` reaches in the partnership, except the actor. */
  async notify(source: NotificationSource, audience: Audience): Promise<void> {
    const kinds = new Map<string, NotificationKind>();
    const reach = (userId: string, kind: NotificationKind) => {
      const current = kinds.get(userId);
      if (current === undefined || PRECEDENCE.indexOf(kind) < PRECEDENCE.indexOf(current)) {
        kinds.set(userId, kind);
      }
    };
    for (const userId of audience.userIds) reach(userId, "mention");
    if (audience.organizationIds.length > 0) {
      const members = await memberIds(this.db, source.partnershipId, {
        organizationId: [...audience.organizationIds],
      });
      for (const userId of members) reach(userId, "organization_mention");
    }
    if (audience.threadAuthorId !== undefined) reach(audience.threadAuthorId, "reply");
    await this.deliver(source, kinds);
  }

  /**
   * Notifies the members of an organization in the partnership of `kind` (governance waiting
   * on them), except the actor: nobody is told of their own act, even when it makes their
   * organization's turn (their colleagues are told).
   */
  async notifyOrganization(
    source: NotificationSource,
    organizationId: string,
    kind: NotificationKind,
  ): Promise<void> {
    const members = await memberIds(this.db, source.partnershipId, { organizationId });
    await this.deliver(source, new Map(members.map((userId) => [userId, kind])));
  }

  /**
   * Notifies these users of `kind` (an item they own, see ItemWatch); the actor too unless
   * `skipActor`.
   */
  async notifyUsers(
    source: NotificationSource,
    userIds: readonly string[],
    kind: NotificationKind,
    skipActor: boolean,
  ): Promise<void> {
    await this.deliver(source, new Map(userIds.map((id) => [id, kind])), skipActor);
  }

  /** Stores one notification per user, then announces them live and to the listener. */
  private async deliver(
    source: NotificationSource,
    kinds: Map<string, NotificationKind>,
    skipActor = true,
  ): Promise<void> {
    if (skipActor && source.actorUserId !== null) kinds.delete(source.actorUserId);
    if (kinds.size === 0) return;

    const subject = source.subject;
    const none = {
      post_id: null,
      reply_id: null,
      thread_id: null,
      comment_id: null,
      item_kind: null,
      item_id: null,
      item_title: null,
      item_status: null,
      item_due_date: null,
      item_proposed_by: null,
      actor_organization_id: null,
    };
    const pointer =
      subject.kind === "post"
        ? { ...none, post_id: subject.postId, reply_id: subject.replyId }
        : subject.kind === "comment"
          ? { ...none, thread_id: subject.threadId, comment_id: subject.commentId }
          : {
              ...none,
              item_kind: subject.item.kind,
              item_id: subject.item.id,
              item_title: subject.item.title,
              item_status: "status" in subject.item ? subject.item.status : null,
              item_due_date: "dueDate" in subject.item ? subject.item.dueDate : null,
              item_proposed_by:
                "proposedBy" in subject.item ? (subject.item.proposedBy ?? null) : null,
              actor_organization_id: subject.actorOrganizationId,
            };
    const rows = [...kinds].map(([userId, kind]) => ({
      id: newId(),
      user_id: userId,
      partnership_id: source.partnershipId,
      kind,
      ...pointer,
      // The reference needs a user: an unknown actor is stored as the recipient, marked.
      actor_user_id: source.actorUserId ?? userId,
      actor_known: source.actorUserId === null ? 0 : 1,
      created_at: orderedNow(),
      read_at: null,
    }));
    await this.db.insertInto("notifications").values(rows).execute();

    const views = new Map(
      (
        await this.visible(rows.map((r) => r.user_id))
          .where(
            "notifications.id",
            "in",
            rows.map((r) => r.id),
          )
          .execute()
      ).map((row) => [row.id, toView(row)]),
    );
    const unread = await this.unreadCounts(rows.map((r) => r.user_id));
    const created: { userId: string; notification: NotificationView }[] = [];
    for (const row of rows) {
      const notification = views.get(row.id);
      if (!notification) continue;
      this.events.publish(
        { kind: "user", userId: row.user_id },
        { type: "notification.created", notification, unread: unread.get(row.user_id) ?? 0 },
      );
      created.push({ userId: row.user_id, notification });
    }
    if (created.length > 0) this.listener?.created(source.partnershipId, created);
  }

  /**
   * The user's notifications, newest first, and how many are unread (all of them); with a
   * `filter`, only those it matches, and how many of these are unread too.
   */
  async list(
    userId: string,
    options: { before?: Cursor | undefined; limit: number; filter?: NotificationFilter },
  ): Promise<NotificationListResponse> {
    const filter = options.filter ?? {};
    let query = this.visible([userId], filter);
    if (options.before) {
      query = query.where(
        olderThan("notifications.created_at", "notifications.id", options.before),
      );
    }
    const fetched = await query
      .orderBy("notifications.created_at", "desc")
      .orderBy("notifications.id", "desc")
      .limit(options.limit + 1)
      .execute();
    const { rows, nextCursor } = page(fetched, options.limit);
    const response: NotificationListResponse = {
      notifications: rows.map(toView),
      unread: (await this.unreadCounts([userId])).get(userId) ?? 0,
      nextCursor,
    };
    if (narrows(filter)) {
      response.unreadMatching = (await this.unreadCounts([userId], filter)).get(userId) ?? 0;
    }
    return response;
  }

  /** Marks one of the user's notifications read (again is fine); 404 for anyone else's. */
  async markRead(userId: string, notificationId: string): Promise<number> {
    const mine = await this.visible([userId])
      .where("notifications.id", "=", notificationId)
      .executeTakeFirst();
    if (!mine) throw DomainError.notFound("No such notification");
    await this.db
      .updateTable("notifications")
      .set({ read_at: Date.now() })
      .where("id", "=", notificationId)
      .where("user_id", "=", userId)
      .where("read_at", "is", null)
      .execute();
    return this.announceUnread(userId);
  }

  /**
   * Marks the user's notifications read, those `filter` matches only when given; returns
   * how many of all their notifications are still unread.
   */
  async markAllRead(userId: string, filter: NotificationFilter = {}): Promise<number> {
    let update = this.db
      .updateTable("notifications")
      .set({ read_at: Date.now() })
      .where("user_id", "=", userId)
      .where("read_at", "is", null);
    if (filter.partnershipId !== undefined) {
      update = update.where("partnership_id", "=", filter.partnershipId);
    }
    if (filter.kinds !== undefined) update = update.where("kind", "in", [...filter.kinds]);
    await update.execute();
    return this.announceUnread(userId);
  }

  /** Tells the user's other tabs the new unread count. */
  private async announceUnread(userId: string): Promise<number> {
    const unread = (await this.unreadCounts([userId])).get(userId) ?? 0;
    this.events.publish({ kind: "user", userId }, { type: "notifications.read", unread });
    return unread;
  }

  private async unreadCounts(
    userIds: string[],
    filter: NotificationFilter = {},
  ): Promise<Map<string, number>> {
    const rows = await this.seen(userIds, filter)
      .select((eb) => ["notifications.user_id", eb.fn.countAll<number>().as("count")])
      .where("notifications.read_at", "is", null)
      .groupBy("notifications.user_id")
      .execute();
    return new Map(rows.map((r) => [r.user_id, Number(r.count)]));
  }

  /**
   * The notifications of these users that they may still see: they are in its partnership,
   * and neither its post nor its reply was deleted (comments are never deleted); of those,
   * the ones `filter` matches.
   */
  private seen(userIds: string[], filter: NotificationFilter = {}) {
    let query = innerJoinSeat(
      this.db
        .selectFrom("notifications")
        .leftJoin("posts", "posts.id", "notifications.post_id")
        .leftJoin("replies", "replies.id", "notifications.reply_id")
        .leftJoin("comments", "comments.id", "notifications.comment_id"),
      "notifications.partnership_id",
      "notifications.user_id",
    )
      .where("notifications.user_id", "in", userIds)
      .where((eb) =>
        eb.or([
          eb("posts.id", "is not", null),
          eb("comments.id", "is not", null),
          eb("notifications.item_kind", "is not", null),
        ]),
      )
      .where("posts.deleted_at", "is", null)
      .where("replies.deleted_at", "is", null);
    if (filter.partnershipId !== undefined) {
      query = query.where("notifications.partnership_id", "=", filter.partnershipId);
    }
    if (filter.kinds !== undefined) {
      query = query.where("notifications.kind", "in", [...filter.kinds]);
    }
    return query;
  }

  /** {@link seen} notifications with what their views need. */
  private visible(userIds: string[], filter: NotificationFilter = {}) {
    return this.seen(userIds, filter)
      .innerJoin("users as actor", "actor.id", "notifications.actor_user_id")
      .select((eb) => [
        "notifications.id",
        "notifications.kind",
        "notifications.partnership_id",
        "notifications.post_id",
        "notifications.reply_id",
        "notifications.thread_id",
        "notifications.comment_id",
        "notifications.item_kind",
        "notifications.item_id",
        "notifications.item_title",
        "notifications.item_status",
        "notifications.item_due_date",
        "notifications.item_proposed_by",
        "notifications.actor_known",
        "notifications.created_at",
        "notifications.read_at",
        "posts.title as post_title",
        "actor.id as actor_id",
        "actor.name as actor_name",
        // The actor wrote the reply, the comment, or the post when it happened there.
        eb.fn
          .coalesce(
            "replies.author_organization_id",
            "comments.author_organization_id",
            "posts.author_organization_id",
            "notifications.actor_organization_id",
          )
          .$notNull()
          .as("actor_organization_id"),
      ]);
  }
}

function narrows(filter: NotificationFilter): boolean {
  return filter.partnershipId !== undefined || filter.kinds !== undefined;
}

/** A notification as listed: its own columns, with who acted and the post it is about. */
type NotificationRow = Pick<
  NotificationsTable,
  | "id"
  | "kind"
  | "partnership_id"
  | "post_id"
  | "reply_id"
  | "thread_id"
  | "comment_id"
  | "item_kind"
  | "item_id"
  | "item_title"
  | "item_status"
  | "item_due_date"
  | "item_proposed_by"
  | "created_at"
  | "read_at"
> & {
  actor_known: number;
  post_title: string | null;
  actor_id: string;
  actor_name: string;
  actor_organization_id: string;
};

function toView(row: NotificationRow): NotificationView {
  const known = Number(row.actor_known) !== 0;
  const base = {
    id: row.id,
    kind: row.kind,
    partnershipId: row.partnership_id,
    actor: known
      ? { id: row.actor_id, name: row.actor_name, organizationId: row.actor_organization_id }
      : { id: "", name: "", organizationId: "" },
    ...(known ? {} : { actorUnknown: true as const }),
    createdAt: new Date(row.created_at).toISOString(),
    readAt: row.read_at === null ? null : new Date(row.read_at).toISOString(),
  };
  if (row.item_kind !== null) return { ...base, item: toItem(row, row.item_kind) };
  if (row.thread_id !== null && row.comment_id !== null) {
    return { ...base, threadId: row.thread_id, commentId: row.comment_id };
  }
  return {
    ...base,
    postId: row.post_id ?? "",
    postTitle: row.post_title ?? "",
    replyId: row.reply_id,
  };
}

function toItem(row: NotificationRow, kind: NotificationItem["kind"]): NotificationItem {
  const title = row.item_title ?? "";
  // Statuses are stored as the item watch read them from the document's schema.
  if (kind === "action" || kind === "issue") {
    const owned = { id: row.item_id ?? "", title, dueDate: row.item_due_date };
    return kind === "action"
      ? { kind, ...owned, status: (row.item_status ?? "todo") as ActionStatusName }
      : { kind, ...owned, status: (row.item_status ?? "open") as IssueStatusName };
  }
  if (kind === "trash") return { kind, id: row.item_id ?? "", title };
  if (kind === "organization" || kind === "member") return { kind, id: row.item_id ?? "", title };
  return row.item_proposed_by === null
    ? { kind, id: row.item_id, title }
    : { kind, id: row.item_id, title, proposedBy: row.item_proposed_by };
}
