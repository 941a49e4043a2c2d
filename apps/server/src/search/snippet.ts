import { SEARCH_MARK_CLOSE, SEARCH_MARK_OPEN } from "@entente/protocol";
import { foldText, frenchMinimalStem } from "./text-folding.js";

/** Characters of context a snippet keeps around its first match. */
const SNIPPET_LENGTH = 160;
const WORD = /[\p{L}\p{N}]+/gu;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Whether a word of the text answers a query term: the store matched stems and prefixes
 * (English and French), so a word that starts with the term, or with either stem of it,
 * is what the store found.
 */
function answers(word: string, terms: readonly string[]): boolean {
  const folded = foldText(word);
  return terms.some((term) => {
    if (folded.startsWith(term)) return true;
    const french = frenchMinimalStem(term);
    if (french.length >= 3 && folded.startsWith(french)) return true;
    const english = englishRoot(term);
    return english.length >= 3 && folded.startsWith(english);
  });
}

/** A rough English root (plural and common endings off): enough to mark what porter matched. */
function englishRoot(term: string): string {
  for (const ending of ["ing", "ies", "ed", "es", "s", "e", "y"]) {
    if (term.length > ending.length + 2 && term.endsWith(ending)) {
      return term.slice(0, -ending.length);
    }
  }
  return term;
}

/** Whether a word of `text` answers one of `terms`. */
export function mentionsAny(text: string, terms: readonly string[]): boolean {
  return [...text.matchAll(WORD)].some((m) => answers(m[0], terms));
}

/**
 * A piece of `text` around the first word answering one of `terms` (folded query words),
 * HTML-escaped, every answering word in it wrapped in `<mark>…</mark>`. Without a match in
 * the text (the title matched), its beginning.
 */
export function buildSnippet(text: string, terms: readonly string[]): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const words = [...flat.matchAll(WORD)];
  const first = words.find((m) => answers(m[0], terms));
  let start = 0;
  if (first?.index !== undefined && first.index > SNIPPET_LENGTH / 3) {
    // Start at a word boundary a little before the match.
    const from = first.index - Math.floor(SNIPPET_LENGTH / 3);
    const boundary = flat.indexOf(" ", from);
    start = boundary === -1 || boundary > first.index ? from : boundary + 1;
  }
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) {
    const boundary = flat.lastIndexOf(" ", end);
    if (boundary > start + SNIPPET_LENGTH / 2) end = boundary;
  }
  let snippet = "";
  let at = start;
  for (const match of words) {
    const index = match.index;
    if (index < start) continue;
    if (index + match[0].length > end) break;
    if (!answers(match[0], terms)) continue;
    snippet += escapeHtml(flat.slice(at, index));
    snippet += `${SEARCH_MARK_OPEN}${escapeHtml(match[0])}${SEARCH_MARK_CLOSE}`;
    at = index + match[0].length;
  }
  snippet += escapeHtml(flat.slice(at, end));
  return `${start > 0 ? "…" : ""}${snippet}${end < flat.length ? "…" : ""}`;
}
