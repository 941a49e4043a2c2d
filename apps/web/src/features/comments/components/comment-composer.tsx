import type { RichTextDoc } from "@entente/protocol";
import { useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useRef, type FormEvent } from "react";
import { useT } from "../../../i18n";
import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "../../../ui/error-message";
import { FormButtons } from "../../../ui/form-buttons";
import { RichTextEditor, bodyHasContent, bodyOf, useRichTextEditor } from "../../rich-text";

/**
 * A comment's body (the feed's editor: rich text and @mentions of members and organizations)
 * and its send button. Cleared once sent.
 */
export function CommentComposer({
  label,
  submitLabel,
  testId,
  autoFocus = false,
  onSubmit,
  onCancel,
}: {
  /** The form's and the text box's accessible name. */
  label: string;
  submitLabel: string;
  testId: string;
  autoFocus?: boolean;
  onSubmit: (body: RichTextDoc) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const form = useRef<HTMLFormElement>(null);
  const feedEditor = useRichTextEditor({ initial: null, label, testId });
  const { menu } = feedEditor;
  // Tiptap replaces an editor whose first mount came late (a lazily loaded dialog renders
  // outside a click): until then the one it gave is destroyed, and null in between.
  const editor = feedEditor.editor as Editor | null;
  const hasContent = useEditorState({
    editor,
    selector: ({ editor: e }) => (e && !e.isDestroyed ? bodyHasContent(e) : false),
  });
  const {
    mutate: run,
    isPending: pending,
    error,
  } = useMutation({
    mutationFn: async () => {
      if (!editor || editor.isDestroyed) return;
      await onSubmit(bodyOf(editor));
      editor.commands.clearContent(true);
    },
  });
  useEffect(() => {
    if (!autoFocus || !editor) return;
    // The editor's view may not be mounted yet when this first runs.
    const focus = () => {
      if (editor.isDestroyed) return;
      editor.commands.focus("end");
      // Room below the caret for the @mention list (it opens under the line typed).
      form.current?.scrollIntoView({ block: "center" });
    };
    if (editor.isInitialized) focus();
    else editor.on("create", focus);
    return () => {
      editor.off("create", focus);
    };
  }, [autoFocus, editor]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run();
  };

  return (
    <form ref={form} className="comment-composer" aria-label={label} onSubmit={submit}>
      {editor ? <RichTextEditor editor={editor} menu={menu} toolbar={false} /> : null}
      {error ? (
        <p className="form-error" role="alert">
          {error.code === "invalid_anchor" ? t("comments.error.anchor") : errorMessage(t, error)}
        </p>
      ) : null}
      <FormButtons
        className="comment-composer__buttons"
        submitLabel={submitLabel}
        pending={pending}
        disabled={!hasContent}
        onCancel={onCancel}
      />
    </form>
  );
}
