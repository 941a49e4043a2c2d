import type { Language } from "@entente/protocol";

/**
 * The language of a member's e-mails: the one they chose in their notification settings,
 * else the one they use the app in (recorded from the web app, see `auth/app-language.ts`),
 * else English. Every e-mail to a member goes through here.
 */
export function mailLanguage(chosen: Language | null, app: Language | null): Language {
  return chosen ?? app ?? "en";
}
