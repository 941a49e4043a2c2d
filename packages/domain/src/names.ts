/**
 * Names people give to themselves, their organizations and their partnerships: which
 * characters they may hold, and when two of them are the same name.
 */

/**
 * Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069): they let a name print as another one,
 * or reorder the text around it.
 */
function isUnsafe(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** True when `name` holds a control character or a bidirectional override or isolate. */
export function hasUnsafeNameCharacter(name: string): boolean {
  for (const character of name) {
    if (isUnsafe(character.codePointAt(0) ?? 0)) return true;
  }
  return false;
}

/**
 * The form two names are compared in: decomposed (NFD) with the combining marks removed,
 * lower-cased, trimmed, runs of spaces made one. "  Nórthwind  Ltd" and "northwind ltd"
 * are the same name.
 */
export function comparableName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}
