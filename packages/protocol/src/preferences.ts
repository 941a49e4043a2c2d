/**
 * Notification preferences on the wire (`GET`/`PUT /api/me/notification-preferences`, see
 * docs/API.md). Types only.
 */
import type { NotificationKind } from "./feed.js";

/** Languages e-mails are written in. */
export type Language = "en" | "fr";

/** How often a partnership's digest is e-mailed. */
export type DigestFrequency = "off" | "daily" | "weekly";

/** One kind of notification: always in the app; by e-mail too when `email`. */
export interface NotificationKindPreference {
  kind: NotificationKind;
  inApp: true;
  email: boolean;
}

/** The digest of one partnership the user is a member of. */
export interface DigestPreference {
  partnershipId: string;
  partnershipName: string;
  frequency: DigestFrequency;
}

export interface NotificationPreferencesView {
  /** The language of the user's e-mails; null when not chosen (English). */
  language: Language | null;
  kinds: NotificationKindPreference[];
  digests: DigestPreference[];
}

/** `GET`/`PUT /api/me/notification-preferences`. */
export interface NotificationPreferencesResponse {
  preferences: NotificationPreferencesView;
}
