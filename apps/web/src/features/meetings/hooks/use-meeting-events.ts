import { usePartnershipEvents } from "../../partnerships";
import { changedMeetingId } from "../state/meetings-state";

const MEETING_EVENT_TYPES = ["meeting.changed"] as const;

/**
 * Calls `onChanged` with the meeting's id for every `meeting.changed` on the partnership's
 * event stream, and `onReconnect` after a break in it (the server keeps no backlog).
 */
export function useMeetingEvents(
  partnershipId: string,
  handlers: { onChanged: (meetingId: string) => void; onReconnect: () => void },
) {
  return usePartnershipEvents(partnershipId, MEETING_EVENT_TYPES, {
    onEvent: (event) => {
      // What the server sent is checked, not trusted.
      const meetingId = changedMeetingId(event);
      if (meetingId !== null) handlers.onChanged(meetingId);
    },
    onReconnect: handlers.onReconnect,
  });
}
