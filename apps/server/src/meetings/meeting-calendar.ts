import type { Kysely, Selectable } from "kysely";
import { partnershipIdsOfUser } from "../access/memberships.js";
import type { CancelledMeetingsTable, Database } from "../db/schema.js";
import {
  meetingCalendar,
  type CalendarMeeting,
  type CalendarMethod,
  type CalendarReader,
} from "./meeting-ical.js";
import { mailLanguage } from "../mail/mail-language.js";
import type { MeetingRow } from "./meeting-types.js";

/**
 * Meetings as calendars read them: one meeting's invitation, or every meeting (and recently
 * cancelled one) of the partnerships a member still belongs to. Access is decided by callers
 * (the meeting routes, the feed token); this module only reads and writes iCalendar.
 */
export class MeetingCalendar {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly origin: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Who the calendar is written for; null if the user no longer exists. */
  async reader(userId: string): Promise<CalendarReader | null> {
    const [reader] = await this.readers([userId]);
    return reader?.reader ?? null;
  }

  /** Name, address and language of each user that exists. */
  async readers(userIds: readonly string[]): Promise<{ userId: string; reader: CalendarReader }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom("users")
      .leftJoin("user_preferences", "user_preferences.user_id", "users.id")
      .select([
        "users.id",
        "users.name",
        "users.email",
        "users.app_language",
        "user_preferences.language",
      ])
      .where("users.id", "in", [...userIds])
      .execute();
    return rows.map((row) => ({
      userId: row.id,
      reader: {
        name: row.name,
        email: row.email,
        language: mailLanguage(row.language, row.app_language),
      },
    }));
  }

  /** The live meeting, as calendars see it; null when it was deleted meanwhile. */
  async meeting(meetingId: string): Promise<CalendarMeeting | null> {
    const row = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirst();
    if (!row) return null;
    const [meeting] = await this.live([row]);
    return meeting ?? null;
  }

  /** The deleted meeting as calendars keep it (cancelled), while it is kept. */
  async cancelledMeeting(meetingId: string): Promise<CalendarMeeting | null> {
    const rows = await this.db
      .selectFrom("cancelled_meetings")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .where("expires_at", ">", this.now())
      .execute();
    const [meeting] = await this.cancelled(rows);
    return meeting ?? null;
  }

  /**
   * Every meeting of the partnerships the user is a member of today, and those deleted in
   * the last 30 days as cancelled. Cancelled meetings past their 30 days are pruned here.
   */
  async meetingsOf(userId: string): Promise<CalendarMeeting[]> {
    await this.db.deleteFrom("cancelled_meetings").where("expires_at", "<=", this.now()).execute();
    const partnershipIds = partnershipIdsOfUser(this.db, userId);
    const rows = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("partnership_id", "in", partnershipIds)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
    const cancelled = await this.db
      .selectFrom("cancelled_meetings")
      .selectAll()
      .where("partnership_id", "in", partnershipIds)
      .where("expires_at", ">", this.now())
      .orderBy("starts_at")
      .orderBy("meeting_id")
      .execute();
    return [...(await this.live(rows)), ...(await this.cancelled(cancelled))];
  }

  /** The iCalendar text of `meetings` for `reader`. */
  write(
    meetings: readonly CalendarMeeting[],
    method: CalendarMethod,
    reader: CalendarReader,
  ): string {
    return meetingCalendar(this.origin, meetings, {
      method,
      reader,
      organizerEmail: `entente@${new URL(this.origin).hostname}`,
    });
  }

  private async live(rows: readonly MeetingRow[]): Promise<CalendarMeeting[]> {
    if (rows.length === 0) return [];
    const partnerships = await this.partnershipNames(rows.map((row) => row.partnership_id));
    const agenda = await this.db
      .selectFrom("agenda_items")
      .select(["meeting_id", "title"])
      .where(
        "meeting_id",
        "in",
        rows.map((row) => row.id),
      )
      .orderBy("position")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const facilitators = new Map(
      (
        await this.db
          .selectFrom("users")
          .select(["id", "name"])
          .where("id", "in", [...new Set(rows.map((row) => row.facilitator_user_id))])
          .execute()
      ).map((user) => [user.id, user.name]),
    );
    return rows.map((row) => ({
      meetingId: row.id,
      ...scheduled(row, partnerships),
      videoUrl: row.video_url,
      agenda: agenda.filter((item) => item.meeting_id === row.id).map((item) => item.title),
      facilitatorName: facilitators.get(row.facilitator_user_id) ?? "",
      cancelled: false,
      stampedAt: this.now(),
    }));
  }

  private async cancelled(
    rows: readonly Selectable<CancelledMeetingsTable>[],
  ): Promise<CalendarMeeting[]> {
    const partnerships = await this.partnershipNames(rows.map((row) => row.partnership_id));
    return rows.map((row) => ({
      meetingId: row.meeting_id,
      ...scheduled(row, partnerships),
      videoUrl: null,
      agenda: [],
      facilitatorName: "",
      cancelled: true,
      stampedAt: row.cancelled_at,
    }));
  }

  private async partnershipNames(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom("partnerships")
      .select(["id", "name"])
      .where("id", "in", [...new Set(ids)])
      .execute();
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

/** What a meeting and the record of its cancellation both keep: whose it is, when and where. */
type ScheduledRow = Pick<
  Selectable<CancelledMeetingsTable>,
  | "partnership_id"
  | "title"
  | "starts_at"
  | "duration_minutes"
  | "time_zone"
  | "place"
  | "calendar_sequence"
>;

function scheduled(
  row: ScheduledRow,
  partnershipNames: ReadonlyMap<string, string>,
): Pick<
  CalendarMeeting,
  | "partnershipId"
  | "partnershipName"
  | "title"
  | "startsAt"
  | "durationMinutes"
  | "timeZone"
  | "place"
  | "sequence"
> {
  return {
    partnershipId: row.partnership_id,
    partnershipName: partnershipNames.get(row.partnership_id) ?? "",
    title: row.title,
    startsAt: row.starts_at,
    durationMinutes: row.duration_minutes,
    timeZone: row.time_zone,
    place: row.place,
    sequence: row.calendar_sequence,
  };
}
