import type {
  PartnershipEvent,
  PostListResponse,
  PostResponse,
  PostThreadResponse,
  ReactionsResponse,
  ReplyResponse,
  SeenResponse,
} from "@entente/protocol";
import { Hono, type Context } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import { eventStream, sessionAlive } from "../../live-events/event-stream.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { DomainError } from "../../domain-error.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { PartnershipParams } from "@entente/protocol/schemas";
import {
  CreatePostBody,
  EditPostBody,
  ListPostsQuery,
  PostParams,
  ReactionBody,
  ReplyBody,
  ReplyParams,
} from "@entente/protocol/schemas";
import { requireWriter } from "../../access/policies.js";

/** Only whoever wrote a post or reply edits or deletes it; partnership admins included. */
function requireAuthor(row: { author_user_id: string }, userId: string, action: string): void {
  if (row.author_user_id !== userId) throw DomainError.forbidden(`Only its author can ${action}`);
}

/**
 * The updates feed under `/api/partnerships`: a partnership's posts, and its live events.
 * Every member reads; editors and admins post.
 */
export function feedRoutes(services: Services): Hono<AppEnv> {
  const { access, posts } = services;

  return new Hono<AppEnv>()
    .post("/:id/posts", async (c) => {
      const { user, seat } = await requirePartnershipSeat(c, access);
      requireWriter(seat, "post");
      const input = await readJson(c, CreatePostBody);
      const body: PostResponse = { post: await posts.create({ user, seat }, input) };
      return c.json(body, 201);
    })
    .get("/:id/posts", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const query = parseOrThrow(ListPostsQuery, c.req.query());
      const body: PostListResponse = await posts.list(id, {
        before: query.before,
        limit: query.limit,
        q: query.q || undefined,
      });
      return c.json(body);
    })
    .get("/:id/events", async (c) => {
      const { user, session } = requireAuth(c);
      const { id } = parseOrThrow(PartnershipParams, c.req.param());
      await access.requireSeat(user.id, id);
      return eventStream<PartnershipEvent>(c, {
        subscribe: (send) =>
          services.feedEvents.subscribe({ kind: "partnership", partnershipId: id }, send),
        // A member removed (or signed out) while listening stops receiving at once.
        stillAllowed: async () =>
          (await sessionAlive(services.sessions, session)) &&
          (await access.seat(user.id, id)) !== null,
        cap: { streams: services.eventStreams, userId: user.id },
      });
    });
}

/** One post under `/api/posts/:postId`: its thread, edits, replies, reactions, "seen". */
export function postRoutes(services: Services): Hono<AppEnv> {
  const { posts } = services;

  const load = async (c: Context<AppEnv>) => {
    const { user } = requireAuth(c);
    const { postId } = parseOrThrow(PostParams, c.req.param());
    return { user, ...(await posts.requirePost(user.id, postId)) };
  };

  return new Hono<AppEnv>()
    .get("/:postId", async (c) => {
      const { post } = await load(c);
      const body: PostThreadResponse = await posts.thread(post);
      return c.json(body);
    })
    .patch("/:postId", async (c) => {
      const { user, post, seat } = await load(c);
      requireAuthor(post, user.id, "edit this post");
      requireWriter(seat, "edit posts");
      const changes = await readJson(c, EditPostBody);
      const body: PostResponse = { post: await posts.edit(post, { user, seat }, changes) };
      return c.json(body);
    })
    .delete("/:postId", async (c) => {
      const { user, post, seat } = await load(c);
      requireAuthor(post, user.id, "delete this post");
      requireWriter(seat, "delete posts");
      await posts.remove(post);
      return c.body(null, 204);
    })
    .post("/:postId/replies", async (c) => {
      const { user, post, seat } = await load(c);
      requireWriter(seat, "reply");
      const input = await readJson(c, ReplyBody);
      const body: ReplyResponse = { reply: await posts.reply(post, { user, seat }, input.body) };
      return c.json(body, 201);
    })
    .put("/:postId/reaction", async (c) => {
      const { user, post, seat } = await load(c);
      requireWriter(seat, "react");
      const { reaction } = await readJson(c, ReactionBody);
      const body: ReactionsResponse = {
        reactions: await posts.react({ kind: "post", post }, user.id, reaction),
      };
      return c.json(body);
    })
    .delete("/:postId/reaction", async (c) => {
      const { user, post, seat } = await load(c);
      requireWriter(seat, "react");
      const body: ReactionsResponse = {
        reactions: await posts.react({ kind: "post", post }, user.id, null),
      };
      return c.json(body);
    })
    .post("/:postId/seen", async (c) => {
      // Reading is not writing: viewers are counted among those who have seen a post.
      const { user, post, seat } = await load(c);
      const body: SeenResponse = { seenBy: await posts.markSeen(post, { userId: user.id, seat }) };
      return c.json(body);
    });
}

/** One reply under `/api/replies/:replyId`: edit, delete, reactions. */
export function replyRoutes(services: Services): Hono<AppEnv> {
  const { posts } = services;

  const load = async (c: Context<AppEnv>) => {
    const { user } = requireAuth(c);
    const { replyId } = parseOrThrow(ReplyParams, c.req.param());
    return { user, ...(await posts.requireReply(user.id, replyId)) };
  };

  return new Hono<AppEnv>()
    .patch("/:replyId", async (c) => {
      const { user, reply, seat } = await load(c);
      requireAuthor(reply, user.id, "edit this reply");
      requireWriter(seat, "edit replies");
      const input = await readJson(c, ReplyBody);
      const body: ReplyResponse = {
        reply: await posts.editReply(reply, { user, seat }, input.body),
      };
      return c.json(body);
    })
    .delete("/:replyId", async (c) => {
      const { user, reply, seat } = await load(c);
      requireAuthor(reply, user.id, "delete this reply");
      requireWriter(seat, "delete replies");
      await posts.removeReply(reply);
      return c.body(null, 204);
    })
    .put("/:replyId/reaction", async (c) => {
      const { user, reply, post, seat } = await load(c);
      requireWriter(seat, "react");
      const { reaction } = await readJson(c, ReactionBody);
      const body: ReactionsResponse = {
        reactions: await posts.react({ kind: "reply", post, reply }, user.id, reaction),
      };
      return c.json(body);
    })
    .delete("/:replyId/reaction", async (c) => {
      const { user, reply, post, seat } = await load(c);
      requireWriter(seat, "react");
      const body: ReactionsResponse = {
        reactions: await posts.react({ kind: "reply", post, reply }, user.id, null),
      };
      return c.json(body);
    });
}
