/**
 * What several parts of the wire contract share (posts and replies, comments, notifications,
 * meetings, workshops): who wrote something, and a rich body. Types only; kept apart so that
 * `feed.ts` can gather every live event without the modules it gathers importing it back.
 */

export type MentionKind = "user" | "organization";

/**
 * Attributes of a `mention` node. `id` is a member's user id or an organization's id in the
 * partnership; `label` is what the server knows them by (a client's label is replaced).
 */
export interface MentionAttrs {
  id: string;
  kind: MentionKind;
  label: string;
}

export interface RichTextMark {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
}

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

/** The body of a post or a reply: a Tiptap document (`type: "doc"`). */
export interface RichTextDoc extends RichTextNode {
  type: "doc";
}

/** Who wrote something (its schema: `schemas/responses/common.ts`). */
export type { AuthorView } from "./schemas/responses/common.js";
