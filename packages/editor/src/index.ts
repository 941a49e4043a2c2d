export {
  CHARTER_FRAGMENT,
  charterExtensions,
  charterPlainText,
  charterSchema,
  readCharterContent,
  readRichTextFragment,
  readVisibleRichText,
  richTextIsEmpty,
  replaceRichTextFragment,
  writeCharterContent,
} from "./charter-schema.js";
export type { JSONContent } from "@tiptap/core";
export {
  charterAnchorFromTextRange,
  charterTextRuns,
  decodeAnchorPosition,
  encodeAnchorPosition,
  resolveCharterAnchor,
  type CharterAnchor,
  type CharterTextRange,
} from "./charter-anchor.js";
