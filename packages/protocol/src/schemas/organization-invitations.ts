import { z } from "zod";
import { Id } from "./fields.js";

export const OrganizationInvitationParams = z.object({
  id: Id,
  /** Invitation ids are the hex SHA-256 of their token. */
  invitationId: z.string().regex(/^[0-9a-f]{64}$/, "not a valid invitation id"),
});
