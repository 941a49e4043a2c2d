import { EditorContent, type Editor } from "@tiptap/react";
import { useId } from "react";
import { useT } from "../../../i18n";
import { ColorSwatch } from "../../../ui/color-swatch";
import { CharterToolbar } from "../../charter";
import type { MentionMenu } from "../hooks/use-rich-text-editor";
import "../rich-text.css";

/** The body editor of a post or reply, with its formatting bar and the @mention list. */
export function RichTextEditor({
  editor,
  menu,
  toolbar = true,
}: {
  editor: Editor;
  menu: MentionMenu | null;
  toolbar?: boolean;
}) {
  const t = useT();
  const listId = useId();
  return (
    <div className="rich-text-editor">
      {toolbar ? <CharterToolbar editor={editor} /> : null}
      <EditorContent editor={editor} />
      {menu ? (
        <ul
          id={listId}
          className="mention-menu"
          role="listbox"
          aria-label={t("feed.mention.label")}
          data-testid="mention-menu"
          style={
            menu.rect
              ? { position: "fixed", left: menu.rect.left, top: menu.rect.bottom + 4 }
              : undefined
          }
        >
          {menu.items.length === 0 ? (
            <li className="mention-menu__empty">{t("feed.mention.none")}</li>
          ) : (
            menu.items.map((item, index) => (
              <li
                key={`${item.kind}:${item.id}`}
                role="option"
                aria-selected={index === menu.index}
                className="mention-menu__item"
                // Keep the editor's selection: choosing must not blur it first.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => menu.choose(item)}
              >
                <ColorSwatch color={item.color} />
                <span className="mention-menu__name">{item.label}</span>
                <span className="mention-menu__detail">
                  {item.kind === "organization"
                    ? t("feed.mention.wholeOrganization")
                    : item.organizationName}
                </span>
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
