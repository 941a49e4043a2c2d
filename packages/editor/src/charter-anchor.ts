import * as Y from "yjs";
import { CHARTER_FRAGMENT } from "./fragment.js";

/**
 * Where a comment thread sits in the charter: two Yjs relative positions (base64 of
 * `Y.encodeRelativePosition`) in the charter's XML fragment, and the text they covered when
 * the thread was opened. Relative positions point at the characters themselves, not at
 * offsets, so the range follows its text through everyone's concurrent edits.
 *
 * In the browser, y-tiptap's `absolutePositionToRelativePosition(pos, fragment, mapping)`
 * turns a ProseMirror selection into the two positions; {@link encodeAnchorPosition} makes
 * them wire strings and {@link resolveCharterAnchor} finds the range again.
 */
export interface CharterAnchor {
  start: string;
  end: string;
  quote: string;
}

/** A charter range in text coordinates: the text of every text node, blocks joined by "\n". */
export interface CharterTextRange {
  from: number;
  to: number;
  /** The text the range covers now. */
  text: string;
}

/** A relative position as an anchor string (base64). */
export function encodeAnchorPosition(position: Y.RelativePosition): string {
  return btoa(String.fromCharCode(...Y.encodeRelativePosition(position)));
}

/** The relative position an anchor string holds, or null if it holds none. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  if (!/^[A-Za-z0-9+/]{2,684}={0,2}$/.test(encoded)) return null;
  try {
    return Y.decodeRelativePosition(Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

interface TextRun {
  text: Y.XmlText;
  offset: number;
  length: number;
}

interface CharterLayout {
  runs: TextRun[];
  /** For each element (and the fragment): the text offset before each child, and after the last. */
  childOffsets: Map<Y.AbstractType<unknown>, number[]>;
  text: string;
}

/** The charter's text nodes in document order, with their offsets in {@link CharterTextRange} coordinates. */
function layout(fragment: Y.XmlFragment): CharterLayout {
  const runs: TextRun[] = [];
  const childOffsets = new Map<Y.AbstractType<unknown>, number[]>();
  let text = "";
  const visit = (node: Y.XmlElement | Y.XmlFragment) => {
    const offsets: number[] = [];
    for (const child of node.toArray()) {
      offsets.push(text.length);
      if (child instanceof Y.XmlText) {
        if (runs.length > 0) text += "\n";
        const content = plain(child);
        runs.push({ text: child, offset: text.length, length: content.length });
        text += content;
      } else if (child instanceof Y.XmlElement) {
        visit(child);
      }
    }
    offsets.push(text.length);
    childOffsets.set(node as Y.AbstractType<unknown>, offsets);
  };
  visit(fragment);
  return { runs, childOffsets, text };
}

/**
 * Where each text node of a rich-text fragment starts in {@link CharterTextRange}
 * coordinates: what a page needs to draw anchored ranges over the text without the editor.
 */
export function charterTextRuns(fragment: Y.XmlFragment): Map<Y.XmlText, number> {
  return new Map(layout(fragment).runs.map((run) => [run.text, run.offset]));
}

/** A text node's characters, without its formatting (embeds count as nothing). */
function plain(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[])
    .map((op) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

/**
 * An anchor on the charter text between `from` and `to` ({@link CharterTextRange}
 * coordinates). The start sticks to the first character of the range and the end to its last,
 * so text typed just outside the range stays outside. Throws on a range outside the text.
 */
export function charterAnchorFromTextRange(doc: Y.Doc, from: number, to: number): CharterAnchor {
  const { runs, text } = layout(doc.getXmlFragment(CHARTER_FRAGMENT));
  if (!(Number.isInteger(from) && Number.isInteger(to) && 0 <= from && from <= to)) {
    throw new RangeError("from and to must be offsets with from ≤ to");
  }
  const locate = (offset: number, assoc: number) => {
    const run = runs.find((r) => r.offset <= offset && offset <= r.offset + r.length);
    if (!run) throw new RangeError(`offset ${offset} is not in the charter's text`);
    return Y.createRelativePositionFromTypeIndex(run.text, offset - run.offset, assoc);
  };
  return {
    start: encodeAnchorPosition(locate(from, 0)),
    end: encodeAnchorPosition(locate(to, -1)),
    quote: text.slice(from, to),
  };
}

/**
 * Where the anchor's range is in the charter now, or null when either end no longer points
 * into the charter (its text was deleted together with everything around it, or the
 * positions belong to another document). A range whose text was deleted resolves empty.
 */
export function resolveCharterAnchor(
  doc: Y.Doc,
  anchor: Pick<CharterAnchor, "start" | "end">,
): CharterTextRange | null {
  const { runs, childOffsets, text } = layout(doc.getXmlFragment(CHARTER_FRAGMENT));
  const offsetOf = (encoded: string): number | null => {
    const relative = decodeAnchorPosition(encoded);
    const absolute = relative ? Y.createAbsolutePositionFromRelativePosition(relative, doc) : null;
    if (!absolute) return null;
    const run = runs.find((r) => r.text === absolute.type);
    if (run) return run.offset + Math.min(absolute.index, run.length);
    return childOffsets.get(absolute.type)?.[absolute.index] ?? null;
  };
  const from = offsetOf(anchor.start);
  const to = offsetOf(anchor.end);
  if (from === null || to === null) return null;
  const end = Math.max(from, to);
  return { from, to: end, text: text.slice(from, end) };
}
