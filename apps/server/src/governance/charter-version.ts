import { CHARTER_FRAGMENT, readVisibleRichText, richTextIsEmpty } from "@entente/editor";
import { createHash } from "node:crypto";
import * as Y from "yjs";
import { contentHash } from "./content-hash.js";

/**
 * The charter's version: {@link contentHash} of its visible content (the Tiptap document of
 * its text fragment, normalized by the editor schema). Not of its Yjs state: an edit undone,
 * or a write to another top-level type of the document, leaves it as it was, and so leaves
 * every endorsement of it current.
 */
export function charterVersion(doc: Y.Doc): string {
  return contentHash(readVisibleRichText(doc.getXmlFragment(CHARTER_FRAGMENT)));
}

/** Whether the charter has no visible text: there is nothing to endorse. */
export function charterIsEmpty(doc: Y.Doc): boolean {
  return richTextIsEmpty(readVisibleRichText(doc.getXmlFragment(CHARTER_FRAGMENT)));
}

/**
 * Lowercase hex SHA-256 of a document's full Yjs state: the charter version endorsements
 * stored before migration 0018 (see `db/upgrades.ts`), and a check that two reads of a
 * document are byte for byte the same.
 */
export function yjsStateHash(doc: Y.Doc): string {
  return createHash("sha256").update(Y.encodeStateAsUpdate(doc)).digest("hex");
}

/** What the server reads of the charter to decide on endorsements. */
export interface CharterReading {
  version: string;
  empty: boolean;
}

export function readCharter(doc: Y.Doc): CharterReading {
  return { version: charterVersion(doc), empty: charterIsEmpty(doc) };
}
