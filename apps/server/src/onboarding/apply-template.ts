import { formatDocumentName } from "@entente/domain";
import { writeCharterContent, type JSONContent } from "@entente/editor";
import type {
  Language,
  PartnershipTemplateChoice,
  PartnershipTemplateContent,
  PartnershipTemplateUsedResponse,
  PartnershipTemplateView,
} from "@entente/protocol";
import { addObjective } from "@entente/schema";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import { partnershipTemplate } from "./templates.js";

/** Who starts the partnership: the server's session user and their organization. */
export interface TemplateCreator {
  userId: string;
  organizationId: string;
}

/**
 * The rows of a template, written in the partnership's creation transaction: which template
 * and language it started from (for the health check's defaults) and the governance rhythm.
 */
export async function recordTemplate(
  trx: Transaction<Database>,
  partnershipId: string,
  template: PartnershipTemplateView,
  language: Language,
  now: number,
): Promise<void> {
  await trx
    .insertInto("partnership_templates")
    .values({ partnership_id: partnershipId, template: template.id, language, created_at: now })
    .execute();
  for (const { level, intervalDays } of template.rhythm) {
    await trx
      .insertInto("governance_rhythms")
      .values({ partnership_id: partnershipId, level, interval_days: intervalDays })
      .execute();
  }
}

/** The charter a template starts with: each section's heading, then its prompt in italics. */
export function templateCharter(content: PartnershipTemplateContent): JSONContent {
  return {
    type: "doc",
    content: content.charterSections.flatMap((section) => [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: section.heading }] },
      {
        type: "paragraph",
        content: [{ type: "text", text: section.prompt, marks: [{ type: "italic" }] }],
      },
    ]),
  };
}

/**
 * Writes a template's documents into a new partnership, after its rows are committed. The
 * charter's sections are the server's (stamped with no user nor organization, like seeded
 * content), so they never count as either organization writing the charter. The objectives
 * are entries like any other, stamped with the creator and their organization (the content
 * guard's rules), owned by the creator's organization: the partner is not there yet, and
 * agreeing on them means adding it as an owner (see the checklist).
 */
export async function writeTemplateDocuments(
  writer: DocumentWriter,
  partnershipId: string,
  content: PartnershipTemplateContent,
  creator: TemplateCreator,
): Promise<void> {
  await writer.writeDocument(
    formatDocumentName({ kind: "charter", partnershipId }),
    { userId: null, organizationId: null },
    (doc) => writeCharterContent(doc, templateCharter(content)),
  );
  await writer.writeDocument(
    formatDocumentName({ kind: "objectives", partnershipId }),
    { userId: creator.userId, organizationId: creator.organizationId },
    (doc) => {
      // One millisecond apart: readers list objectives oldest first, so they keep the template's order.
      const at = Date.now();
      for (const [index, objective] of content.objectives.entries()) {
        addObjective(
          doc,
          {
            title: objective.title,
            description: objective.description,
            ownerOrganizationIds: [creator.organizationId],
            governanceLevel: objective.governanceLevel,
            status: "proposed",
          },
          { ...creator, at: new Date(at + index) },
        );
      }
    },
  );
}

/** The template a choice names, with its content in the chosen language; undefined for an unknown id. */
export function chosenTemplate(
  choice: PartnershipTemplateChoice,
):
  | { template: PartnershipTemplateView; language: Language; content: PartnershipTemplateContent }
  | undefined {
  const template = partnershipTemplate(choice.id);
  return (
    template && { template, language: choice.language, content: template.content[choice.language] }
  );
}

/** What a partnership started from, with the health check defaults it offers. */
export async function templateUsed(
  db: Kysely<Database>,
  partnershipId: string,
): Promise<PartnershipTemplateUsedResponse["template"]> {
  const row = await db
    .selectFrom("partnership_templates")
    .select(["template", "language"])
    .where("partnership_id", "=", partnershipId)
    .executeTakeFirst();
  const template = row && partnershipTemplate(row.template);
  if (!row || !template) return null;
  return {
    id: template.id,
    language: row.language,
    healthDimensions: template.content[row.language].healthDimensions.map((d) => ({ ...d })),
  };
}
