import { formatDocumentName } from "@entente/domain";
import {
  ErrorCode,
  type CastVoteResponse,
  type CharterStatus,
  type CharterStatusEndorsement,
  type DecisionOutcome,
  type DecisionVoteValue,
  type DecisionVotesView,
  type DecisionVoteView,
  type EndorseCharterResponse,
} from "@entente/protocol";
import { readDecisions } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import { HttpError } from "../http/errors.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { readCharter, type CharterReading } from "./charter-version.js";
import { CharterVersions } from "./charter-versions.js";
import { charterStanding, decisionState, latestByOrganization, tally } from "./two-key.js";

/** Two votes cast on the same view of a decision: the loser reads again, this many times. */
const VOTE_ATTEMPTS = 5;

export interface NewVote {
  decisionId: string;
  vote: DecisionVoteValue;
  comment: string | null;
}

/**
 * Charter endorsements and decision votes: two-key governance recorded by the server,
 * stamped with the caller's user, seat organization and time, kept as history rows. The
 * CRDT documents cannot hold them, since any of their writers could forge the other side.
 */
export class GovernanceService {
  private readonly versions: CharterVersions;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
  ) {
    this.versions = new CharterVersions(db);
  }

  /** The charter's current version and whether it is empty (see `charter-version.ts`). */
  async readCharter(partnershipId: string): Promise<CharterReading> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "charter", partnershipId }),
    );
    try {
      return readCharter(doc);
    } finally {
      doc.destroy();
    }
  }

  /** The charter's current version: the hash of its visible content. */
  async charterVersion(partnershipId: string): Promise<string> {
    return (await this.readCharter(partnershipId)).version;
  }

  /**
   * Ratified or not, and the latest endorsement of each organization. Records the current
   * version (numbering it if new), so every version anyone was shown has a number.
   */
  async charterStatus(partnershipId: string, reading?: CharterReading): Promise<CharterStatus> {
    const current = reading ?? (await this.readCharter(partnershipId));
    const versionNumber = await this.versions.record(partnershipId, current.version, Date.now());
    const organizations = await this.organizations(partnershipId);
    const rows = await this.db
      .selectFrom("charter_endorsements")
      .innerJoin("users", "users.id", "charter_endorsements.user_id")
      .select([
        "charter_endorsements.organization_id as organizationId",
        "charter_endorsements.user_id as userId",
        "users.name as userName",
        "charter_endorsements.version",
        "charter_endorsements.created_at as createdAt",
      ])
      .where("charter_endorsements.partnership_id", "=", partnershipId)
      .orderBy("charter_endorsements.id")
      .execute();
    const latest = latestByOrganization(rows);
    const numbers = await this.versions.numbers(partnershipId);
    const endorsements: CharterStatusEndorsement[] = [];
    for (const organization of organizations) {
      const row = latest.get(organization.id);
      if (!row) continue;
      endorsements.push({
        organizationId: organization.id,
        organizationName: organization.name,
        userId: row.userId,
        userName: row.userName,
        version: row.version,
        versionNumber:
          numbers.get(row.version) ??
          (await this.versions.number(partnershipId, row.version, Number(row.createdAt))),
        endorsedAt: new Date(row.createdAt).toISOString(),
        current: row.version === current.version,
      });
    }
    const standing = charterStanding(
      current.version,
      new Map(endorsements.map((e) => [e.organizationId, e.version])),
      organizations.map((o) => o.id),
    );
    return {
      version: current.version,
      versionNumber,
      empty: current.empty,
      ...standing,
      endorsements,
    };
  }

  /**
   * Endorses the charter as it is now for the caller's seat organization. With
   * `expectedVersion` (what the caller reviewed), a charter that moved on since is a 409;
   * so is an empty charter (nothing to agree on).
   */
  async endorseCharter(
    seat: Seat,
    user: { id: string; name: string },
    expectedVersion: string | undefined,
  ): Promise<EndorseCharterResponse> {
    const reading = await this.readCharter(seat.partnershipId);
    const { version } = reading;
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new HttpError(409, ErrorCode.Conflict, "The charter changed, review it again");
    }
    if (reading.empty) {
      throw new HttpError(
        409,
        ErrorCode.Conflict,
        "The charter is empty: write it before endorsing it",
      );
    }
    const now = Date.now();
    const versionNumber = await this.versions.record(seat.partnershipId, version, now);
    await this.db
      .insertInto("charter_endorsements")
      .values({
        partnership_id: seat.partnershipId,
        organization_id: seat.organizationId,
        user_id: user.id,
        version,
        created_at: now,
      })
      .execute();
    return {
      endorsement: {
        organizationId: seat.organizationId,
        userId: user.id,
        userName: user.name,
        version,
        versionNumber,
        endorsedAt: new Date(now).toISOString(),
      },
      status: await this.charterStatus(seat.partnershipId, reading),
    };
  }

  /** Every decision that has votes: its outcome and the vote of each organization that counts. */
  async decisionVotes(partnershipId: string): Promise<Record<string, DecisionVotesView>> {
    const organizationIds = (await this.organizations(partnershipId)).map((o) => o.id);
    const rows = await this.voteRows(partnershipId);
    const byDecision = new Map<string, VoteRow[]>();
    for (const row of rows) {
      const history = byDecision.get(row.decisionId) ?? [];
      history.push(row);
      byDecision.set(row.decisionId, history);
    }
    // fromEntries defines own properties, whatever the ids ("__proto__" included).
    return Object.fromEntries(
      [...byDecision].map(([decisionId, history]): [string, DecisionVotesView] => {
        const state = decisionState(history, organizationIds);
        return [
          decisionId,
          {
            outcome: state.outcome,
            votes: inPartnershipOrder(state.counted, organizationIds).map(toVoteView),
          },
        ];
      }),
    );
  }

  /**
   * Records the vote of the caller's seat organization on a decision of `<pid>/decisions`.
   * An organization's later vote replaces its earlier one while the decision is pending;
   * once approved or rejected, it is final (409).
   */
  async castVote(
    seat: Seat,
    user: { id: string; name: string },
    input: NewVote,
  ): Promise<CastVoteResponse> {
    await this.requireDecision(seat.partnershipId, input.decisionId);
    for (let attempt = 0; attempt < VOTE_ATTEMPTS; attempt++) {
      const organizationIds = (await this.organizations(seat.partnershipId)).map((o) => o.id);
      const history = await this.voteRows(seat.partnershipId, input.decisionId);
      const before = decisionState(history, organizationIds);
      if (before.outcome !== "pending") {
        throw new HttpError(409, ErrorCode.Conflict, `This decision is already ${before.outcome}`);
      }
      const latest = new Map(before.counted.map((row) => [row.organizationId, row.vote]));
      latest.set(seat.organizationId, input.vote);
      const outcome = tally(latest, organizationIds);
      const now = Date.now();
      // The unique (decision, seq) lets only one of two votes cast on this view land.
      const inserted = await this.db
        .insertInto("decision_votes")
        .values({
          partnership_id: seat.partnershipId,
          decision_id: input.decisionId,
          seq: (history.at(-1)?.seq ?? 0) + 1,
          organization_id: seat.organizationId,
          user_id: user.id,
          vote: input.vote,
          comment: input.comment,
          outcome,
          created_at: now,
        })
        .onConflict((conflict) =>
          conflict.columns(["partnership_id", "decision_id", "seq"]).doNothing(),
        )
        .executeTakeFirst();
      if (inserted.numInsertedOrUpdatedRows === 1n) {
        return {
          vote: {
            decisionId: input.decisionId,
            organizationId: seat.organizationId,
            userId: user.id,
            userName: user.name,
            vote: input.vote,
            comment: input.comment,
            votedAt: new Date(now).toISOString(),
          },
          outcome,
        };
      }
    }
    throw new HttpError(409, ErrorCode.Conflict, "Other votes were being cast; try again");
  }

  private async requireDecision(partnershipId: string, decisionId: string): Promise<void> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
    );
    try {
      // A malformed entry is still a decision someone proposed: it can be voted on.
      const exists = readDecisions(doc).some(
        (entry) => (entry.ok ? entry.value.id : entry.id) === decisionId,
      );
      if (!exists) throw HttpError.notFound("No such decision");
    } finally {
      doc.destroy();
    }
  }

  private organizations(partnershipId: string) {
    return this.db
      .selectFrom("partnership_organizations")
      .innerJoin("organizations", "organizations.id", "partnership_organizations.organization_id")
      .select(["organizations.id", "organizations.name"])
      .where("partnership_organizations.partnership_id", "=", partnershipId)
      .orderBy("partnership_organizations.joined_at")
      .orderBy("organizations.id")
      .execute();
  }

  private voteRows(partnershipId: string, decisionId?: string): Promise<VoteRow[]> {
    let query = this.db
      .selectFrom("decision_votes")
      .innerJoin("users", "users.id", "decision_votes.user_id")
      .select([
        "decision_votes.decision_id as decisionId",
        "decision_votes.seq",
        "decision_votes.organization_id as organizationId",
        "decision_votes.user_id as userId",
        "users.name as userName",
        "decision_votes.vote",
        "decision_votes.comment",
        "decision_votes.outcome",
        "decision_votes.created_at as createdAt",
      ])
      .where("decision_votes.partnership_id", "=", partnershipId);
    if (decisionId !== undefined)
      query = query.where("decision_votes.decision_id", "=", decisionId);
    return query.orderBy("decision_votes.decision_id").orderBy("decision_votes.seq").execute();
  }
}

interface VoteRow {
  decisionId: string;
  seq: number;
  organizationId: string;
  userId: string;
  userName: string;
  vote: DecisionVoteValue;
  comment: string | null;
  outcome: DecisionOutcome;
  createdAt: number;
}

function toVoteView(row: VoteRow): DecisionVoteView {
  return {
    decisionId: row.decisionId,
    organizationId: row.organizationId,
    userId: row.userId,
    userName: row.userName,
    vote: row.vote,
    comment: row.comment,
    votedAt: new Date(row.createdAt).toISOString(),
  };
}

/** The partnership's organizations first, in their order; any others after, as they came. */
function inPartnershipOrder<T extends { organizationId: string }>(
  rows: readonly T[],
  organizationIds: readonly string[],
): T[] {
  const rank = (row: T) => {
    const index = organizationIds.indexOf(row.organizationId);
    return index === -1 ? organizationIds.length : index;
  };
  return [...rows].sort((a, b) => rank(a) - rank(b));
}
