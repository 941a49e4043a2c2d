/**
 * What the other features use of rich-text (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { RichTextEditor } from "./components/rich-text-editor";
export { RichTextView } from "./components/rich-text-view";
export { bodyHasContent, bodyOf, useRichTextEditor } from "./hooks/use-rich-text-editor";
