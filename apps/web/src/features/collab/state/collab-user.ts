/**
 * Who a collaborator is, as published in the awareness `user` field. The caret extension
 * reads `name` and `color` from the same field, so carets and the presence list agree.
 */
export interface CollabUser {
  id: string;
  name: string;
  /** The organization's colour, 6-digit hex. */
  color: string;
  organizationId: string;
  organizationName: string;
}

/** Remote awareness states are whatever another client sent: keep only well-formed users. */
export function parseCollabUser(value: unknown): CollabUser | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const strings = [v.id, v.name, v.color, v.organizationId, v.organizationName];
  if (!strings.every((s) => typeof s === "string")) return null;
  const user = v as unknown as CollabUser;
  if (user.name.trim() === "") return null;
  return {
    id: user.id,
    name: user.name,
    color: /^#[0-9a-fA-F]{6}$/.test(user.color) ? user.color : "#475569",
    organizationId: user.organizationId,
    organizationName: user.organizationName,
  };
}
