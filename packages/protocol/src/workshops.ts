/**
 * Workshop mode on the wire (see docs/API.md, "Workshops"). Types only; the answers' schemas
 * (and their types) are in `schemas/responses/workshops.ts`.
 *
 * The board, the timer and the vote live on the server, never in a Yjs document: each
 * member gets their own projection of them (`GET /api/meetings/:meetingId/workshop`), so a
 * note hidden in the private phase never leaves the server for anyone but its author.
 * Changes are announced on `GET /api/partnerships/:id/events` as `workshop.changed`
 * (no content), and each client fetches its projection again.
 *
 * Presence and "follow the facilitator" ride on the awareness of the meeting's document
 * (`<pid>/meeting/<meetingId>`), see {@link WorkshopAwarenessView}.
 */

/** What the facilitator asks of the timer (`POST /api/meetings/:meetingId/workshop/timer`). */
export type TimerCommand =
  | { action: "start"; durationSeconds: number }
  | { action: "pause" }
  | { action: "resume" }
  | { action: "extend"; seconds: number }
  | { action: "reset" };

/** What the facilitator asks of the dot vote (`POST /api/meetings/:meetingId/workshop/vote`). */
export type VoteCommand =
  { action: "open"; votesPerPerson: number } | { action: "close" } | { action: "reset" };

/** Announced on the partnership's event stream; clients fetch their projection again. */
export interface WorkshopChangedEvent {
  type: "workshop.changed";
  meetingId: string;
}

/** The awareness state a workshop client publishes on the meeting document. */
export interface WorkshopAwarenessView {
  /** As every live document's presence sets it (the web app's `useCollabDocument`). */
  user: {
    id: string;
    name: string;
    color: string;
    organizationId: string;
    organizationName: string;
  };
  /** Where the member is looking: a column, a note, or the agenda item open. */
  view: { area: "board" | "agenda" | "results"; focusId: string | null };
  /** The facilitator sets this to true; members who follow take `view` from them. */
  facilitating: boolean;
}
