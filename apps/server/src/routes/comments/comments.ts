import type {
  CommentResponse,
  CommentThreadListResponse,
  CommentThreadResponse,
} from "@entente/protocol";
import { Hono, type Context } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import {
  CommentBody,
  CreateThreadBody,
  ListThreadsQuery,
  ThreadParams,
} from "@entente/protocol/schemas";
import { requireWriter } from "../../access/policies.js";

/** A partnership's comment threads under `/api/partnerships/:id/comment-threads`. */
export function partnershipCommentRoutes(services: Services): Hono<AppEnv> {
  const { access, comments } = services;
  return new Hono<AppEnv>()
    .post("/:id/comment-threads", async (c) => {
      const { user, seat } = await requirePartnershipSeat(c, access);
      requireWriter(seat, "comment");
      const input = await readJson(c, CreateThreadBody);
      const body: CommentThreadResponse = {
        thread: await comments.create({ user, seat }, input.target, input.body),
      };
      return c.json(body, 201);
    })
    .get("/:id/comment-threads", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const query = parseOrThrow(ListThreadsQuery, c.req.query());
      const target =
        query.targetKind === undefined
          ? undefined
          : query.targetKind === "charter"
            ? { kind: "charter" as const }
            : { kind: query.targetKind, id: query.targetId! };
      const body: CommentThreadListResponse = await comments.list(id, {
        status: query.status,
        target,
        before: query.before,
        limit: query.limit,
      });
      return c.json(body);
    });
}

/** One thread under `/api/comment-threads/:threadId`: read, comment, resolve, reopen. */
export function commentThreadRoutes(services: Services): Hono<AppEnv> {
  const { comments } = services;
  const load = async (c: Context<AppEnv>) => {
    const { user } = requireAuth(c);
    const { threadId } = parseOrThrow(ThreadParams, c.req.param());
    return { user, ...(await comments.requireThread(user.id, threadId)) };
  };
  return new Hono<AppEnv>()
    .get("/:threadId", async (c) => {
      const { thread } = await load(c);
      const body: CommentThreadResponse = { thread: await comments.view(thread) };
      return c.json(body);
    })
    .post("/:threadId/comments", async (c) => {
      const { user, thread, seat } = await load(c);
      requireWriter(seat, "comment");
      const input = await readJson(c, CommentBody);
      const body: CommentResponse = {
        comment: await comments.reply(thread, { user, seat }, input.body),
      };
      return c.json(body, 201);
    })
    .post("/:threadId/resolve", async (c) => {
      const { user, thread, seat } = await load(c);
      requireWriter(seat, "resolve comment threads");
      const body: CommentThreadResponse = {
        thread: await comments.setStatus(thread, user.id, "resolved"),
      };
      return c.json(body);
    })
    .post("/:threadId/reopen", async (c) => {
      const { user, thread, seat } = await load(c);
      requireWriter(seat, "reopen comment threads");
      const body: CommentThreadResponse = {
        thread: await comments.setStatus(thread, user.id, "open"),
      };
      return c.json(body);
    });
}
