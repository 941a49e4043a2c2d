/**
 * Meetings and the governance rhythm on the wire (see docs/API.md, "Meetings"): the kinds of
 * meeting, the agenda's limit and the live event; the answers' schemas (and their types) are
 * in `schemas/responses/meetings.ts`, the calendar feed's in `schemas/responses/calendar.ts`.
 *
 * A meeting's metadata, agenda, participants and sign-offs live on the server (stamped like
 * endorsements); its live notes live in the Yjs document `<pid>/meeting/<meetingId>`, one
 * `Y.XmlFragment` per agenda item named by {@link agendaNotesFragment}.
 */

/** Every kind of meeting, in the order forms offer them. */
export const MEETING_KINDS = [
  "steering_committee",
  "tactical_review",
  "operational_sync",
  "workshop",
] as const;

/** What a meeting is for. */
export type MeetingKind = (typeof MEETING_KINDS)[number];

/** Most agenda items one meeting holds, however they were added. */
export const MAX_AGENDA_ITEMS = 50;

/** The name of the `Y.XmlFragment` that holds one agenda item's live notes. */
export function agendaNotesFragment(agendaItemId: string): string {
  return `agenda:${agendaItemId}`;
}

/**
 * Announced on the partnership's event stream when a meeting, its agenda, participants or
 * sign-offs changed (or it was deleted); clients fetch it again. No content.
 */
export interface MeetingChangedEvent {
  type: "meeting.changed";
  meetingId: string;
}
