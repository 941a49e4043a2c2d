/*
 * What several answers share (posts and replies, comments, notifications, meetings,
 * workshops): who wrote something, and a rich body.
 */
import { z } from "zod";

const Attrs = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

export const RichTextMark = z.strictObject({ type: z.string(), attrs: Attrs.optional() });
export type RichTextMark = z.infer<typeof RichTextMark>;

/**
 * A node of a rich body: ProseMirror/Tiptap JSON over the editor's node and mark set plus
 * `mention` nodes (`{type:"mention", attrs: MentionAttrs}`).
 */
export interface RichTextNode {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: RichTextNode[];
  text?: string;
  marks?: RichTextMark[];
}

const richTextNodeFields = {
  attrs: Attrs.optional(),
  content: z.array(z.lazy((): z.ZodType<RichTextNode> => RichTextNode)).optional(),
  text: z.string().optional(),
  marks: z.array(RichTextMark).optional(),
};

export const RichTextNode: z.ZodType<RichTextNode> = z.strictObject({
  type: z.string(),
  ...richTextNodeFields,
});

/** The body of a post, a reply or a comment: a Tiptap document (`type: "doc"`). */
export const RichTextDoc = z.strictObject({ type: z.literal("doc"), ...richTextNodeFields });
export type RichTextDoc = z.infer<typeof RichTextDoc>;

/** Who wrote something: stamped by the server from the session and seat, never from the body. */
export const AuthorView = z.strictObject({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
});
export type AuthorView = z.infer<typeof AuthorView>;
