/** Tiptap's Collaboration extension edits this XML fragment of the charter document. */
export const CHARTER_FRAGMENT = "default";
