/**
 * The closed vocabularies of the wire as runtime lists, for validation (server) and for
 * choices (web): each list names every member of its type, or does not compile.
 */
import type { ItemLinkKind, NotificationKind, PostTag, ReactionName } from "./feed.js";
import type { DigestFrequency, Language } from "./preferences.js";

/** A list that names every member of `T` (the compiler refuses one that misses a member). */
function everyOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)) =>
    list;
}

export const POST_TAGS = everyOf<PostTag>()(["success", "difficulty", "information", "request"]);

/** In the order reactions are listed in views. */
export const REACTION_NAMES = everyOf<ReactionName>()([
  "thumbs_up",
  "heart",
  "tada",
  "pray",
  "eyes",
  "thinking",
]);

export const ITEM_LINK_KINDS = everyOf<ItemLinkKind>()([
  "objective",
  "kpi",
  "action",
  "issue",
  "decision",
  "charter-section",
]);

/** In the order preferences list them. */
export const NOTIFICATION_KINDS = everyOf<NotificationKind>()([
  "mention",
  "organization_mention",
  "reply",
  "decision_waiting",
  "charter_changed",
  "item_status_changed",
  "item_overdue",
  "item_deleted",
  "organization_joined",
  "member_joined",
  "member_left",
  "health_check_opened",
  "health_check_results",
]);

export const DIGEST_FREQUENCIES = everyOf<DigestFrequency>()(["off", "daily", "weekly"]);

export const LANGUAGES = everyOf<Language>()(["en", "fr"]);
