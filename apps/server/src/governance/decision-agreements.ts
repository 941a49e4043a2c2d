import { decisionContentJson, type DecisionContent } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { parseDecisionContent } from "./decision-content.js";

/** What a decided decision says, as decided: the server's record, never the document's. */
export interface DecisionAgreement {
  decisionId: string;
  outcome: "approved" | "rejected";
  contentVersion: string;
  content: DecisionContent;
  decidedAt: number;
}

/** The `decision_agreements` table: one row per decided decision, written once. */
export class DecisionAgreements {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every decided decision of a partnership, by decision id. */
  async forPartnership(partnershipId: string): Promise<Map<string, DecisionAgreement>> {
    const rows = await this.query(partnershipId).execute();
    return new Map(rows.map((row) => [row.decision_id, toAgreement(row)]));
  }

  /** The decided content of one decision; `undefined` while it is not decided. */
  async find(partnershipId: string, decisionId: string): Promise<DecisionAgreement | undefined> {
    const row = await this.query(partnershipId)
      .where("decision_id", "=", decisionId)
      .executeTakeFirst();
    return row && toAgreement(row);
  }

  /** Records what was decided; the first record of a decision stays (later ones are ignored). */
  static async record(
    db: Kysely<Database>,
    partnershipId: string,
    agreement: DecisionAgreement,
  ): Promise<void> {
    await db
      .insertInto("decision_agreements")
      .values({
        partnership_id: partnershipId,
        decision_id: agreement.decisionId,
        outcome: agreement.outcome,
        content_version: agreement.contentVersion,
        content: decisionContentJson(agreement.content),
        decided_at: agreement.decidedAt,
      })
      .onConflict((conflict) => conflict.columns(["partnership_id", "decision_id"]).doNothing())
      .execute();
  }

  private query(partnershipId: string) {
    return this.db
      .selectFrom("decision_agreements")
      .selectAll()
      .where("partnership_id", "=", partnershipId);
  }
}

function toAgreement(row: {
  decision_id: string;
  outcome: "approved" | "rejected";
  content_version: string;
  content: string;
  decided_at: number;
}): DecisionAgreement {
  return {
    decisionId: row.decision_id,
    outcome: row.outcome,
    contentVersion: row.content_version,
    content: parseDecisionContent(row.content),
    decidedAt: Number(row.decided_at),
  };
}
