import { decodeAnchorPosition, encodeAnchorPosition } from "@entente/editor/anchors";
import type { CharterAnchorView } from "@entente/protocol";
import type { Node as PmNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { DRAFT_ANCHOR_ID, type HighlightAnchor, type SurfaceRange } from "./charter-surface";

/** y-tiptap's map from Yjs types to the editor's nodes. */
type ProsemirrorMapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/*
 * Comment threads on the charter, seen from the editor: anchors are made from the editor's
 * selection, found again in the current document, and drawn as decorations (never as marks:
 * nothing of it enters the shared document).
 */

/** The Yjs side of a charter editor: its document, its fragment and y-tiptap's node mapping. */
export interface YBinding {
  ydoc: Y.Doc;
  fragment: Y.XmlFragment;
  mapping: ProsemirrorMapping;
}

/** A range of the editor's document, in ProseMirror positions. */
export type EditorRange = SurfaceRange;

const MAX_QUOTE = 2000;

/** The y-tiptap binding of an editor with the Collaboration extension (null without one). */
export function yBindingOf(state: EditorState): YBinding | null {
  const sync = ySyncPluginKey.getState(state) as
    { doc?: Y.Doc; type?: Y.XmlFragment; binding?: { mapping?: ProsemirrorMapping } } | undefined;
  if (!sync?.doc || !sync.type || !sync.binding?.mapping) return null;
  return { ydoc: sync.doc, fragment: sync.type, mapping: sync.binding.mapping };
}

/**
 * The anchor of a range of the editor's document (which must mirror `binding`), or null for a
 * range without text. The start sticks to the range's first character and the end to its
 * last (docs/API.md), so text typed just outside the range stays outside.
 */
export function anchorFromRange(
  doc: PmNode,
  binding: YBinding,
  range: EditorRange,
): CharterAnchorView | null {
  const { from, to } = range;
  if (to <= from) return null;
  let quote = doc.textBetween(from, to, "\n", " ").trim();
  if (quote === "") return null;
  if (quote.length > MAX_QUOTE) quote = `${quote.slice(0, MAX_QUOTE - 1)}…`;
  // y-tiptap's positions inside a text lean on the character before them: right for the end.
  const end = absolutePositionToRelativePosition(
    to,
    binding.fragment,
    binding.mapping,
  ) as Y.RelativePosition | null;
  let start = absolutePositionToRelativePosition(
    from,
    binding.fragment,
    binding.mapping,
  ) as Y.RelativePosition | null;
  if (!start || !end) return null;
  const absoluteStart = Y.createAbsolutePositionFromRelativePosition(start, binding.ydoc);
  if (absoluteStart && absoluteStart.type instanceof Y.XmlText) {
    // The start leans on the character after it: the range's own first character.
    start = Y.createRelativePositionFromTypeIndex(absoluteStart.type, absoluteStart.index, 0);
  }
  return { start: encodeAnchorPosition(start), end: encodeAnchorPosition(end), quote };
}

/**
 * Where an anchor is in the editor's document now: a range (empty when its text was all
 * deleted), or null when it does not point into this document any more.
 */
export function resolveAnchor(
  doc: PmNode,
  binding: YBinding,
  anchor: Pick<HighlightAnchor, "start" | "end">,
): EditorRange | null {
  const position = (encoded: string): number | null => {
    const relative = decodeAnchorPosition(encoded);
    if (!relative) return null;
    try {
      return relativePositionToAbsolutePosition(
        binding.ydoc,
        binding.fragment,
        relative,
        binding.mapping,
      );
    } catch {
      return null;
    }
  };
  const start = position(anchor.start);
  const end = position(anchor.end);
  if (start === null || end === null) return null;
  const size = doc.content.size;
  const from = Math.max(0, Math.min(start, size));
  const to = Math.max(from, Math.min(end, size));
  return { from, to };
}

interface HighlightState {
  anchors: readonly HighlightAnchor[];
  activeId: string | null;
  /** Where each anchor is; null when it is nowhere (or not computed yet). */
  ranges: ReadonlyMap<string, EditorRange | null>;
  decorations: DecorationSet;
}

type HighlightMeta =
  { anchors: readonly HighlightAnchor[] } | { activeId: string | null } | { recompute: true };

export const commentHighlightsKey = new PluginKey<HighlightState>("entente-comment-highlights");

/** What a highlight decoration carries besides its look. */
export interface HighlightSpec {
  threadId: string;
  active: boolean;
}

export function highlightSpec(decoration: Decoration): HighlightSpec {
  return decoration.spec as HighlightSpec;
}

function decorate(
  doc: PmNode,
  ranges: ReadonlyMap<string, EditorRange | null>,
  activeId: string | null,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [id, range] of ranges) {
    if (!range || range.to <= range.from) continue;
    const classes = ["comment-highlight"];
    if (id === DRAFT_ANCHOR_ID) classes.push("comment-highlight--draft");
    if (id === activeId) classes.push("comment-highlight--active");
    decorations.push(
      Decoration.inline(range.from, range.to, { class: classes.join(" "), "data-thread-id": id }, {
        threadId: id,
        active: id === activeId,
      } satisfies HighlightSpec),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function compute(
  state: EditorState,
  anchors: readonly HighlightAnchor[],
  activeId: string | null,
): HighlightState {
  const binding = yBindingOf(state);
  const ranges = new Map<string, EditorRange | null>();
  for (const anchor of anchors) {
    ranges.set(anchor.id, binding ? resolveAnchor(state.doc, binding, anchor) : null);
  }
  return { anchors, activeId, ranges, decorations: decorate(state.doc, ranges, activeId) };
}

/**
 * Highlights the given anchors in a collaborative editor. After a change of the document
 * they are found again from their anchors (so concurrent edits move them with their text);
 * until then (y-tiptap updates its Yjs mapping after a local change) the previous
 * highlights are mapped through the change. A click on a highlight calls `onSelect`.
 */
export function commentHighlightsPlugin(onSelect: (threadId: string) => void): Plugin {
  return new Plugin<HighlightState>({
    key: commentHighlightsKey,
    state: {
      init: (_config, state) => compute(state, [], null),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
        if (meta && "anchors" in meta) return compute(state, meta.anchors, value.activeId);
        if (meta && "activeId" in meta) return compute(state, value.anchors, meta.activeId);
        if (meta && "recompute" in meta) return compute(state, value.anchors, value.activeId);
        if (!tr.docChanged) return value;
        const ranges = new Map<string, EditorRange | null>();
        for (const [id, range] of value.ranges) {
          ranges.set(
            id,
            range
              ? { from: tr.mapping.map(range.from, 1), to: tr.mapping.map(range.to, -1) }
              : null,
          );
        }
        return { ...value, ranges, decorations: value.decorations.map(tr.mapping, tr.doc) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick(view, pos) {
        const found = commentHighlightsKey
          .getState(view.state)
          ?.decorations.find(pos, pos)
          .filter(
            (d) => d.from <= pos && pos <= d.to && highlightSpec(d).threadId !== DRAFT_ANCHOR_ID,
          );
        if (!found || found.length === 0) return false;
        // The innermost highlight under the click: the shortest range.
        const innermost = found.reduce((a, b) => (b.to - b.from < a.to - a.from ? b : a));
        const { threadId } = highlightSpec(innermost);
        // Marked now, within the click: a later redraw would put back the click's selection
        // over a caret the keyboard has moved since.
        setActiveHighlight(view, threadId);
        onSelect(threadId);
        return false;
      },
    },
    view: () => {
      let timer: number | undefined;
      return {
        update(view: EditorView, previous: EditorState) {
          if (view.state.doc === previous.doc) return;
          window.clearTimeout(timer);
          // After y-tiptap has written the change into Yjs (its own view update).
          timer = window.setTimeout(() => {
            if (!view.isDestroyed) {
              view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { recompute: true }));
            }
          }, 0);
        },
        destroy() {
          window.clearTimeout(timer);
        },
      };
    },
  });
}

/** Sets the anchors an editor highlights. */
export function setHighlightAnchors(view: EditorView, anchors: readonly HighlightAnchor[]): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { anchors }));
}

/** Marks one highlight as the thread in focus (or none). */
export function setActiveHighlight(view: EditorView, activeId: string | null): void {
  if (commentHighlightsKey.getState(view.state)?.activeId === activeId) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { activeId }));
}

/** Where each highlighted anchor is now (null: nowhere). */
export function highlightRanges(state: EditorState): ReadonlyMap<string, EditorRange | null> {
  return commentHighlightsKey.getState(state)?.ranges ?? new Map();
}
