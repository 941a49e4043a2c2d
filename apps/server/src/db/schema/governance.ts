import type { Generated } from "kysely";
import type { Millis } from "./millis.js";

/**
 * Two-key governance (governance/): charter endorsements, decision votes and the content
 * decided, KPI target proposals and agreements, charter content versions, one-off upgrades.
 */

/** One organization's endorsement of one version of the charter; never updated. */
export interface CharterEndorsementsTable {
  id: Generated<number>;
  partnership_id: string;
  /** The endorser's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  /**
   * The charter's `charterVersion` when endorsed: SHA-256 of its visible content (lowercase
   * hex). Rows from before 0018 that no longer match the charter keep the old Yjs-state hash.
   */
  version: string;
  created_at: Millis;
}

/** One organization's vote on one decision of `<pid>/decisions`; never updated. */
export interface DecisionVotesTable {
  id: Generated<number>;
  partnership_id: string;
  /** The decision's id in the decisions document. */
  decision_id: string;
  /** Position in the decision's history, from 1; unique per decision. */
  seq: number;
  /** The voter's seat organization, stamped by the server. */
  organization_id: string;
  user_id: string;
  vote: "approve" | "reject";
  comment: string | null;
  /** The decision's outcome right after this vote; once not "pending", final. */
  outcome: "pending" | "approved" | "rejected";
  /** `decisionContentVersion` of the content voted on; null for votes cast before 0017. */
  content_version: string | null;
  created_at: Millis;
}

/** A proposed target of a KPI of `<pid>/objectives`, kept once applied, withdrawn or replaced. */
export interface KpiTargetProposalsTable {
  id: string;
  partnership_id: string;
  objective_id: string;
  kpi_id: string;
  target: number;
  note: string | null;
  proposed_by_user_id: string;
  /** The proposer's seat organization, stamped by the server; it agrees by proposing. */
  organization_id: string;
  /** JSON array of the organizations whose agreement it needed when proposed. */
  required_organization_ids: string;
  status: "pending" | "applied" | "withdrawn" | "replaced";
  created_at: Millis;
  resolved_at: Millis | null;
  withdrawn_by_user_id: string | null;
  withdrawn_by_organization_id: string | null;
}

/** One organization's agreement to a target proposal (its latest agreeing member). */
export interface KpiTargetAgreementsTable {
  proposal_id: string;
  organization_id: string;
  user_id: string;
  created_at: Millis;
}

/** The content of a decided decision, as decided; written once with the deciding vote. */
export interface DecisionAgreementsTable {
  partnership_id: string;
  decision_id: string;
  outcome: "approved" | "rejected";
  content_version: string;
  /** The `DecisionContent`, as JSON. */
  content: string;
  decided_at: Millis;
}

/** A number for each distinct content version of a charter, in the order first seen. */
export interface CharterVersionsTable {
  partnership_id: string;
  version: string;
  number: number;
  first_seen_at: Millis;
}

/** The server saw the charter at this version, after seeing another one (or none) before. */
export interface CharterVersionSightingsTable {
  id: Generated<number>;
  partnership_id: string;
  version: string;
  seen_at: Millis;
}

/** One-off upgrade steps run at start (`db/upgrades.ts`), once each. */
export interface ServerUpgradesTable {
  name: string;
  done_at: Millis;
}
