import type { KeyboardEvent } from "react";

/**
 * `onKeyDown` of a modal `<dialog>` holding a rich-text editor. The browser closes a modal
 * dialog on Escape, unless the key's default was prevented, and ProseMirror prevents it for
 * every Escape typed in an editor: the dialog would trap a keyboard user. An Escape the editor
 * used for itself (closing its @mention list) stops there and never reaches the dialog.
 */
export function closeOnSwallowedEscape(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key === "Escape" && event.defaultPrevented && event.currentTarget.open) {
    event.currentTarget.close();
  }
}
