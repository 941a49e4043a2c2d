import type {
  CreateInvitationResponse,
  InvitationPreview,
  InvitationSignupResponse,
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
  OrganizationView,
  PartnershipResponse,
  PartnershipView,
  SentInvitationListResponse,
  SentInvitationResponse,
} from "@entente/protocol";
import type {
  AcceptInvitationBody,
  CreateInvitationBody,
  CreateOrganizationBody,
  CreatePartnershipBody,
  InvitationSignupBody,
  RequestBody,
} from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

export type CreateInvitationInput = RequestBody<typeof CreateInvitationBody>;

export type InvitationSignupInput = RequestBody<typeof InvitationSignupBody>;

const segment = encodeURIComponent;

export const partnershipsApi = {
  createOrganization: (name: string) =>
    api.post<{ organization: OrganizationView }>("/api/organizations", {
      name,
    } satisfies RequestBody<typeof CreateOrganizationBody>),

  createPartnership: (input: RequestBody<typeof CreatePartnershipBody>) =>
    api.post<{ partnership: PartnershipView }>("/api/partnerships", input),

  getPartnership: (partnershipId: string) =>
    api.get<PartnershipResponse>(`/api/partnerships/${segment(partnershipId)}`),

  createInvitation: (partnershipId: string, input: CreateInvitationInput) =>
    api.post<CreateInvitationResponse>(
      `/api/partnerships/${segment(partnershipId)}/invitations`,
      input,
    ),

  listSentInvitations: (partnershipId: string) =>
    api.get<SentInvitationListResponse>(`/api/partnerships/${segment(partnershipId)}/invitations`),

  revokeInvitation: (partnershipId: string, invitationId: string) =>
    api.post<SentInvitationResponse>(
      `/api/partnerships/${segment(partnershipId)}/invitations/${segment(invitationId)}/revoke`,
    ),

  signUpFromInvitation: (token: string, input: InvitationSignupInput) =>
    api.post<InvitationSignupResponse>(`/api/invitations/${segment(token)}/signup`, input),

  listOrganizationInvitations: (partnershipId: string) =>
    api.get<OrganizationInvitationListResponse>(
      `/api/partnerships/${segment(partnershipId)}/organization-invitations`,
    ),

  approveOrganizationInvitation: (partnershipId: string, invitationId: string) =>
    api.post<OrganizationInvitationResponse>(
      `/api/partnerships/${segment(partnershipId)}/organization-invitations/${segment(invitationId)}/approve`,
    ),

  previewInvitation: (token: string) =>
    api.get<{ invitation: InvitationPreview }>(`/api/invitations/${segment(token)}`),

  acceptInvitation: (token: string, organizationId?: string) =>
    api.post<{ partnership: PartnershipView }>(
      `/api/invitations/${segment(token)}/accept`,
      (organizationId ? { organizationId } : {}) satisfies RequestBody<typeof AcceptInvitationBody>,
    ),
};
