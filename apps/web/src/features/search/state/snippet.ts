import { SEARCH_MARK_CLOSE, SEARCH_MARK_OPEN } from "@entente/protocol";

/**
 * A search result's snippet as text runs, the matched words marked. The server HTML-escapes
 * the stored text and wraps each match in `SEARCH_MARK_OPEN`/`CLOSE` (docs/API.md, search):
 * only that marker becomes markup here; everything else, entities decoded, is rendered as
 * plain text, so stored text can never inject markup into the page.
 */
export interface SnippetRun {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const MARKERS = new RegExp(
  `(${escapeRegExp(SEARCH_MARK_OPEN)}|${escapeRegExp(SEARCH_MARK_CLOSE)})`,
);

export function parseSnippet(snippet: string): SnippetRun[] {
  const runs: SnippetRun[] = [];
  let marked = false;
  for (const part of snippet.split(MARKERS)) {
    if (part === SEARCH_MARK_OPEN) marked = true;
    else if (part === SEARCH_MARK_CLOSE) marked = false;
    else if (part !== "") {
      const text = decodeEntities(part);
      const last = runs[runs.length - 1];
      if (last && last.marked === marked) last.text += text;
      else runs.push({ text, marked });
    }
  }
  return runs;
}
