import type { OrganizationView } from "@entente/protocol";

/**
 * Organization colours, 6-digit hex (the caret extension rejects anything else) and dark
 * enough for white label text, and for text in that colour on its own 8% tint (a mention):
 * WCAG AA's 4.5:1 both ways. An organization's colour is its position in the partnership's
 * organization list, so every member sees the same colour for the same side.
 */
export const ORGANIZATION_PALETTE = [
  "#1d4ed8",
  "#9a4507",
  "#036c4e",
  "#be185d",
  "#6d28d9",
  "#0b657d",
  "#b91c1c",
  "#3f6b0a",
] as const;

const FALLBACK_COLOR = "#475569";

export interface ColoredOrganization extends OrganizationView {
  color: string;
}

export function organizationColor(index: number): string {
  if (index < 0) return FALLBACK_COLOR;
  return ORGANIZATION_PALETTE[index % ORGANIZATION_PALETTE.length] ?? FALLBACK_COLOR;
}

export function colorOrganizations(
  organizations: readonly OrganizationView[],
): ColoredOrganization[] {
  return organizations.map((organization, index) => ({
    ...organization,
    color: organizationColor(index),
  }));
}
