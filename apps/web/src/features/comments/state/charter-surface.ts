import type { CharterAnchorView } from "@entente/protocol";

/*
 * What the charter's comments panel needs of the charter's text, whether the page shows it
 * as text (before the editor loads: `TextSurface`) or in the editor (`EditorSurface`, loaded
 * with it). The panel works the same on both; only the editor can select text to comment on.
 */

/** A range of the charter in the surface's own positions (ProseMirror's, or text offsets). */
export interface SurfaceRange {
  from: number;
  to: number;
}

/** A thread's anchor to draw ("draft" for the range a new thread is being written on). */
export interface HighlightAnchor {
  id: string;
  start: string;
  end: string;
}

export const DRAFT_ANCHOR_ID = "draft";

export interface CharterSurface {
  /** Calls `onChange` whenever the text, the selection or the focus changed. */
  readonly subscribe: (onChange: () => void) => () => void;
  /** Where an anchor is now: a range (empty when its text was deleted), or null: nowhere. */
  rangeOf(anchor: Pick<HighlightAnchor, "start" | "end">): SurfaceRange | null;
  /** The text selected, if any, and whether the text has the focus. */
  selection(): { range: SurfaceRange | null; focused: boolean };
  /** The anchor of the selected text (null without a selection holding text). */
  anchorOfSelection(): CharterAnchorView | null;
  /** Scrolls a thread's text (at `range`) into view. */
  reveal(threadId: string, range: SurfaceRange): void;
  /** Where on screen the text at `position` ends, for a button placed just under it. */
  coordsBelow(position: number): { left: number; bottom: number } | null;
  /** Draws these anchors as highlights, `activeId` marked; a click on one calls `onSelect`. */
  highlight(
    anchors: readonly HighlightAnchor[],
    activeId: string | null,
    onSelect: (threadId: string) => void,
  ): void;
  /** Stops drawing highlights (the panel goes). */
  clearHighlights(): void;
}
