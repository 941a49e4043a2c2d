/**
 * The closed vocabularies of the wire as runtime lists, for validation (server) and for
 * choices (web): each list gives its type, or names every member of a type declared
 * elsewhere, or does not compile.
 */
import type { DigestFrequency, Language } from "./preferences.js";

/** A list that names every member of `T` (the compiler refuses one that misses a member). */
function everyOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;
}

/** What a post is about; partners are asked to share difficulties as openly as successes. */
export const POST_TAGS = ["success", "difficulty", "information", "request"] as const;
export type PostTag = (typeof POST_TAGS)[number];

/**
 * The reactions a member can leave, one per member per post or reply (names, not glyphs), in
 * the order reactions are listed in views.
 */
export const REACTION_NAMES = ["thumbs_up", "heart", "tada", "pray", "eyes", "thinking"] as const;
export type ReactionName = (typeof REACTION_NAMES)[number];

/** Items of the partnership a post can point at. */
export const ITEM_LINK_KINDS = [
  "objective",
  "kpi",
  "action",
  "issue",
  "decision",
  "charter-section",
] as const;
export type ItemLinkKind = (typeof ITEM_LINK_KINDS)[number];

/**
 * Why someone is notified, in the order preferences list them: mentioned by name, mentioned
 * through their organization (`@Northwind`), or someone replied to their post or comment
 * thread; and the kinds whose comment follows.
 */
export const NOTIFICATION_KINDS = [
  "mention",
  "organization_mention",
  "reply",
  /** A proposed decision waits for the vote of the user's organization. */
  "decision_waiting",
  /** The charter changed since the user's organization endorsed it. */
  "charter_changed",
  /** An action or issue the user owns changed status (someone else changed it). */
  "item_status_changed",
  /** An action or issue the user owns passed its due date unfinished. */
  "item_overdue",
  /** Someone of another organization deleted an entry the user's organization owns (trash). */
  "item_deleted",
  /** An organization joined the partnership (every organization approved its invitation). */
  "organization_joined",
  /** Someone joined the partnership through a member invitation. */
  "member_joined",
  /** A member left the partnership, or was removed from it. */
  "member_left",
  /** A health check cycle opened: the user is invited to answer. */
  "health_check_opened",
  /** A health check cycle closed: its results are out. */
  "health_check_results",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const DIGEST_FREQUENCIES = everyOf<DigestFrequency>()(["off", "daily", "weekly"]);

export const LANGUAGES = everyOf<Language>()(["en", "fr"]);
