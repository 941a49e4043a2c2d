import { TextSelection } from "@tiptap/pm/state";
import type { Editor } from "@tiptap/react";
import type { KeyPress, PendingInput } from "./pending-input";

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Plays into the editor what was done to its text before it loaded (in order): the caret
 * where the click put it, the keys as the editor would have taken them, toolbar commands.
 * The editor takes the focus if the text had it or anything was done.
 */
export function replayInput(editor: Editor, input: PendingInput): void {
  const { events, focused } = input.take();
  if (events.length === 0 && !focused) return;
  // At once (Tiptap's focus command waits a frame, and a key pressed meanwhile would be lost).
  editor.view.focus();
  for (const event of events) {
    if (event.kind === "click") placeCaret(editor, event.x, event.y, event.clicks);
    else if (event.kind === "key") pressKey(editor, event.press);
    else event.run(editor);
  }
}

/** Where a click would have put the caret: a caret, a word (double), a block (triple). */
function placeCaret(editor: Editor, x: number, y: number, clicks: number): void {
  const found = editor.view.posAtCoords({ left: x, top: y });
  if (!found) return;
  const $pos = editor.state.doc.resolve(found.pos);
  if (clicks >= 3 && $pos.parent.isTextblock) {
    editor.commands.setTextSelection({ from: $pos.start(), to: $pos.end() });
    return;
  }
  if (clicks === 2 && $pos.parent.isTextblock) {
    const text = $pos.parent.textContent;
    let from = $pos.parentOffset;
    let to = from;
    while (from > 0 && WORD.test(text[from - 1] ?? "")) from -= 1;
    while (to < text.length && WORD.test(text[to] ?? "")) to += 1;
    editor.commands.setTextSelection({ from: $pos.start() + from, to: $pos.start() + to });
    return;
  }
  // The nearest place for a caret (a click between blocks lands in one).
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.near($pos)));
}

/** What the key would have done in the editor. */
function pressKey(editor: Editor, press: KeyPress): void {
  const { key, shiftKey, altKey } = press;
  const mod = press.ctrlKey || press.metaKey;
  if (mod && key === "End") {
    editor.commands.focus("end");
    return;
  }
  if (mod && key === "Home") {
    editor.commands.focus("start");
    return;
  }
  if (key.length === 1 && !mod && !altKey) {
    editor.commands.command(({ tr }) => {
      tr.insertText(key);
      return true;
    });
    return;
  }
  // The editor's own keymaps first (Enter splits a block or a list item, Mod-b…).
  const event = new KeyboardEvent("keydown", { ...press, bubbles: true, cancelable: true });
  if (editor.view.someProp("handleKeyDown", (handle) => handle(editor.view, event))) return;
  // What the browser itself does in a contenteditable, for the keys that matter most.
  const { from, empty, $head } = editor.state.selection;
  if (key === "Backspace" || key === "Delete") {
    if (!empty) editor.commands.deleteSelection();
    else if (key === "Backspace" && $head.parentOffset > 0) {
      editor.commands.deleteRange({ from: from - 1, to: from });
    } else if (key === "Delete" && $head.parentOffset < $head.parent.content.size) {
      editor.commands.deleteRange({ from, to: from + 1 });
    }
  } else if (key === "ArrowLeft" || key === "ArrowRight") {
    const head = Math.max(
      0,
      Math.min(editor.state.doc.content.size, $head.pos + (key === "ArrowLeft" ? -1 : 1)),
    );
    const anchor = shiftKey ? editor.state.selection.anchor : head;
    editor.commands.setTextSelection({ from: anchor, to: head });
  } else if (key === "End" || key === "Home") {
    const at = key === "End" ? $head.end() : $head.start();
    editor.commands.setTextSelection(
      shiftKey ? { from: editor.state.selection.anchor, to: at } : at,
    );
  }
}
