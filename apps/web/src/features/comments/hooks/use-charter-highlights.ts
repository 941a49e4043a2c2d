import type { Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import {
  commentHighlightsKey,
  commentHighlightsPlugin,
  setActiveHighlight,
  setHighlightAnchors,
  type HighlightAnchor,
} from "../state/charter-highlights";

/**
 * Draws the given anchors as highlights in the charter's editor (a plugin registered on it
 * for as long as the caller is mounted) and reports clicks on them.
 */
export function useCharterHighlights(
  editor: Editor,
  anchors: readonly HighlightAnchor[],
  activeId: string | null,
  onSelect: (threadId: string) => void,
): void {
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const anchorsRef = useRef(anchors);
  useEffect(() => {
    anchorsRef.current = anchors;
  });

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.registerPlugin(commentHighlightsPlugin((id) => onSelectRef.current(id)));
    setHighlightAnchors(editor.view, anchorsRef.current);
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentHighlightsKey);
    };
  }, [editor]);

  // Anchors compare by value: the list is rebuilt on every render of the panel.
  const anchorsKey = anchors.map((a) => `${a.id}:${a.start}:${a.end}`).join("|");
  useEffect(() => {
    if (!editor.isDestroyed) setHighlightAnchors(editor.view, anchorsRef.current);
  }, [editor, anchorsKey]);

  useEffect(() => {
    if (!editor.isDestroyed) setActiveHighlight(editor.view, activeId);
  }, [editor, activeId]);
}
