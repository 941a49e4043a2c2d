/** The sections of a partnership page, in tab order; the charter is the page's root. */
export const SECTIONS = [
  "charter",
  "objectives",
  "issues",
  "decisions",
  "meetings",
  "updates",
  "organizations",
  "private",
  "activity",
  "health",
] as const;
export type Section = (typeof SECTIONS)[number];

/** The section a URL segment names (`null` for the root), or `undefined` for no section. */
export function parseSection(segment: string | null): Section | undefined {
  if (segment === null || segment === "") return "charter";
  if (segment === "charter") return undefined;
  return SECTIONS.find((s) => s === segment);
}

/** The path of a section of a partnership. */
export function sectionPath(partnershipId: string, section: Section): string {
  const base = `/p/${encodeURIComponent(partnershipId)}`;
  return section === "charter" ? base : `${base}/${section}`;
}
