import type { Generated } from "kysely";
import type { GovernanceLevel } from "@entente/domain";
import type { MeetingKind } from "@entente/protocol";
import type { Millis } from "./millis.js";

/**
 * Meetings (meetings/): agenda, participants, sign-offs, discussions, cancelled meetings
 * kept for calendars, calendar feeds, the governance rhythm.
 */

/** A meeting of a partnership; its live notes are the Yjs document `<pid>/meeting/<id>`. */
export interface MeetingsTable {
  id: string;
  partnership_id: string;
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  starts_at: Millis;
  duration_minutes: number;
  facilitator_user_id: string;
  /** Stamped by the server from the session and the creator's seat. */
  created_by_user_id: string;
  created_by_organization_id: string;
  created_at: Millis;
  /** IANA time zone the meeting is planned in (`Europe/Paris`). */
  time_zone: Generated<string>;
  /** Where it happens; empty when nowhere in particular. */
  place: Generated<string>;
  /** An https link to the video call, if any. */
  video_url: string | null;
  /** The iCalendar SEQUENCE: raised whenever its time, place or title moves. */
  calendar_sequence: Generated<number>;
}

/** What calendars keep of a deleted meeting for 30 days: enough to show it cancelled. */
export interface CancelledMeetingsTable {
  meeting_id: string;
  partnership_id: string;
  title: string;
  starts_at: Millis;
  duration_minutes: number;
  time_zone: string;
  place: string;
  calendar_sequence: number;
  cancelled_at: Millis;
  expires_at: Millis;
}

/** A member's private calendar feed: the SHA-256 of the token in its URL. */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: Millis;
}

/** Who takes part in a meeting, with their organization when they were added. */
export interface MeetingParticipantsTable {
  meeting_id: string;
  user_id: string;
  organization_id: string;
}

/** One item of a meeting's agenda; its notes are the fragment `agenda:<id>` of the meeting's document. */
export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  title: string;
  owner_organization_id: string;
  timebox_minutes: number;
  /** Order in the agenda, 0 first; contiguous. */
  position: number;
  created_at: Millis;
}

/**
 * One organization's sign-off of an agenda item; outlives the item and its meeting (then
 * `deleted_*` says who deleted them). Only `deleted_*` is ever updated.
 */
export interface AgendaSignOffsTable {
  id: Generated<number>;
  partnership_id: string;
  meeting_id: string;
  agenda_item_id: string;
  /** The signer's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  /** `signedContentVersion` of what was signed (before 0018: the notes' `xmlFragmentVersion`). */
  version: string;
  /** JSON `SignedContent` of what was signed; null for sign-offs from before 0018. */
  snapshot: string | null;
  created_at: Millis;
  deleted_at: Millis | null;
  deleted_by_user_id: string | null;
  deleted_by_organization_id: string | null;
}

/** How often a governance level of a partnership meets; a level without a row has no rhythm. */
export interface GovernanceRhythmsTable {
  partnership_id: string;
  level: GovernanceLevel;
  interval_days: number;
}

/**
 * A meeting's discussion: the post in the updates feed that replies by e-mail to the
 * meeting's e-mails go to (the first one created it). Goes with the meeting.
 */
export interface MeetingDiscussionsTable {
  meeting_id: string;
  post_id: string;
  created_at: Millis;
}
