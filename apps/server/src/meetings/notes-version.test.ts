import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { xmlFragmentVersion } from "./notes-version.js";

describe("xmlFragmentVersion", () => {
  const paragraph = (text: string, attributes: Record<string, string> = {}) => {
    const element = new Y.XmlElement("paragraph");
    for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
    element.insert(0, [new Y.XmlText(text)]);
    return element;
  };

  it("is the same for the same content however it was typed, and moves on any edit", () => {
    const a = new Y.Doc();
    a.getXmlFragment("agenda:1").push([paragraph("hello world", { textAlign: "left" })]);
    const b = new Y.Doc();
    b.getXmlFragment("agenda:1").push([paragraph("hello")]);
    const text = (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, " world");
    (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).setAttribute("textAlign", "left");
    const version = xmlFragmentVersion(a.getXmlFragment("agenda:1"));
    expect(version).toMatch(/^[0-9a-f]{64}$/);
    expect(xmlFragmentVersion(b.getXmlFragment("agenda:1"))).toBe(version);

    // A deletion the state vector ignores still moves it; so do marks and attributes.
    const vector = Y.encodeStateVector(b);
    text.delete(0, 6);
    expect(Buffer.from(Y.encodeStateVector(b)).equals(Buffer.from(vector))).toBe(true);
    const deleted = xmlFragmentVersion(b.getXmlFragment("agenda:1"));
    expect(deleted).not.toBe(version);
    text.format(0, 2, { bold: true });
    const bold = xmlFragmentVersion(b.getXmlFragment("agenda:1"));
    expect(bold).not.toBe(deleted);
    (b.getXmlFragment("agenda:1").get(0) as Y.XmlElement).setAttribute("textAlign", "right");
    expect(xmlFragmentVersion(b.getXmlFragment("agenda:1"))).not.toBe(bold);
  });

  it("versions one fragment only: the document's other fragments leave it as it is", () => {
    const doc = new Y.Doc();
    doc.getXmlFragment("agenda:1").push([paragraph("first item")]);
    const before = xmlFragmentVersion(doc.getXmlFragment("agenda:1"));
    doc.getXmlFragment("agenda:2").push([paragraph("second item")]);
    expect(xmlFragmentVersion(doc.getXmlFragment("agenda:1"))).toBe(before);
  });

  it("never takes text for an element", () => {
    const element = new Y.Doc();
    element.getXmlFragment("f").push([paragraph("x")]);
    const text = new Y.Doc();
    text.getXmlFragment("f").push([new Y.XmlText("<paragraph>x</paragraph>")]);
    expect(element.getXmlFragment("f").toJSON()).toBe(text.getXmlFragment("f").toJSON());
    expect(xmlFragmentVersion(text.getXmlFragment("f"))).not.toBe(
      xmlFragmentVersion(element.getXmlFragment("f")),
    );
  });
});
