import type { Editor } from "@tiptap/react";
import type { CharterSurface, HighlightAnchor, SurfaceRange } from "./charter-surface";
import {
  anchorFromRange,
  commentHighlightsKey,
  commentHighlightsPlugin,
  resolveAnchor,
  setActiveHighlight,
  setHighlightAnchors,
  yBindingOf,
} from "./charter-highlights";

/**
 * The charter in its editor: anchors are found in the editor's document through y-tiptap's
 * mapping, highlights are decorations (a plugin registered while the panel draws them), and
 * the editor's selection can be commented on. Loaded with the editor, never before.
 */
export class EditorSurface implements CharterSurface {
  private onSelect: (threadId: string) => void = () => {};
  private registered = false;
  private anchorsKey = "";

  constructor(private readonly editor: Editor) {}

  readonly subscribe = (onChange: () => void): (() => void) => {
    this.editor.on("transaction", onChange);
    this.editor.on("focus", onChange);
    this.editor.on("blur", onChange);
    return () => {
      this.editor.off("transaction", onChange);
      this.editor.off("focus", onChange);
      this.editor.off("blur", onChange);
    };
  };

  rangeOf(anchor: Pick<HighlightAnchor, "start" | "end">): SurfaceRange | null {
    if (this.editor.isDestroyed) return null;
    const binding = yBindingOf(this.editor.state);
    return binding ? resolveAnchor(this.editor.state.doc, binding, anchor) : null;
  }

  selection(): { range: SurfaceRange | null; focused: boolean } {
    if (this.editor.isDestroyed) return { range: null, focused: false };
    const { from, to, empty } = this.editor.state.selection;
    return { range: empty ? null : { from, to }, focused: this.editor.isFocused };
  }

  anchorOfSelection() {
    const { range } = this.selection();
    const binding = this.editor.isDestroyed ? null : yBindingOf(this.editor.state);
    if (!range || !binding) return null;
    return anchorFromRange(this.editor.state.doc, binding, range);
  }

  reveal(_threadId: string, range: SurfaceRange): void {
    if (this.editor.isDestroyed) return;
    const { node } = this.editor.view.domAtPos(range.from);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: "center", behavior: "smooth" });
  }

  coordsBelow(position: number): { left: number; bottom: number } | null {
    if (this.editor.isDestroyed) return null;
    try {
      const { left, bottom } = this.editor.view.coordsAtPos(position);
      return { left, bottom };
    } catch {
      return null;
    }
  }

  highlight(
    anchors: readonly HighlightAnchor[],
    activeId: string | null,
    onSelect: (threadId: string) => void,
  ): void {
    this.onSelect = onSelect;
    if (this.editor.isDestroyed) return;
    if (!this.registered) {
      this.editor.registerPlugin(commentHighlightsPlugin((id) => this.onSelect(id)));
      this.registered = true;
      this.anchorsKey = "";
    }
    // Anchors compare by value: the panel rebuilds its list on every render.
    const key = anchors.map((a) => `${a.id}:${a.start}:${a.end}`).join("|");
    if (key !== this.anchorsKey) {
      this.anchorsKey = key;
      setHighlightAnchors(this.editor.view, anchors);
    }
    setActiveHighlight(this.editor.view, activeId);
  }

  clearHighlights(): void {
    if (this.registered && !this.editor.isDestroyed) {
      this.editor.unregisterPlugin(commentHighlightsKey);
    }
    this.registered = false;
  }
}
