/*
 * JSON answers about the signed-in user's own settings: notification preferences
 * (`GET`/`PUT /api/me/notification-preferences`) and landing pages.
 */
import { z } from "zod";
import { LANDING_PAGES } from "../../landing-page.js";
import { DIGEST_FREQUENCIES, LANGUAGES, NOTIFICATION_KINDS } from "../../vocabulary.js";

/** One kind of notification: always in the app; by e-mail too when `email`. */
export const NotificationKindPreference = z.strictObject({
  kind: z.enum(NOTIFICATION_KINDS),
  inApp: z.literal(true),
  email: z.boolean(),
});
export type NotificationKindPreference = z.infer<typeof NotificationKindPreference>;

/** The digest of one partnership the user is a member of. */
export const DigestPreference = z.strictObject({
  partnershipId: z.string(),
  partnershipName: z.string(),
  frequency: z.enum(DIGEST_FREQUENCIES),
});
export type DigestPreference = z.infer<typeof DigestPreference>;

export const NotificationPreferencesView = z.strictObject({
  /** The language of the user's e-mails; null when not chosen (English). */
  language: z.enum(LANGUAGES).nullable(),
  kinds: z.array(NotificationKindPreference),
  digests: z.array(DigestPreference),
});
export type NotificationPreferencesView = z.infer<typeof NotificationPreferencesView>;

/** `GET`/`PUT /api/me/notification-preferences`. */
export const NotificationPreferencesResponse = z.strictObject({
  preferences: NotificationPreferencesView,
});
export type NotificationPreferencesResponse = z.infer<typeof NotificationPreferencesResponse>;

/** `GET` / `PUT /api/me/landing-pages/:partnershipId`. */
export const LandingPageResponse = z.strictObject({ landingPage: z.enum(LANDING_PAGES) });
export type LandingPageResponse = z.infer<typeof LandingPageResponse>;
