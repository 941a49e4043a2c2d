import { formatDocumentName } from "@entente/domain";
import type { Selectable } from "kysely";
import type { MeetingsTable } from "../db/schema.js";

/** The name of a meeting's Yjs document. */
export function meetingDocument(
  meeting: Pick<Selectable<MeetingsTable>, "id" | "partnership_id">,
): string {
  return formatDocumentName({
    kind: "meeting",
    partnershipId: meeting.partnership_id,
    meetingId: meeting.id,
  });
}
