import { charterExtensions, writeCharterContent, type JSONContent } from "@entente/editor";
import Collaboration from "@tiptap/extension-collaboration";
import { Editor } from "@tiptap/react";
import * as Y from "yjs";

/** For tests: the editors {@link charterEditor} made, with their elements, until destroyed. */
const made: { editor: Editor; element: HTMLElement }[] = [];

/**
 * For tests (in a DOM environment): a charter document holding `content`, and an editor bound
 * to it as the page binds one (the charter's extensions and Collaboration), in the page.
 */
export function charterEditor(content: JSONContent): { doc: Y.Doc; editor: Editor } {
  const doc = new Y.Doc();
  writeCharterContent(doc, content);
  const element = document.createElement("div");
  document.body.append(element);
  const editor = new Editor({
    element,
    extensions: [...charterExtensions, Collaboration.configure({ document: doc })],
  });
  made.push({ editor, element });
  return { doc, editor };
}

/** Destroys every editor {@link charterEditor} made (call it after each test). */
export function destroyCharterEditors(): void {
  for (const { editor, element } of made.splice(0)) {
    editor.destroy();
    element.remove();
  }
}
