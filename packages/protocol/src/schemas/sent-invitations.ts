import { z } from "zod";
import { Id } from "./fields.js";

export const SentInvitationParams = z.object({
  id: Id,
  /** Invitation ids are the hex SHA-256 of their token. */
  invitationId: z.string().regex(/^[0-9a-f]{64}$/, "not a valid invitation id"),
});

/**
 * Revoking takes nothing: who revokes, for which organization, comes from the session, so a
 * body naming anything (or not JSON) is refused rather than ignored.
 */
export const RevokeInvitationBody = z.strictObject({});
