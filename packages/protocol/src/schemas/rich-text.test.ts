import { describe, expect, it } from "vitest";
import { hasContent, mentionsIn, plainText, relabelMentions, RichTextBody } from "./rich-text.js";

const text = (value: string) => ({ type: "text", text: value });
const mention = (id: string, kind: "user" | "organization", label = "?") => ({
  type: "mention",
  attrs: { id, kind, label },
});

const body = RichTextBody.parse({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Week 12")] },
    {
      type: "paragraph",
      content: [text("Ask "), mention("u1", "user"), text(" and "), mention("o1", "organization")],
    },
    {
      type: "bulletList",
      content: [
        { type: "listItem", content: [{ type: "paragraph", content: [mention("u1", "user")] }] },
      ],
    },
  ],
});

describe("rich bodies", () => {
  it("lists each mention once, in order", () => {
    expect(mentionsIn(body)).toEqual([
      { id: "u1", kind: "user" },
      { id: "o1", kind: "organization" },
    ]);
  });

  it("replaces every label and reads the text with blocks on their own lines", () => {
    const relabelled = relabelMentions(body, (m) => (m.kind === "user" ? "Ada" : "Northwind"));
    expect(plainText(relabelled)).toBe("Week 12\nAsk @Ada and @Northwind\n@Ada");
    // The original is left as it was.
    expect(plainText(body)).toBe("Week 12\nAsk @? and @?\n@?");
  });

  it("tells an empty body from one that says something", () => {
    expect(hasContent(RichTextBody.parse({ type: "doc", content: [{ type: "paragraph" }] }))).toBe(
      false,
    );
    expect(hasContent(body)).toBe(true);
  });

  it("refuses nesting deeper than its limit before walking it", () => {
    let node: unknown = { type: "paragraph", content: [text("x")] };
    for (let i = 0; i < 5000; i++) node = { type: "blockquote", content: [node] };
    const result = RichTextBody.safeParse({ type: "doc", content: [node] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/nested deeper/);
  });

  it("refuses marks off text, text off text nodes and nested documents", () => {
    for (const bad of [
      { type: "paragraph", marks: [{ type: "bold" }] },
      { type: "paragraph", text: "x" },
      { type: "doc", content: [] },
      { type: "text", text: "x", marks: [{ type: "link", attrs: { href: "data:text/html,x" } }] },
    ]) {
      expect(RichTextBody.safeParse({ type: "doc", content: [bad] }).success).toBe(false);
    }
  });
});
