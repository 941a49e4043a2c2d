import { formatDocumentName } from "@entente/domain";
import { readObjectives, readValues } from "@entente/schema";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { KpiTargetService } from "../governance/kpi-target-service.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import { ago, type DemoCast } from "./demo-cast.js";

/** The KPI whose new target waits for Northwind in the demo. */
export const DEMO_PENDING_TARGET_KPI = "CO₂ per pallet delivered";

/**
 * A KPI target change waiting for the partner: Sofia (Southpeak) proposes a lower CO₂ target
 * on the objective both organizations own, through the service the route calls; Northwind
 * has not agreed yet, so the KPI keeps its target of 8 and shows 7.5 as proposed.
 */
export async function seedPendingTarget(
  services: {
    db: Kysely<Database>;
    access: AccessService;
    documents: DocumentReader;
    writer: DocumentWriter;
  },
  cast: DemoCast,
): Promise<void> {
  const { db, access, documents, writer } = services;
  const doc = await documents.readDocument(
    formatDocumentName({ kind: "objectives", partnershipId: cast.partnershipId }),
  );
  let kpiId: string | undefined;
  try {
    kpiId = readValues(readObjectives(doc))
      .flatMap((objective) => readValues(objective.kpis))
      .find((kpi) => kpi.name === DEMO_PENDING_TARGET_KPI)?.id;
  } finally {
    doc.destroy();
  }
  if (kpiId === undefined) throw new Error(`demo KPI "${DEMO_PENDING_TARGET_KPI}" not seeded`);
  const service = new KpiTargetService(db, access, documents, writer);
  const { sofia } = cast;
  const { proposal } = await service.propose(
    await access.requireSeat(sofia.id, cast.partnershipId),
    { id: sofia.id, name: sofia.name },
    {
      kpiId,
      target: 7.5,
      note: "The Lyon solar cold rooms bring 7.5 kg within reach by the spring.",
    },
  );
  const at = ago(cast, 1, 3);
  await db
    .updateTable("kpi_target_proposals")
    .set({ created_at: at })
    .where("id", "=", proposal.id)
    .execute();
  await db
    .updateTable("kpi_target_agreements")
    .set({ created_at: at })
    .where("proposal_id", "=", proposal.id)
    .execute();
}
