import type { MentionAttrs, MentionKind, RichTextDoc } from "@entente/protocol";
import Mention, { type MentionOptions } from "@tiptap/extension-mention";
import { useEditor, type Editor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useMemo, useRef, useState } from "react";
import { usePartnershipContext } from "../../partnerships";

/** Someone (or a whole organization) of this partnership that can be @mentioned. */
export interface MentionItem extends MentionAttrs {
  color: string;
  /** The organization's name for a member; absent for an organization. */
  organizationName?: string;
}

type RenderHooks = ReturnType<
  NonNullable<MentionOptions<MentionItem, MentionAttrs>["suggestion"]["render"]>
>;
type SuggestionProps = Parameters<NonNullable<RenderHooks["onStart"]>>[0];

/** The open suggestion list under the caret, if any. */
export interface MentionMenu {
  items: MentionItem[];
  index: number;
  rect: DOMRect | null;
  choose: (item: MentionItem) => void;
}

const MAX_SUGGESTIONS = 8;

/**
 * `{type:"mention", attrs:{id, kind, label}}` exactly, as the server checks it: Tiptap's own
 * `mentionSuggestionChar` attribute is left out (the server refuses unknown attributes), and
 * `kind` says whether a member or an organization is named.
 */
const FeedMention = Mention.extend<MentionOptions<MentionItem, MentionAttrs>>({
  addAttributes() {
    return {
      id: { default: null },
      kind: {
        default: "user" satisfies MentionKind,
        renderHTML: (attributes: { kind?: string }) => ({ "data-kind": attributes.kind }),
      },
      label: { default: null },
    };
  },
});

function matches(label: string, query: string): boolean {
  const name = label.toLowerCase();
  return name.startsWith(query) || name.split(/\s+/).some((word) => word.startsWith(query));
}

/**
 * A Tiptap editor for a post or reply body: StarterKit (links left out: the server only
 * takes http(s) and mailto addresses) and @mentions of this partnership's members and
 * organizations, with the suggestion list kept in React state for `RichTextEditor` to draw.
 */
export function useRichTextEditor({
  initial,
  label,
  testId,
}: {
  initial: RichTextDoc | null;
  label: string;
  testId: string;
}): { editor: Editor; menu: MentionMenu | null } {
  const context = usePartnershipContext();
  const [menu, setMenu] = useState<MentionMenu | null>(null);
  const menuRef = useRef<MentionMenu | null>(null);
  useEffect(() => {
    menuRef.current = menu;
  });

  const candidates = useMemo<MentionItem[]>(() => {
    const organizationsById = new Map(context.organizations.map((o) => [o.id, o]));
    const members: MentionItem[] = context.members
      .filter((m) => m.id !== context.me.userId)
      .map((m) => ({
        id: m.id,
        kind: "user",
        label: m.name,
        color: organizationsById.get(m.organizationId)?.color ?? "#475569",
        organizationName: organizationsById.get(m.organizationId)?.name ?? "",
      }));
    const organizations: MentionItem[] = context.organizations.map((o) => ({
      id: o.id,
      kind: "organization",
      label: o.name,
      color: o.color,
    }));
    return [...members, ...organizations];
  }, [context.members, context.organizations, context.me.userId]);
  const candidatesRef = useRef(candidates);
  useEffect(() => {
    candidatesRef.current = candidates;
  });

  const extensions = useMemo(() => {
    const show = (props: SuggestionProps, index: number) => {
      const items = props.items;
      setMenu({
        items,
        index: Math.min(index, Math.max(0, items.length - 1)),
        rect: props.clientRect?.() ?? null,
        choose: (item) => props.command({ id: item.id, kind: item.kind, label: item.label }),
      });
    };
    return [
      StarterKit.configure({ link: false }),
      FeedMention.configure({
        HTMLAttributes: { class: "mention" },
        deleteTriggerWithBackspace: true,
        renderText: ({ node }) => `@${String(node.attrs.label ?? "")}`,
        renderHTML: ({ options, node }) => [
          "span",
          options.HTMLAttributes,
          `@${String(node.attrs.label ?? "")}`,
        ],
        suggestion: {
          char: "@",
          items: ({ query }) => {
            const wanted = query.trim().toLowerCase();
            return candidatesRef.current
              .filter((item) => wanted === "" || matches(item.label, wanted))
              .slice(0, MAX_SUGGESTIONS);
          },
          render: () => ({
            onStart: (props) => show(props, 0),
            onUpdate: (props) => show(props, 0),
            onExit: () => setMenu(null),
            onKeyDown: ({ event }) => {
              const current = menuRef.current;
              if (!current || current.items.length === 0) return false;
              const count = current.items.length;
              if (event.key === "ArrowDown" || event.key === "ArrowUp") {
                const step = event.key === "ArrowDown" ? 1 : count - 1;
                setMenu({ ...current, index: (current.index + step) % count });
                return true;
              }
              if (event.key === "Enter" || event.key === "Tab") {
                const item = current.items[current.index];
                if (item) current.choose(item);
                return true;
              }
              if (event.key === "Escape") {
                setMenu(null);
                // Closing the list is all this Escape does: not the dialog around the editor.
                event.stopPropagation();
                return true;
              }
              return false;
            },
          }),
        },
      }),
    ];
  }, []);

  const editorProps = useMemo(
    () => ({
      attributes: {
        class: "rich-text-editor__content",
        "aria-label": label,
        "aria-multiline": "true",
        role: "textbox",
        "data-testid": testId,
      },
    }),
    [label, testId],
  );

  const editor = useEditor({
    extensions,
    editorProps,
    content: initial ?? "",
    immediatelyRender: true,
  });
  return { editor, menu };
}

/** The editor's content as the body the server takes. */
export function bodyOf(editor: Editor): RichTextDoc {
  return editor.getJSON() as RichTextDoc;
}

/** Whether the body says anything: text or a mention (a reply needs one). */
export function bodyHasContent(editor: Editor): boolean {
  return editor.getText().trim() !== "" || JSON.stringify(editor.getJSON()).includes('"mention"');
}
