/** A base no real page lives at: what a target resolves against decides whether it leaves the app. */
const PROBE_ORIGIN = "https://entente.invalid";

/**
 * Characters browsers drop or turn into `/` while parsing a URL (tabs, newlines, other
 * controls, backslashes) or that no path of ours holds (spaces): a target with any of
 * them, raw or percent-encoded in the path, is refused rather than guessed at.
 */
function isSuspicious(text: string): boolean {
  for (const character of text) {
    const code = character.codePointAt(0) ?? 0;
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f) || character === "\\") return true;
  }
  return false;
}

function decodedOnce(target: string): string | null {
  try {
    return decodeURIComponent(target);
  } catch {
    return null;
  }
}

/**
 * Where to go after signing in: `target` when it is a path of this app (`/p/1?tab=kpis`),
 * else `fallback`. Refuses other origins in every spelling a browser would follow:
 * `//evil`, `/\evil`, `/<TAB>/evil`, `https://evil`, and their percent-encoded forms.
 */
export function safeRedirectTarget(target: string | null, fallback = "/"): string {
  if (target === null || !target.startsWith("/")) return fallback;
  // The query may encode anything (a search for "a b"); the path is what could leave.
  const decoded = decodedOnce(target.split(/[?#]/u, 1)[0] ?? "");
  if (decoded === null) return fallback;
  for (const spelling of [target, decoded]) {
    if (isSuspicious(spelling) || spelling.startsWith("//")) return fallback;
  }
  let url: URL;
  try {
    url = new URL(target, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
