import { z } from "zod";
import { Id } from "../partnerships/schema.js";

export const InvitationParams = z.object({
  token: z.string().regex(/^[a-z2-7]{16,64}$/, "not a valid invitation token"),
});

export const AcceptInvitationBody = z.object({
  organizationId: Id.optional(),
});
