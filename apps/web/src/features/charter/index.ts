/**
 * What the other features use of charter (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { CharterToolbar } from "./components/charter-toolbar";
export { LiveRichTextEditor } from "./components/live-rich-text-editor";
export { useCharterStatus } from "./hooks/use-charter-status";
