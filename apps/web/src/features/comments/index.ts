/**
 * What the other features use of comments (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { CharterComments } from "./components/charter-comments";
export { CommentsProvider } from "./components/comments-provider";
export { ItemComments } from "./components/item-comments";
export type { CharterSurface } from "./state/charter-surface";
export { EditorSurface } from "./state/editor-surface";
export { TextSurface, type TextHighlight } from "./state/text-surface";
