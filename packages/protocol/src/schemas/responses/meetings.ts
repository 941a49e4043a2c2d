/*
 * JSON answers about meetings and the governance rhythm (see docs/API.md, "Meetings"). A
 * meeting's metadata, agenda, participants and sign-offs live on the server (stamped like
 * endorsements); its live notes live in the Yjs document `<pid>/meeting/<meetingId>`.
 */
import { z } from "zod";
import { MEETING_KINDS } from "../../meetings.js";
import { GovernanceLevel } from "../vocabulary.js";
import { AuthorView } from "./common.js";

const signOffFields = {
  organizationId: z.string(),
  organizationName: z.string(),
  signedBy: z.strictObject({ id: z.string(), name: z.string() }),
  signedAt: z.string(),
};

/** One organization's sign-off of an agenda item's notes. */
export const SignOffView = z.strictObject({
  ...signOffFields,
  /**
   * What was signed changed since (the item's title, owner organization or notes, or the
   * meeting's title or date): the sign-off is shown but does not count.
   */
  changedSince: z.boolean(),
});
export type SignOffView = z.infer<typeof SignOffView>;

export const AgendaItemView = z.strictObject({
  id: z.string(),
  title: z.string(),
  /** The organization that brought the item (it speaks to it). */
  ownerOrganizationId: z.string(),
  timeboxMinutes: z.number(),
  /** Order in the agenda, 0 first. */
  position: z.number(),
  /** The latest sign-off of each organization that signed the item off. */
  signOffs: z.array(SignOffView),
  /**
   * What a sign-off binds to now: SHA-256 of the item's title, owner organization and notes
   * and the meeting's title and date. Send it back as the sign-off's `version`.
   */
  version: z.string(),
});
export type AgendaItemView = z.infer<typeof AgendaItemView>;

/** What a sign-off covered, as the server stored it when it was made. */
export const SignedContentView = z.strictObject({
  meetingTitle: z.string(),
  /** ISO date-time of the meeting's start. */
  meetingStartsAt: z.string(),
  title: z.string(),
  ownerOrganizationId: z.string(),
  /** The item's notes as ProseMirror JSON. */
  notes: z.unknown(),
});
export type SignedContentView = z.infer<typeof SignedContentView>;

/** A signed agenda item that was deleted (alone, or with its meeting): kept as it was signed. */
export const DeletedSignedItemView = z.strictObject({
  meetingId: z.string(),
  itemId: z.string(),
  /** Every organization's latest sign-off, with what it signed (null: signed before 0018). */
  signOffs: z.array(z.strictObject({ ...signOffFields, signed: SignedContentView.nullable() })),
  deletedAt: z.string(),
  /** Who deleted it, from the server's session and seat. */
  deletedBy: z.strictObject({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    organizationName: z.string(),
  }),
});
export type DeletedSignedItemView = z.infer<typeof DeletedSignedItemView>;

export const MeetingParticipantView = z.strictObject({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
});
export type MeetingParticipantView = z.infer<typeof MeetingParticipantView>;

export const MeetingView = z.strictObject({
  id: z.string(),
  partnershipId: z.string(),
  title: z.string(),
  kind: z.enum(MEETING_KINDS),
  level: GovernanceLevel,
  /** ISO date-time. */
  startsAt: z.string(),
  durationMinutes: z.number(),
  /** Runs the meeting (and its workshop): the creator unless changed. */
  facilitator: MeetingParticipantView,
  participants: z.array(MeetingParticipantView),
  agenda: z.array(AgendaItemView),
  createdBy: AuthorView,
  createdAt: z.string(),
  /** IANA time zone the meeting is planned in; `startsAt` is shown in it and in the viewer's. */
  timeZone: z.string(),
  /** Where it happens; empty when nowhere in particular. */
  place: z.string(),
  /** An https link to the video call; null when none. */
  videoUrl: z.string().nullable(),
  /** The iCalendar SEQUENCE of its invitation, raised when its time, place or title moves. */
  calendarSequence: z.number(),
  /**
   * The post in the updates feed where replies by e-mail to the meeting's e-mails are
   * discussed; absent until the first such reply (and while that post is deleted).
   */
  discussionPostId: z.string().optional(),
});
export type MeetingView = z.infer<typeof MeetingView>;

/** `POST /api/partnerships/:id/meetings`, `GET`/`PATCH /api/meetings/:meetingId`, agenda and sign-off calls. */
export const MeetingResponse = z.strictObject({ meeting: MeetingView });
export type MeetingResponse = z.infer<typeof MeetingResponse>;

/** How often a governance level meets, and where it stands. */
export const RhythmLevelView = z.strictObject({
  level: GovernanceLevel,
  /** Days between two meetings of this level; null when the level has no rhythm. */
  intervalDays: z.number().nullable(),
  /** The start of the latest meeting of this level that already started; null if none. */
  lastMeetingAt: z.string().nullable(),
  /** The next scheduled (future) meeting of this level, if any. */
  nextMeeting: z
    .strictObject({ id: z.string(), title: z.string(), startsAt: z.string() })
    .nullable(),
  /** When the next meeting is due: last meeting + interval (or now, if none ever met). */
  dueAt: z.string().nullable(),
  /**
   * `dueAt` is in the past: the level is late. A meeting scheduled later does not clear it
   * (it is shown as `nextMeeting`); holding one does, once it starts.
   */
  overdue: z.boolean(),
});
export type RhythmLevelView = z.infer<typeof RhythmLevelView>;

/** `GET`/`PUT /api/partnerships/:id/rhythm`. */
export const RhythmResponse = z.strictObject({ rhythm: z.array(RhythmLevelView) });
export type RhythmResponse = z.infer<typeof RhythmResponse>;

/** `GET /api/partnerships/:id/meetings`: upcoming first by start, then past, newest first. */
export const MeetingListResponse = z.strictObject({
  meetings: z.array(MeetingView),
  rhythm: z.array(RhythmLevelView),
  /** Signed items deleted since, newest deletion first. */
  deletedSignedItems: z.array(DeletedSignedItemView),
});
export type MeetingListResponse = z.infer<typeof MeetingListResponse>;
