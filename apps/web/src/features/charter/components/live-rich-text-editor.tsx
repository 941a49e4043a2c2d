import { EditorContent, type Editor } from "@tiptap/react";
import { useEffect } from "react";
import { useT } from "../../../i18n";
import type { CollabDocument, CollabUser } from "../../collab";
import { useLiveRichTextEditor } from "../hooks/use-live-rich-text-editor";
import { CharterToolbar } from "./charter-toolbar";

export function LiveRichTextEditor({
  document,
  user,
  editable,
  label,
  field,
  testId,
  onEditor,
}: {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  /** Accessible name of the text (the charter's by default). */
  label?: string;
  /** Another rich text of the document than the charter (see `useLiveRichTextEditor`). */
  field?: string;
  testId?: string;
  /** Told of the editor once it exists, and of `null` when it goes (the charter's comments). */
  onEditor?: (editor: Editor | null) => void;
}) {
  const t = useT();
  const editor = useLiveRichTextEditor({
    document,
    user,
    editable,
    label: label ?? t("charter.editorLabel"),
    field,
    testId,
  });
  useEffect(() => {
    if (!onEditor) return;
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);
  return (
    <div className="charter-editor" data-editable={editable ? "true" : "false"}>
      {editable ? <CharterToolbar editor={editor} /> : null}
      <EditorContent editor={editor} className="charter-editor__surface" />
    </div>
  );
}
