export {
  CHARTER_FRAGMENT,
  charterExtensions,
  charterPlainText,
  charterSchema,
  readCharterContent,
  writeCharterContent,
} from "./charter-schema.js";
export type { JSONContent } from "@tiptap/core";
