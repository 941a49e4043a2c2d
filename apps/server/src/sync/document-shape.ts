import type { DocumentKind } from "@entente/domain";
import { CHARTER_FRAGMENT } from "@entente/editor";
import { agendaNotesFragment } from "@entente/protocol";
import { META_ROOT, PRIVATE_NOTES_FRAGMENT } from "@entente/schema";
import { entryLayout } from "./entry-diff.js";

/**
 * What a client's update may contain for one kind of document, checked on the update's
 * bytes (update-guard.ts) before anything is applied.
 */
export interface DocumentShape {
  /** Whether a root-level shared type of this name belongs to the document. */
  isKnownRoot(name: string): boolean;
  /**
   * Whether a shared type may be a map entry: the entries of structured documents are;
   * in rich text a map entry is an element's attribute, which holds plain values only.
   */
  sharedTypesInMaps: boolean;
}

const AGENDA_NOTES_PREFIX = agendaNotesFragment("");

/**
 * The roots our clients write: structured kinds their collections and `meta`
 * (packages/schema); the charter and private notes one fragment (`default`, the editor's
 * Collaboration field); a meeting one fragment per agenda item (`agenda:<id>`). Clients
 * never write `meta` in rich-text documents (nothing of ours stamps them).
 */
export function documentShape(kind: DocumentKind): DocumentShape {
  const layout = entryLayout(kind);
  if (layout) {
    const roots = new Set([META_ROOT, ...Object.keys(layout)]);
    return { isKnownRoot: (name) => roots.has(name), sharedTypesInMaps: true };
  }
  switch (kind) {
    case "meeting":
      return {
        isKnownRoot: (name) =>
          name.startsWith(AGENDA_NOTES_PREFIX) && name.length > AGENDA_NOTES_PREFIX.length,
        sharedTypesInMaps: false,
      };
    case "private":
      return { isKnownRoot: (name) => name === PRIVATE_NOTES_FRAGMENT, sharedTypesInMaps: false };
    default:
      return { isKnownRoot: (name) => name === CHARTER_FRAGMENT, sharedTypesInMaps: false };
  }
}
