import { charterSchema, type JSONContent } from "@entente/editor";
import { describe, expect, it } from "vitest";
import { inlineText, plainTextToMarkdown, proseMirrorToMarkdown } from "./markdown.js";

const text = (value: string, ...marks: (string | { type: string; attrs?: object })[]) => ({
  type: "text",
  text: value,
  ...(marks.length > 0
    ? { marks: marks.map((m) => (typeof m === "string" ? { type: m } : m)) }
    : {}),
});
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("proseMirrorToMarkdown", () => {
  it("converts every block of the charter's schema", () => {
    const content = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("Purpose")] },
      paragraph(text("Low-carbon "), text("cold", "bold"), text(" chains.")),
      { type: "heading", attrs: { level: 2 }, content: [text("Principles")] },
      {
        type: "bulletList",
        content: [
          { type: "listItem", content: [paragraph(text("Trust"))] },
          {
            type: "listItem",
            content: [
              paragraph(text("Transparency")),
              {
                type: "orderedList",
                attrs: { start: 1 },
                content: [
                  { type: "listItem", content: [paragraph(text("constraints"))] },
                  { type: "listItem", content: [paragraph(text("ambitions"))] },
                ],
              },
            ],
          },
        ],
      },
      {
        type: "orderedList",
        attrs: { start: 3 },
        content: [{ type: "listItem", content: [paragraph(text("third"))] }],
      },
      { type: "blockquote", content: [paragraph(text("Quoted")), paragraph(text("twice"))] },
      { type: "codeBlock", attrs: { language: "ts" }, content: [{ type: "text", text: "a * b" }] },
      { type: "horizontalRule" },
      paragraph(text("line one"), { type: "hardBreak" }, text("line two")),
    );
    // The input is a document the editor itself accepts.
    expect(() => charterSchema.nodeFromJSON(content).check()).not.toThrow();

    expect(proseMirrorToMarkdown(content)).toBe(
      [
        "# Purpose",
        "Low-carbon **cold** chains.",
        "## Principles",
        "- Trust\n- Transparency\n\n  1. constraints\n  2. ambitions",
        "3. third",
        "> Quoted\n>\n> twice",
        "```ts\na * b\n```",
        "---",
        "line one\\\nline two",
      ].join("\n\n"),
    );
  });

  it("applies marks as a stack, with whitespace outside delimiters", () => {
    const content = doc(
      paragraph(
        text("plain "),
        text("bold ", "bold"),
        text("both", "bold", "italic"),
        text(" italic", "italic"),
        text(" "),
        text("x`y", "code"),
        text(" "),
        text("gone", "strike"),
        text(" "),
        text("site", { type: "link", attrs: { href: "https://example.test/a b" } }),
        text(" "),
        text("evil", { type: "link", attrs: { href: "javascript:alert(1)" } }),
      ),
    );

    expect(proseMirrorToMarkdown(content)).toBe(
      "plain **bold *both*** *italic* ``x`y`` ~~gone~~ [site](<https://example.test/a b>) evil",
    );
  });

  it("shifts headings to nest under the export's own, up to level 6", () => {
    const content = doc(
      { type: "heading", attrs: { level: 1 }, content: [text("One")] },
      { type: "heading", attrs: { level: 5 }, content: [text("Five")] },
    );

    expect(proseMirrorToMarkdown(content, { headingOffset: 2 })).toBe("### One\n\n###### Five");
  });

  it("escapes what Markdown would misread, and only that", () => {
    const content = doc(
      paragraph(text("# not a heading")),
      paragraph(text("1. not a list, 2 * 3 = 6, a_b, <b>html</b>, [x](y), &amp; ~~no~~")),
      paragraph(text("- not a bullet")),
      paragraph(text("Northwind & Southpeak: 50% (est.) — fine!")),
    );

    expect(proseMirrorToMarkdown(content)).toBe(
      [
        "\\# not a heading",
        "1\\. not a list, 2 \\* 3 = 6, a\\_b, \\<b>html\\</b>, \\[x\\](y), \\&amp; \\~\\~no\\~\\~",
        "\\- not a bullet",
        "Northwind & Southpeak: 50% (est.) — fine!",
      ].join("\n\n"),
    );
  });

  it("keeps the text of unknown or malformed nodes instead of failing", () => {
    const content = {
      type: "doc",
      content: [
        { type: "callout", content: [paragraph(text("inside a callout"))] },
        { type: "mystery", content: [text("inline mystery")] },
        { type: "paragraph", content: "not an array" },
        { type: "heading", attrs: { level: "big" }, content: [text("Odd level")] },
        null,
        { type: "paragraph", content: [{ type: "text", marks: "bold" }] },
      ],
    } as unknown as JSONContent;

    expect(proseMirrorToMarkdown(content)).toBe(
      "inside a callout\n\ninline mystery\n\n# Odd level",
    );
  });

  it("fences code blocks longer than any backtick run they hold", () => {
    const content = doc({ type: "codeBlock", content: [{ type: "text", text: "```\nx\n```" }] });

    expect(proseMirrorToMarkdown(content)).toBe("````\n```\nx\n```\n````");
  });
});

describe("plain text helpers", () => {
  it("turns a multi-line text into paragraphs and line breaks", () => {
    expect(plainTextToMarkdown("First line\nsecond *line*\n\n# Third")).toBe(
      "First line\\\nsecond \\*line\\*\n\n\\# Third",
    );
    expect(plainTextToMarkdown("  \n\n ")).toBe("");
  });

  it("keeps a title on one line and safe in a table cell", () => {
    expect(inlineText(" a |\n b_c ")).toBe("a \\| b\\_c");
  });
});
