import { CHARTER_FRAGMENT, writeCharterContent } from "@entente/editor";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterIsEmpty, charterVersion, yjsStateHash } from "./charter-version.js";

const CHARTER = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
    { type: "paragraph", content: [{ type: "text", text: "Low-carbon cold chains." }] },
  ],
};

function charterDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeCharterContent(doc, CHARTER);
  return doc;
}

function firstText(doc: Y.Doc, block = 1): Y.XmlText {
  const element = doc.getXmlFragment(CHARTER_FRAGMENT).get(block) as Y.XmlElement;
  return element.get(0) as Y.XmlText;
}

describe("charterVersion", () => {
  it("is a hash of the visible content: the same text typed elsewhere has the same version", () => {
    const a = charterDoc();
    const b = charterDoc();
    // Two documents, two histories (client ids differ): different Yjs states, same content.
    expect(yjsStateHash(a)).not.toBe(yjsStateHash(b));
    expect(charterVersion(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(charterVersion(b)).toBe(charterVersion(a));
  });

  it("moves with any visible change (text, deletion, marks) and comes back on undo", () => {
    const doc = charterDoc();
    const before = charterVersion(doc);
    const undo = new Y.UndoManager(doc.getXmlFragment(CHARTER_FRAGMENT), { captureTimeout: 0 });

    firstText(doc).insert(0, "Our ");
    const typed = charterVersion(doc);
    expect(typed).not.toBe(before);
    undo.undo();
    expect(charterVersion(doc)).toBe(before);
    expect(yjsStateHash(doc)).not.toBe(yjsStateHash(charterDoc()));

    firstText(doc).delete(0, 4);
    expect(charterVersion(doc)).not.toBe(before);
    undo.undo();
    expect(charterVersion(doc)).toBe(before);

    firstText(doc).format(0, 4, { bold: {} });
    expect(charterVersion(doc)).not.toBe(before);
  });

  it("ignores writes outside the text (another top-level type of the document)", () => {
    const doc = charterDoc();
    const before = charterVersion(doc);
    doc.getMap("meta").set("theme", "dark");
    doc.getXmlFragment("other").push([new Y.XmlElement("paragraph")]);
    expect(charterVersion(doc)).toBe(before);
  });

  it("reads text split into runs with the same marks as one text", () => {
    const doc = charterDoc();
    const before = charterVersion(doc);
    const text = firstText(doc);
    text.delete(0, text.length);
    text.insert(0, "Low-carbon ");
    text.insert(text.length, "cold chains.");
    expect(charterVersion(doc)).toBe(before);
  });
});

describe("charterIsEmpty", () => {
  it("is empty with no block or only blank ones, not with any visible text", () => {
    const doc = new Y.Doc();
    expect(charterIsEmpty(doc)).toBe(true);
    writeCharterContent(doc, {
      type: "doc",
      content: [
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "  " }] },
      ],
    });
    expect(charterIsEmpty(doc)).toBe(true);
    expect(charterIsEmpty(charterDoc())).toBe(false);
  });
});
