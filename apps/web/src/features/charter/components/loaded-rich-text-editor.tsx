import type { Editor } from "@tiptap/react";
import { useCallback } from "react";
import type { CollabDocument, CollabUser } from "../../collab";
import { EditorSurface, type CharterSurface } from "../../comments";
import type { PendingInput } from "../state/pending-input";
import { replayInput } from "../state/replay-input";
import { LiveRichTextEditor } from "./live-rich-text-editor";

/**
 * The editor that takes the place of a rich text shown as text (`DeferredRichTextEditor`),
 * loaded with it: what was done to the text meanwhile is played into it, and the comments
 * panel moves over to it.
 */
export default function LoadedRichTextEditor({
  document,
  user,
  editable,
  label,
  input,
  onSurface,
}: {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  label: string;
  input: PendingInput;
  onSurface?: (surface: CharterSurface | null) => void;
}) {
  const takeOver = useCallback(
    (editor: Editor | null) => {
      if (!editor) return;
      replayInput(editor, input);
      onSurface?.(new EditorSurface(editor));
    },
    [input, onSurface],
  );
  return (
    <LiveRichTextEditor
      document={document}
      user={user}
      editable={editable}
      label={label}
      onEditor={takeOver}
    />
  );
}
