import type { JSONContent } from "@entente/editor";

/**
 * Markdown out of the charter's ProseMirror JSON (`readCharterContent`) and out of plain
 * document fields. Written for a reader of the raw file as much as for a renderer: only
 * what CommonMark would misread is escaped. Never throws on unknown or malformed nodes:
 * their text is kept.
 */

/** Characters that open inline syntax anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_[\]<~]/g;
/** An `&` that would read as an HTML entity. */
const ENTITY = /&(?=#?[0-9A-Za-z]+;)/g;

/** Escapes inline syntax in plain text (one line or several). */
export function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIALS, "\\$&").replace(ENTITY, "\\&");
}

/** Escapes what would start a block (heading, quote, list, rule, setext underline) at a line start. */
function escapeLineStart(line: string): string {
  const match = /^(\s*)(#|>|[-+=]|\d+[.)])/.exec(line);
  if (!match) return line;
  const [, indent = "", marker = ""] = match;
  const rest = line.slice(indent.length + marker.length);
  if (/^\d/.test(marker)) return `${indent}${marker.slice(0, -1)}\\${marker.slice(-1)}${rest}`;
  return `${indent}\\${marker}${rest}`;
}

/** A plain text as Markdown paragraphs: blank lines separate them, single newlines break lines. */
export function plainTextToMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split("\n")
        .map((line) => escapeLineStart(escapeInline(line.trim())))
        .filter((line) => line !== "")
        .join("\\\n"),
    )
    .filter((paragraph) => paragraph !== "")
    .join("\n\n");
}

/** One line of plain text for a title, a list entry or a table cell. */
export function inlineText(text: string): string {
  return escapeInline(text.replace(/\s+/g, " ").trim()).replace(/\|/g, "\\|");
}

interface Options {
  /** Added to heading levels, so the document nests under the export's own headings. */
  headingOffset: number;
}

const MARK_ORDER = ["link", "bold", "italic", "strike"] as const;
type WrappingMark = (typeof MARK_ORDER)[number];

const SAFE_LINK = /^(https?:|mailto:)/i;

function asArray(value: unknown): JSONContent[] {
  return Array.isArray(value)
    ? value.filter((v): v is JSONContent => typeof v === "object" && v !== null)
    : [];
}

function stringAttr(node: JSONContent, key: string): string | null {
  const value: unknown = node.attrs?.[key];
  return typeof value === "string" ? value : null;
}

function numberAttr(node: JSONContent, key: string): number | null {
  const value: unknown = node.attrs?.[key];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** Wrapping marks of a text node, outermost first; links only with a safe target. */
function wrappingMarks(node: JSONContent): { type: WrappingMark; href?: string }[] {
  const marks = Array.isArray(node.marks) ? node.marks : [];
  const found: { type: WrappingMark; href?: string }[] = [];
  for (const type of MARK_ORDER) {
    const mark = marks.find((m) => m?.type === type);
    if (!mark) continue;
    if (type === "link") {
      const href: unknown = mark.attrs?.href;
      if (typeof href === "string" && SAFE_LINK.test(href)) found.push({ type, href });
    } else {
      found.push({ type });
    }
  }
  return found;
}

function hasMark(node: JSONContent, type: string): boolean {
  return Array.isArray(node.marks) && node.marks.some((m) => m?.type === type);
}

function opening(mark: { type: WrappingMark }): string {
  switch (mark.type) {
    case "link":
      return "[";
    case "bold":
      return "**";
    case "italic":
      return "*";
    case "strike":
      return "~~";
  }
}

function closing(mark: { type: WrappingMark; href?: string }): string {
  switch (mark.type) {
    case "link": {
      const href = mark.href ?? "";
      return /[\s()<>]/.test(href)
        ? `](<${href.replace(/[<>]/g, encodeURIComponent)}>)`
        : `](${href})`;
    }
    default:
      return opening(mark);
  }
}

function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** The text of any node, for nodes this converter does not know. */
function textOf(node: JSONContent): string {
  if (typeof node.text === "string") return node.text;
  return asArray(node.content).map(textOf).join("");
}

/**
 * Inline content with marks. Marks open and close like a stack (link outermost, then bold,
 * italic, strike), so a bold run across differently-marked pieces stays one `**…**`, and
 * whitespace is kept outside delimiters, where CommonMark wants it.
 */
function inline(nodes: readonly JSONContent[]): string {
  let out = "";
  const open: { type: WrappingMark; href?: string }[] = [];
  const closeFrom = (index: number) => {
    const trailing = /\s*$/.exec(out)?.[0] ?? "";
    out = out.slice(0, out.length - trailing.length);
    while (open.length > index) out += closing(open.pop() as { type: WrappingMark });
    out += trailing;
  };
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      out += "\\\n";
      continue;
    }
    const text = node.type === "text" ? (node.text ?? "") : textOf(node);
    if (text === "") continue;
    const marks = node.type === "text" ? wrappingMarks(node) : [];
    if (text.trim() === "") {
      out += text;
      continue;
    }
    let common = 0;
    while (
      common < open.length &&
      common < marks.length &&
      open[common]?.type === marks[common]?.type &&
      open[common]?.href === marks[common]?.href
    ) {
      common++;
    }
    closeFrom(common);
    const leading = /^\s*/.exec(text)?.[0] ?? "";
    out += leading;
    for (const mark of marks.slice(common)) {
      out += opening(mark);
      open.push(mark);
    }
    const body = text.slice(leading.length);
    const trimmed = body.trimEnd();
    const content = hasMark(node, "code") ? codeSpan(trimmed) : escapeInline(trimmed);
    out += content + body.slice(trimmed.length);
  }
  closeFrom(0);
  return out
    .split("\n")
    .map((line) => escapeLineStart(line))
    .join("\n");
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? first : line === "" ? "" : prefix) + line)
    .join("\n");
}

function blocks(nodes: readonly JSONContent[], options: Options): string {
  return nodes
    .map((node) => block(node, options))
    .filter((text) => text !== "")
    .join("\n\n");
}

function listItems(node: JSONContent, options: Options, ordered: boolean): string {
  const start = numberAttr(node, "start") ?? 1;
  return asArray(node.content)
    .map((item, i) => {
      const marker = ordered ? `${start + i}. ` : "- ";
      const body =
        item.type === "listItem" ? blocks(asArray(item.content), options) : block(item, options);
      return indent(body === "" ? "" : body, " ".repeat(marker.length), marker);
    })
    .join("\n");
}

function block(node: JSONContent, options: Options): string {
  const content = asArray(node.content);
  switch (node.type) {
    case "doc":
      return blocks(content, options);
    case "paragraph":
      return inline(content);
    case "heading": {
      const level = Math.min(
        6,
        Math.max(1, numberAttr(node, "level") ?? 1) + options.headingOffset,
      );
      const text = inline(content).replace(/\\\n/g, " ");
      return text === "" ? "" : `${"#".repeat(level)} ${text}`;
    }
    case "bulletList":
      return listItems(node, options, false);
    case "orderedList":
      return listItems(node, options, true);
    case "listItem":
      return indent(blocks(content, options), "  ", "- ");
    case "blockquote":
      return blocks(content, options)
        .split("\n")
        .map((line) => (line === "" ? ">" : `> ${line}`))
        .join("\n");
    case "codeBlock": {
      const text = textOf(node);
      const longest = Math.max(0, ...(text.match(/`{3,}/g) ?? []).map((run) => run.length));
      const fence = "`".repeat(Math.max(3, longest + 1));
      const language = (stringAttr(node, "language") ?? "").replace(/[^\w+#.-]/g, "");
      return `${fence}${language}\n${text}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    case "hardBreak":
      return "";
    case "text":
      return inline([node]);
    default:
      // Unknown blocks (a newer editor, a hand-written update): keep what they say.
      return content.some((child) => child.type !== "text" && child.type !== "hardBreak")
        ? blocks(content, options)
        : inline(content);
  }
}

/** The charter (or private notes) as Markdown. */
export function proseMirrorToMarkdown(doc: JSONContent, options: Partial<Options> = {}): string {
  return block(doc, { headingOffset: options.headingOffset ?? 0 });
}
