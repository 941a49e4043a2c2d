/**
 * What several parts of the wire contract share (posts and replies, comments, notifications,
 * meetings, workshops): mentions, and (their schemas in `schemas/responses/common.ts`) who
 * wrote something and a rich body. Types only; kept apart so that `feed.ts` can gather every
 * live event without the modules it gathers importing it back.
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

export type {
  AuthorView,
  RichTextDoc,
  RichTextMark,
  RichTextNode,
} from "./schemas/responses/common.js";
