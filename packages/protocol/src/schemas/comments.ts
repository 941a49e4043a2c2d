import { z } from "zod";
import { CursorParam, LimitParam } from "./fields.js";
import { hasContent, RichTextBody } from "./rich-text.js";
import { Id } from "./fields.js";

export const ThreadParams = z.object({ threadId: Id });

/** Items of a partnership a thread can be attached to (their id in the item's document). */
export const COMMENT_ITEM_KINDS = [
  "objective",
  "action",
  "kpi",
  "issue",
  "decision",
  "contribution",
  "constraint",
] as const;

/** A base64 Yjs relative position (a few dozen bytes; bounded well above that). */
const AnchorPosition = z.string().regex(/^[A-Za-z0-9+/]{2,684}={0,2}$/, "not a base64 position");

const Target = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("charter"),
    anchor: z.strictObject({
      start: AnchorPosition,
      end: AnchorPosition,
      // Accepted for older clients and ignored: the server quotes the charter itself.
      quote: z.string().max(2000).optional(),
    }),
  }),
  z.strictObject({ kind: z.enum(COMMENT_ITEM_KINDS), id: Id }),
]);

const CommentBodyField = RichTextBody.refine(hasContent, "a comment needs some text");

/** As for posts, author and organization fields a client sends are dropped (not strict). */
export const CreateThreadBody = z.object({ target: Target, body: CommentBodyField });

export const CommentBody = z.object({ body: CommentBodyField });

export const ListThreadsQuery = z
  .object({
    status: z.enum(["open", "resolved", "all"]).default("open"),
    targetKind: z.enum(["charter", ...COMMENT_ITEM_KINDS]).optional(),
    targetId: Id.optional(),
    before: CursorParam.optional(),
    limit: LimitParam,
  })
  .refine(
    (query) =>
      (query.targetKind === undefined || query.targetKind === "charter") ===
      (query.targetId === undefined),
    "targetId goes with an item targetKind (and only with one)",
  );
