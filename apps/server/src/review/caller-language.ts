import { LANGUAGES, type Language } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";

/**
 * The language to print for the caller: the one chosen in their preferences, else the
 * first language of their `Accept-Language` the product speaks, else English.
 */
export async function callerLanguage(
  db: Kysely<Database>,
  userId: string,
  acceptLanguage: string | undefined,
): Promise<Language> {
  const row = await db
    .selectFrom("user_preferences")
    .select("language")
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (row?.language) return row.language;
  return fromAcceptLanguage(acceptLanguage) ?? "en";
}

/** `fr-CA,fr;q=0.9,en;q=0.8` → "fr": the most wanted language the product speaks. */
export function fromAcceptLanguage(header: string | undefined): Language | null {
  if (!header) return null;
  const wanted = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        base: tag.trim().toLowerCase().split("-")[0] ?? "",
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((w) => w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const w of wanted) {
    const found = LANGUAGES.find((l) => l === w.base);
    if (found) return found;
  }
  return null;
}
