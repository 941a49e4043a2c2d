/**
 * The sign-in and sign-up pages load only their own part of the catalogue (a few KB instead
 * of every message of the app); the rest comes with the user's first interaction, or at the
 * first message that is not in the part. The build cuts the part from each language's
 * catalogue (`build/catalogue-parts.ts`), by these prefixes.
 */
export const SIGN_IN_MESSAGE_PREFIXES = [
  "app.",
  "common.",
  "language.",
  "auth.",
  "errors.",
  "sso.",
  "partnership.backHome",
  "a11y.skipToContent",
] as const;

/** The pages that show nothing but sign-in messages. */
export const SIGN_IN_PATHS = ["/login", "/signup"] as const;

/** The module suffix that asks the build for a catalogue's sign-in part. */
export const SIGN_IN_PART_QUERY = "?sign-in";

export function isSignInMessage(key: string): boolean {
  return SIGN_IN_MESSAGE_PREFIXES.some((prefix) => key.startsWith(prefix));
}

export function isSignInPath(pathname: string): boolean {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return (SIGN_IN_PATHS as readonly string[]).includes(trimmed);
}
