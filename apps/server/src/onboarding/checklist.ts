import { formatDocumentName } from "@entente/domain";
import type { ChecklistItemView, ChecklistResponse } from "@entente/protocol";
import { readObjectives, readValues, type ObjectiveStatus } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import type { DocumentReader } from "../sync/document-reader.js";

/** Jointly owned objectives a partnership needs for "Agree on three objectives". */
export const AGREED_OBJECTIVES_NEEDED = 3;

/** Statuses of an objective both sides took on: not still proposed, not dropped. */
const AGREED_STATUSES: readonly ObjectiveStatus[] = ["active", "on_hold", "achieved"];

/**
 * The first steps of a partnership, each decided from what the server stored, never from
 * what a client says (definitions in docs/API.md, "Onboarding"):
 * - `charter_written`: every organization of the partnership (two at least) has inserted
 *   content in the charter (its item stamps; the template's sections are the server's and
 *   count for nobody); done when the last of them first did;
 * - `objectives_agreed`: at least three objectives are owned by every organization of the
 *   partnership and are active, on hold or achieved;
 * - `steering_meeting_held`: a strategic-level meeting has started; done at its start;
 * - `charter_ratified`: every organization endorsed the charter as it is now; done at the
 *   latest of those endorsements.
 */
export class PartnershipChecklist {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly governance: Pick<GovernanceService, "charterStatus">,
    private readonly now: () => number = Date.now,
  ) {}

  async read(partnershipId: string): Promise<ChecklistResponse> {
    const organizations = await this.organizationIds(partnershipId);
    return {
      items: [
        await this.charterWritten(partnershipId, organizations),
        await this.objectivesAgreed(partnershipId, organizations),
        await this.steeringMeetingHeld(partnershipId),
        await this.charterRatified(partnershipId),
      ],
    };
  }

  private async organizationIds(partnershipId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("partnership_organizations")
      .select("organization_id")
      .where("partnership_id", "=", partnershipId)
      .execute();
    return rows.map((r) => r.organization_id);
  }

  private async charterWritten(
    partnershipId: string,
    organizations: readonly string[],
  ): Promise<ChecklistItemView> {
    const firstWrites = await this.db
      .selectFrom("document_item_stamps")
      .innerJoin("document_updates", "document_updates.id", "document_item_stamps.update_id")
      .select(({ fn }) => [
        "document_item_stamps.organization_id as organizationId",
        fn.min("document_updates.created_at").as("firstAt"),
      ])
      .where(
        "document_item_stamps.document_name",
        "=",
        formatDocumentName({ kind: "charter", partnershipId }),
      )
      .where("document_item_stamps.organization_id", "is not", null)
      .groupBy("document_item_stamps.organization_id")
      .execute();
    const firstAt = new Map(firstWrites.map((r) => [r.organizationId, Number(r.firstAt)]));
    if (organizations.length < 2 || !organizations.every((o) => firstAt.has(o))) {
      return { key: "charter_written", done: false };
    }
    const at = Math.max(...organizations.map((o) => firstAt.get(o) ?? 0));
    return { key: "charter_written", done: true, doneAt: new Date(at).toISOString() };
  }

  private async objectivesAgreed(
    partnershipId: string,
    organizations: readonly string[],
  ): Promise<ChecklistItemView> {
    if (organizations.length < 2) return { key: "objectives_agreed", done: false };
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "objectives", partnershipId }),
    );
    try {
      const agreed = readValues(readObjectives(doc)).filter(
        (objective) =>
          AGREED_STATUSES.includes(objective.status) &&
          organizations.every((o) => objective.ownerOrganizationIds.includes(o)),
      );
      return { key: "objectives_agreed", done: agreed.length >= AGREED_OBJECTIVES_NEEDED };
    } finally {
      doc.destroy();
    }
  }

  private async steeringMeetingHeld(partnershipId: string): Promise<ChecklistItemView> {
    const first = await this.db
      .selectFrom("meetings")
      .select(({ fn }) => fn.min("starts_at").as("startsAt"))
      .where("partnership_id", "=", partnershipId)
      .where("level", "=", "strategic")
      .where("starts_at", "<=", this.now())
      .executeTakeFirst();
    const startsAt = first?.startsAt;
    if (startsAt === null || startsAt === undefined) {
      return { key: "steering_meeting_held", done: false };
    }
    return {
      key: "steering_meeting_held",
      done: true,
      doneAt: new Date(Number(startsAt)).toISOString(),
    };
  }

  private async charterRatified(partnershipId: string): Promise<ChecklistItemView> {
    const status = await this.governance.charterStatus(partnershipId);
    if (!status.ratified) return { key: "charter_ratified", done: false };
    const latest = Math.max(...status.endorsements.map((e) => Date.parse(e.endorsedAt)));
    return { key: "charter_ratified", done: true, doneAt: new Date(latest).toISOString() };
  }
}
