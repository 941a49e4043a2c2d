/** The pages a member may land on when opening a partnership (`/p/:id`). */
export const LANDING_PAGES = ["charter", "dashboard"] as const;
/** One of {@link LANDING_PAGES}; `charter` for a member who never chose. */
export type LandingPage = (typeof LANDING_PAGES)[number];
