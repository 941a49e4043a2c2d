/**
 * The charter's comment anchors and its text layout without the editor: Yjs only, for
 * pages that show the charter before (or without) loading Tiptap and ProseMirror
 * (`@entente/editor/anchors`).
 */
export { CHARTER_FRAGMENT } from "./fragment.js";
export {
  charterAnchorFromTextRange,
  charterTextRuns,
  decodeAnchorPosition,
  encodeAnchorPosition,
  resolveCharterAnchor,
  type CharterAnchor,
  type CharterTextRange,
} from "./charter-anchor.js";
