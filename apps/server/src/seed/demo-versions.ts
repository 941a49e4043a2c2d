import { formatDocumentName, type DocumentRef } from "@entente/domain";
import type { Kysely } from "kysely";
import { AccessService } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { GovernanceService } from "../governance/governance-service.js";
import { VersionService } from "../history/version-service.js";
import { CurrentDocuments } from "../sync/document-reader.js";
import { LiveDocumentWriter } from "../sync/document-writer.js";
import type { UpdateLog } from "../sync/update-log.js";
import { ago, type DemoCast, type DemoPerson } from "./demo-cast.js";
import type { DemoEdit, DemoHistory } from "./demo-history.js";

const HOUR_MS = 60 * 60_000;

/**
 * The charter's story with its history: Amara's draft, which she names "Draft for review";
 * both organizations endorse it (a version each, labelled with the organization); months
 * later Sofia amends the exit terms (the last edit), so the charter changed since it was
 * endorsed and "changes since my organization endorsed" shows her amendment.
 */
export async function seedCharterHistory(
  db: Kysely<Database>,
  log: UpdateLog,
  history: DemoHistory,
  cast: DemoCast,
  edits: readonly DemoEdit[],
): Promise<void> {
  const ref: DocumentRef = { kind: "charter", partnershipId: cast.partnershipId };
  const name = formatDocumentName(ref);
  const draft = edits.slice(0, -1);
  const amendment = edits.slice(-1);
  await history.store(ref, draft);

  const documents = new CurrentDocuments(log);
  const versions = new VersionService(db, documents, new LiveDocumentWriter(log));
  const named = await versions.create(name, {
    kind: "named",
    label: "Draft for review",
    createdBy: cast.amara.id,
  });
  await backdateVersion(db, named.id, (draft.at(-1)?.at ?? ago(cast, 112)) + HOUR_MS);

  const governance = new GovernanceService(db, documents, { history: versions });
  const access = new AccessService(db);
  const endorsements: [DemoPerson, number][] = [
    [cast.amara, ago(cast, 100)],
    [cast.sofia, ago(cast, 99)],
  ];
  for (const [person, at] of endorsements) {
    const seat = await access.requireSeat(person.id, cast.partnershipId);
    await governance.endorseCharter(seat, { id: person.id, name: person.name }, undefined);
    await db
      .updateTable("charter_endorsements")
      .set({ created_at: at })
      .where("partnership_id", "=", cast.partnershipId)
      .where("organization_id", "=", person.organizationId)
      .execute();
    const [kept] = await versions.list(name);
    if (kept) await backdateVersion(db, kept.id, at);
  }
  await history.store(ref, amendment);
}

async function backdateVersion(db: Kysely<Database>, id: string, at: number): Promise<void> {
  await db.updateTable("document_versions").set({ created_at: at }).where("id", "=", id).execute();
}
