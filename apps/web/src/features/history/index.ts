/**
 * What the other features use of history (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { HistoryPanel } from "./components/history-panel";
export { MeetingNotesHistory } from "./components/meeting-notes-history";
export { latestEndorsedBy, useVersionHistory } from "./hooks/use-version-history";
