// @vitest-environment happy-dom
import { charterAnchorFromTextRange, writeCharterContent, type JSONContent } from "@entente/editor";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { charterEditor, destroyCharterEditors } from "../../../testing/charter-editor";
import { TextSurface } from "../../comments";
import { renderRichText } from "./rich-text-render";

const CHARTER: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "We share " },
        { type: "text", text: "values", marks: [{ type: "bold" }] },
        { type: "text", text: " and" },
        { type: "hardBreak" },
        { type: "text", text: "grow " },
        {
          type: "text",
          text: "together",
          marks: [{ type: "link", attrs: { href: "https://example.org/together" } }],
        },
        { type: "text", text: "." },
      ],
    },
    { type: "paragraph" },
    {
      type: "orderedList",
      attrs: { start: 3 },
      content: [
        {
          type: "listItem",
          content: [{ type: "paragraph", content: [{ type: "text", text: "Third" }] }],
        },
      ],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Quoted" }] }],
    },
    // Last, a paragraph: the editor adds one after any other last block (its trailing node).
    { type: "paragraph", content: [{ type: "text", text: "End." }] },
  ],
};

function charter(content: JSONContent = CHARTER): Y.Doc {
  const doc = new Y.Doc();
  writeCharterContent(doc, content);
  return doc;
}

const html = (doc: Y.Doc, surface?: TextSurface) =>
  renderToStaticMarkup(
    <>{renderRichText(doc.getXmlFragment("default"), surface?.highlights() ?? [])}</>,
  );

/** The text of every element of `selector` in rendered markup. */
function textsOf(markup: string, selector: string): string[] {
  const container = document.createElement("div");
  container.innerHTML = markup;
  return [...container.querySelectorAll(selector)].map((element) => element.textContent ?? "");
}

afterEach(destroyCharterEditors);

describe("the charter shown as text, before the editor loads", () => {
  it("shows the elements the editor shows for the same content", () => {
    const { doc, editor } = charterEditor(CHARTER);
    const container = document.createElement("div");
    container.innerHTML = html(doc);
    // The same blocks and marks, in the same order, with the same text.
    const shape = (root: Element) =>
      [...root.querySelectorAll("*")]
        .map((element) => element.tagName.toLowerCase())
        .filter((tag) => tag !== "br")
        .join(" ");
    expect(shape(container)).toBe(shape(editor.view.dom));
    expect(container.textContent).toBe(editor.view.dom.textContent);
    expect(container.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(container.querySelector("a")?.getAttribute("href")).toBe("https://example.org/together");
    // An empty paragraph keeps its line.
    expect(container.querySelectorAll("p")[1]?.innerHTML).toBe("<br>");
  });

  it("follows a partner's edit, and never renders a script link", () => {
    const doc = charter({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "Terms" }] }],
    });
    const partner = new Y.Doc();
    Y.applyUpdate(partner, Y.encodeStateAsUpdate(doc));
    // A hostile writer stores a link the editor would refuse, straight into the document.
    const text = (partner.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, " apply", { link: { href: "javascript:alert(1)" } });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(partner));

    const markup = html(doc);
    expect(textsOf(markup, "p")).toEqual(["Terms apply"]);
    expect(markup).not.toContain("javascript:");
    expect(markup).not.toContain("<a");
  });

  it("draws comment highlights over exactly the text their anchors cover", () => {
    const doc = charter();
    const surface = new TextSurface(doc, () => null);
    // "values and" crosses a bold mark (text offsets: text nodes joined by "\n");
    // "Purpose" is a whole heading.
    const from = "Purpose\nWe share ".length;
    const crossing = charterAnchorFromTextRange(doc, from, from + "values and".length);
    const heading = charterAnchorFromTextRange(doc, 0, "Purpose".length);
    const selected: string[] = [];
    surface.highlight(
      [
        { id: "t1", ...crossing },
        { id: "t2", ...heading },
      ],
      "t2",
      (id) => selected.push(id),
    );

    const markup = html(doc, surface);
    expect(textsOf(markup, '[data-thread-id="t1"]').join("")).toBe("values and");
    expect(textsOf(markup, '[data-thread-id="t2"]').join("")).toBe("Purpose");
    expect(textsOf(markup, ".comment-highlight--active").join("")).toBe("Purpose");
    // The bold word keeps its mark inside the highlight.
    expect(textsOf(markup, '[data-thread-id="t1"] strong, strong [data-thread-id="t1"]')).toEqual([
      "values",
    ]);

    surface.select("t1");
    expect(selected).toEqual(["t1"]);
    expect(textsOf(html(doc, surface), ".comment-highlight--active").join("")).toBe("values and");
  });

  it("moves a highlight with its text when a partner writes before it", () => {
    const doc = charter();
    const surface = new TextSurface(doc, () => null);
    const anchor = charterAnchorFromTextRange(doc, 0, "Purpose".length);
    surface.highlight([{ id: "t1", ...anchor }], null, () => {});
    const seen: number[] = [];
    const stop = surface.subscribe(() => seen.push(surface.version()));

    const heading = (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
    heading.insert(0, "Our ");

    expect(seen.length).toBeGreaterThan(0);
    expect(textsOf(html(doc, surface), '[data-thread-id="t1"]').join("")).toBe("Purpose");
    expect(surface.rangeOf(anchor)).toEqual({ from: 4, to: 11 });
    stop();
  });
});
