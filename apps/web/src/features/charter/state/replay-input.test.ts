// @vitest-environment happy-dom
import { readCharterContent } from "@entente/editor";
import { afterEach, describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { charterEditor, destroyCharterEditors } from "../../../testing/charter-editor";
import { PendingInput, type KeyPress } from "./pending-input";
import { replayInput } from "./replay-input";

afterEach(destroyCharterEditors);

/** A charter of two paragraphs, and an editor on it as the page would load it. */
const twoParagraphs = () =>
  charterEditor({
    type: "doc",
    content: [
      { type: "paragraph", content: [{ type: "text", text: "Purpose" }] },
      { type: "paragraph", content: [{ type: "text", text: "Exit terms" }] },
    ],
  });

const press = (key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

/** The charter's paragraphs as the Yjs document holds them (what the partner receives). */
const paragraphs = (doc: Y.Doc) =>
  (readCharterContent(doc).content ?? []).map((block) =>
    (block.content ?? []).map((inline) => inline.text ?? "").join(""),
  );

describe("what is done to the charter before its editor loads", () => {
  it("reaches the shared document once the editor is there, in order", () => {
    const { doc, editor } = twoParagraphs();
    const input = new PendingInput();
    for (const key of [
      press("End", { ctrlKey: true }),
      press("Enter"),
      press("a"),
      press("b"),
      press("Backspace"),
      press("c"),
      press(" "),
    ]) {
      expect(input.key(key)).toBe(true);
    }
    input.command((e) => e.chain().focus().toggleBold().run());
    input.key(press("d"));

    replayInput(editor, input);

    expect(paragraphs(doc)).toEqual(["Purpose", "Exit terms", "ac d"]);
    const last = readCharterContent(doc).content?.at(-1)?.content?.at(-1);
    expect(last).toMatchObject({ text: "d", marks: [{ type: "bold" }] });
    // Played once: a second take-over adds nothing.
    replayInput(editor, input);
    expect(paragraphs(doc)).toEqual(["Purpose", "Exit terms", "ac d"]);
  });

  it("leaves Tab and lone modifiers to the browser, and does not take the focus unasked", () => {
    const { editor } = twoParagraphs();
    const input = new PendingInput();
    expect(input.key(press("Tab"))).toBe(false);
    expect(input.key(press("Shift", { shiftKey: true }))).toBe(false);

    replayInput(editor, input);
    expect(editor.isFocused).toBe(false);

    input.focused = true;
    replayInput(editor, input);
    expect(editor.view.hasFocus()).toBe(true);
  });
});
