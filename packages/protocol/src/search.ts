/**
 * The vocabulary of `GET /api/search`: what a result may be, how matches are marked, the
 * web app's parameters a result's link may carry, the bounds of a query. The answer's
 * schema is in `schemas/responses/search.ts`.
 */

/** What a result is, so a client can label it (in its own language) and pick an icon. */
export const SEARCH_KINDS = [
  "charter",
  "objective",
  "action",
  "kpi",
  "issue",
  "decision",
  "contribution",
  "constraint",
  "ambition",
  "private-note",
  "post",
  "reply",
  "comment",
  "meeting",
  "meeting-notes",
  "workshop-note",
  "organization",
  "person",
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * The marker around the matched words of a `snippet`. Everything else in a snippet is
 * HTML-escaped (`&`, `<`, `>`, `"`, `'`), so a client may render it as HTML as is, or split
 * on the two markers and render text.
 */
export const SEARCH_MARK_OPEN = "<mark>";
export const SEARCH_MARK_CLOSE = "</mark>";

/** The query parameter of the charter and the private notes that scrolls to a passage: its text block's index. */
export const PASSAGE_PARAM = "passage";
/** The query parameter of the objectives, issues, decisions and organizations sections that opens one item. */
export const ITEM_PARAM = "item";
/** The query parameter of a meeting page that opens one agenda item's notes. */
export const AGENDA_ITEM_PARAM = "agendaItem";
/** The query parameter of the organizations section that shows one organization or one person. */
export const ORGANIZATION_PARAM = "organization";
export const PERSON_PARAM = "person";

/** The longest `q` the server takes, and the most results it answers with. */
export const SEARCH_QUERY_MAX = 200;
export const SEARCH_RESULTS_MAX = 30;
