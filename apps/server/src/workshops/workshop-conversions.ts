/**
 * Converting a revealed note, or a group, into an action, an issue or a proposed decision:
 * the source's text read under the board's visibility rules, the conversion claimed on its
 * row (one conversion per note or group), the item written into the partnership's document
 * (conversion.ts), and the claim completed with the item's id, or released if the write is
 * refused.
 */
import type { NoteConversionKind } from "@entente/protocol";
import { SchemaWriteError } from "@entente/schema";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import { requireWriter } from "../access/policies.js";
import type { Database } from "../db/schema.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import {
  conversionDocument,
  writeConvertedItem,
  type ConversionInput,
  type ConversionSource,
} from "./conversion.js";
import type { WorkshopAccess, WorkshopMeeting } from "./workshop-access.js";
import { conflict, invalid, invalidProblem } from "./workshop-errors.js";

/** A note or a group to convert. */
export type ConversionTarget = { kind: "note"; id: string } | { kind: "group"; id: string };

/** A conversion claimed this long ago whose item never got written was abandoned (a crash). */
export const STALE_CLAIM_MS = 5 * 60_000;

/** The columns of a note's or a group's row that record its conversion. */
interface ConversionColumns {
  conversion_kind: NoteConversionKind | null;
  conversion_item_id: string | null;
  converted_at: number | null;
}

/** Converted, or claimed by a conversion still under way (not a stale claim). */
function conversionHeld(row: ConversionColumns, now: number): boolean {
  if (row.conversion_kind === null) return false;
  const stale =
    row.conversion_item_id === "" &&
    row.converted_at !== null &&
    row.converted_at < now - STALE_CLAIM_MS;
  return !stale;
}

export class WorkshopConversions {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
    private readonly boards: WorkshopAccess,
    private readonly writer: DocumentWriter,
  ) {}

  /**
   * Turns the target into an item of `input.kind` in the partnership's document, linked to
   * the meeting and stamped with the caller. The conversion is claimed first (a second one
   * is 409), released if the write is refused; a claim whose item was never written within
   * {@link STALE_CLAIM_MS} (the server stopped in between) can be claimed again, or the note
   * would stay unconvertible for good. Returns the meeting (to announce the change) and the
   * item's id.
   */
  async convert(
    userId: string,
    target: ConversionTarget,
    input: ConversionInput,
  ): Promise<{ meeting: WorkshopMeeting; itemId: string }> {
    const { meeting, source, converted } =
      target.kind === "note"
        ? await this.noteSource(userId, target.id)
        : await this.groupSource(userId, target.id);
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
        converted_by_user_id: userId,
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
      const by = { userId, organizationId: meeting.seat.organizationId };
      itemId = await this.writer.writeDocument(
        conversionDocument(meeting.partnershipId, input.kind),
        by,
        (doc) => writeConvertedItem(doc, input, source, meeting.meetingId, by),
      );
    } catch (error) {
      await this.settleClaim(
        table,
        target.id,
        { userId, claimedAt },
        {
          conversion_kind: null,
          conversion_item_id: null,
          converted_by_user_id: null,
          converted_at: null,
        },
      );
      if (error instanceof SchemaWriteError) {
        if (error.code === "not_found") throw invalid("objectiveId", "no such objective");
        if (error.code === "newer_schema") throw conflict(error.message);
        throw invalidProblem(error.message);
      }
      throw error;
    }
    await this.settleClaim(table, target.id, { userId, claimedAt }, { conversion_item_id: itemId });
    return { meeting, itemId };
  }

  /**
   * Completes or releases a claim, ours only: a claim taken over meanwhile (ours went stale)
   * is not ours to settle.
   */
  private async settleClaim(
    table: "workshop_notes" | "workshop_groups",
    id: string,
    claim: { userId: string; claimedAt: number },
    values: Partial<ConversionColumns & { converted_by_user_id: string | null }>,
  ): Promise<void> {
    await this.db
      .updateTable(table)
      .set(values)
      .where("id", "=", id)
      .where("conversion_item_id", "=", "")
      .where("converted_by_user_id", "=", claim.userId)
      .where("converted_at", "=", claim.claimedAt)
      .execute();
  }

  private async noteSource(userId: string, noteId: string) {
    const { meeting, note } = await this.boards.visibleNote(userId, noteId);
    // Its text would reach everyone through the item.
    if (note.revealed_at === null) throw conflict("Reveal the note before converting it");
    const source: ConversionSource = { text: note.text, details: [] };
    return { meeting, source, converted: conversionHeld(note, Date.now()) };
  }

  private async groupSource(userId: string, groupId: string) {
    const { meeting, group } = await this.boards.group(userId, groupId);
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
}
