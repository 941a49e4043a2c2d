import type {
  InvitationKind,
  InvitationPreview,
  InvitationView,
  OrganizationInvitationListResponse,
  OrganizationInvitationResponse,
  OrganizationView,
  PartnershipResponse,
  PartnershipTemplateChoice,
  PartnershipView,
} from "@entente/protocol";
import type { Permission } from "@entente/domain";
import { api } from "../../../lib/api-client";

export interface CreateInvitationInput {
  kind: InvitationKind;
  role: Permission;
  organizationId?: string;
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
    api.post<{ invitation: InvitationView }>(
      `/api/partnerships/${segment(partnershipId)}/invitations`,
      input,
    ),

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
