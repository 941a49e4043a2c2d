/**
 * What the other features use of records (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { DeletedObjective } from "./components/deleted-objective";
export { EntryHistory } from "./components/entry-history";
export { ProfileHistoryScope } from "./state/history-scope";
