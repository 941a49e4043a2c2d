/**
 * Meetings and the governance rhythm on the wire (see docs/API.md, "Meetings"): types, the
 * kinds of meeting and the agenda's limit.
 *
 * A meeting's metadata, agenda, participants and sign-offs live on the server (stamped like
 * endorsements); its live notes live in the Yjs document `<pid>/meeting/<meetingId>`, one
 * `Y.XmlFragment` per agenda item named by {@link agendaNotesFragment}.
 */
import type { GovernanceLevel } from "@entente/domain";
import type { AuthorView } from "./common.js";

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

/** One organization's sign-off of an agenda item's notes. */
export interface SignOffView {
  organizationId: string;
  organizationName: string;
  signedBy: { id: string; name: string };
  signedAt: string;
  /**
   * What was signed changed since (the item's title, owner organization or notes, or the
   * meeting's title or date): the sign-off is shown but does not count.
   */
  changedSince: boolean;
}

export interface AgendaItemView {
  id: string;
  title: string;
  /** The organization that brought the item (it speaks to it). */
  ownerOrganizationId: string;
  timeboxMinutes: number;
  /** Order in the agenda, 0 first. */
  position: number;
  /** The latest sign-off of each organization that signed the item off. */
  signOffs: SignOffView[];
  /**
   * What a sign-off binds to now: SHA-256 of the item's title, owner organization and notes
   * and the meeting's title and date. Send it back as the sign-off's `version`.
   */
  version: string;
}

/** What a sign-off covered, as the server stored it when it was made. */
export interface SignedContentView {
  meetingTitle: string;
  /** ISO date-time of the meeting's start. */
  meetingStartsAt: string;
  title: string;
  ownerOrganizationId: string;
  /** The item's notes as ProseMirror JSON. */
  notes: unknown;
}

/** A signed agenda item that was deleted (alone, or with its meeting): kept as it was signed. */
export interface DeletedSignedItemView {
  meetingId: string;
  itemId: string;
  /** Every organization's latest sign-off, with what it signed (null: signed before 0018). */
  signOffs: (Omit<SignOffView, "changedSince"> & { signed: SignedContentView | null })[];
  deletedAt: string;
  /** Who deleted it, from the server's session and seat. */
  deletedBy: { id: string; name: string; organizationId: string; organizationName: string };
}

export interface MeetingParticipantView {
  id: string;
  name: string;
  organizationId: string;
}

export interface MeetingView {
  id: string;
  partnershipId: string;
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  /** ISO date-time. */
  startsAt: string;
  durationMinutes: number;
  /** Runs the meeting (and its workshop): the creator unless changed. */
  facilitator: MeetingParticipantView;
  participants: MeetingParticipantView[];
  agenda: AgendaItemView[];
  createdBy: AuthorView;
  createdAt: string;
  /** IANA time zone the meeting is planned in; `startsAt` is shown in it and in the viewer's. */
  timeZone: string;
  /** Where it happens; empty when nowhere in particular. */
  place: string;
  /** An https link to the video call; null when none. */
  videoUrl: string | null;
  /** The iCalendar SEQUENCE of its invitation, raised when its time, place or title moves. */
  calendarSequence: number;
  /**
   * The post in the updates feed where replies by e-mail to the meeting's e-mails are
   * discussed; absent until the first such reply (and while that post is deleted).
   */
  discussionPostId?: string;
}

/** `GET /api/me/calendar-feed`: whether the caller has a private feed (its URL is shown once). */
export interface CalendarFeedResponse {
  feed: { createdAt: string } | null;
}

/** `POST /api/me/calendar-feed`: a new feed; its URL holds the secret and is shown only now. */
export interface CalendarFeedCreatedResponse {
  feed: { createdAt: string; url: string };
}

/** `POST /api/partnerships/:id/meetings`, `GET`/`PATCH /api/meetings/:meetingId`, agenda and sign-off calls. */
export interface MeetingResponse {
  meeting: MeetingView;
}

/** How often a governance level meets, and where it stands. */
export interface RhythmLevelView {
  level: GovernanceLevel;
  /** Days between two meetings of this level; null when the level has no rhythm. */
  intervalDays: number | null;
  /** The start of the latest meeting of this level that already started; null if none. */
  lastMeetingAt: string | null;
  /** The next scheduled (future) meeting of this level, if any. */
  nextMeeting: { id: string; title: string; startsAt: string } | null;
  /** When the next meeting is due: last meeting + interval (or now, if none ever met). */
  dueAt: string | null;
  /**
   * `dueAt` is in the past: the level is late. A meeting scheduled later does not clear it
   * (it is shown as `nextMeeting`); holding one does, once it starts.
   */
  overdue: boolean;
}

/** `GET`/`PUT /api/partnerships/:id/rhythm`. */
export interface RhythmResponse {
  rhythm: RhythmLevelView[];
}

/** `GET /api/partnerships/:id/meetings`: upcoming first by start, then past, newest first. */
export interface MeetingListResponse {
  meetings: MeetingView[];
  rhythm: RhythmLevelView[];
  /** Signed items deleted since, newest deletion first. */
  deletedSignedItems: DeletedSignedItemView[];
}

/**
 * Announced on the partnership's event stream when a meeting, its agenda, participants or
 * sign-offs changed (or it was deleted); clients fetch it again. No content.
 */
export interface MeetingChangedEvent {
  type: "meeting.changed";
  meetingId: string;
}
