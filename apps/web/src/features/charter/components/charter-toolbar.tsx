import type { Editor } from "@tiptap/react";
import { useCallback, useSyncExternalStore } from "react";
import { useT } from "../../../i18n";

type Format = "heading" | "bold" | "italic" | "bulletList" | "orderedList";
const FORMATS: readonly Format[] = ["heading", "bold", "italic", "bulletList", "orderedList"];

/** Which formats the editor's selection has ("heading": a level-2 heading); none without it. */
function useActiveFormats(editor: Editor | null): ReadonlySet<Format> {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!editor) return () => {};
      editor.on("transaction", onChange);
      return () => {
        editor.off("transaction", onChange);
      };
    },
    [editor],
  );
  // A string: a snapshot that compares by value.
  const active = useSyncExternalStore(subscribe, () =>
    editor && !editor.isDestroyed
      ? FORMATS.filter((format) =>
          format === "heading" ? editor.isActive("heading", { level: 2 }) : editor.isActive(format),
        ).join(" ")
      : "",
  );
  return new Set(active.split(" ") as Format[]);
}

/**
 * A few formatting commands of the charter schema; hidden when the charter is read-only.
 * Shown before the editor has loaded too (`editor` null): a command given then is handed to
 * `onPending`, to run once the editor is there.
 */
export function CharterToolbar({
  editor,
  onPending,
}: {
  editor: Editor | null;
  onPending?: (command: (editor: Editor) => void) => void;
}) {
  const t = useT();
  const active = useActiveFormats(editor);

  const buttons = [
    {
      key: "heading",
      label: t("charter.toolbar.heading"),
      text: "H",
      run: (e: Editor) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      key: "bold",
      label: t("charter.toolbar.bold"),
      text: "B",
      run: (e: Editor) => e.chain().focus().toggleBold().run(),
    },
    {
      key: "italic",
      label: t("charter.toolbar.italic"),
      text: "I",
      run: (e: Editor) => e.chain().focus().toggleItalic().run(),
    },
    {
      key: "bulletList",
      label: t("charter.toolbar.bulletList"),
      text: "•",
      run: (e: Editor) => e.chain().focus().toggleBulletList().run(),
    },
    {
      key: "orderedList",
      label: t("charter.toolbar.orderedList"),
      // An icon: a visible "1." would be a name that speech input users could not say (WCAG 2.5.3).
      text: <NumberedListIcon />,
      run: (e: Editor) => e.chain().focus().toggleOrderedList().run(),
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
          aria-pressed={active.has(button.key)}
          // Keep the editor's selection: a mousedown on the button would blur it first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => (editor ? button.run(editor) : onPending?.(button.run))}
        >
          {button.text}
        </button>
      ))}
    </div>
  );
}

function NumberedListIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M2 1.5h1.25v4H2V3H1.25V2.25A.75.75 0 0 0 2 1.5ZM6 3h9v1.5H6V3Zm0 8h9v1.5H6V11ZM1.25 9.25a1.5 1.5 0 0 1 3 .1c0 .45-.22.8-.53 1.1l-.9.8h1.43v1.25H1.25v-1.1l1.8-1.6c.1-.1.15-.2.15-.3a.3.3 0 0 0-.6 0v.1H1.25v-.35Z"
      />
    </svg>
  );
}
