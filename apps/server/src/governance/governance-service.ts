import { formatDocumentName } from "@entente/domain";
import type {
  CastVoteResponse,
  CharterStatus,
  CharterStatusEndorsement,
  DecisionOutcome,
  DecisionVoteValue,
  DecisionVotesView,
  DecisionVoteView,
  EndorseCharterResponse,
} from "@entente/protocol";
import {
  DECISIONS_ROOT,
  readDecisionContent,
  restoreDecisionContent,
  sameDecisionContent,
  type DecisionContent,
} from "@entente/schema";
import type { Kysely } from "kysely";
import type { Seat } from "../access/access-service.js";
import { partnershipOrganizations } from "../access/partnership-directory.js";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import type { VersionService } from "../history/version-service.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import type { UpdateStamp } from "../sync/update-log.js";
import { readCharter, type CharterReading } from "./charter-version.js";
import { CharterVersions } from "./charter-versions.js";
import { DecisionAgreements, type DecisionAgreement } from "./decision-agreements.js";
import { decisionContentVersion, NO_DECISION_CONTENT } from "./decision-content.js";
import {
  charterStanding,
  decisionState,
  latestByOrganization,
  tally,
  type DecisionState,
} from "./two-key.js";

/** Two votes cast on the same view of a decision: the loser reads again, this many times. */
const VOTE_ATTEMPTS = 5;

export interface NewVote {
  decisionId: string;
  vote: DecisionVoteValue;
  comment: string | null;
  /** The content version the caller reviewed; another one now is a 409. */
  contentVersion?: string | undefined;
}

/** Server changes made for no user: putting a decided decision's content back. */
export const SERVER_STAMP: UpdateStamp = { userId: null, organizationId: null };

/**
 * Charter endorsements and decision votes: two-key governance recorded by the server,
 * stamped with the caller's user, seat organization and time, kept as history rows. The
 * CRDT documents cannot hold them, since any of their writers could forge the other side.
 */
export class GovernanceService {
  private readonly versions: CharterVersions;
  private readonly agreements: DecisionAgreements;
  /** Keeps a version of the charter at each endorsement (history). */
  private readonly history: Pick<VersionService, "keepEndorsement"> | undefined;
  /** Where decided content is put back; none: only recorded (tests, the seed). */
  private readonly writer: DocumentWriter | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    options: {
      history?: Pick<VersionService, "keepEndorsement">;
      writer?: DocumentWriter;
    } = {},
  ) {
    this.versions = new CharterVersions(db);
    this.agreements = new DecisionAgreements(db);
    this.history = options.history;
    this.writer = options.writer;
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
    const organizations = await partnershipOrganizations(this.db, partnershipId);
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
      throw new DomainError("conflict", "The charter changed, review it again");
    }
    if (reading.empty) {
      throw new DomainError("conflict", "The charter is empty: write it before endorsing it");
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
    await this.history?.keepEndorsement(seat.partnershipId, seat.organizationId, user.id);
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

  /**
   * Every decision that has votes: its outcome, the content version its votes are counted
   * on, the latest vote of each organization (stale ones marked) and, once decided, the
   * content decided.
   */
  async decisionVotes(partnershipId: string): Promise<Record<string, DecisionVotesView>> {
    const organizationIds = (await partnershipOrganizations(this.db, partnershipId)).map(
      (o) => o.id,
    );
    const rows = await this.voteRows(partnershipId);
    const byDecision = new Map<string, VoteRow[]>();
    for (const row of rows) {
      const history = byDecision.get(row.decisionId) ?? [];
      history.push(row);
      byDecision.set(row.decisionId, history);
    }
    if (byDecision.size === 0) return {};
    const agreements = await this.agreements.forPartnership(partnershipId);
    const contents = await this.decisionContents(partnershipId);
    const views: [string, DecisionVotesView][] = [];
    for (const [decisionId, history] of byDecision) {
      let agreed = agreements.get(decisionId);
      const content = contents.get(decisionId) ?? null;
      const state = decisionState(
        history,
        organizationIds,
        agreed?.contentVersion ?? decisionContentVersion(content),
      );
      if (state.outcome !== "pending" && !agreed && content) {
        // Decided by votes recorded before decisions kept what they decided: what the
        // decision says now is taken as decided, from here on.
        agreed = await this.recordLegacyAgreement(partnershipId, decisionId, state, content);
      }
      const current = new Set(state.current);
      views.push([
        decisionId,
        {
          outcome: state.outcome,
          contentVersion: state.contentVersion,
          votes: inPartnershipOrder(state.latest, organizationIds).map((row) =>
            toVoteView(row, current.has(row)),
          ),
          ...(agreed && state.outcome !== "pending" ? { agreed: agreed.content } : {}),
        },
      ]);
    }
    // fromEntries defines own properties, whatever the ids ("__proto__" included).
    return Object.fromEntries(views);
  }

  /**
   * Records the vote of the caller's seat organization on a decision of `<pid>/decisions`,
   * bound to the decision's content as the server reads it now. With `contentVersion` (what
   * the caller reviewed), content that changed since is a 409. An organization's later vote
   * replaces its earlier one while the decision is pending; once approved or rejected, it is
   * final (409), and the content decided is kept (`decision_agreements`) and put back into
   * the document if it moved meanwhile.
   */
  async castVote(
    seat: Seat,
    user: { id: string; name: string },
    input: NewVote,
  ): Promise<CastVoteResponse> {
    for (let attempt = 0; attempt < VOTE_ATTEMPTS; attempt++) {
      const content = await this.requireDecision(seat.partnershipId, input.decisionId);
      const contentVersion = decisionContentVersion(content);
      const organizationIds = (await partnershipOrganizations(this.db, seat.partnershipId)).map(
        (o) => o.id,
      );
      const history = await this.voteRows(seat.partnershipId, input.decisionId);
      const before = decisionState(history, organizationIds, contentVersion);
      if (before.outcome !== "pending") {
        throw new DomainError("conflict", `This decision is already ${before.outcome}`);
      }
      if (input.contentVersion !== undefined && input.contentVersion !== contentVersion) {
        throw new DomainError("conflict", "The decision changed, review it again");
      }
      const latest = new Map(before.current.map((row) => [row.organizationId, row.vote]));
      latest.set(seat.organizationId, input.vote);
      const outcome = tally(latest, organizationIds);
      const now = Date.now();
      const landed = await this.db.transaction().execute(async (trx) => {
        // The unique (decision, seq) lets only one of two votes cast on this view land.
        const inserted = await trx
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
            content_version: contentVersion,
            created_at: now,
          })
          .onConflict((conflict) =>
            conflict.columns(["partnership_id", "decision_id", "seq"]).doNothing(),
          )
          .executeTakeFirst();
        if (inserted.numInsertedOrUpdatedRows !== 1n) return false;
        if (outcome !== "pending") {
          await DecisionAgreements.record(trx, seat.partnershipId, {
            decisionId: input.decisionId,
            outcome,
            contentVersion,
            content,
            decidedAt: now,
          });
        }
        return true;
      });
      if (!landed) continue;
      if (outcome !== "pending") {
        await this.putBackDecided(seat.partnershipId, input.decisionId, content);
      }
      return {
        vote: {
          decisionId: input.decisionId,
          organizationId: seat.organizationId,
          userId: user.id,
          userName: user.name,
          vote: input.vote,
          comment: input.comment,
          votedAt: new Date(now).toISOString(),
          current: true,
        },
        outcome,
        contentVersion,
      };
    }
    throw new DomainError("conflict", "Other votes were being cast; try again");
  }

  /**
   * An edit may have landed between reading the content and recording the deciding vote:
   * the decided content goes back into the document (a no-op when it is already there).
   */
  private async putBackDecided(
    partnershipId: string,
    decisionId: string,
    content: DecisionContent,
  ): Promise<void> {
    if (!this.writer) return;
    await this.writer.writeDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
      SERVER_STAMP,
      (doc) => {
        const current = readDecisionContent(doc, decisionId);
        if (current && !sameDecisionContent(current, content)) {
          restoreDecisionContent(doc, decisionId, content, {});
        }
      },
    );
  }

  private async recordLegacyAgreement(
    partnershipId: string,
    decisionId: string,
    state: DecisionState<VoteRow>,
    content: DecisionContent,
  ): Promise<DecisionAgreement | undefined> {
    const decided = state.latest.find((row) => row.outcome !== "pending");
    await DecisionAgreements.record(this.db, partnershipId, {
      decisionId,
      outcome: state.outcome === "rejected" ? "rejected" : "approved",
      contentVersion: decisionContentVersion(content),
      content,
      decidedAt: decided?.createdAt ?? Date.now(),
    });
    return this.agreements.find(partnershipId, decisionId);
  }

  /** The content of every decision now (broken entries too, field by field). */
  private async decisionContents(partnershipId: string): Promise<Map<string, DecisionContent>> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
    );
    try {
      const contents = new Map<string, DecisionContent>();
      for (const id of doc.getMap(DECISIONS_ROOT).keys()) {
        const content = readDecisionContent(doc, id);
        if (content) contents.set(id, content);
      }
      return contents;
    } finally {
      doc.destroy();
    }
  }

  /** The decision's content now; 404 when there is no such decision. */
  private async requireDecision(
    partnershipId: string,
    decisionId: string,
  ): Promise<DecisionContent> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
    );
    try {
      // A malformed entry is still a decision someone proposed: it can be voted on.
      if (!doc.getMap(DECISIONS_ROOT).has(decisionId))
        throw DomainError.notFound("No such decision");
      return readDecisionContent(doc, decisionId) ?? NO_DECISION_CONTENT;
    } finally {
      doc.destroy();
    }
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
        "decision_votes.content_version as contentVersion",
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
  contentVersion: string | null;
  createdAt: number;
}

function toVoteView(row: VoteRow, current: boolean): DecisionVoteView {
  return {
    decisionId: row.decisionId,
    organizationId: row.organizationId,
    userId: row.userId,
    userName: row.userName,
    vote: row.vote,
    comment: row.comment,
    votedAt: new Date(row.createdAt).toISOString(),
    current,
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
