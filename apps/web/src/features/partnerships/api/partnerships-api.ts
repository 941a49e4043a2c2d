import type {
  CreateInvitationBody,
  CreatePartnershipBody,
  InvitationSignupBody,
  RequestBody,
} from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type CreateInvitationInput = RequestBody<typeof CreateInvitationBody>;

export type InvitationSignupInput = RequestBody<typeof InvitationSignupBody>;

export const partnershipsApi = {
  createOrganization: (name: string) => api.call("POST /api/organizations", { name }),

  createPartnership: (input: RequestBody<typeof CreatePartnershipBody>) =>
    api.call("POST /api/partnerships", input),

  getPartnership: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id", { id: partnershipId }),

  createInvitation: (partnershipId: string, input: CreateInvitationInput) =>
    api.call("POST /api/partnerships/:id/invitations", { id: partnershipId }, input),

  listSentInvitations: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/invitations", { id: partnershipId }),

  revokeInvitation: (partnershipId: string, invitationId: string) =>
    api.call("POST /api/partnerships/:id/invitations/:invitationId/revoke", {
      id: partnershipId,
      invitationId,
    }),

  signUpFromInvitation: (token: string, input: InvitationSignupInput) =>
    api.call("POST /api/invitations/:token/signup", { token }, input),

  listOrganizationInvitations: (partnershipId: string) =>
    api.call("GET /api/partnerships/:id/organization-invitations", { id: partnershipId }),

  approveOrganizationInvitation: (partnershipId: string, invitationId: string) =>
    api.call("POST /api/partnerships/:id/organization-invitations/:invitationId/approve", {
      id: partnershipId,
      invitationId,
    }),

  previewInvitation: (token: string) => api.call("GET /api/invitations/:token", { token }),

  acceptInvitation: (token: string, organizationId?: string) =>
    api.call(
      "POST /api/invitations/:token/accept",
      { token },
      organizationId ? { organizationId } : {},
    ),
};
