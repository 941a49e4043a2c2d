import type { Editor } from "@tiptap/react";

/** A key as the page saw it. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type Pending =
  | { kind: "key"; press: KeyPress }
  | { kind: "click"; x: number; y: number; clicks: number }
  | { kind: "command"; run: (editor: Editor) => void };

/** Keys that only move the focus or mean nothing alone: left to the browser. */
const NOT_KEPT = new Set(["Tab", "Escape", "Shift", "Control", "Alt", "Meta", "CapsLock"]);

/**
 * What someone does to a rich text shown before its editor has loaded (the charter is shown
 * as text first, and the editor loads at the first sign of interest): the clicks, keys and
 * toolbar commands, kept in order and played into the editor once it is there, so that
 * nothing typed in the meantime is lost.
 */
export class PendingInput {
  private events: Pending[] = [];
  /** Whether the text had the focus when the editor took its place. */
  focused = false;

  /** A key pressed on the text. True when it is kept (the page must not act on it too). */
  key(press: KeyPress): boolean {
    if (NOT_KEPT.has(press.key)) return false;
    this.events.push({ kind: "key", press });
    return true;
  }

  /** A click at screen coordinates (`clicks`: 2 for a double click, 3 for a triple one). */
  click(x: number, y: number, clicks: number): void {
    this.events.push({ kind: "click", x, y, clicks });
  }

  /** A toolbar command, run in the editor once it is there. */
  command(run: (editor: Editor) => void): void {
    this.events.push({ kind: "command", run });
  }

  /**
   * What was kept, in order, and whether the text had the focus; forgotten once taken (by the
   * editor, which plays it: `replay-input.ts`, loaded with the editor).
   */
  take(): { events: Pending[]; focused: boolean } {
    const taken = { events: this.events, focused: this.focused };
    this.events = [];
    this.focused = false;
    return taken;
  }
}
