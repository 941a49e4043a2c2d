import { CHARTER_FRAGMENT, charterExtensions } from "@entente/editor";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { useEditor, type Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef } from "react";
import type { CollabDocument, CollabUser } from "../../collab";

interface Options {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  /** Accessible name of the editing surface (it changes with the language). */
  label: string;
  /** The `Y.XmlFragment` edited: the charter's unless another text of the document. */
  field?: string;
  testId?: string;
}

/**
 * A Tiptap editor bound to one rich text of a live document: the charter's schema from
 * `@entente/editor`, plus Collaboration (the Yjs fragment) and carets (awareness). The
 * charter, private notes and a meeting's notes per agenda item (each on its own fragment)
 * use it; carets of several editors on one document's awareness stay each in its own
 * fragment.
 */
export function useLiveRichTextEditor({
  document,
  user,
  editable,
  label,
  field = CHARTER_FRAGMENT,
  testId = "charter-editor",
}: Options): Editor {
  // The caret extension publishes the user once, at creation; later changes are published by
  // useCollabDocument, which owns the awareness.
  const initialUser = useRef(user);

  // Stable across renders: @tiptap/react compares options on every render and would
  // otherwise push new extension instances into the live editor each time.
  const extensions = useMemo(
    () => [
      ...charterExtensions,
      Collaboration.configure({ document: document.ydoc, field }),
      CollaborationCaret.configure({ provider: document.provider, user: initialUser.current }),
    ],
    [document, field],
  );

  const editorProps = useMemo(
    () => ({
      attributes: {
        class: "charter-editor__content",
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        "data-testid": testId,
      },
    }),
    [label, testId],
  );

  // A new live document (or fragment) needs a new editor; editability and label are updated
  // in place.
  const editor = useEditor({ extensions, editable, editorProps }, [document, field]);

  useEffect(() => {
    if (!editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return editor;
}
