/**
 * Vocabulary of notification preferences (see docs/API.md). Types only; the answers' schemas
 * are in `schemas/responses/preferences.ts`.
 */

/** Languages e-mails are written in. */
export type Language = "en" | "fr";

/** How often a partnership's digest is e-mailed. */
export type DigestFrequency = "off" | "daily" | "weekly";
