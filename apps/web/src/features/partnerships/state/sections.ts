import type { LandingPage } from "@entente/protocol";

/** The sections of a partnership page, in tab order; the charter is the page's root by default. */
export const SECTIONS = [
  "dashboard",
  "charter",
  "objectives",
  "issues",
  "decisions",
  "meetings",
  "updates",
  "organizations",
  "private",
  "activity",
  "trash",
  "health",
] as const;
export type Section = (typeof SECTIONS)[number];

/**
 * The section a URL segment names, or `undefined` for no section. The root (`null`) is the
 * member's landing page (the charter unless they chose the dashboard); every section also
 * has its own address (`/p/:id/charter`, `/p/:id/dashboard`) whatever the landing page.
 */
export function parseSection(
  segment: string | null,
  landing: LandingPage = "charter",
): Section | undefined {
  if (segment === null || segment === "") return landing;
  return SECTIONS.find((s) => s === segment);
}

/** The path of a section of a partnership: the landing page is the root. */
export function sectionPath(
  partnershipId: string,
  section: Section,
  landing: LandingPage = "charter",
): string {
  const base = `/p/${encodeURIComponent(partnershipId)}`;
  return section === landing ? base : `${base}/${section}`;
}
