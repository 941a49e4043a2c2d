/**
 * Meetings as the API shows them (`MeetingView`): participants ordered by organization, the
 * facilitator and creator named, the agenda with each item's sign-offs against its current
 * content, and the meeting's discussion post when it has one.
 */
import type { AgendaItemView, MeetingParticipantView, MeetingView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import { seatsAmong } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import { discussionPostIds } from "./discussion-posts.js";
import type { MeetingRow } from "./meeting-types.js";
import { signedContentVersion, type SignOffRecords } from "./sign-off-records.js";
import { signOffViews } from "./sign-offs.js";

export class MeetingViews {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly signOffs: SignOffRecords,
  ) {}

  /** The views of meetings of one partnership, in the order given. */
  async of(partnershipId: string, meetings: readonly MeetingRow[]): Promise<MeetingView[]> {
    if (meetings.length === 0) return [];
    const ids = meetings.map((m) => m.id);
    const organizationIds = await this.access.organizationIds(partnershipId);
    const rank = (organizationId: string) => {
      const index = organizationIds.indexOf(organizationId);
      return index === -1 ? organizationIds.length : index;
    };
    const participants = await this.db
      .selectFrom("meeting_participants")
      .innerJoin("users", "users.id", "meeting_participants.user_id")
      .select([
        "meeting_participants.meeting_id as meetingId",
        "users.id",
        "users.name",
        "meeting_participants.organization_id as organizationId",
      ])
      .where("meeting_participants.meeting_id", "in", ids)
      .orderBy("users.name")
      .orderBy("users.id")
      .execute();
    const userIds = [
      ...new Set(meetings.flatMap((m) => [m.facilitator_user_id, m.created_by_user_id])),
    ];
    const users = new Map(
      (
        await this.db
          .selectFrom("users")
          .select(["id", "name"])
          .where("id", "in", userIds)
          .execute()
      ).map((u) => [u.id, u.name]),
    );
    const seats = new Map(
      (await seatsAmong(this.db, partnershipId, userIds)).map((s) => [
        s.user_id,
        s.organization_id,
      ]),
    );
    const items = await this.db
      .selectFrom("agenda_items")
      .selectAll()
      .where("meeting_id", "in", ids)
      .orderBy("position")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const discussions = await discussionPostIds(this.db, ids);
    const signOffs = await this.signOffs.history(items.map((item) => item.id));
    const contents = await this.signOffs.currentContent(meetings, items);
    const versions = new Map(
      [...contents].map(([itemId, content]) => [itemId, signedContentVersion(content)]),
    );

    return meetings.map((meeting) => {
      const people = participants
        .filter((p) => p.meetingId === meeting.id)
        .map(({ id, name, organizationId }): MeetingParticipantView => ({
          id,
          name,
          organizationId,
        }))
        .sort((a, b) => rank(a.organizationId) - rank(b.organizationId));
      const facilitator = people.find((p) => p.id === meeting.facilitator_user_id) ?? {
        id: meeting.facilitator_user_id,
        name: users.get(meeting.facilitator_user_id) ?? "",
        organizationId: seats.get(meeting.facilitator_user_id) ?? "",
      };
      const agenda = items
        .filter((item) => item.meeting_id === meeting.id)
        .map((item, position): AgendaItemView => ({
          id: item.id,
          title: item.title,
          ownerOrganizationId: item.owner_organization_id,
          timeboxMinutes: item.timebox_minutes,
          position,
          signOffs: signOffViews(
            signOffs.get(item.id) ?? [],
            versions.get(item.id) ?? "",
            organizationIds,
          ),
          version: versions.get(item.id) ?? "",
        }));
      return {
        id: meeting.id,
        partnershipId: meeting.partnership_id,
        title: meeting.title,
        kind: meeting.kind,
        level: meeting.level,
        startsAt: new Date(meeting.starts_at).toISOString(),
        durationMinutes: meeting.duration_minutes,
        facilitator,
        participants: people,
        agenda,
        createdBy: {
          id: meeting.created_by_user_id,
          name: users.get(meeting.created_by_user_id) ?? "",
          organizationId: meeting.created_by_organization_id,
        },
        createdAt: new Date(meeting.created_at).toISOString(),
        timeZone: meeting.time_zone,
        place: meeting.place,
        videoUrl: meeting.video_url,
        calendarSequence: meeting.calendar_sequence,
        ...(discussions.has(meeting.id) ? { discussionPostId: discussions.get(meeting.id)! } : {}),
      };
    });
  }
}
