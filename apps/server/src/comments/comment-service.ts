import { formatDocumentName } from "@entente/domain";
import { resolveCharterAnchor } from "@entente/editor";
import type {
  CommentItemKind,
  CommentTarget,
  CommentThreadListResponse,
  CommentThreadStatus,
  CommentThreadView,
  CommentView,
  PartnershipEvent,
  RichTextDoc,
} from "@entente/protocol";
import type { Kysely, Selectable } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { CommentThreadsTable, Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { orderedNow } from "../ordered-clock.js";
import type { Cursor } from "@entente/protocol/schemas";
import { olderThan, page } from "../cursor.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import { resolveMentions } from "../posts/mentions.js";
import type { NotificationService } from "../notifications/notification-service.js";
import type { Writer } from "../posts/post-service.js";

export type ThreadRow = Selectable<CommentThreadsTable>;

/** What a new thread is about, as a client asks: a charter range (its quote is the server's) or an item. */
export type NewThreadTarget =
  | { kind: "charter"; anchor: { start: string; end: string } }
  | Exclude<CommentTarget, { kind: "charter" }>;

/** Longest quote kept with a charter thread (a longer range is cut, with an ellipsis). */
const MAX_QUOTE_LENGTH = 2000;

export interface ThreadQuery {
  status: CommentThreadStatus | "all";
  /** Only the threads on this item (or, with kind "charter", on the charter). */
  target?: { kind: "charter" } | { kind: CommentItemKind; id: string } | undefined;
  before?: Cursor | undefined;
  limit: number;
}

/**
 * Comment threads of a partnership: on a range of the charter (anchored by Yjs relative
 * positions that follow the text through concurrent edits) or on an item of its documents.
 * Threads are resolved and reopened, never deleted, so resolved ones stay findable.
 * Comments reuse the feed's rich bodies, mention checks, notifications and live events.
 * Callers check permissions (who may write) before calling.
 */
export class CommentService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly documents: DocumentReader,
    private readonly events: FeedEvents,
    private readonly notifications: NotificationService,
  ) {}

  /** The thread and the caller's seat in its partnership; 404 alike when either is missing. */
  async requireThread(
    userId: string,
    threadId: string,
  ): Promise<{ thread: ThreadRow; seat: Seat }> {
    const thread = await this.db
      .selectFrom("comment_threads")
      .selectAll()
      .where("id", "=", threadId)
      .executeTakeFirst();
    const seat = thread ? await this.access.seat(userId, thread.partnership_id) : null;
    if (!thread || !seat) throw DomainError.notFound("No such comment thread");
    return { thread, seat };
  }

  /** Opens a thread with its first comment. A charter anchor must point into the charter. */
  async create(
    writer: Writer,
    target: NewThreadTarget,
    input: RichTextDoc,
  ): Promise<CommentThreadView> {
    const partnershipId = writer.seat.partnershipId;
    // The quote is the charter's text at the anchor as the server reads it, never the client's.
    const quote =
      target.kind === "charter" ? await this.charterTextAt(partnershipId, target.anchor) : null;
    const body = await resolveMentions(this.db, partnershipId, input);
    const now = orderedNow();
    const thread: ThreadRow = {
      id: newId(),
      partnership_id: partnershipId,
      author_user_id: writer.user.id,
      author_organization_id: writer.seat.organizationId,
      target_kind: target.kind,
      target_id: target.kind === "charter" ? null : target.id,
      anchor_start: target.kind === "charter" ? target.anchor.start : null,
      anchor_end: target.kind === "charter" ? target.anchor.end : null,
      quote,
      status: "open",
      resolved_by: null,
      resolved_at: null,
      created_at: now,
    };
    const comment = this.commentRow(thread, writer, body.doc, now);
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto("comment_threads").values(thread).execute();
      await trx.insertInto("comments").values(comment).execute();
    });
    const view = await this.view(thread);
    this.publish(partnershipId, { type: "thread.created", thread: view });
    await this.notifications.notify(
      {
        partnershipId,
        subject: { kind: "comment", threadId: thread.id, commentId: comment.id },
        actorUserId: writer.user.id,
      },
      body,
    );
    return view;
  }

  /** Adds a comment to a thread (resolved ones too: a comment does not reopen it). */
  async reply(thread: ThreadRow, writer: Writer, input: RichTextDoc): Promise<CommentView> {
    const body = await resolveMentions(this.db, thread.partnership_id, input);
    const row = this.commentRow(thread, writer, body.doc, orderedNow());
    await this.db.insertInto("comments").values(row).execute();
    const [comment] = await this.commentViews([thread.id]);
    const view = comment!.find((c) => c.id === row.id)!;
    this.publish(thread.partnership_id, { type: "comment.created", comment: view });
    await this.notifications.notify(
      {
        partnershipId: thread.partnership_id,
        subject: { kind: "comment", threadId: thread.id, commentId: row.id },
        actorUserId: writer.user.id,
      },
      { ...body, threadAuthorId: thread.author_user_id },
    );
    return view;
  }

  /** Resolves or reopens a thread; setting the status it already has changes nothing. */
  async setStatus(
    thread: ThreadRow,
    userId: string,
    status: CommentThreadStatus,
  ): Promise<CommentThreadView> {
    if (thread.status === status) return this.view(thread);
    const changes =
      status === "resolved"
        ? { status, resolved_by: userId, resolved_at: Date.now() }
        : { status, resolved_by: null, resolved_at: null };
    await this.db.updateTable("comment_threads").set(changes).where("id", "=", thread.id).execute();
    const view = await this.view({ ...thread, ...changes });
    this.publish(thread.partnership_id, {
      type: status === "resolved" ? "thread.resolved" : "thread.reopened",
      thread: view,
    });
    return view;
  }

  /** A page of the partnership's threads, newest first, each with all its comments. */
  async list(partnershipId: string, query: ThreadQuery): Promise<CommentThreadListResponse> {
    let select = this.db
      .selectFrom("comment_threads")
      .selectAll()
      .where("partnership_id", "=", partnershipId);
    if (query.status !== "all") select = select.where("status", "=", query.status);
    if (query.target) {
      select = select.where("target_kind", "=", query.target.kind);
      if (query.target.kind !== "charter") select = select.where("target_id", "=", query.target.id);
    }
    if (query.before) select = select.where(olderThan("created_at", "id", query.before));
    const fetched = await select
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(query.limit + 1)
      .execute();
    const { rows, nextCursor } = page(fetched, query.limit);
    return { threads: await this.views(rows), nextCursor };
  }

  async view(thread: ThreadRow): Promise<CommentThreadView> {
    const [view] = await this.views([thread]);
    return view!;
  }

  /** The charter's text between the anchor's ends now; 422 when it points elsewhere or at nothing. */
  private async charterTextAt(
    partnershipId: string,
    anchor: { start: string; end: string },
  ): Promise<string> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "charter", partnershipId }),
    );
    try {
      const range = resolveCharterAnchor(doc, anchor);
      if (range === null) {
        throw new DomainError(
          "invalid_anchor",
          "The anchor does not point into this partnership's charter",
        );
      }
      const text = range.text.trim();
      if (text === "") {
        throw new DomainError("invalid_anchor", "The anchor covers no text of the charter");
      }
      return text.length > MAX_QUOTE_LENGTH ? `${text.slice(0, MAX_QUOTE_LENGTH - 1)}…` : text;
    } finally {
      doc.destroy();
    }
  }

  private commentRow(thread: ThreadRow, writer: Writer, body: RichTextDoc, now: number) {
    return {
      id: newId(),
      thread_id: thread.id,
      partnership_id: thread.partnership_id,
      author_user_id: writer.user.id,
      author_organization_id: writer.seat.organizationId,
      body: JSON.stringify(body),
      created_at: now,
    };
  }

  private async views(threads: ThreadRow[]): Promise<CommentThreadView[]> {
    if (threads.length === 0) return [];
    const comments = await this.commentViews(threads.map((t) => t.id));
    const resolverIds = [
      ...new Set(threads.flatMap((t) => (t.resolved_by ? [t.resolved_by] : []))),
    ];
    const resolvers = new Map(
      resolverIds.length === 0
        ? []
        : (
            await this.db
              .selectFrom("users")
              .select(["id", "name"])
              .where("id", "in", resolverIds)
              .execute()
          ).map((u) => [u.id, u]),
    );
    return threads.map((thread, index) => ({
      id: thread.id,
      partnershipId: thread.partnership_id,
      target: targetOf(thread),
      status: thread.status,
      resolvedBy: thread.resolved_by ? (resolvers.get(thread.resolved_by) ?? null) : null,
      resolvedAt: thread.resolved_at === null ? null : iso(thread.resolved_at),
      createdAt: iso(thread.created_at),
      comments: comments[index]!,
    }));
  }

  /** The comments of each thread, oldest first, in the order of `threadIds`. */
  private async commentViews(threadIds: string[]): Promise<CommentView[][]> {
    const rows = await this.db
      .selectFrom("comments")
      .innerJoin("users as author", "author.id", "comments.author_user_id")
      .selectAll("comments")
      .select("author.name as author_name")
      .where("comments.thread_id", "in", threadIds)
      .orderBy("comments.created_at")
      .orderBy("comments.id")
      .execute();
    return threadIds.map((threadId) =>
      rows
        .filter((row) => row.thread_id === threadId)
        .map((row) => ({
          id: row.id,
          threadId: row.thread_id,
          author: {
            id: row.author_user_id,
            name: row.author_name,
            organizationId: row.author_organization_id,
          },
          body: JSON.parse(row.body) as RichTextDoc,
          createdAt: iso(row.created_at),
        })),
    );
  }

  private publish(partnershipId: string, event: PartnershipEvent): void {
    this.events.publish({ kind: "partnership", partnershipId }, event);
  }
}

function targetOf(thread: ThreadRow): CommentTarget {
  if (thread.target_kind === "charter") {
    return {
      kind: "charter",
      anchor: {
        start: thread.anchor_start ?? "",
        end: thread.anchor_end ?? "",
        quote: thread.quote ?? "",
      },
    };
  }
  return { kind: thread.target_kind, id: thread.target_id ?? "" };
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}
