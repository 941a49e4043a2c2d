import { PERMISSIONS } from "@entente/domain";
import { PARTNERSHIP_TEMPLATE_IDS } from "../onboarding.js";
import { z } from "zod";
import { displayName, Id } from "./fields.js";
import { GovernanceLevel, Language } from "./vocabulary.js";

export const PartnershipParams = z.object({ id: Id });

export const MemberParams = z.object({ id: Id, userId: Id });

/** A template to start from, and the language its texts are written in. */
export const PartnershipTemplateChoiceBody = z.strictObject({
  id: z.enum(PARTNERSHIP_TEMPLATE_IDS),
  language: Language,
});

export const CreatePartnershipBody = z.object({
  name: displayName(120),
  organizationId: Id,
  /** Omitted: the partnership starts blank, as before templates existed. */
  template: PartnershipTemplateChoiceBody.optional(),
});

export const CreateInvitationBody = z.object({
  kind: z.enum(["organization", "member"]),
  /** The permission the person accepting gets in the partnership. */
  role: z.enum(PERMISSIONS),
  /** Member invitations: the organization the invitee joins (the inviter's own). */
  organizationId: Id.optional(),
  /** Governance level of the person accepting; strategic for organizations, operational for members by default. */
  level: GovernanceLevel.optional(),
  /** Also e-mail the link to this address (through the configured SMTP). */
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)).optional(),
  /** The language of that e-mail; the inviter's e-mail language (else English) when omitted. */
  language: Language.optional(),
});
