import type { PartnershipMemberView } from "@entente/protocol";

/**
 * Who a new meeting proposes as participants: every member of the partnership, the
 * partner organization's and the user's own (a meeting is between the organizations). The
 * form pre-selects them; each can be removed; the server checks each is still a member.
 */
export function defaultParticipantIds(members: readonly PartnershipMemberView[]): string[] {
  return [...new Set(members.map((member) => member.id))];
}
