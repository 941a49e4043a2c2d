import * as Y from "yjs";

/**
 * The XML fragment of `<pid>/org/<oid>/private` that the rich-text editor edits. The same
 * name as the charter's fragment, so the charter's editor (its Tiptap extensions in
 * `@entente/editor`, Collaboration's default field) binds to private notes unchanged.
 */
export const PRIVATE_NOTES_FRAGMENT = "default";

/** The private notes' rich text, for an editor binding. */
export function privateNotesFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(PRIVATE_NOTES_FRAGMENT);
}

function inlineText(element: Y.XmlElement): string {
  let text = "";
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      const delta = child.toDelta() as { insert?: unknown }[];
      for (const op of delta) if (typeof op.insert === "string") text += op.insert;
    } else if (child instanceof Y.XmlElement) {
      text += child.nodeName === "hardBreak" ? "\n" : inlineText(child);
    }
  }
  return text;
}

function isTextBlock(element: Y.XmlElement): boolean {
  return element
    .toArray()
    .every((child) => !(child instanceof Y.XmlElement) || child.nodeName === "hardBreak");
}

function collectBlocks(nodes: readonly (Y.XmlElement | Y.XmlText | Y.XmlHook)[], blocks: string[]) {
  for (const node of nodes) {
    if (!(node instanceof Y.XmlElement)) continue;
    if (isTextBlock(node)) blocks.push(inlineText(node));
    else collectBlocks(node.toArray(), blocks);
  }
}

/**
 * The private notes as plain text, one line per text block (for search and export), read
 * without an editor schema. Never throws; a document of the wrong shape reads as "".
 */
export function privateNotesPlainText(doc: Y.Doc): string {
  try {
    const blocks: string[] = [];
    collectBlocks(privateNotesFragment(doc).toArray(), blocks);
    return blocks.join("\n");
  } catch {
    return "";
  }
}
