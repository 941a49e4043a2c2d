import { canWrite, type GovernanceLevel } from "@entente/domain";
import {
  MAX_AGENDA_ITEMS,
  type AgendaItemView,
  type MeetingKind,
  type MeetingListResponse,
  type MeetingParticipantView,
  type MeetingView,
  type RhythmLevelView,
} from "@entente/protocol";
import type { Kysely, Selectable, Transaction } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { Dialect } from "../db/database.js";
import type { AgendaItemsTable, Database, MeetingsTable } from "../db/schema.js";
import type { FeedEvents } from "../feed/feed-events.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import { deleteStoredDocument } from "../sync/document-deletion.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { LiveSockets } from "../sync/live-sockets.js";
import { discussionPostIds } from "./discussion-posts.js";
import { rhythmLevels } from "./rhythm.js";
import { meetingDocument } from "./meeting-document.js";
import { SignOffRecords, signedContentVersion } from "./sign-off-records.js";
import { signOffViews } from "./sign-offs.js";

export type MeetingRow = Selectable<MeetingsTable>;
type AgendaItemRow = Selectable<AgendaItemsTable>;

export interface AgendaItemInput {
  title: string;
  ownerOrganizationId: string;
  timeboxMinutes: number;
}

export interface MeetingInput {
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  /** Milliseconds since the epoch. */
  startsAt: number;
  durationMinutes: number;
  facilitatorId?: string | undefined;
  participantIds?: string[] | undefined;
  agenda?: AgendaItemInput[] | undefined;
  /** IANA name; UTC when omitted. */
  timeZone?: string | undefined;
  place?: string | undefined;
  /** An https URL, or null for none. */
  videoUrl?: string | null | undefined;
}

export type MeetingChanges = Partial<Omit<MeetingInput, "agenda">>;

export interface AgendaItemChanges extends Partial<AgendaItemInput> {
  position?: number | undefined;
}

/** The signed-in caller: id and name from the session, organization from the seat. */
export interface Caller {
  user: { id: string; name: string };
  seat: Seat;
}

/** A meeting the caller may see, with the caller's seat in its partnership. */
export interface MeetingAccess {
  meeting: MeetingRow;
  seat: Seat;
}

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

/** How long a deleted meeting stays in calendar feeds as cancelled. */
export const CANCELLED_MEETING_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

interface FieldError {
  path: string;
  message: string;
}

/**
 * Meetings of a partnership: their metadata, participants, agenda and the organizations'
 * sign-offs of each agenda item's notes (stamped by the server, kept as history), and the
 * governance rhythm. The notes themselves live in the meeting's Yjs document; a sign-off
 * records their {@link xmlFragmentVersion}. Every change is announced as `meeting.changed`
 * on the partnership's event stream.
 */
export class MeetingService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly access: AccessService,
    private readonly documents: DocumentReader,
    private readonly events: FeedEvents,
    private readonly liveSockets: Pick<LiveSockets, "closeDocument">,
    private readonly now: () => number = Date.now,
    private readonly calendar: MeetingCalendarListener = NO_CALENDAR,
  ) {
    this.signOffs = new SignOffRecords(db, documents);
  }

  private readonly signOffs: SignOffRecords;

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
      meetings: await this.views(partnershipId, ordered),
      rhythm: await this.rhythmOf(partnershipId, rows, now),
      deletedSignedItems: await this.signOffs.deletedItems(
        partnershipId,
        await this.access.organizationIds(partnershipId),
      ),
    };
  }

  async view(meeting: MeetingRow): Promise<MeetingView> {
    const [view] = await this.views(meeting.partnership_id, [meeting]);
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
      await this.replaceParticipants(trx, id, partnershipId, [
        facilitatorId,
        ...(input.participantIds ?? []),
      ]);
      if (agenda.length > 0) {
        await trx
          .insertInto("agenda_items")
          .values(
            agenda.map((item, position) => ({
              id: newId(),
              meeting_id: id,
              title: item.title,
              owner_organization_id: item.ownerOrganizationId,
              timebox_minutes: item.timeboxMinutes,
              position,
              created_at: now,
            })),
          )
          .execute();
      }
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
      userId !== meeting.facilitator_user_id &&
      seat.permission !== "admin"
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
    const before = await this.participantIds(meeting.id);
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
        await this.replaceParticipants(trx, meeting.id, meeting.partnership_id, [
          facilitatorId,
          ...changes.participantIds,
        ]);
      } else if (changes.facilitatorId !== undefined) {
        await this.addParticipants(trx, meeting.id, meeting.partnership_id, [facilitatorId]);
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
   * same transaction (nothing can read them again: the document exists only while the
   * meeting does); its sign-offs stay, with what they signed, stamped with who deleted it.
   * Then the sockets open on the document close, on every instance.
   */
  async delete(access: MeetingAccess, user: { id: string; name: string }): Promise<void> {
    const { meeting, seat } = access;
    const documentName = meetingDocument(meeting);
    const participantIds = await this.participantIds(meeting.id);
    const now = this.now();
    await this.db.transaction().execute(async (trx) => {
      await this.signOffs.markDeleted(trx, { meetingId: meeting.id }, { user, seat }, now);
      await deleteStoredDocument(trx, this.dialect, documentName);
      await trx.deleteFrom("meetings").where("id", "=", meeting.id).execute();
      // Calendars that hold the meeting learn it is cancelled (same UID, higher SEQUENCE).
      await trx
        .insertInto("cancelled_meetings")
        .values({
          meeting_id: meeting.id,
          partnership_id: meeting.partnership_id,
          title: meeting.title,
          starts_at: meeting.starts_at,
          duration_minutes: meeting.duration_minutes,
          time_zone: meeting.time_zone,
          place: meeting.place,
          calendar_sequence: meeting.calendar_sequence + 1,
          cancelled_at: now,
          expires_at: now + CANCELLED_MEETING_RETENTION_MS,
        })
        .execute();
    });
    this.liveSockets.closeDocument(documentName);
    this.publish(meeting.partnership_id, meeting.id);
    this.calendar.cancelled(meeting.id, participantIds);
  }

  private async participantIds(meetingId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("meeting_participants")
      .select("user_id")
      .where("meeting_id", "=", meetingId)
      .execute();
    return rows.map((row) => row.user_id);
  }

  async addAgendaItem(access: MeetingAccess, input: AgendaItemInput): Promise<MeetingView> {
    const { meeting } = access;
    await this.validate(meeting.partnership_id, {
      participantIds: [],
      owners: [{ path: "ownerOrganizationId", id: input.ownerOrganizationId }],
    });
    await this.db.transaction().execute(async (trx) => {
      const items = await this.agendaOf(trx, meeting.id);
      // The body is valid; the meeting's agenda is what is full (create refuses the same with 400).
      if (items.length >= MAX_AGENDA_ITEMS) {
        throw new DomainError("conflict", `The agenda holds at most ${MAX_AGENDA_ITEMS} items`);
      }
      await trx
        .insertInto("agenda_items")
        .values({
          id: newId(),
          meeting_id: meeting.id,
          title: input.title,
          owner_organization_id: input.ownerOrganizationId,
          timebox_minutes: input.timeboxMinutes,
          position: items.length,
          created_at: this.now(),
        })
        .execute();
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
    const fields = {
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.ownerOrganizationId === undefined
        ? {}
        : { owner_organization_id: changes.ownerOrganizationId }),
      ...(changes.timeboxMinutes === undefined ? {} : { timebox_minutes: changes.timeboxMinutes }),
    };
    await this.db.transaction().execute(async (trx) => {
      if (Object.keys(fields).length > 0) {
        await trx.updateTable("agenda_items").set(fields).where("id", "=", item.id).execute();
      }
      if (changes.position !== undefined) {
        const others = (await this.agendaOf(trx, meeting.id)).filter((row) => row.id !== item.id);
        const position = Math.min(changes.position, others.length);
        others.splice(position, 0, item);
        await this.renumber(trx, others);
      }
    });
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
      await trx.deleteFrom("agenda_items").where("id", "=", item.id).execute();
      await this.renumber(trx, await this.agendaOf(trx, meeting.id));
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
    return this.rhythmOf(partnershipId, rows, this.now());
  }

  /** Sets the rhythm of the levels given (null: no rhythm); the others keep theirs. */
  async setRhythm(
    partnershipId: string,
    levels: readonly { level: GovernanceLevel; intervalDays: number | null }[],
  ): Promise<RhythmLevelView[]> {
    await this.db.transaction().execute(async (trx) => {
      for (const { level, intervalDays } of levels) {
        await trx
          .deleteFrom("governance_rhythms")
          .where("partnership_id", "=", partnershipId)
          .where("level", "=", level)
          .execute();
        if (intervalDays !== null) {
          await trx
            .insertInto("governance_rhythms")
            .values({ partnership_id: partnershipId, level, interval_days: intervalDays })
            .execute();
        }
      }
    });
    return this.rhythm(partnershipId);
  }

  private async rhythmOf(
    partnershipId: string,
    meetings: readonly MeetingRow[],
    now: number,
  ): Promise<RhythmLevelView[]> {
    const intervals = await this.db
      .selectFrom("governance_rhythms")
      .select(["level", "interval_days"])
      .where("partnership_id", "=", partnershipId)
      .execute();
    const partnership = await this.db
      .selectFrom("partnerships")
      .select("created_at")
      .where("id", "=", partnershipId)
      .executeTakeFirst();
    return rhythmLevels(
      new Map(intervals.map((row) => [row.level, row.interval_days])),
      meetings.map((row) => ({
        id: row.id,
        title: row.title,
        level: row.level,
        startsAt: row.starts_at,
      })),
      now,
      partnership?.created_at ?? now,
    );
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

  /**
   * Participants and the facilitator must be members of the partnership (the facilitator an
   * editor or admin: they run the workshop); agenda owners must be its organizations.
   */
  private async validate(
    partnershipId: string,
    input: {
      facilitatorId?: string | undefined;
      participantIds: readonly string[];
      owners: readonly { path: string; id: string }[];
    },
  ): Promise<void> {
    const wanted = [
      ...input.participantIds,
      ...(input.facilitatorId === undefined ? [] : [input.facilitatorId]),
    ];
    const members =
      wanted.length === 0
        ? []
        : await this.db
            .selectFrom("partnership_members")
            .select(["user_id", "permission"])
            .where("partnership_id", "=", partnershipId)
            .where("user_id", "in", wanted)
            .execute();
    const permissions = new Map(members.map((row) => [row.user_id, row.permission]));
    const errors: FieldError[] = [];
    if (input.facilitatorId !== undefined) {
      const permission = permissions.get(input.facilitatorId);
      if (permission === undefined) {
        errors.push({ path: "facilitatorId", message: "not a member of this partnership" });
      } else if (!canWrite(permission)) {
        errors.push({ path: "facilitatorId", message: "a viewer cannot facilitate" });
      }
    }
    input.participantIds.forEach((id, i) => {
      if (!permissions.has(id)) {
        errors.push({ path: `participantIds.${i}`, message: "not a member of this partnership" });
      }
    });
    if (input.owners.length > 0) {
      const organizationIds = await this.access.organizationIds(partnershipId);
      for (const owner of input.owners) {
        if (!organizationIds.includes(owner.id)) {
          errors.push({ path: owner.path, message: "not an organization of this partnership" });
        }
      }
    }
    if (errors.length > 0) {
      const summary = errors.map((e) => `${e.path}: ${e.message}`).join("; ");
      throw new DomainError("invalid_input", summary, errors);
    }
  }

  private async replaceParticipants(
    trx: Transaction<Database>,
    meetingId: string,
    partnershipId: string,
    userIds: readonly string[],
  ): Promise<void> {
    await trx.deleteFrom("meeting_participants").where("meeting_id", "=", meetingId).execute();
    await this.addParticipants(trx, meetingId, partnershipId, userIds);
  }

  /** Adds members as participants, stamped with their seat organization; existing ones stay. */
  private async addParticipants(
    trx: Transaction<Database>,
    meetingId: string,
    partnershipId: string,
    userIds: readonly string[],
  ): Promise<void> {
    const unique = [...new Set(userIds)];
    const seats = await trx
      .selectFrom("partnership_members")
      .select(["user_id", "organization_id"])
      .where("partnership_id", "=", partnershipId)
      .where("user_id", "in", unique)
      .execute();
    if (seats.length === 0) return;
    await trx
      .insertInto("meeting_participants")
      .values(
        seats.map((seat) => ({
          meeting_id: meetingId,
          user_id: seat.user_id,
          organization_id: seat.organization_id,
        })),
      )
      .onConflict((conflict) => conflict.columns(["meeting_id", "user_id"]).doNothing())
      .execute();
  }

  /** The agenda in its order; ties (two items added at once) by creation, then id. */
  private agendaOf(db: Kysely<Database>, meetingId: string): Promise<AgendaItemRow[]> {
    return db
      .selectFrom("agenda_items")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  }

  private async renumber(trx: Transaction<Database>, items: readonly AgendaItemRow[]) {
    for (const [position, item] of items.entries()) {
      if (item.position === position) continue;
      await trx.updateTable("agenda_items").set({ position }).where("id", "=", item.id).execute();
    }
  }

  /** The views of meetings of one partnership, in the order given. */
  private async views(
    partnershipId: string,
    meetings: readonly MeetingRow[],
  ): Promise<MeetingView[]> {
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
      (
        await this.db
          .selectFrom("partnership_members")
          .select(["user_id", "organization_id"])
          .where("partnership_id", "=", partnershipId)
          .where("user_id", "in", userIds)
          .execute()
      ).map((s) => [s.user_id, s.organization_id]),
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
