/**
 * What the other features use of feed (the lint rule `entente/feature-entry-points`).
 * Its lazily loaded pages and sections are not here: they are loaded with import().
 */
export { feedKeys, feedQueries } from "./api/feed-queries";
export { AuthorLine } from "./components/author-line";
export { FEED_EVENT_TYPES } from "./hooks/use-feed";
