import { ITEM_LINK_KINDS, POST_TAGS, REACTION_NAMES } from "../vocabulary.js";
import { z } from "zod";
import { CursorParam, LimitParam } from "./fields.js";
import { hasContent, RichTextBody } from "./rich-text.js";
import { Id } from "./fields.js";

export const PostParams = z.object({ postId: Id });

export const ReplyParams = z.object({ replyId: Id });

/** Most item links one post carries. */
export const MAX_LINKS = 20;

const Title = z.string().trim().min(1).max(200);

const Links = z
  .array(z.strictObject({ kind: z.enum(ITEM_LINK_KINDS), id: Id }))
  .max(MAX_LINKS)
  .refine(
    (links) => new Set(links.map((l) => `${l.kind}:${l.id}`)).size === links.length,
    "the same item is linked twice",
  );

/**
 * Not strict, unlike governance bodies: the contract is that author and
 * organization fields a client sends are ignored (the session decides), so unknown keys
 * are dropped rather than refused.
 */
export const CreatePostBody = z.object({
  title: Title,
  body: RichTextBody,
  tag: z.enum(POST_TAGS),
  links: Links.default([]),
});

export const EditPostBody = z
  .object({
    title: Title.optional(),
    body: RichTextBody.optional(),
    tag: z.enum(POST_TAGS).optional(),
    links: Links.optional(),
  })
  .refine(
    (edit) => Object.values(edit).some((value) => value !== undefined),
    "nothing to change: send title, body, tag or links",
  );

export const ReplyBody = z.object({
  body: RichTextBody.refine(hasContent, "a reply needs some text"),
});

export const ReactionBody = z.object({ reaction: z.enum(REACTION_NAMES) });

export const ListPostsQuery = z.object({
  before: CursorParam.optional(),
  limit: LimitParam,
  /** Empty means no search. */
  q: z.string().trim().max(200).optional(),
});
