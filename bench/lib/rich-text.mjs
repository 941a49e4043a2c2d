// Where the harness's clients type: the shape of a charter (a rich-text document). Our server
// refuses, with close 4400, any root-level type a document's kind does not have (docs/SYNC.md,
// "document-shape.ts"), so the clients write what the web app's editor writes: the `default`
// XML fragment, one paragraph each. Every server under test gets the same shape.
import * as Y from "yjs";

/** The root the web app's editor binds to (`CHARTER_FRAGMENT` in @entente/editor). */
export const RICH_TEXT_ROOT = "default";

/** The text of a new paragraph appended to `doc`'s fragment (call inside a transaction). */
export function appendParagraph(doc) {
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  const fragment = doc.getXmlFragment(RICH_TEXT_ROOT);
  fragment.insert(fragment.length, [paragraph]);
  return text;
}

/** How many characters the paragraphs of `doc` hold in all. */
export function textLength(doc) {
  let length = 0;
  for (const paragraph of doc.getXmlFragment(RICH_TEXT_ROOT).toArray()) {
    for (const child of paragraph.toArray()) if (child instanceof Y.XmlText) length += child.length;
  }
  return length;
}

/**
 * One writer's keystrokes: its own paragraph, made in a transaction of its own before the first
 * keystroke, so that each keystroke is one struct (one clock tick) the tracker can name.
 */
export class Typist {
  constructor(doc, origin) {
    this.doc = doc;
    this.origin = origin;
    this.text = null;
  }

  /** Types `char` at the end of the writer's paragraph; returns the keystroke's clock. */
  type(char) {
    this.text ??= this.#paragraph();
    const clock = Y.getState(this.doc.store, this.doc.clientID);
    this.doc.transact(() => this.text.insert(this.text.length, char), this.origin);
    return clock;
  }

  #paragraph() {
    let text = null;
    this.doc.transact(() => {
      text = appendParagraph(this.doc);
    }, this.origin);
    return text;
  }
}
