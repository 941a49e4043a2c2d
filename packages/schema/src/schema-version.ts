import type * as Y from "yjs";
import { rootMap } from "./read-result.js";

/**
 * The version of the document shapes this package reads and writes. Bump it on a change an
 * older client would misread (a renamed field, a new status value, a new layout), never for
 * an added optional field: readers ignore fields they do not know and writers leave them be.
 */
export const SCHEMA_VERSION = 1;

/** Every document has this root map; it holds `schemaVersion`. */
export const META_ROOT = "meta";

/** The key of the version inside {@link META_ROOT}. */
export const SCHEMA_VERSION_KEY = "schemaVersion";

/** Where a document's version stands against {@link SCHEMA_VERSION}. */
export type SchemaVersionState =
  /** Nothing written yet (a new document). */
  | { status: "absent" }
  /** Written by this schema. */
  | { status: "current"; version: number }
  /** Written by an older schema: readable, and writable without changing the version. */
  | { status: "older"; version: number }
  /** Written by a newer app: read what can be read, write nothing, ask for a reload. */
  | { status: "newer"; version: number }
  /** Something that is not a version sits there. */
  | { status: "malformed"; raw: unknown };

/** Reads a document's schema version. Writes nothing and never throws. */
export function readSchemaVersion(doc: Y.Doc): SchemaVersionState {
  const meta = rootMap(doc, META_ROOT);
  if (!meta) return { status: "malformed", raw: null };
  const version = meta.get(SCHEMA_VERSION_KEY);
  if (version === undefined) return { status: "absent" };
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    return { status: "malformed", raw: version };
  }
  if (version === SCHEMA_VERSION) return { status: "current", version };
  return version < SCHEMA_VERSION ? { status: "older", version } : { status: "newer", version };
}

/**
 * Writes {@link SCHEMA_VERSION} into a document that has no version yet (every writer of this
 * package does it; the server may do it when it creates a document). Two peers stamping at
 * once write the same value, so the merge is harmless.
 */
export function stampSchemaVersion(doc: Y.Doc): void {
  if (readSchemaVersion(doc).status !== "absent") return;
  doc.transact(() => {
    doc.getMap<unknown>(META_ROOT).set(SCHEMA_VERSION_KEY, SCHEMA_VERSION);
  });
}
