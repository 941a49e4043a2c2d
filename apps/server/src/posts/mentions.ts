import type { MentionKind, RichTextDoc } from "@entente/protocol";
import type { Kysely } from "kysely";
import { namedMembers } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { mentionsIn, plainText, relabelMentions } from "@entente/protocol/schemas";

/** A rich body checked against the partnership, as it is stored and shown. */
export interface ResolvedBody {
  /** The body with every mention labelled by the server's name for it. */
  doc: RichTextDoc;
  /** Plain text of the relabelled body. */
  text: string;
  /** People mentioned by name. */
  userIds: string[];
  /** Organizations mentioned as a whole (`@Northwind`). */
  organizationIds: string[];
}

/**
 * Checks that every mention of `doc` names a member of this partnership (or one of its
 * organizations) and relabels them from the server's data. A mention of anyone else is a
 * 422 `invalid_mention` whose details list the offending mentions: a body cannot reach
 * (or even probe for) people outside the partnership.
 */
export async function resolveMentions(
  db: Kysely<Database>,
  partnershipId: string,
  doc: RichTextDoc,
): Promise<ResolvedBody> {
  const mentions = mentionsIn(doc);
  const wanted = (kind: MentionKind) => mentions.filter((m) => m.kind === kind).map((m) => m.id);
  const userIds = wanted("user");
  const organizationIds = wanted("organization");

  const users =
    userIds.length === 0 ? [] : await namedMembers(db, partnershipId, { userId: userIds });
  const organizations =
    organizationIds.length === 0
      ? []
      : await db
          .selectFrom("partnership_organizations")
          .innerJoin(
            "organizations",
            "organizations.id",
            "partnership_organizations.organization_id",
          )
          .select(["organizations.id", "organizations.name"])
          .where("partnership_organizations.partnership_id", "=", partnershipId)
          .where("organizations.id", "in", organizationIds)
          .execute();

  const names = new Map<string, string>([
    ...users.map((u): [string, string] => [`user:${u.id}`, u.name]),
    ...organizations.map((o): [string, string] => [`organization:${o.id}`, o.name]),
  ]);
  const unknown = mentions.filter((m) => !names.has(`${m.kind}:${m.id}`));
  if (unknown.length > 0) {
    throw new DomainError(
      "invalid_mention",
      "Only members and organizations of this partnership can be mentioned",
      unknown,
    );
  }
  const relabelled = relabelMentions(doc, (m) => names.get(`${m.kind}:${m.id}`) ?? "");
  return { doc: relabelled, text: plainText(relabelled), userIds, organizationIds };
}
