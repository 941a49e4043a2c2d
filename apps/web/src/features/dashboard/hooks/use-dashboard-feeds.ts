import { useQuery, useQueryClient } from "@tanstack/react-query";
import { feedKeys, feedQueries, FEED_EVENT_TYPES } from "../../feed";
import { meetingsKeys, meetingsQueries, useMeetingEvents } from "../../meetings";
import { usePartnershipEvents } from "../../partnerships";

/**
 * The newest posts and the meeting rhythm, for the dashboard's tiles: the partnership's live
 * events invalidate them (a post, a meeting changed), a break in the stream too.
 */
export function useDashboardFeeds(partnershipId: string) {
  const queryClient = useQueryClient();
  const invalidate = (queryKey: readonly unknown[]) =>
    void queryClient.invalidateQueries({ queryKey });

  usePartnershipEvents(partnershipId, FEED_EVENT_TYPES, {
    onEvent: () => invalidate(feedKeys.firstPage(partnershipId)),
    onReconnect: () => invalidate(feedKeys.firstPage(partnershipId)),
  });
  useMeetingEvents(partnershipId, {
    onChanged: () => invalidate(meetingsKeys.rhythm(partnershipId)),
    onReconnect: () => invalidate(meetingsKeys.rhythm(partnershipId)),
  });

  const rhythm = useQuery(meetingsQueries.rhythm(partnershipId)).data?.rhythm;
  const posts = useQuery(feedQueries.firstPage(partnershipId)).data?.posts;
  return { rhythm, posts };
}
