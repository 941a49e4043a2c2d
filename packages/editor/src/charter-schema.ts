import { getSchema, type Extensions, type JSONContent } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import type { Schema } from "@tiptap/pm/model";
import {
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  yXmlFragmentToProsemirrorJSON,
} from "@tiptap/y-tiptap";
import type * as Y from "yjs";
import { CHARTER_FRAGMENT } from "./fragment.js";

export { CHARTER_FRAGMENT };

/**
 * The charter's node and mark set. The browser adds Collaboration and carets on top;
 * the server uses the same list to write seed content and read text out, so neither
 * side can drift from what the editor accepts. Undo/redo is Yjs's job, not Tiptap's.
 */
export const charterExtensions: Extensions = [StarterKit.configure({ undoRedo: false })];

export const charterSchema: Schema = getSchema(charterExtensions);

/** Writes ProseMirror JSON into an empty charter document (used for seeding). */
export function writeCharterContent(doc: Y.Doc, content: JSONContent): void {
  const node = charterSchema.nodeFromJSON(content);
  node.check();
  prosemirrorJSONToYXmlFragment(charterSchema, content, doc.getXmlFragment(CHARTER_FRAGMENT));
}

/** Reads the charter document back as ProseMirror JSON. */
export function readCharterContent(doc: Y.Doc): JSONContent {
  return readRichTextFragment(doc.getXmlFragment(CHARTER_FRAGMENT));
}

/**
 * Reads any rich-text fragment edited with {@link charterExtensions} (the charter, an agenda
 * item's notes) back as ProseMirror JSON.
 */
export function readRichTextFragment(fragment: Y.XmlFragment): JSONContent {
  return yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
}

/** The charter's text, one line per block. */
export function charterPlainText(doc: Y.Doc): string {
  const node = charterSchema.nodeFromJSON(readCharterContent(doc));
  return node.textBetween(0, node.content.size, "\n");
}

/**
 * What a reader sees of a rich-text fragment: its ProseMirror JSON as the schema normalizes
 * it (default attributes filled in, marks in schema order, adjacent text with the same marks
 * joined), so the same visible content reads the same however it was typed or undone.
 * Content the schema refuses (a hostile writer's) is returned as read.
 */
export function readVisibleRichText(fragment: Y.XmlFragment): JSONContent {
  const raw = readRichTextFragment(fragment);
  try {
    return charterSchema.nodeFromJSON(raw).toJSON() as JSONContent;
  } catch {
    return raw;
  }
}

/** True when rich-text content has no visible text (only empty or blank blocks, if any). */
export function richTextIsEmpty(content: JSONContent): boolean {
  if (typeof content.text === "string" && content.text.trim() !== "") return false;
  return (content.content ?? []).every(richTextIsEmpty);
}

/**
 * Makes a rich-text fragment read `content` with the smallest change the editor binding
 * itself would make (text kept where it is the same, so its authorship stays), as one
 * transaction on `doc`. Used to restore an earlier version as a new edit.
 */
export function replaceRichTextFragment(
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  content: JSONContent,
): void {
  if (!content.content?.length) {
    // An empty document (a fragment never written): the schema wants a block; clear it.
    doc.transact(() => fragment.delete(0, fragment.length));
    return;
  }
  const node = charterSchema.nodeFromJSON(content);
  node.check();
  doc.transact(() => {
    updateYFragment(doc, fragment, node, { mapping: new Map(), isOMark: new Map() });
  });
}
