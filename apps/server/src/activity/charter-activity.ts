import { formatDocumentName } from "@entente/domain";
import type { ActivityEntry } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { CharterVersions } from "../governance/charter-versions.js";

/** Which charter events a page of the activity holds: `from` ≤ time < `to`. */
export interface CharterActivityRange {
  from: number;
  to: number;
  /** Only events of this organization's endorsements. */
  organizationId?: string | undefined;
}

/**
 * The charter's governance in the activity view: each endorsement (who, for which
 * organization, which version) and the moment each stopped being current (the first time
 * the server saw the charter at another version before that organization endorsed again).
 * From the server's rows only: endorsements and version sightings.
 */
export async function charterActivity(
  db: Kysely<Database>,
  partnershipId: string,
  range: CharterActivityRange,
): Promise<ActivityEntry[]> {
  let query = db
    .selectFrom("charter_endorsements")
    .innerJoin("users", "users.id", "charter_endorsements.user_id")
    .innerJoin("organizations", "organizations.id", "charter_endorsements.organization_id")
    .select([
      "charter_endorsements.organization_id as organizationId",
      "organizations.name as organizationName",
      "charter_endorsements.user_id as userId",
      "users.name as userName",
      "charter_endorsements.version",
      "charter_endorsements.created_at as createdAt",
    ])
    .where("charter_endorsements.partnership_id", "=", partnershipId);
  if (range.organizationId !== undefined) {
    query = query.where("charter_endorsements.organization_id", "=", range.organizationId);
  }
  const endorsements = (await query.orderBy("charter_endorsements.id").execute()).map((row) => ({
    ...row,
    createdAt: Number(row.createdAt),
  }));
  if (endorsements.length === 0) return [];
  const versions = new CharterVersions(db);
  const [numbers, sightings] = await Promise.all([
    versions.numbers(partnershipId),
    versions.sightings(partnershipId),
  ]);
  const document = {
    name: formatDocumentName({ kind: "charter", partnershipId }),
    kind: "charter" as const,
    organizationId: null,
  };
  const entries: ActivityEntry[] = [];
  const inRange = (at: number) => at >= range.from && at < range.to;
  endorsements.forEach((row, index) => {
    const organization = { id: row.organizationId, name: row.organizationName };
    const versionNumber = numbers.get(row.version) ?? 0;
    const charter = { organization, versionNumber };
    if (inRange(row.createdAt)) {
      entries.push({
        user: { id: row.userId, name: row.userName },
        organization,
        document,
        updates: 0,
        from: new Date(row.createdAt).toISOString(),
        to: new Date(row.createdAt).toISOString(),
        charter: { event: "endorsed", ...charter },
        summaryKey: "activity.charter.endorsed",
        summary: `${organization.name} · ${row.userName} endorsed version ${versionNumber} of the charter`,
      });
    }
    const next = endorsements
      .slice(index + 1)
      .find((later) => later.organizationId === row.organizationId);
    const lost = sightings.find(
      (s) =>
        s.seenAt >= row.createdAt &&
        s.version !== row.version &&
        (next === undefined || s.seenAt < next.createdAt),
    );
    if (lost && inRange(lost.seenAt)) {
      entries.push({
        user: null,
        organization,
        document,
        updates: 0,
        from: new Date(lost.seenAt).toISOString(),
        to: new Date(lost.seenAt).toISOString(),
        charter: { event: "endorsement_lost", ...charter },
        summaryKey: "activity.charter.endorsementLost",
        summary: `The charter changed since ${organization.name} endorsed version ${versionNumber}`,
      });
    }
  });
  return entries;
}
