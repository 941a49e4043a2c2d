import type { PartnershipEvent } from "@entente/protocol";
import {
  useEventStream,
  type EventStreamHandlers,
  type StreamState,
} from "../../../lib/use-event-stream";
import { partnershipEventsUrl } from "../state/partnership-event-stream";

/** The events of `PartnershipEvent` whose `type` is one of `T`. */
export type PartnershipEventOf<T extends PartnershipEvent["type"]> = Extract<
  PartnershipEvent,
  { type: T }
>;

/**
 * Subscribes to some event types of the partnership's event stream (the feed, comments,
 * meetings and workshops all share one connection per partnership and tab) while mounted;
 * `null` subscribes to nothing. `onReconnect` runs when the stream opens again after a break
 * (the server keeps no backlog: read again what is shown); `onOpen` at every opening.
 */
export function usePartnershipEvents<T extends PartnershipEvent["type"]>(
  partnershipId: string | null,
  types: readonly T[],
  handlers: EventStreamHandlers<PartnershipEventOf<T>>,
): StreamState {
  return useEventStream<PartnershipEventOf<T>>(
    partnershipId === null ? null : partnershipEventsUrl(partnershipId),
    types,
    handlers,
  );
}
