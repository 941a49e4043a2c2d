import type { MembershipChangedEvent } from "@entente/protocol";
import { useEffect, useRef } from "react";
import {
  partnershipEventsOpen,
  partnershipReadMissedChanges,
} from "../state/partnership-event-stream";
import { usePartnershipEvents } from "./use-partnership-events";

/**
 * Calls `onChange` when who is in the partnership changes (an organization joined, a member
 * joined or left, an invitation was approved or revoked: `membership.changed` on the
 * partnership's event stream), and with `null` when the page's read of the partnership may
 * have missed a change: the server keeps no backlog, so a change made between that read and
 * the stream's opening, or during a break, is read again. A stream opened before the read
 * was sent (the app opens it ahead, `openPartnershipEventsAhead`) needs no second read.
 * `onChange` reads again what the screen shows of the partnership: its organizations,
 * members and invitations.
 */
export function usePartnershipMembershipEvents(
  partnershipId: string,
  onChange: (event: MembershipChangedEvent | null) => void,
): void {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  usePartnershipEvents(partnershipId, ["membership.changed"], {
    onEvent: (event) => onChangeRef.current(event),
    // Opened while here (first time or after a break).
    onOpen: () => {
      if (partnershipReadMissedChanges(partnershipId)) onChangeRef.current(null);
    },
  });
  // Open already on arrival: it may have opened after the read was sent.
  useEffect(() => {
    if (partnershipEventsOpen(partnershipId) && partnershipReadMissedChanges(partnershipId)) {
      onChangeRef.current(null);
    }
  }, [partnershipId]);
}
