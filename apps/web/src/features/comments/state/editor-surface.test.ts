// @vitest-environment happy-dom
import { resolveCharterAnchor } from "@entente/editor";
import { afterEach, describe, expect, it } from "vitest";
import { charterEditor, destroyCharterEditors } from "../../../testing/charter-editor";
import type { SurfaceRange } from "./charter-surface";
import { EditorSurface } from "./editor-surface";
import { TextSurface } from "./text-surface";

afterEach(destroyCharterEditors);

/** A heading and a paragraph, in an editor as the page binds one. */
const headingAndParagraph = () =>
  charterEditor({
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
      { type: "paragraph", content: [{ type: "text", text: "We grow the market together." }] },
    ],
  });

describe("the comments panel on the charter's editor", () => {
  it("comments on the selection, and finds the thread where the text view found it", () => {
    const { doc, editor } = headingAndParagraph();
    const surface = new EditorSurface(editor);
    // "market" in the paragraph: ProseMirror positions (heading 0–9, paragraph from 9).
    const from = 10 + "We grow the ".length;
    editor.commands.setTextSelection({ from, to: from + "market".length });

    expect(surface.selection().range).toEqual({ from, to: from + 6 });
    const anchor = surface.anchorOfSelection();
    expect(anchor?.quote).toBe("market");
    // The same anchor, read without the editor, covers the same text.
    const inText = resolveCharterAnchor(doc, anchor!);
    expect(inText?.text).toBe("market");
    expect(new TextSurface(doc, () => null).rangeOf(anchor!)).toEqual({
      from: inText?.from,
      to: inText?.to,
    });
    expect(surface.rangeOf(anchor!)).toEqual({ from, to: from + 6 });
  });

  it("tells the panel of every change of the selection", () => {
    const { editor } = headingAndParagraph();
    const surface = new EditorSurface(editor);
    const seen: (SurfaceRange | null)[] = [];
    const stop = surface.subscribe(() => seen.push(surface.selection().range));

    editor.commands.setTextSelection({ from: 1, to: 8 });
    expect(seen.at(-1)).toEqual({ from: 1, to: 8 });
    expect(surface.selection().range).toEqual({ from: 1, to: 8 });
    expect(surface.anchorOfSelection()?.quote).toBe("Purpose");

    stop();
    const before = seen.length;
    editor.commands.setTextSelection(3);
    expect(seen).toHaveLength(before);
    expect(surface.anchorOfSelection()).toBeNull();
  });
});
