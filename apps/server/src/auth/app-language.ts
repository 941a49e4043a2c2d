import { LANGUAGES, type Language } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/** The language a cookie value names, if the product speaks it. */
export function languageOf(value: string | undefined): Language | null {
  return LANGUAGES.find((language) => language === value) ?? null;
}

/**
 * Records the language `userId` uses the app in. The web app mirrors its language into the
 * `LANGUAGE_COOKIE` cookie; an authenticated request carrying a language other than
 * the stored one updates it (one write when the member switches, none otherwise). E-mails
 * follow it unless the member chose a language for them (see `mail/mail-language.ts`).
 */
export async function recordAppLanguage(
  db: Kysely<Database>,
  userId: string,
  language: Language,
): Promise<void> {
  await db.updateTable("users").set({ app_language: language }).where("id", "=", userId).execute();
}
