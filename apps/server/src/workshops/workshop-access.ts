/**
 * Who may do what on a workshop board: any member of the meeting's partnership reads it,
 * editors and admins change it, its facilitator runs it. A hidden note of someone else, like
 * a meeting outside the caller's partnerships, is a 404: the caller learns nothing of it.
 */
import type { Kysely } from "kysely";
import type { Seat } from "../access/access-service.js";
import { requireWriter } from "../access/policies.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import type { MeetingService } from "../meetings/meeting-service.js";

/** A meeting as a workshop call sees it, with the caller's seat in its partnership. */
export interface WorkshopMeeting {
  meetingId: string;
  partnershipId: string;
  facilitatorId: string;
  seat: Seat;
}

/** Rethrows a 404 with a message about what was asked for (a note, not its meeting). */
function notFoundAs(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof DomainError && error.code === "not_found")
      throw DomainError.notFound(message);
    throw error;
  };
}

export class WorkshopAccess {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly meetings: Pick<MeetingService, "requireMeeting">,
  ) {}

  /** The meeting and the caller's seat; 404 for a meeting gone or outside their partnerships. */
  async meeting(userId: string, meetingId: string): Promise<WorkshopMeeting> {
    const { meeting, seat } = await this.meetings.requireMeeting(userId, meetingId);
    return {
      meetingId: meeting.id,
      partnershipId: meeting.partnership_id,
      facilitatorId: meeting.facilitator_user_id,
      seat,
    };
  }

  async writable(userId: string, meetingId: string): Promise<WorkshopMeeting> {
    const meeting = await this.meeting(userId, meetingId);
    requireWriter(meeting.seat, "change the workshop");
    return meeting;
  }

  async facilitated(userId: string, meetingId: string): Promise<WorkshopMeeting> {
    const meeting = await this.writable(userId, meetingId);
    if (meeting.facilitatorId !== userId) {
      throw DomainError.forbidden("Only the meeting's facilitator can do this");
    }
    return meeting;
  }

  /** A note the caller may see: theirs, or revealed. Any other is 404, as if it did not exist. */
  async visibleNote(userId: string, noteId: string) {
    const note = await this.db
      .selectFrom("workshop_notes")
      .selectAll()
      .where("id", "=", noteId)
      .executeTakeFirst();
    if (!note) throw DomainError.notFound("No such note");
    const meeting = await this.meeting(userId, note.meeting_id).catch(notFoundAs("No such note"));
    if (note.revealed_at === null && note.author_user_id !== userId) {
      throw DomainError.notFound("No such note");
    }
    return { meeting, note };
  }

  async group(userId: string, groupId: string) {
    const group = await this.db
      .selectFrom("workshop_groups")
      .selectAll()
      .where("id", "=", groupId)
      .executeTakeFirst();
    if (!group) throw DomainError.notFound("No such group");
    const meeting = await this.meeting(userId, group.meeting_id).catch(notFoundAs("No such group"));
    return { meeting, group };
  }
}
