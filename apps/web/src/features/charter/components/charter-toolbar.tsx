import { useEditorState, type Editor } from "@tiptap/react";
import { useT } from "../../../i18n";

/** A few formatting commands of the charter schema; hidden when the charter is read-only. */
export function CharterToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      heading: e.isActive("heading", { level: 2 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
    }),
  });

  const buttons = [
    {
      key: "heading",
      label: t("charter.toolbar.heading"),
      text: "H",
      run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: "bold",
      label: t("charter.toolbar.bold"),
      text: "B",
      run: () => editor.chain().focus().toggleBold().run(),
    },
    {
      key: "italic",
      label: t("charter.toolbar.italic"),
      text: "I",
      run: () => editor.chain().focus().toggleItalic().run(),
    },
    {
      key: "bulletList",
      label: t("charter.toolbar.bulletList"),
      text: "•",
      run: () => editor.chain().focus().toggleBulletList().run(),
    },
    {
      key: "orderedList",
      label: t("charter.toolbar.orderedList"),
      text: "1.",
      run: () => editor.chain().focus().toggleOrderedList().run(),
    },
  ] as const;

  return (
    <div className="toolbar" role="toolbar" aria-label={t("charter.toolbar")}>
      {buttons.map((button) => (
        <button
          key={button.key}
          type="button"
          className={`toolbar__button toolbar__button--${button.key}`}
          aria-label={button.label}
          title={button.label}
          aria-pressed={active[button.key]}
          // Keep the editor's selection: a mousedown on the button would blur it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={button.run}
        >
          <span aria-hidden="true">{button.text}</span>
        </button>
      ))}
    </div>
  );
}
