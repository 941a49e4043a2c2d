import type {
  NoteConversionKind,
  TimerCommand,
  VoteCommand,
  WorkshopPhase,
  WorkshopView,
} from "@entente/protocol";
import type { Kysely, Transaction } from "kysely";
import type { AccessService } from "../access/access-service.js";
import { requireWriter } from "../access/policies.js";
import type { Database, WorkshopsTable } from "../db/schema.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import { DomainError } from "../domain-error.js";
import type { MeetingService } from "../meetings/meeting-service.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import { replaceColumns, type ColumnInput } from "./board-columns.js";
import { insertGroup, removeGroup, renameGroup } from "./board-groups.js";
import { changeNote, insertNote, removeNote, type NotePatch } from "./board-notes.js";
import { projectBoard } from "./board-projection.js";
import type { ConversionInput } from "./conversion.js";
import { ensureDefaultBoard, hasColumns } from "./default-board.js";
import { applyVoteCommand, storeBallot } from "./vote-records.js";
import { WorkshopAccess, type WorkshopMeeting } from "./workshop-access.js";
import { WorkshopConversions, type ConversionTarget } from "./workshop-conversions.js";
import { ensureWorkshop, lockWorkshop, writePhase, writeTimer } from "./workshop-row.js";

/** The member a workshop call is made for. */
export interface WorkshopUser {
  id: string;
  name: string;
}

/**
 * Workshop mode of a meeting: a board of sticky notes in columns and groups, a private
 * phase, a shared timer and a dot vote, all kept on the server and projected per member.
 * A note hidden in the private phase is read from the database only for its author: no
 * other member's view holds its text, column, group or author, and the live event says
 * only that something changed. Dots are shown to their voter alone; the vote's results
 * are totals. Every mutation returns the caller's new view and announces
 * `workshop.changed` on the partnership's event stream.
 *
 * This class checks who may act (workshop-access.ts), runs each change under the board's
 * lock and announces it; the changes themselves live with their concern (board-columns.ts,
 * board-notes.ts, board-groups.ts, workshop-row.ts, vote-records.ts,
 * workshop-conversions.ts) and the view in board-projection.ts.
 */
export class WorkshopService {
  private readonly boards: WorkshopAccess;
  private readonly conversions: WorkshopConversions;

  constructor(
    private readonly db: Kysely<Database>,
    access: AccessService,
    meetings: Pick<MeetingService, "requireMeeting">,
    private readonly events: FeedEvents,
    writer: DocumentWriter,
  ) {
    this.boards = new WorkshopAccess(db, meetings);
    this.conversions = new WorkshopConversions(db, access, this.boards, writer);
  }

  // ---- reading ----

  /**
   * The caller's view of a meeting's workshop (any member of the partnership). A board
   * nobody set up yet opens with its default column (see `ensureDefaultBoard`).
   */
  async view(user: WorkshopUser, meetingId: string): Promise<WorkshopView> {
    const meeting = await this.boards.meeting(user.id, meetingId);
    await ensureWorkshop(this.db, meetingId);
    if (!(await hasColumns(this.db, meetingId))) {
      // Checked again under the lock: two first visitors make one column, not two.
      await this.db.transaction().execute(async (trx) => {
        await lockWorkshop(trx, meetingId);
        await ensureDefaultBoard(trx, meetingId, meeting.facilitatorId);
      });
    }
    return projectBoard(this.db, meeting, user.id);
  }

  // ---- facilitator ----

  /** Replaces the columns; notes of a removed column move to the first column. */
  async setColumns(
    user: WorkshopUser,
    meetingId: string,
    columns: readonly ColumnInput[],
  ): Promise<WorkshopView> {
    const meeting = await this.boards.facilitated(user.id, meetingId);
    return this.mutate(meeting, user, (trx) => replaceColumns(trx, meetingId, columns));
  }

  /** Revealing shows every hidden note at once; notes added in a private phase are hidden. */
  async setPhase(
    user: WorkshopUser,
    meetingId: string,
    phase: WorkshopPhase,
  ): Promise<WorkshopView> {
    const meeting = await this.boards.facilitated(user.id, meetingId);
    return this.mutate(meeting, user, (trx) => writePhase(trx, meetingId, phase));
  }

  async timer(user: WorkshopUser, meetingId: string, command: TimerCommand): Promise<WorkshopView> {
    const meeting = await this.boards.facilitated(user.id, meetingId);
    return this.mutate(meeting, user, (trx, workshop) => writeTimer(trx, workshop, command));
  }

  /** Opens the vote (from none), closes it (from open), or resets it (dots dropped). */
  async vote(user: WorkshopUser, meetingId: string, command: VoteCommand): Promise<WorkshopView> {
    const meeting = await this.boards.facilitated(user.id, meetingId);
    return this.mutate(meeting, user, (trx, workshop) => applyVoteCommand(trx, workshop, command));
  }

  // ---- editors and admins ----

  async addNote(
    user: WorkshopUser,
    meetingId: string,
    input: { text: string; columnId: string },
  ): Promise<WorkshopView> {
    const meeting = await this.boards.writable(user.id, meetingId);
    const author = { userId: user.id, organizationId: meeting.seat.organizationId };
    return this.mutate(meeting, user, (trx, workshop) => insertNote(trx, workshop, author, input));
  }

  /** See `changeNote` for who may change what of a note, hidden or revealed. */
  async updateNote(user: WorkshopUser, noteId: string, patch: NotePatch): Promise<WorkshopView> {
    const { meeting } = await this.boards.visibleNote(user.id, noteId);
    requireWriter(meeting.seat, "change the workshop");
    return this.mutate(meeting, user, (trx) =>
      changeNote(trx, meeting.meetingId, user.id, noteId, patch),
    );
  }

  /** The author or the facilitator deletes a note; its dots go with it. */
  async deleteNote(user: WorkshopUser, noteId: string): Promise<WorkshopView> {
    const { meeting, note } = await this.boards.visibleNote(user.id, noteId);
    requireWriter(meeting.seat, "change the workshop");
    if (note.author_user_id !== user.id && meeting.facilitatorId !== user.id) {
      throw DomainError.forbidden("Only its author or the facilitator can delete a note");
    }
    return this.mutate(meeting, user, (trx) => removeNote(trx, meeting.meetingId, noteId));
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
    const meeting = await this.boards.writable(user.id, meetingId);
    return this.mutate(meeting, user, (trx) => insertGroup(trx, meetingId, user.id, input));
  }

  async renameGroup(user: WorkshopUser, groupId: string, title: string): Promise<WorkshopView> {
    const { meeting } = await this.boards.group(user.id, groupId);
    requireWriter(meeting.seat, "change the workshop");
    return this.mutate(meeting, user, (trx) => renameGroup(trx, groupId, title));
  }

  /** Deletes a group: its notes stay, ungrouped; its dots go. */
  async deleteGroup(user: WorkshopUser, groupId: string): Promise<WorkshopView> {
    const { meeting } = await this.boards.group(user.id, groupId);
    requireWriter(meeting.seat, "change the workshop");
    return this.mutate(meeting, user, (trx) => removeGroup(trx, meeting.meetingId, groupId));
  }

  /** Replaces the caller's dots while the vote is open. */
  async setMyVotes(
    user: WorkshopUser,
    meetingId: string,
    ballot: Readonly<Record<string, number>>,
  ): Promise<WorkshopView> {
    const meeting = await this.boards.writable(user.id, meetingId);
    return this.mutate(meeting, user, (trx, workshop) =>
      storeBallot(trx, workshop, user.id, ballot),
    );
  }

  /**
   * Turns a revealed note, or a group, into an action, an issue or a proposed decision in
   * the partnership's document, linked to the meeting and stamped with the caller (see
   * `WorkshopConversions.convert`: a second conversion is 409).
   */
  async convert(
    user: WorkshopUser,
    target: ConversionTarget,
    input: ConversionInput,
  ): Promise<{ workshop: WorkshopView; item: { kind: NoteConversionKind; id: string } }> {
    const { meeting, itemId } = await this.conversions.convert(user.id, target, input);
    this.announce(meeting);
    return {
      workshop: await projectBoard(this.db, meeting, user.id),
      item: { kind: input.kind, id: itemId },
    };
  }

  // ---- changes ----

  /**
   * Runs a change in one transaction that first touches the workshop's row: on PostgreSQL
   * that row lock orders the changes of one workshop (a dot cast as the vote closes lands
   * before or after, never across); SQLite has one writer. Then announces the change and
   * returns the caller's new view.
   */
  private async mutate(
    meeting: WorkshopMeeting,
    user: WorkshopUser,
    change: (trx: Transaction<Database>, workshop: WorkshopsTable) => Promise<void>,
  ): Promise<WorkshopView> {
    await ensureWorkshop(this.db, meeting.meetingId);
    await this.db.transaction().execute(async (trx) => {
      const workshop = await lockWorkshop(trx, meeting.meetingId);
      await change(trx, workshop);
    });
    this.announce(meeting);
    return projectBoard(this.db, meeting, user.id);
  }

  private announce(meeting: WorkshopMeeting): void {
    this.events.publish(
      { kind: "partnership", partnershipId: meeting.partnershipId },
      { type: "workshop.changed", meetingId: meeting.meetingId },
    );
  }
}
