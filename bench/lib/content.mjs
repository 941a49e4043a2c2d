// Documents the scenarios load: a long keystroke log, and one large document.
import * as Y from "yjs";
import { appendParagraph } from "./rich-text.mjs";

/**
 * `count` updates of two editors typing one character each in turn, each after the
 * other's last one: one document whose client id alternates, which gives the same
 * structs as two documents exchanging every keystroke, in linear time.
 */
export function keystrokeLog(count) {
  const doc = new Y.Doc();
  const ids = [doc.clientID, (doc.clientID + 1) % 2 ** 31];
  const updates = [];
  doc.on("update", (update) => updates.push(update));
  const text = appendParagraph(doc);
  for (let k = 0; k < count; k++) {
    doc.clientID = ids[k % 2];
    text.insert(text.length, String.fromCharCode(97 + (k % 26)));
  }
  const state = Y.encodeStateAsUpdate(doc);
  const length = text.length;
  doc.destroy();
  return { updates, state, length };
}

/** A document of about `bytes` bytes: 4 kB paragraphs pasted at random places. */
export function largeDocument(bytes) {
  const doc = new Y.Doc();
  const text = appendParagraph(doc);
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const paragraph = (n) =>
    Array.from({ length: 4000 }, (_, i) => String.fromCharCode(97 + ((i * 7 + n) % 26))).join("");
  let n = 0;
  while (text.length < bytes) {
    text.insert(Math.floor(random() * text.length), paragraph(n++));
  }
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, length: bytes };
}
