import { formatDocumentName, type GovernanceLevel } from "@entente/domain";
import { agendaNotesFragment, type MeetingKind, type MeetingView } from "@entente/protocol";
import * as Y from "yjs";
import type { Store } from "../db/database.js";
import { changeDocument } from "./document-writes.js";
import type { LiveServer, LiveUser } from "./live-server.js";

/**
 * What a test chooses of a meeting; it started on 2026-11-26 at 09:00 UTC, for an hour (held
 * already, so its minutes can be signed off).
 */
export interface MeetingDraft {
  title: string;
  kind: MeetingKind;
  level: GovernanceLevel;
  agenda: { title: string; ownerOrganizationId: string; timeboxMinutes: number }[];
}

/** Schedules a meeting in the partnership as `by`, the way the web does; throws unless 201. */
export async function scheduleMeeting(
  live: LiveServer,
  partnershipId: string,
  by: LiveUser,
  draft: MeetingDraft,
): Promise<MeetingView> {
  const path = `/api/partnerships/${partnershipId}/meetings`;
  const response = await live.api(
    "POST",
    path,
    { ...draft, startsAt: "2026-11-26T09:00:00Z", durationMinutes: 60 },
    by.cookie,
  );
  if (response.status !== 201) {
    throw new Error(
      `POST ${path}: expected 201, got ${response.status} ${JSON.stringify(response.body)}`,
    );
  }
  return response.body.meeting as MeetingView;
}

/** The name of a meeting's live notes document. */
export function meetingDocument(partnershipId: string, meeting: { id: string }): string {
  return formatDocumentName({ kind: "meeting", partnershipId, meetingId: meeting.id });
}

/** Appends a paragraph to an agenda item's notes, as the editor would. */
export function writeNotes(doc: Y.Doc, itemId: string, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(agendaNotesFragment(itemId)).push([paragraph]);
}

/** {@link writeNotes} on the stored meeting document, for API tests, which have no live room. */
export function storeNotes(
  store: Store,
  partnershipId: string,
  meeting: { id: string },
  itemId: string,
  text: string,
): Promise<void> {
  return changeDocument(store, meetingDocument(partnershipId, meeting), (doc) =>
    writeNotes(doc, itemId, text),
  );
}
