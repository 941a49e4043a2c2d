import type {
  DigestFrequency,
  Language,
  NotificationKind,
  NotificationPreferencesView,
} from "@entente/protocol";
import type { MessageKey } from "../../../i18n";
import type { PreferencesChange } from "../api/preferences-api";

/** The language of e-mails: one the user chose, or "app": the one they use the app in. */
export type MailLanguageChoice = Language | "app";

/** What the settings form holds: the user's choices, before they are saved. */
export interface PreferencesDraft {
  language: MailLanguageChoice;
  /** By kind, as the server lists them: also by e-mail? */
  email: Record<string, boolean>;
  /** By partnership id. */
  digests: Record<string, DigestFrequency>;
}

/** The form's starting point: what the server has (no language chosen: the app's). */
export function draftOf(view: NotificationPreferencesView): PreferencesDraft {
  return {
    language: view.language ?? "app",
    email: Object.fromEntries(view.kinds.map((k) => [k.kind, k.email])),
    digests: Object.fromEntries(view.digests.map((d) => [d.partnershipId, d.frequency])),
  };
}

/**
 * The `PUT` body for what the user changed since `saved`, or null when nothing changed.
 * Only changed keys are sent, so a change made meanwhile in another tab to another
 * setting is kept.
 */
export function changesSince(
  saved: NotificationPreferencesView,
  draft: PreferencesDraft,
): PreferencesChange | null {
  const before = draftOf(saved);
  const change: PreferencesChange = {};
  if (draft.language !== before.language) {
    change.language = draft.language === "app" ? null : draft.language;
  }
  const email = Object.entries(draft.email).filter(([kind, on]) => before.email[kind] !== on);
  if (email.length > 0) change.email = Object.fromEntries(email);
  const digests = Object.entries(draft.digests)
    .filter(([id, frequency]) => before.digests[id] !== frequency)
    .map(([partnershipId, frequency]) => ({ partnershipId, frequency }));
  if (digests.length > 0) change.digests = digests;
  return Object.keys(change).length > 0 ? change : null;
}

/**
 * Every kind this build names, including kinds being added to the protocol now: once they
 * are in `NotificationKind` the extra members are simply redundant.
 */
type KnownKind = NotificationKind | "item_status_changed" | "item_overdue";

const KIND_LABELS = {
  mention: { label: "preferences.kind.mention", hint: "preferences.kind.mention.hint" },
  organization_mention: {
    label: "preferences.kind.organization_mention",
    hint: "preferences.kind.organization_mention.hint",
  },
  reply: { label: "preferences.kind.reply", hint: "preferences.kind.reply.hint" },
  decision_waiting: {
    label: "preferences.kind.decision_waiting",
    hint: "preferences.kind.decision_waiting.hint",
  },
  charter_changed: {
    label: "preferences.kind.charter_changed",
    hint: "preferences.kind.charter_changed.hint",
  },
  item_status_changed: {
    label: "preferences.kind.item_status_changed",
    hint: "preferences.kind.item_status_changed.hint",
  },
  item_overdue: {
    label: "preferences.kind.item_overdue",
    hint: "preferences.kind.item_overdue.hint",
  },
  item_deleted: {
    label: "preferences.kind.item_deleted",
    hint: "preferences.kind.item_deleted.hint",
  },
  organization_joined: {
    label: "preferences.kind.organization_joined",
    hint: "preferences.kind.organization_joined.hint",
  },
  member_joined: {
    label: "preferences.kind.member_joined",
    hint: "preferences.kind.member_joined.hint",
  },
  member_left: {
    label: "preferences.kind.member_left",
    hint: "preferences.kind.member_left.hint",
  },
  health_check_opened: {
    label: "preferences.kind.health_check_opened",
    hint: "preferences.kind.health_check_opened.hint",
  },
  health_check_results: {
    label: "preferences.kind.health_check_results",
    hint: "preferences.kind.health_check_results.hint",
  },
} as const satisfies Record<KnownKind, { label: MessageKey; hint: MessageKey }>;

/**
 * The label and hint of a notification kind; null for a kind the server knows and this
 * build does not (the page then names it generically rather than failing).
 */
export function kindLabels(kind: string): (typeof KIND_LABELS)[KnownKind] | null {
  return Object.hasOwn(KIND_LABELS, kind) ? KIND_LABELS[kind as KnownKind] : null;
}
