import {
  documentAccess,
  formatDocumentName,
  partnershipDocuments,
  type DocumentRef,
} from "@entente/domain";
import { readCharterContent, type JSONContent } from "@entente/editor";
import { readDecisions, readIssues, readObjectives, readProfile } from "@entente/schema";
import type { Kysely } from "kysely";
import type * as Y from "yjs";
import type { Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import { charterVersion } from "../governance/two-key.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { readPartnershipDirectory } from "../access/partnership-directory.js";
import type { PartnershipExport } from "./partnership-markdown.js";

export interface ExportSources {
  db: Kysely<Database>;
  documents: DocumentReader;
  governance: GovernanceService;
}

/**
 * Reads everything `seat` may read of its partnership. Which documents are read is decided
 * by `documentAccess`, the rule the sync server enforces, so the export can never show a
 * document its caller could not open (another organization's private notes).
 */
export async function gatherPartnershipExport(
  sources: ExportSources,
  seat: Seat,
  user: { name: string },
): Promise<PartnershipExport> {
  const { db, documents, governance } = sources;
  const partnershipId = seat.partnershipId;
  const { partnership, organizations, members } = await readPartnershipDirectory(db, partnershipId);

  const readable = partnershipDocuments(
    partnershipId,
    organizations.map((o) => o.id),
  ).filter((ref) => documentAccess(ref, seat) !== "none");
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
  };
  for (const ref of readable) {
    switch (ref.kind) {
      case "charter": {
        const { content, version } = await read(ref, (doc) => ({
          content: richText(doc),
          version: charterVersion(doc),
        }));
        result.charter = content;
        result.charterStatus = await governance.charterStatus(partnershipId, version);
        break;
      }
      case "objectives":
        result.objectives = await read(ref, readObjectives);
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
        // Meetings are not documents yet; when they are, they belong in the export too.
        break;
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
