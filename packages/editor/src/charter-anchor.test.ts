import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  charterAnchorFromTextRange,
  decodeAnchorPosition,
  resolveCharterAnchor,
} from "./charter-anchor.js";
import { writeCharterContent } from "./charter-schema.js";

/** Two replicas of one charter: "Purpose" heading and a paragraph. */
function replicas() {
  const a = new Y.Doc();
  writeCharterContent(a, {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
      { type: "paragraph", content: [{ type: "text", text: "We grow the market together." }] },
    ],
  });
  const b = new Y.Doc();
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b };
}

/** The first text node of the charter's block at `index`. */
function textOf(doc: Y.Doc, index: number): Y.XmlText {
  const block = doc.getXmlFragment("default").get(index) as Y.XmlElement;
  return block.get(0) as Y.XmlText;
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

describe("charter anchors", () => {
  it("covers the quoted text, blocks joined by a line break", () => {
    const { a } = replicas();
    // "Purpose\nWe grow the market together."
    const anchor = charterAnchorFromTextRange(a, 11, 26);
    expect(anchor.quote).toBe("grow the market");
    expect(resolveCharterAnchor(a, anchor)).toEqual({ from: 11, to: 26, text: "grow the market" });
    expect(charterAnchorFromTextRange(a, 4, 10).quote).toBe("ose\nWe");
  });

  it("still covers the same text after another client's concurrent insert before the range", () => {
    const { a, b } = replicas();
    const anchor = charterAnchorFromTextRange(a, 11, 26);
    // Meanwhile, on b (not yet synced with the anchor's author): text before the range,
    // inside the same paragraph, and a new paragraph before it.
    textOf(b, 1).insert(3, "really ");
    const intro = new Y.XmlElement("paragraph");
    intro.insert(0, [new Y.XmlText("Intro.")]);
    b.getXmlFragment("default").insert(0, [intro]);
    sync(b, a);

    const start = Y.createAbsolutePositionFromRelativePosition(
      decodeAnchorPosition(anchor.start)!,
      a,
    )!;
    const end = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(anchor.end)!, a)!;
    expect(start.type).toBe(end.type);
    expect((start.type as Y.XmlText).toString().slice(start.index, end.index)).toBe(
      "grow the market",
    );
    const resolved = resolveCharterAnchor(a, anchor);
    expect(resolved?.text).toBe("grow the market");
    expect(resolved?.from).toBe("Intro.\nPurpose\nWe really ".length);
  });

  it("keeps text typed at either boundary outside, and text typed inside in", () => {
    const { a, b } = replicas();
    const anchor = charterAnchorFromTextRange(a, 11, 26);
    const paragraph = textOf(b, 1);
    paragraph.insert(12, "whole "); // inside: "grow the whole market"
    paragraph.insert(24, " and more"); // right after "market"
    paragraph.insert(3, "<"); // right before "grow"
    sync(b, a);
    expect(resolveCharterAnchor(a, anchor)?.text).toBe("grow the whole market");
  });

  it("resolves to an empty range once its text is deleted, and to null for garbage", () => {
    const { a } = replicas();
    const anchor = charterAnchorFromTextRange(a, 11, 26);
    textOf(a, 1).delete(3, 15);
    expect(resolveCharterAnchor(a, anchor)?.text).toBe("");
    expect(resolveCharterAnchor(a, { start: "not-base64!", end: anchor.end })).toBeNull();
    expect(resolveCharterAnchor(new Y.Doc(), anchor)).toBeNull();
    expect(() => charterAnchorFromTextRange(a, 5, 500)).toThrow(RangeError);
  });
});
