/**
 * The lens a partnership is seen through (PRODUCT.md "Per-organization views"): what is
 * ours, what is theirs (every partner organization), or both.
 */
export const LENSES = ["ours", "theirs", "both"] as const;
export type Lens = (typeof LENSES)[number];

export const DEFAULT_LENS: Lens = "both";

/** The lens named in the URL; anything else is the default. */
export function parseLens(value: string | null): Lens {
  return (LENSES as readonly string[]).includes(value ?? "") ? (value as Lens) : DEFAULT_LENS;
}

/**
 * Whether something owned by (or contributed by) `organizationIds` shows under `lens` for a
 * member of `myOrganizationId`. Something owned jointly is both ours and theirs.
 */
export function inLens(
  lens: Lens,
  myOrganizationId: string,
  organizationIds: readonly string[],
): boolean {
  switch (lens) {
    case "both":
      return true;
    case "ours":
      return organizationIds.includes(myOrganizationId);
    case "theirs":
      return organizationIds.some((id) => id !== myOrganizationId);
  }
}

/** `search` with `lens` set (the default lens is left out of the URL). */
export function withLensParam(search: string, lens: Lens): string {
  const params = new URLSearchParams(search);
  if (lens === DEFAULT_LENS) params.delete("lens");
  else params.set("lens", lens);
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
}
