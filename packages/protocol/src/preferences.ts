/**
 * Vocabulary of notification preferences (see docs/API.md). Types only; the answers' schemas
 * are in `schemas/responses/preferences.ts`.
 */

/** Languages e-mails are written in (its schema: `schemas/vocabulary.ts`). */
export type { Language } from "./schemas/vocabulary.js";

/** How often a partnership's digest is e-mailed. */
export type DigestFrequency = "off" | "daily" | "weekly";
