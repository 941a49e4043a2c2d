import type {
  NoteConversionKind,
  NoteConversionView,
  TimerCommand,
  VoteCommand,
  WorkshopPhase,
  WorkshopView,
  WorkshopVoteView,
} from "@entente/protocol";
import { SchemaWriteError } from "@entente/schema";
import type { Kysely, Transaction } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import { requireWriter } from "../access/require-writer.js";
import type { Database, WorkshopsTable } from "../db/schema.js";
import { orderedNow } from "../ordered-clock.js";
import type { FeedEvents } from "../feed/feed-events.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { MeetingService } from "../meetings/meeting-service.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import {
  conversionDocument,
  writeConvertedItem,
  type ConversionInput,
  type ConversionSource,
} from "./conversion.js";
import { applyTimerCommand, timerFromColumns, timerToColumns, timerView } from "./timer.js";
import { ensureDefaultBoard, hasColumns } from "./default-board.js";
import { checkBallot, dotsOf, tallyVotes, voterCount, type VoteTarget } from "./votes.js";

/** The member a workshop call is made for. */
export interface WorkshopUser {
  id: string;
  name: string;
}

/** A meeting as a workshop call sees it, with the caller's seat in its partnership. */
interface MeetingAccess {
  meetingId: string;
  partnershipId: string;
  facilitatorId: string;
  seat: Seat;
}

export interface NotePatch {
  text?: string | undefined;
  columnId?: string | undefined;
  groupId?: string | null | undefined;
}

export interface ColumnInput {
  id?: string | undefined;
  title: string;
}

/** A note or a group to convert. */
export type ConversionTarget = { kind: "note"; id: string } | { kind: "group"; id: string };

type Executor = Kysely<Database> | Transaction<Database>;

function conflict(message: string): DomainError {
  return new DomainError("conflict", message);
}

/** A 400 naming the offending field, as `readJson` names them (docs/API.md, "Errors"). */
function invalid(path: string, message: string): DomainError {
  return new DomainError("invalid_input", `${path}: ${message}`, [{ path, message }]);
}

/** The same from a `"<path>: <message>"` problem (a ballot's, a schema writer's). */
function invalidProblem(problem: string): DomainError {
  const at = problem.indexOf(": ");
  return at === -1 ? invalid("", problem) : invalid(problem.slice(0, at), problem.slice(at + 2));
}

/** A conversion claimed this long ago whose item never got written was abandoned (a crash). */
export const STALE_CLAIM_MS = 5 * 60_000;

/** Rethrows a 404 with a message about what was asked for (a note, not its meeting). */
function notFoundAs(message: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof DomainError && error.code === "not_found")
      throw DomainError.notFound(message);
    throw error;
  };
}

function iso(millis: number): string {
  return new Date(millis).toISOString();
}

/**
 * Workshop mode of a meeting: a board of sticky notes in columns and groups, a private
 * phase, a shared timer and a dot vote, all kept on the server and projected per member.
 * A note hidden in the private phase is read from the database only for its author: no
 * other member's view holds its text, column, group or author, and the live event says
 * only that something changed. Dots are shown to their voter alone; the vote's results
 * are totals. Every mutation returns the caller's new view and announces
 * `workshop.changed` on the partnership's event stream.
 */
export class WorkshopService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly meetings: Pick<MeetingService, "requireMeeting">,
    private readonly events: FeedEvents,
    private readonly writer: DocumentWriter,
  ) {}

  // ---- reading ----

  /**
   * The caller's view of a meeting's workshop (any member of the partnership). A board
   * nobody set up yet opens with its default column (see `ensureDefaultBoard`).
   */
  async view(user: WorkshopUser, meetingId: string): Promise<WorkshopView> {
    const meeting = await this.meeting(user.id, meetingId);
    await this.ensureWorkshop(meetingId);
    if (!(await hasColumns(this.db, meetingId))) {
      // Checked again under the lock: two first visitors make one column, not two.
      await this.db.transaction().execute(async (trx) => {
        await lockWorkshop(trx, meetingId);
        await ensureDefaultBoard(trx, meetingId, meeting.facilitatorId);
      });
    }
    return this.project(meeting, user.id);
  }

  // ---- facilitator ----

  /** Replaces the columns; notes of a removed column move to the first column. */
  async setColumns(
    user: WorkshopUser,
    meetingId: string,
    columns: readonly ColumnInput[],
  ): Promise<WorkshopView> {
    const meeting = await this.facilitated(user.id, meetingId);
    await this.mutate(meeting, async (trx) => {
      const existing = await trx
        .selectFrom("workshop_columns")
        .select("id")
        .where("meeting_id", "=", meetingId)
        .execute();
      const known = new Set(existing.map((c) => c.id));
      const kept = new Set<string>();
      for (const [index, column] of columns.entries()) {
        if (column.id === undefined) continue;
        if (!known.has(column.id)) {
          throw invalid(`columns.${index}.id`, "not a column of this board");
        }
        if (kept.has(column.id)) throw invalid(`columns.${index}.id`, "listed twice");
        kept.add(column.id);
      }
      const ids = columns.map((column) => column.id ?? newId());
      for (const [position, column] of columns.entries()) {
        const id = ids[position] as string;
        if (column.id === undefined) {
          await trx
            .insertInto("workshop_columns")
            .values({ id, meeting_id: meetingId, title: column.title, position })
            .execute();
        } else {
          await trx
            .updateTable("workshop_columns")
            .set({ title: column.title, position })
            .where("id", "=", id)
            .execute();
        }
      }
      const removed = [...known].filter((id) => !kept.has(id));
      if (removed.length > 0) {
        await trx
          .updateTable("workshop_notes")
          .set({ column_id: ids[0] as string })
          .where("meeting_id", "=", meetingId)
          .where("column_id", "in", removed)
          .execute();
        await trx.deleteFrom("workshop_columns").where("id", "in", removed).execute();
      }
    });
    return this.project(meeting, user.id);
  }

  /** Revealing shows every hidden note at once; notes added in a private phase are hidden. */
  async setPhase(
    user: WorkshopUser,
    meetingId: string,
    phase: WorkshopPhase,
  ): Promise<WorkshopView> {
    const meeting = await this.facilitated(user.id, meetingId);
    await this.mutate(meeting, async (trx) => {
      const now = Date.now();
      await trx
        .updateTable("workshops")
        .set({ phase })
        .where("meeting_id", "=", meetingId)
        .execute();
      if (phase === "revealed") {
        await trx
          .updateTable("workshop_notes")
          .set({ revealed_at: now })
          .where("meeting_id", "=", meetingId)
          .where("revealed_at", "is", null)
          .execute();
      }
    });
    return this.project(meeting, user.id);
  }

  async timer(user: WorkshopUser, meetingId: string, command: TimerCommand): Promise<WorkshopView> {
    const meeting = await this.facilitated(user.id, meetingId);
    await this.mutate(meeting, async (trx, workshop) => {
      const outcome = applyTimerCommand(timerFromColumns(workshop), command, Date.now());
      if (!outcome.ok) throw conflict(outcome.problem);
      await trx
        .updateTable("workshops")
        .set(timerToColumns(outcome.state))
        .where("meeting_id", "=", meetingId)
        .execute();
    });
    return this.project(meeting, user.id);
  }

  /** Opens the vote (from none), closes it (from open), or resets it (dots dropped). */
  async vote(user: WorkshopUser, meetingId: string, command: VoteCommand): Promise<WorkshopView> {
    const meeting = await this.facilitated(user.id, meetingId);
    await this.mutate(meeting, async (trx, workshop) => {
      const set = (values: Pick<WorkshopsTable, "vote_status" | "votes_per_person">) =>
        trx.updateTable("workshops").set(values).where("meeting_id", "=", meetingId).execute();
      switch (command.action) {
        case "open":
          if (workshop.vote_status !== "none") {
            throw conflict("A vote already took place: reset it before opening a new one");
          }
          await set({ vote_status: "open", votes_per_person: command.votesPerPerson });
          return;
        case "close":
          if (workshop.vote_status !== "open") throw conflict("The vote is not open");
          await set({ vote_status: "closed", votes_per_person: workshop.votes_per_person });
          return;
        case "reset":
          await trx.deleteFrom("workshop_votes").where("meeting_id", "=", meetingId).execute();
          await set({ vote_status: "none", votes_per_person: null });
          return;
      }
    });
    return this.project(meeting, user.id);
  }

  // ---- editors and admins ----

  async addNote(
    user: WorkshopUser,
    meetingId: string,
    input: { text: string; columnId: string },
  ): Promise<WorkshopView> {
    const meeting = await this.writable(user.id, meetingId);
    await this.mutate(meeting, async (trx, workshop) => {
      await this.requireColumn(trx, meetingId, input.columnId, "columnId");
      const now = orderedNow();
      await trx
        .insertInto("workshop_notes")
        .values({
          id: newId(),
          meeting_id: meetingId,
          author_user_id: user.id,
          organization_id: meeting.seat.organizationId,
          text: input.text,
          column_id: input.columnId,
          group_id: null,
          revealed_at: workshop.phase === "revealed" ? now : null,
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    return this.project(meeting, user.id);
  }

  /**
   * Text: the author only. Column: the author while the note is hidden, any editor once it
   * is revealed. Group: revealed notes only (a 409 before), since every member sees every
   * group's title. A note hidden from the caller is 404, like one that is gone.
   */
  async updateNote(user: WorkshopUser, noteId: string, patch: NotePatch): Promise<WorkshopView> {
    const { meeting } = await this.visibleNote(user.id, noteId);
    requireWriter(meeting.seat, "change the workshop");
    await this.mutate(meeting, async (trx) => {
      const note = await this.noteForUpdate(trx, user.id, noteId);
      const own = note.author_user_id === user.id;
      if (patch.text !== undefined && !own) {
        throw DomainError.forbidden("Only its author can change a note's text");
      }
      const moving = patch.columnId !== undefined || patch.groupId !== undefined;
      if (moving && note.revealed_at === null && !own) {
        throw DomainError.forbidden("Only its author can move a hidden note");
      }
      if (patch.groupId !== undefined && patch.groupId !== null && note.revealed_at === null) {
        throw conflict("Reveal the note before grouping it: everyone sees a group's title");
      }
      if (patch.columnId !== undefined) {
        await this.requireColumn(trx, meeting.meetingId, patch.columnId, "columnId");
      }
      if (patch.groupId !== undefined && patch.groupId !== null) {
        await this.requireGroup(trx, meeting.meetingId, patch.groupId, "groupId");
      }
      await trx
        .updateTable("workshop_notes")
        .set({
          ...(patch.text === undefined ? {} : { text: patch.text }),
          ...(patch.columnId === undefined ? {} : { column_id: patch.columnId }),
          ...(patch.groupId === undefined ? {} : { group_id: patch.groupId }),
          updated_at: Date.now(),
        })
        .where("id", "=", noteId)
        .execute();
    });
    return this.project(meeting, user.id);
  }

  /** The author or the facilitator deletes a note; its dots go with it. */
  async deleteNote(user: WorkshopUser, noteId: string): Promise<WorkshopView> {
    const { meeting, note } = await this.visibleNote(user.id, noteId);
    requireWriter(meeting.seat, "change the workshop");
    if (note.author_user_id !== user.id && meeting.facilitatorId !== user.id) {
      throw DomainError.forbidden("Only its author or the facilitator can delete a note");
    }
    await this.mutate(meeting, async (trx) => {
      await trx
        .deleteFrom("workshop_votes")
        .where("meeting_id", "=", meeting.meetingId)
        .where("target_id", "=", noteId)
        .execute();
      await trx.deleteFrom("workshop_notes").where("id", "=", noteId).execute();
    });
    return this.project(meeting, user.id);
  }

  /**
   * A group of revealed notes (or none yet). Every member sees every group's title, so a
   * group of notes still hidden would tell the others about them: 409 until the reveal.
   */
  async addGroup(
    user: WorkshopUser,
    meetingId: string,
    input: { title: string; noteIds: readonly string[] },
  ): Promise<WorkshopView> {
    const meeting = await this.writable(user.id, meetingId);
    await this.mutate(meeting, async (trx) => {
      const wanted = [...new Set(input.noteIds)];
      if (wanted.length > 0) {
        const found = await this.visibleNotes(trx, meetingId, user.id)
          .select(["workshop_notes.id", "workshop_notes.revealed_at"])
          .where("workshop_notes.id", "in", wanted)
          .execute();
        const known = new Map(found.map((n) => [n.id, n]));
        const missing = input.noteIds.findIndex((id) => !known.has(id));
        if (missing !== -1) throw invalid(`noteIds.${missing}`, "not a note of this board");
        if (found.some((n) => n.revealed_at === null)) {
          throw conflict("Reveal the notes before grouping them: everyone sees a group's title");
        }
      }
      const id = newId();
      await trx
        .insertInto("workshop_groups")
        .values({
          id,
          meeting_id: meetingId,
          title: input.title,
          created_by_user_id: user.id,
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
          created_at: orderedNow(),
        })
        .execute();
      if (wanted.length > 0) {
        await trx
          .updateTable("workshop_notes")
          .set({ group_id: id, updated_at: Date.now() })
          .where("id", "in", wanted)
          .execute();
      }
    });
    return this.project(meeting, user.id);
  }

  async renameGroup(user: WorkshopUser, groupId: string, title: string): Promise<WorkshopView> {
    const { meeting } = await this.group(user.id, groupId);
    requireWriter(meeting.seat, "change the workshop");
    await this.mutate(meeting, async (trx) => {
      await trx.updateTable("workshop_groups").set({ title }).where("id", "=", groupId).execute();
    });
    return this.project(meeting, user.id);
  }

  /** Deletes a group: its notes stay, ungrouped; its dots go. */
  async deleteGroup(user: WorkshopUser, groupId: string): Promise<WorkshopView> {
    const { meeting } = await this.group(user.id, groupId);
    requireWriter(meeting.seat, "change the workshop");
    await this.mutate(meeting, async (trx) => {
      await trx
        .updateTable("workshop_notes")
        .set({ group_id: null })
        .where("group_id", "=", groupId)
        .execute();
      await trx
        .deleteFrom("workshop_votes")
        .where("meeting_id", "=", meeting.meetingId)
        .where("target_id", "=", groupId)
        .execute();
      await trx.deleteFrom("workshop_groups").where("id", "=", groupId).execute();
    });
    return this.project(meeting, user.id);
  }

  /** Replaces the caller's dots while the vote is open. */
  async setMyVotes(
    user: WorkshopUser,
    meetingId: string,
    ballot: Readonly<Record<string, number>>,
  ): Promise<WorkshopView> {
    const meeting = await this.writable(user.id, meetingId);
    await this.mutate(meeting, async (trx, workshop) => {
      if (workshop.vote_status !== "open") throw conflict("The vote is not open");
      const checked = checkBallot(
        ballot,
        workshop.votes_per_person ?? 0,
        await this.votableTargets(trx, meetingId),
      );
      if (!checked.ok) throw invalidProblem(checked.problem);
      await trx
        .deleteFrom("workshop_votes")
        .where("meeting_id", "=", meetingId)
        .where("user_id", "=", user.id)
        .execute();
      if (checked.dots.length > 0) {
        await trx
          .insertInto("workshop_votes")
          .values(
            checked.dots.map(({ target, count }) => ({
              meeting_id: meetingId,
              user_id: user.id,
              target_kind: target.kind,
              target_id: target.id,
              count,
            })),
          )
          .execute();
      }
    });
    return this.project(meeting, user.id);
  }

  /**
   * Turns a revealed note, or a group, into an action, an issue or a proposed decision in
   * the partnership's document, linked to the meeting and stamped with the caller. The
   * conversion is claimed first (a second one is 409), released if the write is refused; a
   * claim whose item was never written within {@link STALE_CLAIM_MS} (the server stopped
   * in between) can be claimed again, or the note would stay unconvertible for good.
   */
  async convert(
    user: WorkshopUser,
    target: ConversionTarget,
    input: ConversionInput,
  ): Promise<{ workshop: WorkshopView; item: { kind: NoteConversionKind; id: string } }> {
    const { meeting, source, converted } =
      target.kind === "note"
        ? await this.noteSource(user.id, target.id)
        : await this.groupSource(user.id, target.id);
    requireWriter(meeting.seat, "change the workshop");
    if (converted) throw conflict(`This ${target.kind} was already converted`);
    if (input.kind !== "decision") {
      const organizations = await this.access.organizationIds(meeting.partnershipId);
      if (!organizations.includes(input.ownerOrganizationId)) {
        throw invalid("ownerOrganizationId", "not an organization of this partnership");
      }
    }
    const table = target.kind === "note" ? "workshop_notes" : "workshop_groups";
    const claimedAt = Date.now();
    const claimed = await this.db
      .updateTable(table)
      .set({
        conversion_kind: input.kind,
        conversion_item_id: "",
        converted_by_user_id: user.id,
        converted_at: claimedAt,
      })
      .where("id", "=", target.id)
      .where((eb) =>
        eb.or([
          eb("conversion_kind", "is", null),
          eb.and([
            eb("conversion_item_id", "=", ""),
            eb("converted_at", "<", claimedAt - STALE_CLAIM_MS),
          ]),
        ]),
      )
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      throw conflict(`This ${target.kind} was already converted`);
    }
    let itemId: string;
    try {
      const by = { userId: user.id, organizationId: meeting.seat.organizationId };
      itemId = await this.writer.writeDocument(
        conversionDocument(meeting.partnershipId, input.kind),
        by,
        (doc) => writeConvertedItem(doc, input, source, meeting.meetingId, by),
      );
    } catch (error) {
      await this.db
        .updateTable(table)
        .set({
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
        })
        .where("id", "=", target.id)
        // Ours only: a claim taken over meanwhile (ours went stale) is not ours to release.
        .where("conversion_item_id", "=", "")
        .where("converted_by_user_id", "=", user.id)
        .where("converted_at", "=", claimedAt)
        .execute();
      if (error instanceof SchemaWriteError) {
        if (error.code === "not_found") throw invalid("objectiveId", "no such objective");
        if (error.code === "newer_schema") throw conflict(error.message);
        throw invalidProblem(error.message);
      }
      throw error;
    }
    await this.db
      .updateTable(table)
      .set({ conversion_item_id: itemId })
      .where("id", "=", target.id)
      .where("conversion_item_id", "=", "")
      .where("converted_by_user_id", "=", user.id)
      .where("converted_at", "=", claimedAt)
      .execute();
    this.announce(meeting);
    return {
      workshop: await this.project(meeting, user.id),
      item: { kind: input.kind, id: itemId },
    };
  }

  // ---- access ----

  /** The meeting and the caller's seat; 404 for a meeting gone or outside their partnerships. */
  private async meeting(userId: string, meetingId: string): Promise<MeetingAccess> {
    const { meeting, seat } = await this.meetings.requireMeeting(userId, meetingId);
    return {
      meetingId: meeting.id,
      partnershipId: meeting.partnership_id,
      facilitatorId: meeting.facilitator_user_id,
      seat,
    };
  }

  private async writable(userId: string, meetingId: string): Promise<MeetingAccess> {
    const meeting = await this.meeting(userId, meetingId);
    requireWriter(meeting.seat, "change the workshop");
    return meeting;
  }

  private async facilitated(userId: string, meetingId: string): Promise<MeetingAccess> {
    const meeting = await this.writable(userId, meetingId);
    if (meeting.facilitatorId !== userId) {
      throw DomainError.forbidden("Only the meeting's facilitator can do this");
    }
    return meeting;
  }

  /** A note the caller may see: theirs, or revealed. Any other is 404, as if it did not exist. */
  private async visibleNote(userId: string, noteId: string) {
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

  private async group(userId: string, groupId: string) {
    const group = await this.db
      .selectFrom("workshop_groups")
      .selectAll()
      .where("id", "=", groupId)
      .executeTakeFirst();
    if (!group) throw DomainError.notFound("No such group");
    const meeting = await this.meeting(userId, group.meeting_id).catch(notFoundAs("No such group"));
    return { meeting, group };
  }

  private async noteSource(userId: string, noteId: string) {
    const { meeting, note } = await this.visibleNote(userId, noteId);
    // Its text would reach everyone through the item.
    if (note.revealed_at === null) throw conflict("Reveal the note before converting it");
    const source: ConversionSource = { text: note.text, details: [] };
    return { meeting, source, converted: conversionHeld(note, Date.now()) };
  }

  private async groupSource(userId: string, groupId: string) {
    const { meeting, group } = await this.group(userId, groupId);
    const notes = await this.db
      .selectFrom("workshop_notes")
      .select("text")
      .where("group_id", "=", groupId)
      .where("revealed_at", "is not", null)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    const source: ConversionSource = { text: group.title, details: notes.map((n) => n.text) };
    return { meeting, source, converted: conversionHeld(group, Date.now()) };
  }

  // ---- storage ----

  /** A workshop exists for every meeting, made on first use. */
  private async ensureWorkshop(meetingId: string): Promise<void> {
    const now = Date.now();
    await this.db
      .insertInto("workshops")
      .values({
        meeting_id: meetingId,
        phase: "private",
        timer_status: "idle",
        timer_duration_ms: null,
        timer_ends_at: null,
        timer_remaining_ms: null,
        vote_status: "none",
        votes_per_person: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((c) => c.column("meeting_id").doNothing())
      .execute();
  }

  /**
   * Runs a change in one transaction that first touches the workshop's row: on PostgreSQL
   * that row lock orders the changes of one workshop (a dot cast as the vote closes lands
   * before or after, never across); SQLite has one writer. Then announces the change.
   */
  private async mutate(
    meeting: MeetingAccess,
    change: (trx: Transaction<Database>, workshop: WorkshopsTable) => Promise<void>,
  ): Promise<void> {
    await this.ensureWorkshop(meeting.meetingId);
    await this.db.transaction().execute(async (trx) => {
      const workshop = await lockWorkshop(trx, meeting.meetingId);
      await change(trx, workshop);
    });
    this.announce(meeting);
  }

  private announce(meeting: MeetingAccess): void {
    this.events.publish(
      { kind: "partnership", partnershipId: meeting.partnershipId },
      { type: "workshop.changed", meetingId: meeting.meetingId },
    );
  }

  private async noteForUpdate(trx: Executor, userId: string, noteId: string) {
    const note = await trx
      .selectFrom("workshop_notes")
      .select(["author_user_id", "revealed_at"])
      .where("id", "=", noteId)
      .executeTakeFirst();
    if (!note || (note.revealed_at === null && note.author_user_id !== userId)) {
      throw DomainError.notFound("No such note");
    }
    return note;
  }

  private async requireColumn(trx: Executor, meetingId: string, id: string, field: string) {
    const column = await trx
      .selectFrom("workshop_columns")
      .select("id")
      .where("id", "=", id)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!column) throw invalid(field, "not a column of this board");
  }

  private async requireGroup(trx: Executor, meetingId: string, id: string, field: string) {
    const group = await trx
      .selectFrom("workshop_groups")
      .select("id")
      .where("id", "=", id)
      .where("meeting_id", "=", meetingId)
      .executeTakeFirst();
    if (!group) throw invalid(field, "not a group of this board");
  }

  /** The notes `viewerId` may see; hidden notes of others are filtered out by the query. */
  private visibleNotes(db: Executor, meetingId: string, viewerId: string) {
    return db
      .selectFrom("workshop_notes")
      .where("workshop_notes.meeting_id", "=", meetingId)
      .where((eb) =>
        eb.or([
          eb("workshop_notes.revealed_at", "is not", null),
          eb("workshop_notes.author_user_id", "=", viewerId),
        ]),
      );
  }

  /** Revealed notes and groups, in creation order: what dots may go to and how ties break. */
  private async votableTargets(db: Executor, meetingId: string): Promise<Map<string, VoteTarget>> {
    const notes = await db
      .selectFrom("workshop_notes")
      .select(["id", "created_at"])
      .where("meeting_id", "=", meetingId)
      .where("revealed_at", "is not", null)
      .execute();
    const groups = await db
      .selectFrom("workshop_groups")
      .select(["id", "created_at"])
      .where("meeting_id", "=", meetingId)
      .execute();
    const targets: VoteTarget[] = [
      ...notes.map((n) => ({ kind: "note" as const, id: n.id, createdAt: n.created_at })),
      ...groups.map((g) => ({ kind: "group" as const, id: g.id, createdAt: g.created_at })),
    ];
    return new Map(targets.map((t) => [t.id, t]));
  }

  // ---- the projection ----

  /** The workshop as `viewerId` may see it. */
  private async project(meeting: MeetingAccess, viewerId: string): Promise<WorkshopView> {
    const { meetingId } = meeting;
    const workshop = await this.db
      .selectFrom("workshops")
      .selectAll()
      .where("meeting_id", "=", meetingId)
      .executeTakeFirstOrThrow();
    const columns = await this.db
      .selectFrom("workshop_columns")
      .select(["id", "title"])
      .where("meeting_id", "=", meetingId)
      .orderBy("position")
      .execute();
    const notes = await this.visibleNotes(this.db, meetingId, viewerId)
      .innerJoin("users as author", "author.id", "workshop_notes.author_user_id")
      .leftJoin("users as converter", "converter.id", "workshop_notes.converted_by_user_id")
      .selectAll("workshop_notes")
      .select(["author.name as author_name", "converter.name as converter_name"])
      .orderBy("workshop_notes.created_at")
      .orderBy("workshop_notes.id")
      .execute();
    const hidden = await this.db
      .selectFrom("workshop_notes")
      .select(["organization_id", (eb) => eb.fn.countAll<number>().as("count")])
      .where("meeting_id", "=", meetingId)
      .where("revealed_at", "is", null)
      .where("author_user_id", "!=", viewerId)
      .groupBy("organization_id")
      .orderBy("organization_id")
      .execute();
    const groups = await this.db
      .selectFrom("workshop_groups")
      .leftJoin("users as converter", "converter.id", "workshop_groups.converted_by_user_id")
      .selectAll("workshop_groups")
      .select("converter.name as converter_name")
      .where("workshop_groups.meeting_id", "=", meetingId)
      .orderBy("workshop_groups.created_at")
      .orderBy("workshop_groups.id")
      .execute();
    return {
      meetingId,
      partnershipId: meeting.partnershipId,
      facilitatorId: meeting.facilitatorId,
      phase: workshop.phase,
      timer: timerView(timerFromColumns(workshop)),
      serverNow: iso(Date.now()),
      columns,
      notes: notes.map((note) => ({
        id: note.id,
        author: {
          id: note.author_user_id,
          name: note.author_name,
          organizationId: note.organization_id,
        },
        organizationId: note.organization_id,
        text: note.text,
        columnId: note.column_id,
        groupId: note.group_id,
        revealed: note.revealed_at !== null,
        createdAt: iso(note.created_at),
        updatedAt: iso(note.updated_at),
        conversion: conversionView(note, note.converter_name),
      })),
      groups: groups.map((group) => ({
        id: group.id,
        title: group.title,
        conversion: conversionView(group, group.converter_name),
      })),
      hidden: hidden.map((h) => ({ organizationId: h.organization_id, count: Number(h.count) })),
      vote: await this.voteView(workshop, viewerId),
    };
  }

  private async voteView(workshop: WorkshopsTable, viewerId: string): Promise<WorkshopVoteView> {
    if (workshop.vote_status === "none") return { status: "none" };
    const dots = await this.db
      .selectFrom("workshop_votes")
      .select(["user_id as userId", "target_id as targetId", "count"])
      .where("meeting_id", "=", workshop.meeting_id)
      .execute();
    const common = {
      votesPerPerson: workshop.votes_per_person ?? 0,
      myVotes: dotsOf(dots, viewerId),
      voterCount: voterCount(dots),
    };
    if (workshop.vote_status === "open") return { status: "open", ...common };
    const targets = await this.votableTargets(this.db, workshop.meeting_id);
    return { status: "closed", ...common, results: tallyVotes(dots, [...targets.values()]) };
  }
}

/** Touches the workshop's row: on PostgreSQL, a lock that orders the changes of one board. */
function lockWorkshop(trx: Transaction<Database>, meetingId: string): Promise<WorkshopsTable> {
  return trx
    .updateTable("workshops")
    .set({ updated_at: Date.now() })
    .where("meeting_id", "=", meetingId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Converted, or claimed by a conversion still under way (not a stale claim). */
function conversionHeld(
  row: {
    conversion_kind: NoteConversionKind | null;
    conversion_item_id: string | null;
    converted_at: number | null;
  },
  now: number,
): boolean {
  if (row.conversion_kind === null) return false;
  const stale =
    row.conversion_item_id === "" &&
    row.converted_at !== null &&
    row.converted_at < now - STALE_CLAIM_MS;
  return !stale;
}

function conversionView(
  row: {
    conversion_kind: NoteConversionKind | null;
    conversion_item_id: string | null;
    converted_by_user_id: string | null;
    converted_at: number | null;
  },
  converterName: string | null,
): NoteConversionView | null {
  // An empty item id: claimed, the item is being written.
  if (
    row.conversion_kind === null ||
    !row.conversion_item_id ||
    row.converted_by_user_id === null ||
    row.converted_at === null
  ) {
    return null;
  }
  return {
    kind: row.conversion_kind,
    itemId: row.conversion_item_id,
    convertedBy: { id: row.converted_by_user_id, name: converterName ?? "" },
    convertedAt: iso(row.converted_at),
  };
}
