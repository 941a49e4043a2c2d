import { parseDocumentName } from "@entente/domain";
import {
  ORGANIZATION_PARAM,
  PERSON_PARAM,
  SEARCH_KINDS,
  SEARCH_RESULTS_MAX,
  type SearchKind,
  type SearchResponse,
  type SearchResult,
} from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService, Seat } from "../access/access-service.js";
import type { Dialect } from "../db/database.js";
import { namedMembers } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { partnershipPath, query } from "./search-entries.js";
import { SearchStore } from "./search-store.js";
import { buildSnippet, mentionsAny } from "./snippet.js";
import { foldedWords } from "./text-folding.js";
import { can } from "../access/policies.js";

/** Query words beyond this many are ignored. */
const MAX_TERMS = 8;

function isSearchKind(kind: string): kind is SearchKind {
  return (SEARCH_KINDS as readonly string[]).includes(kind);
}

/** Whether every term starts one of the name's words. */
function nameAnswers(name: string, terms: readonly string[]): boolean {
  const words = foldedWords(name);
  return terms.every((term) => words.some((word) => word.startsWith(term)));
}

/**
 * Answers a member's search: the index's entries of the partnerships they hold a seat in,
 * as the sync endpoint would let them read the documents those entries come from (an
 * organization's private notes to that organization only), and the organizations and
 * people of those partnerships (names only: partners meet through the partnership).
 */
export class SearchService {
  private readonly store: SearchStore;

  constructor(
    private readonly db: Kysely<Database>,
    dialect: Dialect,
    private readonly access: AccessService,
  ) {
    this.store = new SearchStore(db, dialect);
  }

  async search(userId: string, q: string, partnershipId?: string): Promise<SearchResponse> {
    let seats = await this.access.seats(userId);
    if (partnershipId !== undefined) {
      seats = seats.filter((s) => s.partnershipId === partnershipId);
      // Non-members learn nothing, not even that the partnership exists.
      if (seats.length === 0) throw DomainError.notFound("No such partnership");
    }
    const terms = [...new Set(foldedWords(q))].slice(0, MAX_TERMS);
    if (terms.length === 0 || seats.length === 0) return { results: [] };
    const seatOf = new Map(seats.map((s) => [s.partnershipId, s]));
    const partnershipIds = [...seatOf.keys()];

    const organizations = await this.db
      .selectFrom("partnership_organizations")
      .innerJoin("organizations", "organizations.id", "partnership_organizations.organization_id")
      .select([
        "partnership_organizations.partnership_id",
        "organizations.id",
        "organizations.name",
      ])
      .where("partnership_organizations.partnership_id", "in", partnershipIds)
      .execute();
    const organizationNames = new Map(organizations.map((o) => [o.id, o.name]));
    const named = (organizationId: string | null) =>
      organizationId === null ? null : (organizationNames.get(organizationId) ?? null);

    const results: SearchResult[] = [];
    const seenOrganizations = new Set<string>();
    for (const organization of organizations) {
      if (seenOrganizations.has(organization.id) || !nameAnswers(organization.name, terms))
        continue;
      seenOrganizations.add(organization.id);
      results.push({
        kind: "organization",
        partnershipId: organization.partnership_id,
        title: organization.name,
        snippet: buildSnippet(organization.name, terms),
        url: `${partnershipPath(organization.partnership_id)}/organizations${query({ [ORGANIZATION_PARAM]: organization.id })}`,
        organizationName: organization.name,
      });
    }
    const people = await namedMembers(this.db, partnershipIds);
    const seenPeople = new Set<string>();
    for (const person of people) {
      if (seenPeople.has(person.id) || !nameAnswers(person.name, terms)) continue;
      seenPeople.add(person.id);
      const organizationName = named(person.organization_id);
      results.push({
        kind: "person",
        partnershipId: person.partnership_id,
        title: person.name,
        snippet: buildSnippet(
          organizationName === null ? person.name : `${person.name} · ${organizationName}`,
          terms,
        ),
        url: `${partnershipPath(person.partnership_id)}/organizations${query({
          [ORGANIZATION_PARAM]: person.organization_id,
          [PERSON_PARAM]: person.id,
        })}`,
        organizationName,
      });
    }

    const room = Math.max(0, SEARCH_RESULTS_MAX - results.length);
    const hits = await this.store.find(
      terms,
      seats.map((s) => ({ partnershipId: s.partnershipId, organizationId: s.organizationId })),
      room,
    );
    for (const hit of hits) {
      if (
        !isSearchKind(hit.kind) ||
        !this.readable(hit.documentName, seatOf.get(hit.partnershipId))
      ) {
        continue;
      }
      results.push({
        kind: hit.kind,
        partnershipId: hit.partnershipId,
        title: hit.title,
        snippet: buildSnippet(
          mentionsAny(hit.body, terms) || !mentionsAny(hit.title, terms) ? hit.body : hit.title,
          terms,
        ),
        url: hit.url,
        organizationName: named(hit.organizationId),
      });
    }
    return { results };
  }

  /** The sync endpoint's rule for the entry's document (the store already filtered by it). */
  private readable(documentName: string | null, seat: Seat | undefined): boolean {
    if (seat === undefined) return false;
    if (documentName === null) return true;
    const ref = parseDocumentName(documentName);
    return (
      ref !== null && ref.partnershipId === seat.partnershipId && can(seat, "read document", ref)
    );
  }
}
