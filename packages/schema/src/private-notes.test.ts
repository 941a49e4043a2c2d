import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { privateNotesFragment, privateNotesPlainText } from "./private-notes.js";
import { throughBinary } from "./test/peers.js";

function paragraph(...children: (Y.XmlText | Y.XmlElement)[]): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  element.insert(0, children);
  return element;
}

describe("private notes document", () => {
  it("round-trips rich text and reads it as plain text, one line per block", () => {
    const doc = new Y.Doc();
    const bold = new Y.XmlText();
    bold.insert(0, "Do not concede", { bold: true });
    const rest = new Y.XmlText();
    rest.insert(0, " the depot lease.");
    const item = new Y.XmlElement("listItem");
    item.insert(0, [paragraph(new Y.XmlText("Budget ceiling: 300k"))]);
    const list = new Y.XmlElement("bulletList");
    list.insert(0, [item]);
    const heading = new Y.XmlElement("heading");
    heading.insert(0, [new Y.XmlText("Negotiation")]);
    const lines = paragraph(
      new Y.XmlText("one"),
      new Y.XmlElement("hardBreak"),
      new Y.XmlText("two"),
    );
    privateNotesFragment(doc).insert(0, [heading, paragraph(bold, rest), list, lines]);
    expect(privateNotesPlainText(throughBinary(doc))).toBe(
      "Negotiation\nDo not concede the depot lease.\nBudget ceiling: 300k\none\ntwo",
    );
  });

  it("reads an empty document as empty text", () => {
    expect(privateNotesPlainText(new Y.Doc())).toBe("");
  });
});
