import type {
  ChecklistResponse,
  PartnershipTemplateChoice,
  PartnershipTemplateUsedResponse,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import { addSeat } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import { newId } from "../ids.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import {
  chosenTemplate,
  recordTemplate,
  templateUsed,
  writeTemplateDocuments,
} from "./apply-template.js";
import { PartnershipChecklist } from "./checklist.js";

/** A partnership just started, as `POST /api/partnerships` answers it. */
export interface StartedPartnership {
  id: string;
  name: string;
  createdAt: string;
}

/** A partnership's start: its creation from a template, the template it used, its first steps. */
export class OnboardingService {
  private readonly firstSteps: PartnershipChecklist;

  constructor(
    private readonly db: Kysely<Database>,
    documents: DocumentReader,
    private readonly writer: DocumentWriter,
    governance: Pick<GovernanceService, "charterStatus">,
  ) {
    this.firstSteps = new PartnershipChecklist(db, documents, governance);
  }

  /**
   * Starts a partnership: one transaction inserts it, the organization's place in it, the
   * creator's admin seat and the template's rows; the template's documents are written
   * once those are committed. The caller has checked that the creator may start one.
   */
  async startPartnership(
    creator: { userId: string; organizationId: string },
    input: { name: string; template?: PartnershipTemplateChoice | undefined },
  ): Promise<StartedPartnership> {
    const now = Date.now();
    const partnership = { id: newId(), name: input.name, createdAt: new Date(now).toISOString() };
    const chosen = input.template && chosenTemplate(input.template);
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto("partnerships")
        .values({
          id: partnership.id,
          name: input.name,
          created_by: creator.userId,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto("partnership_organizations")
        .values({
          partnership_id: partnership.id,
          organization_id: creator.organizationId,
          joined_at: now,
        })
        .execute();
      await addSeat(trx, {
        partnership_id: partnership.id,
        user_id: creator.userId,
        organization_id: creator.organizationId,
        permission: "admin",
        level: "strategic",
      });
      if (chosen) {
        await recordTemplate(trx, partnership.id, chosen.template, chosen.language, now);
      }
    });
    if (chosen) {
      await writeTemplateDocuments(this.writer, partnership.id, chosen.content, {
        userId: creator.userId,
        organizationId: creator.organizationId,
      });
    }
    return partnership;
  }

  /** What a partnership started from, with the health check defaults it offers. */
  templateUsed(partnershipId: string): Promise<PartnershipTemplateUsedResponse["template"]> {
    return templateUsed(this.db, partnershipId);
  }

  /** The partnership's first steps (see `PartnershipChecklist`). */
  checklist(partnershipId: string): Promise<ChecklistResponse> {
    return this.firstSteps.read(partnershipId);
  }
}
