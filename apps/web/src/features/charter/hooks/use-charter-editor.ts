import { CHARTER_FRAGMENT, charterExtensions } from "@entente/editor";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { useEditor, type Editor } from "@tiptap/react";
import { useEffect, useRef } from "react";
import type { CollabDocument } from "../../collab/hooks/use-collab-document";
import type { CollabUser } from "../../collab/state/collab-user";

interface Options {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  /** Accessible name of the editing surface (it changes with the language). */
  label: string;
}

/**
 * The charter's Tiptap editor bound to a live document: the shared schema from
 * `@entente/editor`, plus Collaboration (the Yjs fragment) and carets (awareness).
 */
export function useCharterEditor({ document, user, editable, label }: Options): Editor {
  const labelRef = useRef(label);
  labelRef.current = label;

  const editor = useEditor(
    {
      extensions: [
        ...charterExtensions,
        Collaboration.configure({ document: document.ydoc, field: CHARTER_FRAGMENT }),
        CollaborationCaret.configure({ provider: document.provider, user }),
      ],
      editable,
      editorProps: {
        attributes: () => ({
          class: "charter-editor__content",
          "aria-label": labelRef.current,
          "aria-multiline": "true",
          role: "textbox",
          "data-testid": "charter-editor",
        }),
      },
    },
    // A new live document needs a new editor; the user and editability are updated in place.
    [document],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  const { id, name, color, organizationId, organizationName } = user;
  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.commands.updateUser({ id, name, color, organizationId, organizationName });
  }, [editor, id, name, color, organizationId, organizationName]);

  useEffect(() => {
    // Attributes are re-read on the next view update; trigger one so a language switch shows.
    if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta("addToHistory", false));
  }, [editor, label]);

  return editor;
}
