/**
 * What deleting a meeting removes and what it keeps: the meeting goes with its agenda,
 * workshop and its document's stored notes; its sign-offs stay, with what they signed,
 * stamped with who deleted it; calendars keep it as cancelled for
 * {@link CANCELLED_MEETING_RETENTION_MS}.
 */
import type { Transaction } from "kysely";
import type { Dialect } from "../db/database.js";
import type { Database } from "../db/schema.js";
import { deleteStoredDocument } from "../sync/document-deletion.js";
import { meetingDocument } from "./meeting-document.js";
import type { MeetingRow } from "./meeting-types.js";
import type { SignOffRecords, Signer } from "./sign-off-records.js";

/** How long a deleted meeting stays in calendar feeds as cancelled. */
export const CANCELLED_MEETING_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Deletes the meeting's rows and its document's stored updates inside `trx` (nothing can
 * read them again: the document exists only while the meeting does). Closing the sockets
 * open on the document is the caller's, once committed.
 */
export async function deleteMeetingRecords(
  trx: Transaction<Database>,
  parts: { dialect: Dialect; signOffs: SignOffRecords },
  meeting: MeetingRow,
  deleter: Signer,
  now: number,
): Promise<void> {
  await parts.signOffs.markDeleted(trx, { meetingId: meeting.id }, deleter, now);
  await deleteStoredDocument(trx, parts.dialect, meetingDocument(meeting));
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
}
