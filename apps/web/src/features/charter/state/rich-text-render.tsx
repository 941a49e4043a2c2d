import { charterTextRuns } from "@entente/editor/anchors";
import { Fragment, type ReactNode } from "react";
import * as Y from "yjs";
import type { TextHighlight } from "../../comments";

/** A mark of the charter schema as y-tiptap stores it on text: its name, maybe `name--hash`. */
type MarkAttributes = Record<string, unknown>;

/**
 * The elements ProseMirror renders for the charter's nodes (`@entente/editor`'s StarterKit),
 * so the text shown before the editor loads looks the same as in it.
 */
const CONTAINERS: Record<string, "ul" | "li" | "blockquote"> = {
  bulletList: "ul",
  listItem: "li",
  blockquote: "blockquote",
};

const MARKS: Record<string, "strong" | "em" | "s" | "code" | "u"> = {
  bold: "strong",
  italic: "em",
  strike: "s",
  code: "code",
  underline: "u",
};

/** Links the editor would show as links; any other scheme (a hostile `javascript:`) is text. */
const SAFE_HREF = /^(https?:|mailto:)/i;

/**
 * The content of a rich-text fragment as React elements, without the editor: what a reader
 * sees, with `highlights` (in the text offsets of `@entente/editor/anchors`: every text
 * node's characters, text nodes joined by one "\n") drawn as `<span class data-thread-id>`
 * around their text.
 */
export function renderRichText(
  fragment: Y.XmlFragment,
  highlights: readonly TextHighlight[] = [],
): ReactNode[] {
  const offsets = charterTextRuns(fragment);
  const children = (node: Y.XmlFragment | Y.XmlElement): ReactNode[] =>
    node.toArray().map((child, index) => {
      if (child instanceof Y.XmlText) {
        return renderText(child, offsets.get(child) ?? 0, highlights, index);
      }
      if (child instanceof Y.XmlElement) return renderElement(child, children(child), index);
      return null;
    });
  return children(fragment);
}

function renderElement(element: Y.XmlElement, content: ReactNode[], key: number): ReactNode {
  const attributes = element.getAttributes() as Record<string, unknown>;
  // An empty text block keeps its line, as ProseMirror's trailing break does.
  const filled = content.some((child) => child !== null && child !== "")
    ? content
    : [<br key="br" />];
  switch (element.nodeName) {
    case "heading": {
      const level = Number(attributes.level);
      const Heading = `h${Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2}` as "h2";
      return <Heading key={key}>{filled}</Heading>;
    }
    case "orderedList": {
      const start = Number(attributes.start);
      return (
        <ol key={key} start={Number.isInteger(start) && start !== 1 ? start : undefined}>
          {content}
        </ol>
      );
    }
    case "codeBlock":
      return (
        <pre key={key}>
          <code>{content}</code>
        </pre>
      );
    case "horizontalRule":
      return <hr key={key} />;
    case "hardBreak":
      return <br key={key} />;
    case "paragraph":
      return <p key={key}>{filled}</p>;
    default: {
      // Containers, and whatever a newer editor (or a hostile writer) stored: its content.
      const Block = CONTAINERS[element.nodeName] ?? "div";
      return <Block key={key}>{content}</Block>;
    }
  }
}

function renderText(
  text: Y.XmlText,
  offset: number,
  highlights: readonly TextHighlight[],
  key: number,
): ReactNode {
  const pieces: ReactNode[] = [];
  let at = offset;
  for (const op of text.toDelta() as { insert: unknown; attributes?: MarkAttributes }[]) {
    if (typeof op.insert !== "string") continue;
    const from = at;
    const to = at + op.insert.length;
    at = to;
    // Cut the run where a highlight starts or ends inside it.
    const cuts = new Set([from, to]);
    for (const h of highlights) {
      if (h.from > from && h.from < to) cuts.add(h.from);
      if (h.to > from && h.to < to) cuts.add(h.to);
    }
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i++) {
      const start = points[i]!;
      const end = points[i + 1]!;
      let node: ReactNode = withMarks(op.insert.slice(start - from, end - from), op.attributes);
      for (const h of highlights) {
        if (h.from <= start && end <= h.to && h.from < h.to) {
          node = (
            <span className={h.className} data-thread-id={h.id}>
              {node}
            </span>
          );
        }
      }
      pieces.push(<Fragment key={start}>{node}</Fragment>);
    }
  }
  return pieces.length > 0 ? <Fragment key={key}>{pieces}</Fragment> : null;
}

function withMarks(text: string, attributes: MarkAttributes | undefined): ReactNode {
  let node: ReactNode = text;
  for (const [stored, value] of Object.entries(attributes ?? {})) {
    const name = stored.split("--")[0] ?? stored;
    if (name === "link") {
      const href = (value as { href?: unknown } | null)?.href;
      if (typeof href === "string" && SAFE_HREF.test(href)) {
        node = (
          <a href={href} target="_blank" rel="noopener noreferrer nofollow">
            {node}
          </a>
        );
      }
      continue;
    }
    const Mark = MARKS[name];
    if (Mark) node = <Mark>{node}</Mark>;
  }
  return node;
}
