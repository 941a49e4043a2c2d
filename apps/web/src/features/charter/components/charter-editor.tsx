import { EditorContent } from "@tiptap/react";
import { useT } from "../../../i18n";
import type { CollabDocument } from "../../collab/hooks/use-collab-document";
import type { CollabUser } from "../../collab/state/collab-user";
import { useCharterEditor } from "../hooks/use-charter-editor";
import { CharterToolbar } from "./charter-toolbar";

export function CharterEditor({
  document,
  user,
  editable,
  label,
}: {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  /** Accessible name of the text (the charter's by default). */
  label?: string;
}) {
  const t = useT();
  const editor = useCharterEditor({
    document,
    user,
    editable,
    label: label ?? t("charter.editorLabel"),
  });
  return (
    <div className="charter-editor" data-editable={editable ? "true" : "false"}>
      {editable ? <CharterToolbar editor={editor} /> : null}
      <EditorContent editor={editor} className="charter-editor__surface" />
    </div>
  );
}
