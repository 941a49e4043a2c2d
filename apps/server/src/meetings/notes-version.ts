import { createHash } from "node:crypto";
import * as Y from "yjs";

/**
 * The version of a rich-text `Y.XmlFragment` (an agenda item's notes, which sign-offs store):
 * lowercase hex SHA-256 of its content (element names, attributes, text and its marks, in
 * document order), so an edit moves it, deletions included, and the same content has the
 * same version however it was typed. Content only: other fragments of the same document
 * (the other agenda items of a meeting) leave it as it is.
 */
export function xmlFragmentVersion(fragment: Y.XmlFragment): string {
  return createHash("sha256")
    .update(JSON.stringify(xmlContent(fragment)))
    .digest("hex");
}

/** An unambiguous tree of a fragment's content (text can never pass for an element). */
function xmlContent(node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook): unknown {
  if (node instanceof Y.XmlText) {
    return { text: (node.toDelta() as unknown[]).map(sortedKeys) };
  }
  if (node instanceof Y.XmlHook) return { hook: node.hookName, value: sortedKeys(node.toJSON()) };
  const children = node.toArray().map(xmlContent);
  if (node instanceof Y.XmlElement) {
    return { element: node.nodeName, attributes: sortedKeys(node.getAttributes()), children };
  }
  return { children };
}

/**
 * `value` with every object's keys in sorted order, so its JSON is canonical. Values no client
 * of ours writes (a BigInt, a shared type inside an attribute) still get a version: a stored
 * oddity must not make the meeting fail for both sides.
 */
function sortedKeys(value: unknown): unknown {
  if (typeof value === "bigint") return { bigint: value.toString() };
  if (value instanceof Y.AbstractType) return { sharedType: sortedKeys(value.toJSON()) };
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortedKeys(object[key])]),
  );
}
