import { createHash } from "node:crypto";

/**
 * Lowercase hex SHA-256 of `value`'s canonical JSON (object keys sorted at every level):
 * the version of content the server binds an agreement to. Equal content, equal hash,
 * whatever order its keys were written in.
 */
export function contentHash(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(sortedKeys(value)))
    .digest("hex");
}

/**
 * `value` with every object's keys in sorted order, so its JSON is canonical. Values no client
 * of ours writes (a BigInt, a shared type inside an attribute) still hash: one stored oddity
 * must not make what reads it fail for both sides.
 */
export function sortedKeys(value: unknown): unknown {
  if (typeof value === "bigint") return { bigint: value.toString() };
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (isSharedType(value)) return { sharedType: sortedKeys(value.toJSON()) };
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortedKeys(object[key])]),
  );
}

/** A Yjs shared type (or anything else that says how it turns into JSON). */
function isSharedType(value: unknown): value is { toJSON(): unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { toJSON?: unknown }).toJSON === "function" &&
    !(value instanceof Date)
  );
}
