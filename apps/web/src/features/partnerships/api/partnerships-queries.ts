import { queryOptions } from "@tanstack/react-query";
import { partnershipKey } from "../../../lib/query-keys";
import { readPartnership } from "../state/partnership-event-stream";
import { partnershipsApi } from "./partnerships-api";

export const partnershipsKeys = {
  /** Everything about one partnership (its page's header, members, documents…) starts here. */
  all: partnershipKey,
  partnership: (partnershipId: string) => [...partnershipKey(partnershipId), "summary"] as const,
  sentInvitations: (partnershipId: string) =>
    [...partnershipKey(partnershipId), "sent-invitations"] as const,
  organizationInvitations: (partnershipId: string) =>
    [...partnershipKey(partnershipId), "organization-invitations"] as const,
  invitationPreview: (token: string) => ["invitation-preview", token] as const,
};

export const partnershipsQueries = {
  partnership: (partnershipId: string) =>
    queryOptions({
      queryKey: partnershipsKeys.partnership(partnershipId),
      queryFn: () =>
        readPartnership(partnershipId, () => partnershipsApi.getPartnership(partnershipId)),
    }),
  sentInvitations: (partnershipId: string) =>
    queryOptions({
      queryKey: partnershipsKeys.sentInvitations(partnershipId),
      queryFn: () => partnershipsApi.listSentInvitations(partnershipId),
    }),
  organizationInvitations: (partnershipId: string) =>
    queryOptions({
      queryKey: partnershipsKeys.organizationInvitations(partnershipId),
      queryFn: () => partnershipsApi.listOrganizationInvitations(partnershipId),
    }),
  /** What an invitation link offers (`GET /api/invitations/:token`), for the accept page. */
  invitationPreview: (token: string) =>
    queryOptions({
      queryKey: partnershipsKeys.invitationPreview(token),
      queryFn: () => partnershipsApi.previewInvitation(token).then((r) => r.invitation),
      staleTime: 0,
    }),
};
