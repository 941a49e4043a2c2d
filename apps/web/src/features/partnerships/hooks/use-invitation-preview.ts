import { useResource } from "../../../lib/use-resource";
import { partnershipsApi } from "../api/partnerships-api";

const loadPreview = async (token: string) =>
  (await partnershipsApi.previewInvitation(token)).invitation;

/** What an invitation link offers (`GET /api/invitations/:token`), for the accept page. */
export function useInvitationPreview(token: string) {
  return useResource(token, loadPreview);
}
