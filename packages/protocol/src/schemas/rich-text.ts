import type { MentionAttrs, RichTextDoc, RichTextNode } from "../common.js";
import { z } from "zod";

/**
 * Rich bodies of posts and replies (and later comments): Tiptap JSON over the editor's
 * StarterKit nodes and marks, plus `mention` nodes. Checked here for shape and size
 * before anything reads them; the browser's editor produces exactly this.
 */

/** StarterKit's nodes (packages/editor) and the mention node. */
const NODE_TYPES = [
  "doc",
  "paragraph",
  "text",
  "heading",
  "bulletList",
  "orderedList",
  "listItem",
  "blockquote",
  "codeBlock",
  "hardBreak",
  "horizontalRule",
  "mention",
] as const;

const MARK_TYPES = ["bold", "italic", "strike", "code", "underline", "link"] as const;

/** Deepest nesting of nodes (lists in quotes in lists…), the root counting as 1. */
export const MAX_DEPTH = 12;
/** Most nodes in one body. */
export const MAX_NODES = 3000;
/** Most characters of text in one body, over all its text nodes. */
export const MAX_TEXT = 20_000;

const MentionId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "not a valid id");

const MentionAttrsSchema = z.strictObject({
  id: MentionId,
  kind: z.enum(["user", "organization"]),
  // Replaced by the server's name for them; bounded all the same.
  label: z.string().max(200).optional(),
});

const Scalar = z.union([z.string().max(2048), z.number(), z.boolean(), z.null()]);
const Attrs = z
  .record(z.string().max(40), Scalar)
  .refine((attrs) => Object.keys(attrs).length <= 10, "too many attributes");

/** Links open in a partner's browser: web and mail addresses only, never `javascript:`. */
const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

const Mark = z
  .strictObject({ type: z.enum(MARK_TYPES), attrs: Attrs.optional() })
  .superRefine((mark, ctx) => {
    if (mark.type !== "link") return;
    const href = mark.attrs?.href;
    if (typeof href !== "string" || !SAFE_HREF.test(href)) {
      ctx.addIssue({ code: "custom", message: "links must be http(s) or mailto addresses" });
    }
  });

const Node: z.ZodType<RichTextNode> = z.lazy(() =>
  z
    .strictObject({
      type: z.enum(NODE_TYPES),
      attrs: Attrs.optional(),
      content: z.array(Node).max(MAX_NODES).optional(),
      text: z.string().min(1).max(MAX_TEXT).optional(),
      marks: z.array(Mark).max(MARK_TYPES.length).optional(),
    })
    .superRefine((node, ctx) => {
      const problem = nodeProblem(node);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
);

function nodeProblem(node: RichTextNode): string | null {
  if (node.type === "text") {
    if (node.text === undefined) return "a text node needs text";
    if (node.content !== undefined) return "a text node has no content";
    return null;
  }
  if (node.text !== undefined) return `a ${node.type} node has no text`;
  if (node.marks !== undefined) return "only text carries marks";
  if (node.type === "doc") return "a document cannot be nested";
  if (node.type === "mention") {
    if (node.content !== undefined) return "a mention has no content";
    if (!MentionAttrsSchema.safeParse(node.attrs).success) {
      return 'a mention needs attrs {id, kind: "user" | "organization", label}';
    }
  }
  return null;
}

/** Depth is checked before the recursive schema runs, so hostile nesting costs nothing. */
function depthWithin(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return false;
    const content = (node as { content?: unknown } | null)?.content;
    if (Array.isArray(content)) for (const child of content) stack.push([child, depth + 1]);
  }
  return true;
}

/** A valid rich body: a `doc` within {@link MAX_DEPTH}, {@link MAX_NODES} and {@link MAX_TEXT}. */
export const RichTextBody: z.ZodType<RichTextDoc> = z
  .unknown()
  .superRefine((value, ctx) => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: "custom", message: "expected a Tiptap document" });
    } else if (!depthWithin(value, MAX_DEPTH)) {
      ctx.addIssue({ code: "custom", message: `nested deeper than ${MAX_DEPTH} levels` });
    }
  })
  .pipe(
    z.strictObject({
      type: z.literal("doc"),
      attrs: Attrs.optional(),
      content: z.array(Node).max(MAX_NODES).optional(),
    }),
  )
  .superRefine((doc, ctx) => {
    let nodes = 0;
    let text = 0;
    walk(doc, (node) => {
      nodes++;
      text += node.text?.length ?? 0;
    });
    if (nodes > MAX_NODES)
      ctx.addIssue({ code: "custom", message: `more than ${MAX_NODES} nodes` });
    if (text > MAX_TEXT) {
      ctx.addIssue({ code: "custom", message: `more than ${MAX_TEXT} characters of text` });
    }
  });

function walk(node: RichTextNode, visit: (node: RichTextNode) => void): void {
  visit(node);
  for (const child of node.content ?? []) walk(child, visit);
}

/** Every distinct mention of a body, in order of first appearance. */
export function mentionsIn(doc: RichTextDoc): { id: string; kind: MentionAttrs["kind"] }[] {
  const seen = new Map<string, { id: string; kind: MentionAttrs["kind"] }>();
  walk(doc, (node) => {
    if (node.type !== "mention") return;
    const { id, kind } = node.attrs as unknown as MentionAttrs;
    seen.set(`${kind}:${id}`, { id, kind });
  });
  return [...seen.values()];
}

/**
 * The body with every mention's label set to `labelOf` it (the server's name for the
 * person or organization): what a client sent as a label is never shown to anyone.
 */
export function relabelMentions(
  doc: RichTextDoc,
  labelOf: (mention: { id: string; kind: MentionAttrs["kind"] }) => string,
): RichTextDoc {
  const relabel = (node: RichTextNode): RichTextNode => {
    if (node.type === "mention") {
      const { id, kind } = node.attrs as unknown as MentionAttrs;
      return { ...node, attrs: { id, kind, label: labelOf({ id, kind }) } };
    }
    return node.content ? { ...node, content: node.content.map(relabel) } : node;
  };
  return relabel(doc) as RichTextDoc;
}

const BLOCKS = new Set(["paragraph", "heading", "listItem", "blockquote", "codeBlock"]);

/** The body as plain text: blocks on their own lines, mentions as `@label`. */
export function plainText(doc: RichTextDoc): string {
  const lines: string[] = [];
  let line = "";
  const endLine = () => {
    if (line) lines.push(line);
    line = "";
  };
  const visit = (node: RichTextNode) => {
    if (node.type === "text") line += node.text ?? "";
    else if (node.type === "mention") line += `@${(node.attrs as unknown as MentionAttrs).label}`;
    else if (node.type === "hardBreak") line += "\n";
    const block = BLOCKS.has(node.type);
    if (block) endLine();
    for (const child of node.content ?? []) visit(child);
    if (block) endLine();
  };
  visit(doc);
  endLine();
  return lines.join("\n");
}

/** Whether the body says anything: text or a mention somewhere. */
export function hasContent(doc: RichTextDoc): boolean {
  let found = false;
  walk(doc, (node) => {
    if ((node.type === "text" && node.text?.trim()) || node.type === "mention") found = true;
  });
  return found;
}
