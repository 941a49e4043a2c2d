import { charterSchema, resolveCharterAnchor, writeCharterContent } from "@entente/editor";
import type { Node as PmNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import { initProseMirrorDoc, ySyncPlugin } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  anchorFromRange,
  commentHighlightsKey,
  commentHighlightsPlugin,
  highlightSpec,
  resolveAnchor,
  type YBinding,
} from "./charter-highlights";

/** Two replicas of a charter: a heading and two paragraphs. */
function replicas() {
  const mine = new Y.Doc();
  writeCharterContent(mine, {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Purpose" }] },
      {
        type: "paragraph",
        content: [{ type: "text", text: "We share values and grow the market together." }],
      },
      { type: "paragraph", content: [{ type: "text", text: "Exit terms come last." }] },
    ],
  });
  const theirs = new Y.Doc();
  Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
  return { mine, theirs };
}

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));

/** What an editor bound to `ydoc` shows, with y-tiptap's mapping, as the editor would hold it. */
function editorView(ydoc: Y.Doc): { doc: PmNode; binding: YBinding } {
  const fragment = ydoc.getXmlFragment("default");
  const { doc, mapping } = initProseMirrorDoc(fragment, charterSchema);
  return { doc, binding: { ydoc, fragment, mapping } };
}

/** The editor positions of the first occurrence of `text`. */
function find(doc: PmNode, text: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const index = node.text!.indexOf(text);
    if (index >= 0) found = { from: pos + index, to: pos + index + text.length };
    return false;
  });
  if (!found) throw new Error(`"${text}" is not in the document`);
  return found;
}

/** The paragraph of the second block, as a Yjs text. */
const secondParagraph = (ydoc: Y.Doc) =>
  (ydoc.getXmlFragment("default").get(1) as Y.XmlElement).get(0) as Y.XmlText;

describe("charter anchors from the editor", () => {
  it("anchors a selection on its text, in a form the server's helper resolves", () => {
    const { mine } = replicas();
    const { doc, binding } = editorView(mine);
    const anchor = anchorFromRange(doc, binding, find(doc, "share values"));
    expect(anchor?.quote).toBe("share values");
    expect(resolveCharterAnchor(mine, anchor!)?.text).toBe("share values");
    expect(resolveAnchor(doc, binding, anchor!)).toEqual(find(doc, "share values"));
  });

  it("quotes a range across blocks with a line break, and refuses an empty one", () => {
    const { mine } = replicas();
    const { doc, binding } = editorView(mine);
    const range = { from: find(doc, "together").from, to: find(doc, "Exit").to };
    const anchor = anchorFromRange(doc, binding, range);
    expect(anchor?.quote).toBe("together.\nExit");
    expect(resolveCharterAnchor(mine, anchor!)?.text).toBe("together.\nExit");
    const at = find(doc, "Exit").from;
    expect(anchorFromRange(doc, binding, { from: at, to: at })).toBeNull();
  });

  it("follows its text through the partner's edits; text typed just outside stays outside", () => {
    const { mine, theirs } = replicas();
    const before = editorView(mine);
    const anchor = anchorFromRange(before.doc, before.binding, find(before.doc, "share values"))!;

    // The partner types right before and right after the range, and earlier in the text.
    const text = secondParagraph(theirs);
    const start = "We ".length;
    const end = start + "share values".length;
    theirs.transact(() => {
      text.insert(end, " deeply");
      text.insert(start, "really ");
      text.insert(0, "Today, ");
    });
    sync(theirs, mine);

    const after = editorView(mine);
    const range = resolveAnchor(after.doc, after.binding, anchor)!;
    expect(after.doc.textBetween(range.from, range.to)).toBe("share values");
    expect(after.doc.textBetween(range.from - 7, range.to + 7)).toBe("really share values deeply");
  });

  it("resolves empty once its text was deleted", () => {
    const { mine, theirs } = replicas();
    const before = editorView(mine);
    const anchor = anchorFromRange(before.doc, before.binding, find(before.doc, "share values"))!;
    secondParagraph(theirs).delete("We ".length, "share values".length);
    sync(theirs, mine);

    const after = editorView(mine);
    const range = resolveAnchor(after.doc, after.binding, anchor);
    expect(range === null || range.from === range.to).toBe(true);
  });
});

describe("the highlights plugin", () => {
  function stateWith(ydoc: Y.Doc) {
    const fragment = ydoc.getXmlFragment("default");
    const { doc, mapping } = initProseMirrorDoc(fragment, charterSchema);
    return EditorState.create({
      doc,
      plugins: [ySyncPlugin(fragment, { mapping }), commentHighlightsPlugin(() => undefined)],
    });
  }
  const highlights = (state: EditorState) =>
    commentHighlightsKey
      .getState(state)!
      .decorations.find()
      .map((d) => ({ text: state.doc.textBetween(d.from, d.to), ...highlightSpec(d) }));

  it("draws each anchor as a decoration, the active one marked, without touching the document", () => {
    const { mine } = replicas();
    let state = stateWith(mine);
    const { binding } = editorView(mine);
    const values = anchorFromRange(state.doc, binding, find(state.doc, "share values"))!;
    const exit = anchorFromRange(state.doc, binding, find(state.doc, "Exit terms"))!;
    const original = state.doc;

    state = state.apply(
      state.tr.setMeta(commentHighlightsKey, {
        anchors: [
          { id: "t1", ...values },
          { id: "t2", ...exit },
        ],
      }),
    );
    state = state.apply(state.tr.setMeta(commentHighlightsKey, { activeId: "t2" }));
    expect(highlights(state)).toEqual([
      { text: "share values", threadId: "t1", active: false },
      { text: "Exit terms", threadId: "t2", active: true },
    ]);
    expect(state.doc.eq(original)).toBe(true);

    // A local edit before a range moves its highlight with the text.
    state = state.apply(state.tr.insertText("Now: ", find(state.doc, "We share").from));
    expect(highlights(state).map((h) => h.text)).toEqual(["share values", "Exit terms"]);
  });
});
