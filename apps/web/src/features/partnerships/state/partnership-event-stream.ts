import { eventStreams } from "../../../lib/event-streams";

/** The partnership's live events (Server-Sent Events, same-origin cookie; docs/API.md). */
export const partnershipEventsUrl = (partnershipId: string) =>
  `/api/partnerships/${encodeURIComponent(partnershipId)}/events`;

/** `/p/:id` and every page under it: the pages that listen to the partnership's events. */
const PARTNERSHIP_PATH = /^\/p\/([\w-]{1,64})(?:\/|$)/;

/** How long a stream opened ahead waits for the page that will listen to it. */
const AHEAD_MS = 15_000;

/**
 * Called first thing by the app's script: on a partnership's page, opens its event stream
 * while the app's code and reads are still on their way. Once it is open, a read of the
 * partnership sent afterwards misses no change (see `partnershipReadMissedChanges`), so
 * the page need not read the partnership twice.
 */
export function openPartnershipEventsAhead(pathname: string): void {
  const partnershipId = PARTNERSHIP_PATH.exec(pathname)?.[1];
  if (partnershipId) eventStreams.openAhead(partnershipEventsUrl(partnershipId), AHEAD_MS);
}

/** Whether the partnership's event stream is open in this tab. */
export function partnershipEventsOpen(partnershipId: string): boolean {
  return eventStreams.state(partnershipEventsUrl(partnershipId)) === "open";
}

/** When the partnership shown now was asked for (`performance.now()`), by partnership. */
const readSentAt = new Map<string, number>();

/** Reads the partnership through `read`, noting when it was asked for. */
export async function readPartnership<T>(
  partnershipId: string,
  read: () => Promise<T>,
): Promise<T> {
  const sentAt = performance.now();
  const partnership = await read();
  readSentAt.set(partnershipId, sentAt);
  return partnership;
}

/**
 * Whether a change to who is in the partnership may have been missed by the partnership's
 * last read: its event stream is not open, or opened after that read was asked for (the
 * server subscribes a stream before it answers, so a read sent after the opening sees
 * everything the stream does not report).
 */
export function partnershipReadMissedChanges(partnershipId: string): boolean {
  const openedAt = eventStreams.openedAt(partnershipEventsUrl(partnershipId));
  const sentAt = readSentAt.get(partnershipId);
  return openedAt === null || sentAt === undefined || sentAt < openedAt;
}
