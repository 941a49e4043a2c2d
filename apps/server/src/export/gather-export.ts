import { formatDocumentName, partnershipDocuments, type DocumentRef } from "@entente/domain";
import { readCharterContent, readRichTextFragment, type JSONContent } from "@entente/editor";
import { agendaNotesFragment } from "@entente/protocol";
import { readDecisions, readIssues, readObjectives, readProfile } from "@entente/schema";
import type { Kysely } from "kysely";
import type * as Y from "yjs";
import type { Seat } from "../access/access-service.js";
import { EntryHistory } from "../records/entry-history.js";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import { meetingDocument, type MeetingService } from "../meetings/meeting-service.js";
import { readCharter } from "../governance/charter-version.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { readPartnershipDirectory } from "../access/partnership-directory.js";
import type { PartnershipExport } from "./partnership-markdown.js";
import { can } from "../access/policies.js";

export interface ExportSources {
  db: Kysely<Database>;
  documents: DocumentReader;
  governance: GovernanceService;
  meetings: MeetingService;
}

/**
 * Reads everything `seat` may read of its partnership. Which documents are read is decided
 * by `can(seat, "read document", …)`, the rule the sync server enforces, so the export can never show a
 * document its caller could not open (another organization's private notes).
 */
export async function gatherPartnershipExport(
  sources: ExportSources,
  seat: Seat,
  user: { name: string },
): Promise<PartnershipExport> {
  const { db, documents, governance, meetings } = sources;
  const partnershipId = seat.partnershipId;
  const { partnership, organizations, members } = await readPartnershipDirectory(db, partnershipId);

  const readable = partnershipDocuments(
    partnershipId,
    organizations.map((o) => o.id),
  ).filter((ref) => can(seat, "read document", ref));
  const read = async <T>(ref: DocumentRef, extract: (doc: Y.Doc) => T): Promise<T> => {
    const doc = await documents.readDocument(formatDocumentName(ref));
    try {
      return extract(doc);
    } finally {
      doc.destroy();
    }
  };
  const richText = (doc: Y.Doc): JSONContent | null => {
    try {
      return readCharterContent(doc);
    } catch {
      return null;
    }
  };

  const result: PartnershipExport = {
    partnership: {
      name: partnership.name,
      createdAt: partnership.createdAt,
    },
    exportedAt: new Date(),
    exportedBy: { name: user.name, organizationId: seat.organizationId },
    organizations,
    members,
    charter: null,
    charterStatus: {
      version: "",
      versionNumber: 0,
      empty: true,
      ratified: false,
      changedSinceEndorsement: false,
      endorsements: [],
    },
    objectives: [],
    issues: [],
    decisions: [],
    votes: await governance.decisionVotes(partnershipId),
    profiles: [],
    privateNotes: [],
    meetings: [],
    deletedSignedItems: [],
  };
  for (const ref of readable) {
    switch (ref.kind) {
      case "charter": {
        const { content, reading } = await read(ref, (doc) => ({
          content: richText(doc),
          reading: readCharter(doc),
        }));
        result.charter = content;
        result.charterStatus = await governance.charterStatus(partnershipId, reading);
        break;
      }
      case "objectives":
        result.objectives = await read(ref, readObjectives);
        result.deletedObjectiveTitles = await new EntryHistory(db).deletedTitles(
          formatDocumentName(ref),
        );
        break;
      case "issues":
        result.issues = await read(ref, readIssues);
        break;
      case "decisions":
        result.decisions = await read(ref, readDecisions);
        break;
      case "profile":
        result.profiles.push({
          organizationId: ref.organizationId,
          profile: await read(ref, readProfile),
        });
        break;
      case "private":
        result.privateNotes.push({
          organizationId: ref.organizationId,
          content: await read(ref, richText),
        });
        break;
      case "meeting":
        // Not among a partnership's fixed documents: meetings are read below.
        break;
    }
  }
  // Every member reads every meeting and its notes (PRODUCT.md's access table).
  const { meetings: views, deletedSignedItems } = await meetings.list(partnershipId);
  result.deletedSignedItems = deletedSignedItems;
  views.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  for (const meeting of views) {
    const name = meetingDocument({ id: meeting.id, partnership_id: partnershipId });
    const doc = await documents.readDocument(name);
    try {
      const notes = new Map<string, JSONContent | null>();
      for (const item of meeting.agenda) {
        try {
          notes.set(
            item.id,
            readRichTextFragment(doc.getXmlFragment(agendaNotesFragment(item.id))),
          );
        } catch {
          notes.set(item.id, null);
        }
      }
      result.meetings.push({ meeting, notes });
    } finally {
      doc.destroy();
    }
  }
  return result;
}

/** A file name out of a partnership's name: ASCII letters and digits, dashes between words. */
export function exportFileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return `${slug || "partnership"}.md`;
}

/** `gatherPartnershipExport` over the app's sources, for the Markdown and PDF routes. */
export class PartnershipExports {
  constructor(private readonly sources: ExportSources) {}

  gather(seat: Seat, user: { name: string }): Promise<PartnershipExport> {
    return gatherPartnershipExport(this.sources, seat, user);
  }
}
