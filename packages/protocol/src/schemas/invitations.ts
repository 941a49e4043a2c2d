import { z } from "zod";
import { displayName } from "./fields.js";
import { SignupBody } from "./auth.js";
import { Id } from "./fields.js";

export const InvitationParams = z.object({
  token: z.string().regex(/^[a-z2-7]{16,64}$/, "not a valid invitation token"),
});

export const AcceptInvitationBody = z.object({
  organizationId: Id.optional(),
});

/** A new account made from an invitation; organization invitations also name the organization. */
export const InvitationSignupBody = SignupBody.extend({
  organizationName: displayName(100).optional(),
});
