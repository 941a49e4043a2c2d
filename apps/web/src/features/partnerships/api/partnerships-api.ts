import type {
  CreateInvitationResponse,
  InvitationKind,
  InvitationPreview,
  InvitationSignupResponse,
  Language,
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
  OrganizationView,
  PartnershipResponse,
  PartnershipTemplateChoice,
  PartnershipView,
  SentInvitationListResponse,
  SentInvitationResponse,
} from "@entente/protocol";
import type { Permission } from "@entente/domain";
import { api } from "../../../lib/api-client";

export interface CreateInvitationInput {
  kind: InvitationKind;
  role: Permission;
  organizationId?: string;
  /** Also e-mail the link there, written in `language`. */
  email?: string;
  language?: Language;
}

export interface InvitationSignupInput {
  name: string;
  email: string;
  password: string;
  /** Organization invitations: the organization the newcomer creates. */
  organizationName?: string;
}

const segment = encodeURIComponent;

export const partnershipsApi = {
  createOrganization: (name: string) =>
    api.post<{ organization: OrganizationView }>("/api/organizations", { name }),

  createPartnership: (input: {
    name: string;
    organizationId: string;
    template?: PartnershipTemplateChoice;
  }) => api.post<{ partnership: PartnershipView }>("/api/partnerships", input),

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
      organizationId ? { organizationId } : {},
    ),
};
