import { queryOptions } from "@tanstack/react-query";
import { partnershipKey, polled } from "../../../lib/query-keys";
import { meetingsApi } from "./meetings-api";

export const meetingsKeys = {
  meeting: (meetingId: string) => ["meeting", meetingId] as const,
  rhythm: (partnershipId: string) => [...partnershipKey(partnershipId), "meeting-rhythm"] as const,
};

export const meetingsQueries = {
  /** One meeting; its `meeting.changed` events invalidate it, and a slow poll for the rest. */
  meeting: (meetingId: string) =>
    queryOptions({
      queryKey: meetingsKeys.meeting(meetingId),
      queryFn: () => meetingsApi.get(meetingId),
      ...polled(15_000),
    }),
  /** The governance rhythm (for the dashboard; the meetings section keeps its own store). */
  rhythm: (partnershipId: string) =>
    queryOptions({
      queryKey: meetingsKeys.rhythm(partnershipId),
      queryFn: () => meetingsApi.rhythm(partnershipId),
      ...polled(60_000),
    }),
};
