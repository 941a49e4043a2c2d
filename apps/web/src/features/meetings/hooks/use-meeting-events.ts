import { useEventStream } from "../../feed/hooks/use-event-stream";
import { feedEventsUrl } from "../../feed/api/feed-api";
import { changedMeetingId } from "../state/meetings-state";

/**
 * Calls `onChanged` with the meeting's id for every `meeting.changed` on the partnership's
 * event stream, and `onReconnect` after a break in it (the server keeps no backlog).
 */
export function useMeetingEvents(
  partnershipId: string,
  handlers: { onChanged: (meetingId: string) => void; onReconnect: () => void },
) {
  return useEventStream<unknown>(feedEventsUrl(partnershipId), {
    onEvent: (event) => {
      const meetingId = changedMeetingId(event);
      if (meetingId !== null) handlers.onChanged(meetingId);
    },
    onReconnect: handlers.onReconnect,
  });
}
