import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterPlainText, readCharterContent, writeCharterContent } from "./charter-schema.js";

describe("charter schema", () => {
  const content = {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
      { type: "paragraph", content: [{ type: "text", text: "Grow together." }] },
    ],
  };

  it("writes and reads back the same document through Yjs binary", () => {
    const doc = new Y.Doc();
    writeCharterContent(doc, content);
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    expect(readCharterContent(copy)).toMatchObject(content);
    expect(charterPlainText(copy)).toBe("Purpose\nGrow together.");
  });

  it("refuses content the editor could not show", () => {
    const doc = new Y.Doc();
    expect(() => writeCharterContent(doc, { type: "doc", content: [{ type: "nope" }] })).toThrow();
  });
});
