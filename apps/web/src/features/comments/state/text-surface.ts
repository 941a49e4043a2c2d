import { CHARTER_FRAGMENT, resolveCharterAnchor } from "@entente/editor/anchors";
import type * as Y from "yjs";
import type { CharterSurface, HighlightAnchor, SurfaceRange } from "./charter-surface";
import { DRAFT_ANCHOR_ID } from "./charter-surface";

/** A highlight to draw over the text, in text offsets (`@entente/editor/anchors`). */
export interface TextHighlight extends SurfaceRange {
  id: string;
  className: string;
}

/**
 * The charter shown as text, before the editor loads: anchors are found in the Yjs document
 * itself (text offsets), highlights are drawn by the page's text view (`highlights()`), and
 * nothing can be selected to comment on until the editor takes over.
 */
export class TextSurface implements CharterSurface {
  private readonly fragment: Y.XmlFragment;
  private readonly listeners = new Set<() => void>();
  private changes = 0;
  private anchors: readonly HighlightAnchor[] = [];
  private activeId: string | null = null;
  private drawn: TextHighlight[] = [];
  private onSelect: ((threadId: string) => void) | null = null;

  constructor(
    private readonly doc: Y.Doc,
    /** The element the text is shown in, to scroll to a highlight. */
    private readonly element: () => HTMLElement | null,
  ) {
    this.fragment = doc.getXmlFragment(CHARTER_FRAGMENT);
  }

  readonly subscribe = (onChange: () => void): (() => void) => {
    if (this.listeners.size === 0) this.fragment.observeDeep(this.textChanged);
    this.listeners.add(onChange);
    return () => {
      this.listeners.delete(onChange);
      if (this.listeners.size === 0) this.fragment.unobserveDeep(this.textChanged);
    };
  };

  /** Changes with every change told to subscribers (the text view's snapshot). */
  readonly version = (): number => this.changes;

  rangeOf(anchor: Pick<HighlightAnchor, "start" | "end">): SurfaceRange | null {
    const range = resolveCharterAnchor(this.doc, anchor);
    return range ? { from: range.from, to: range.to } : null;
  }

  selection(): { range: SurfaceRange | null; focused: boolean } {
    return { range: null, focused: false };
  }

  anchorOfSelection(): null {
    return null;
  }

  reveal(threadId: string): void {
    const highlight = this.element()?.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`);
    highlight?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  coordsBelow(): null {
    return null;
  }

  highlight(
    anchors: readonly HighlightAnchor[],
    activeId: string | null,
    onSelect: (threadId: string) => void,
  ): void {
    this.anchors = anchors;
    this.activeId = activeId;
    this.onSelect = onSelect;
    this.redraw();
  }

  clearHighlights(): void {
    this.highlight([], null, () => {});
    this.onSelect = null;
  }

  /** The highlights to draw now (a new array after each change). */
  highlights(): readonly TextHighlight[] {
    return this.drawn;
  }

  /** A click on a highlight's text (the innermost one under it). */
  select(threadId: string): void {
    if (threadId === DRAFT_ANCHOR_ID) return;
    this.activeId = threadId;
    this.redraw();
    this.onSelect?.(threadId);
  }

  private readonly textChanged = () => {
    this.redraw();
  };

  private redraw(): void {
    const drawn: TextHighlight[] = [];
    for (const anchor of this.anchors) {
      const range = this.rangeOf(anchor);
      if (!range || range.to <= range.from) continue;
      const classes = ["comment-highlight"];
      if (anchor.id === DRAFT_ANCHOR_ID) classes.push("comment-highlight--draft");
      if (anchor.id === this.activeId) classes.push("comment-highlight--active");
      drawn.push({ id: anchor.id, ...range, className: classes.join(" ") });
    }
    this.drawn = drawn;
    this.changes += 1;
    for (const listener of this.listeners) listener();
  }
}
