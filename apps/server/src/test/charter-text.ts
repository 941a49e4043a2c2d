import { CHARTER_FRAGMENT } from "@entente/editor";
import * as Y from "yjs";

/** Adds a paragraph holding `text` at the end of the charter, as the editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(CHARTER_FRAGMENT).push([paragraph]);
}

/** The charter's paragraph texts, in document order. */
export function paragraphs(doc: Y.Doc): string[] {
  return doc
    .getXmlFragment(CHARTER_FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => (child instanceof Y.XmlText ? child.toString() : ""))
            .join("")
        : "",
    );
}
