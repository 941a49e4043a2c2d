import { CHARTER_FRAGMENT } from "@entente/editor/anchors";
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from "react";
import type { CollabDocument, CollabUser } from "../../collab";
import { TextSurface, type CharterSurface } from "../../comments";
import { PendingInput } from "../state/pending-input";
import { renderRichText } from "../state/rich-text-render";
import { CharterToolbar } from "./charter-toolbar";
import type LoadedRichTextEditor from "./loaded-rich-text-editor";

type LoadedEditor = typeof LoadedRichTextEditor;

/** The editor, with what it takes over from the text: Tiptap, ProseMirror, y-tiptap. */
let loading: Promise<LoadedEditor> | null = null;
function loadEditor(): Promise<LoadedEditor> {
  // A failed load (the network went) is tried again at the next sign of interest.
  loading ??= import("./loaded-rich-text-editor")
    .then((module) => module.default)
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}

/**
 * A live rich text (the charter, private notes) shown at once as text, its editor taking its
 * place at the first sign that someone means to use it: a press or a touch, the focus, a key,
 * a toolbar button, or a partner's caret in it (the pointer over the text only fetches it).
 * Until then the page carries no editor (most of the charter page's weight), the text still
 * follows every partner's edit live, and what someone does in the meantime (a click, keys, a
 * toolbar command) is played into the editor once it is there. `onSurface` is told what the
 * comments panel should work with.
 */
export function DeferredRichTextEditor({
  document,
  user,
  editable,
  label,
  onSurface,
}: {
  document: CollabDocument;
  user: CollabUser;
  editable: boolean;
  label: string;
  onSurface?: (surface: CharterSurface | null) => void;
}) {
  // The text stays (the same element, with its focus) until the editor is there to take over.
  const [LoadedEditor, setLoadedEditor] = useState<LoadedEditor | null>(null);
  // One per document (the session object around it may be rebuilt as the connection changes).
  const input = useMemo(() => new PendingInput(), [document.ydoc]);
  const want = useCallback(() => {
    loadEditor().then(
      // In a task of its own: a fetched editor resolves at once, within the press that wants
      // it, and replacing the text then would drop the focus the press is about to give it.
      (component) => setTimeout(() => setLoadedEditor(() => component)),
      () => undefined,
    );
  }, []);
  usePartnerCaret(document, want);

  const shown = { document, editable, label, input, onSurface };
  return LoadedEditor ? (
    <LoadedEditor {...shown} user={user} />
  ) : (
    <RichTextAsText {...shown} onWanted={want} />
  );
}

/** Wants the editor as soon as someone else's caret is in the text: they are writing. */
function usePartnerCaret({ awareness }: CollabDocument, want: () => void) {
  useEffect(() => {
    const check = () => {
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId !== awareness.clientID && (state as { cursor?: unknown }).cursor) want();
      }
    };
    check();
    awareness.on("change", check);
    return () => awareness.off("change", check);
  }, [awareness, want]);
}

/**
 * The text as the editor would show it (same elements, classes and test id), kept live from
 * the Yjs document, with the comments' highlights drawn over it.
 */
function RichTextAsText({
  document,
  editable,
  label,
  input,
  onWanted,
  onSurface,
}: {
  document: CollabDocument;
  editable: boolean;
  label: string;
  input: PendingInput;
  onWanted: () => void;
  onSurface?: (surface: CharterSurface | null) => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const { ydoc } = document;
  const surface = useMemo(() => new TextSurface(ydoc, () => element.current), [ydoc]);
  const version = useSyncExternalStore(surface.subscribe, surface.version);
  const fragment = ydoc.getXmlFragment(CHARTER_FRAGMENT);
  const content = useMemo(
    () => renderRichText(fragment, surface.highlights()),
    [fragment, surface, version],
  );

  useEffect(() => {
    onSurface?.(surface);
  }, [onSurface, surface]);
  // The editor takes the focus where the text had it (read before the text leaves the page).
  useLayoutEffect(() => {
    const shown = element.current;
    return () => {
      input.focused = shown !== null && globalThis.document.activeElement === shown;
    };
  }, [input]);

  return (
    <div className="charter-editor" data-editable={editable ? "true" : "false"}>
      {editable ? (
        <CharterToolbar
          editor={null}
          onPending={(command) => {
            input.command(command);
            onWanted();
          }}
        />
      ) : null}
      <div className="charter-editor__surface">
        <div
          ref={element}
          className="tiptap ProseMirror charter-editor__content"
          role="textbox"
          aria-label={label}
          aria-multiline="true"
          aria-readonly={editable ? undefined : "true"}
          data-testid="charter-editor"
          data-text-only="true"
          tabIndex={0}
          // Fetched, not shown: the text stays under the pointer until it is used, so that a
          // click never lands on an element that is being replaced.
          onPointerEnter={() => void loadEditor().catch(() => undefined)}
          onFocus={onWanted}
          onTouchStart={onWanted}
          onMouseDown={(event) => {
            input.click(event.clientX, event.clientY, event.detail);
            onWanted();
          }}
          onClick={(event) => {
            const highlight = (event.target as Element).closest("[data-thread-id]");
            const threadId = highlight?.getAttribute("data-thread-id");
            if (threadId) surface.select(threadId);
          }}
          onKeyDown={(event) => {
            // A reader's keys only move around: nothing to keep for the editor.
            if (editable && input.key(event)) event.preventDefault();
            onWanted();
          }}
        >
          {content}
        </div>
      </div>
    </div>
  );
}
