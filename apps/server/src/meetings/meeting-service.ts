import type { GovernanceLevel } from "@entente/domain";
import type { MeetingListResponse, MeetingView, RhythmLevelView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import type { Dialect } from "../db/database.js";
import type { Database } from "../db/schema.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { LiveSockets } from "../sync/live-sockets.js";
import {
  appendAgendaItem,
  changeAgendaItem,
  insertAgenda,
  removeAgendaItem,
} from "./agenda-items.js";
import { deleteMeetingRecords } from "./meeting-deletion.js";
import { meetingDocument } from "./meeting-document.js";
import {
  addParticipants,
  participantIds,
  replaceParticipants,
  validateNamed,
  type NamedInMeeting,
} from "./meeting-participants.js";
import type {
  AgendaItemChanges,
  AgendaItemInput,
  AgendaItemRow,
  Caller,
  MeetingAccess,
  MeetingChanges,
  MeetingInput,
  MeetingRow,
} from "./meeting-types.js";
import { MeetingViews } from "./meeting-views.js";
import { rhythmOf, storeRhythm } from "./rhythm-records.js";
import { SignOffRecords } from "./sign-off-records.js";
import { can } from "../access/policies.js";

/**
 * Told after meetings are scheduled, moved or deleted, so participants' calendars follow
 * (invitations by e-mail). Called after the change is stored; must not throw.
 */
export interface MeetingCalendarListener {
  /** `invite` get the current invitation; `uninvite` were removed from the meeting. */
  scheduled(meetingId: string, people: { invite: string[]; uninvite: string[] }): void;
  /** The meeting was deleted: what calendars keep of it, and who took part. */
  cancelled(meetingId: string, participantIds: string[]): void;
}

const NO_CALENDAR: MeetingCalendarListener = { scheduled: () => {}, cancelled: () => {} };

/**
 * Meetings of a partnership: their metadata, participants, agenda and the organizations'
 * sign-offs of each agenda item's notes (stamped by the server, kept as history), and the
 * governance rhythm. The notes themselves live in the meeting's Yjs document; a sign-off
 * records their {@link xmlFragmentVersion}. Every change is announced as `meeting.changed`
 * on the partnership's event stream.
 *
 * This class checks and orchestrates; the parts live with their concern: participants and
 * the people a request names (meeting-participants.ts), the agenda (agenda-items.ts),
 * deletion (meeting-deletion.ts), the rhythm (rhythm-records.ts), sign-offs
 * (sign-off-records.ts) and the views (meeting-views.ts).
 */
export class MeetingService {
  private readonly signOffs: SignOffRecords;
  private readonly meetingViews: MeetingViews;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly access: AccessService,
    documents: DocumentReader,
    private readonly events: FeedEvents,
    private readonly liveSockets: Pick<LiveSockets, "closeDocument">,
    private readonly now: () => number = Date.now,
    private readonly calendar: MeetingCalendarListener = NO_CALENDAR,
  ) {
    this.signOffs = new SignOffRecords(db, documents);
    this.meetingViews = new MeetingViews(db, access, this.signOffs);
  }

  /**
   * The meeting and the caller's seat in its partnership. Non-members get the 404 of a
   * meeting that does not exist: they learn nothing about it.
   */
  async requireMeeting(userId: string, meetingId: string): Promise<MeetingAccess> {
    const meeting = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirst();
    const seat = meeting && (await this.access.seat(userId, meeting.partnership_id));
    if (!meeting || !seat) throw DomainError.notFound("No such meeting");
    return { meeting, seat };
  }

  /** The agenda item, its meeting and the caller's seat; 404 for non-members. */
  async requireAgendaItem(
    userId: string,
    itemId: string,
  ): Promise<MeetingAccess & { item: AgendaItemRow }> {
    const item = await this.db
      .selectFrom("agenda_items")
      .selectAll()
      .where("id", "=", itemId)
      .executeTakeFirst();
    if (!item) throw DomainError.notFound("No such agenda item");
    const meeting = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", item.meeting_id)
      .executeTakeFirst();
    const seat = meeting && (await this.access.seat(userId, meeting.partnership_id));
    if (!meeting || !seat) throw DomainError.notFound("No such agenda item");
    return { item, meeting, seat };
  }

  /** Upcoming meetings first (by start), then those that ended (newest first), and the rhythm. */
  async list(partnershipId: string): Promise<MeetingListResponse> {
    const now = this.now();
    const rows = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .orderBy("starts_at")
      .orderBy("id")
      .execute();
    const ended = (row: MeetingRow) => row.starts_at + row.duration_minutes * 60_000 <= now;
    const ordered = [...rows.filter((row) => !ended(row)), ...rows.filter(ended).reverse()];
    return {
      meetings: await this.meetingViews.of(partnershipId, ordered),
      rhythm: await rhythmOf(this.db, partnershipId, rows, now),
      deletedSignedItems: await this.signOffs.deletedItems(
        partnershipId,
        await this.access.organizationIds(partnershipId),
      ),
    };
  }

  async view(meeting: MeetingRow): Promise<MeetingView> {
    const [view] = await this.meetingViews.of(meeting.partnership_id, [meeting]);
    return view!;
  }

  async create(caller: Caller, input: MeetingInput): Promise<MeetingView> {
    const partnershipId = caller.seat.partnershipId;
    const facilitatorId = input.facilitatorId ?? caller.user.id;
    const agenda = input.agenda ?? [];
    await this.validate(partnershipId, {
      facilitatorId,
      participantIds: input.participantIds ?? [],
      owners: agenda.map((item, i) => ({
        path: `agenda.${i}.ownerOrganizationId`,
        id: item.ownerOrganizationId,
      })),
    });
    const id = newId();
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("meetings")
        .values({
          id,
          partnership_id: partnershipId,
          title: input.title,
          kind: input.kind,
          level: input.level,
          starts_at: input.startsAt,
          duration_minutes: input.durationMinutes,
          facilitator_user_id: facilitatorId,
          created_by_user_id: caller.user.id,
          created_by_organization_id: caller.seat.organizationId,
          created_at: now,
          time_zone: input.timeZone ?? "UTC",
          place: input.place ?? "",
          video_url: input.videoUrl ?? null,
        })
        .execute();
      await replaceParticipants(trx, id, partnershipId, [
        facilitatorId,
        ...(input.participantIds ?? []),
      ]);
      await insertAgenda(trx, id, agenda, now);
    });
    const view = await this.changed(partnershipId, id);
    this.calendar.scheduled(id, { invite: view.participants.map((p) => p.id), uninvite: [] });
    return view;
  }

  /**
   * Any editor or admin changes the meeting; handing the facilitation over (a `facilitatorId`
   * other than the current one) is for the current facilitator or a partnership admin only,
   * since the facilitator runs the workshop: another editor cannot take over the room.
   */
  async update(
    userId: string,
    access: MeetingAccess,
    changes: MeetingChanges,
  ): Promise<MeetingView> {
    const { meeting, seat } = access;
    if (
      changes.facilitatorId !== undefined &&
      changes.facilitatorId !== meeting.facilitator_user_id &&
      !can(seat, "hand over facilitation", {
        byFacilitator: userId === meeting.facilitator_user_id,
      })
    ) {
      throw DomainError.forbidden(
        "Only the facilitator or an admin can hand the facilitation over",
      );
    }
    await this.validate(meeting.partnership_id, {
      facilitatorId: changes.facilitatorId,
      participantIds: changes.participantIds ?? [],
      owners: [],
    });
    const facilitatorId = changes.facilitatorId ?? meeting.facilitator_user_id;
    const moved = movesInCalendars(meeting, changes);
    const before = await participantIds(this.db, meeting.id);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable("meetings")
        .set({
          ...(changes.timeZone === undefined ? {} : { time_zone: changes.timeZone }),
          ...(changes.place === undefined ? {} : { place: changes.place }),
          ...(changes.videoUrl === undefined ? {} : { video_url: changes.videoUrl }),
          ...(moved ? { calendar_sequence: meeting.calendar_sequence + 1 } : {}),
          ...(changes.title === undefined ? {} : { title: changes.title }),
          ...(changes.kind === undefined ? {} : { kind: changes.kind }),
          ...(changes.level === undefined ? {} : { level: changes.level }),
          ...(changes.startsAt === undefined ? {} : { starts_at: changes.startsAt }),
          ...(changes.durationMinutes === undefined
            ? {}
            : { duration_minutes: changes.durationMinutes }),
          facilitator_user_id: facilitatorId,
        })
        .where("id", "=", meeting.id)
        .execute();
      if (changes.participantIds !== undefined) {
        await replaceParticipants(trx, meeting.id, meeting.partnership_id, [
          facilitatorId,
          ...changes.participantIds,
        ]);
      } else if (changes.facilitatorId !== undefined) {
        await addParticipants(trx, meeting.id, meeting.partnership_id, [facilitatorId]);
      }
    });
    const view = await this.changed(meeting.partnership_id, meeting.id);
    const after = view.participants.map((p) => p.id);
    this.calendar.scheduled(meeting.id, {
      invite: moved ? after : after.filter((id) => !before.includes(id)),
      uninvite: before.filter((id) => !after.includes(id)),
    });
    return view;
  }

  /**
   * Deletes the meeting with its agenda and workshop, and its document's stored notes in the
   * same transaction (see `deleteMeetingRecords`: its sign-offs stay, stamped with who
   * deleted it). Then the sockets open on the document close, on every instance.
   */
  async delete(access: MeetingAccess, user: { id: string; name: string }): Promise<void> {
    const { meeting, seat } = access;
    const participants = await participantIds(this.db, meeting.id);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      const parts = { dialect: this.dialect, signOffs: this.signOffs };
      await deleteMeetingRecords(trx, parts, meeting, { user, seat }, now);
    });
    this.liveSockets.closeDocument(meetingDocument(meeting));
    this.publish(meeting.partnership_id, meeting.id);
    this.calendar.cancelled(meeting.id, participants);
  }

  async addAgendaItem(access: MeetingAccess, input: AgendaItemInput): Promise<MeetingView> {
    const { meeting } = access;
    await this.validate(meeting.partnership_id, {
      participantIds: [],
      owners: [{ path: "ownerOrganizationId", id: input.ownerOrganizationId }],
    });
    await this.db.transaction().execute(async (trx) => {
      await appendAgendaItem(trx, meeting.id, input, this.now());
    });
    return this.changed(meeting.partnership_id, meeting.id);
  }

  async updateAgendaItem(
    access: MeetingAccess & { item: AgendaItemRow },
    changes: AgendaItemChanges,
  ): Promise<MeetingView> {
    const { meeting, item } = access;
    if (changes.ownerOrganizationId !== undefined) {
      await this.validate(meeting.partnership_id, {
        participantIds: [],
        owners: [{ path: "ownerOrganizationId", id: changes.ownerOrganizationId }],
      });
    }
    await this.db.transaction().execute((trx) => changeAgendaItem(trx, item, changes));
    return this.changed(meeting.partnership_id, meeting.id);
  }

  /** Deletes the item; its sign-offs stay, with what they signed, stamped with who deleted it. */
  async deleteAgendaItem(
    access: MeetingAccess & { item: AgendaItemRow },
    user: { id: string; name: string },
  ): Promise<MeetingView> {
    const { meeting, item, seat } = access;
    await this.db.transaction().execute(async (trx) => {
      await this.signOffs.markDeleted(trx, { itemId: item.id }, { user, seat }, this.now());
      await removeAgendaItem(trx, item);
    });
    return this.changed(meeting.partnership_id, meeting.id);
  }

  /**
   * The caller's seat organization signs off the item as it is now: its title, owner and
   * notes (the live room's content when loaded), and the meeting's title and date. With
   * `expectedVersion`, an item that changed since is a 409. Earlier sign-offs stay as
   * history; the latest counts while what it signed is unchanged. Before the meeting's start
   * nothing is signed: a 409 `meeting_not_started`, whatever the client shows.
   */
  async signOff(
    caller: Caller,
    access: MeetingAccess & { item: AgendaItemRow },
    expectedVersion?: string,
  ): Promise<MeetingView> {
    const { meeting, item } = access;
    const now = this.now();
    // Minutes record what was said: before the meeting starts there is nothing to sign.
    if (Number(meeting.starts_at) > now) {
      throw new DomainError(
        "meeting_not_started",
        "This meeting has not started yet: its minutes can be signed off from its start",
        { startsAt: new Date(Number(meeting.starts_at)).toISOString() },
      );
    }
    await this.signOffs.sign(caller, meeting, item, expectedVersion, now);
    return this.changed(meeting.partnership_id, meeting.id);
  }

  async rhythm(partnershipId: string): Promise<RhythmLevelView[]> {
    const rows = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("partnership_id", "=", partnershipId)
      .execute();
    return rhythmOf(this.db, partnershipId, rows, this.now());
  }

  /** Sets the rhythm of the levels given (null: no rhythm); the others keep theirs. */
  async setRhythm(
    partnershipId: string,
    levels: readonly { level: GovernanceLevel; intervalDays: number | null }[],
  ): Promise<RhythmLevelView[]> {
    await storeRhythm(this.db, partnershipId, levels);
    return this.rhythm(partnershipId);
  }

  private validate(partnershipId: string, named: NamedInMeeting): Promise<void> {
    return validateNamed(this.db, this.access, partnershipId, named);
  }

  private async changed(partnershipId: string, meetingId: string): Promise<MeetingView> {
    const meeting = await this.db
      .selectFrom("meetings")
      .selectAll()
      .where("id", "=", meetingId)
      .executeTakeFirst();
    // Deleted meanwhile by someone else: for the caller, it no longer exists.
    if (!meeting) throw DomainError.notFound("No such meeting");
    this.publish(partnershipId, meetingId);
    return this.view(meeting);
  }

  private publish(partnershipId: string, meetingId: string): void {
    this.events.publish(
      { kind: "partnership", partnershipId },
      { type: "meeting.changed", meetingId },
    );
  }
}

/** Whether the changes move the meeting in calendars: its time, place, link or title. */
function movesInCalendars(meeting: MeetingRow, changes: MeetingChanges): boolean {
  const differs = <T>(next: T | undefined, current: T) => next !== undefined && next !== current;
  return (
    differs(changes.title, meeting.title) ||
    differs(changes.startsAt, meeting.starts_at) ||
    differs(changes.durationMinutes, meeting.duration_minutes) ||
    differs(changes.timeZone, meeting.time_zone) ||
    differs(changes.place, meeting.place) ||
    differs(changes.videoUrl, meeting.video_url)
  );
}

export { meetingDocument } from "./meeting-document.js";
