import type { MembershipChangedEvent } from "@entente/protocol";
import { usePartnershipEvents } from "./use-partnership-events";

/**
 * Calls `onChange` when who is in the partnership changes (an organization joined, a member
 * joined or left, an invitation was approved or revoked: `membership.changed` on the
 * partnership's event stream), and whenever the stream opens (`null`): the server keeps no
 * backlog, so a change made between reading the page and listening, or during a break,
 * would be missed. `onChange` reads again what the screen shows of the partnership: its
 * organizations, members and invitations.
 */
export function usePartnershipMembershipEvents(
  partnershipId: string,
  onChange: (event: MembershipChangedEvent | null) => void,
): void {
  usePartnershipEvents(partnershipId, ["membership.changed"], {
    onEvent: onChange,
    onOpen: () => onChange(null),
  });
}
