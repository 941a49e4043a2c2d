import { createHash } from "node:crypto";
import { CHARTER_FRAGMENT } from "@entente/editor";
import type { DecisionOutcome, DecisionVoteValue } from "@entente/protocol";
import * as Y from "yjs";

/**
 * The two-key rules, on rows the server stamped (never on what the CRDT claims). A
 * partnership of one organization (its partner has not joined yet) can neither ratify nor
 * approve: a key turned by one side alone is not two keys.
 */

/** The allowed votes, for validation. */
export const DECISION_VOTES = ["approve", "reject"] as const satisfies readonly DecisionVoteValue[];

/** Fewest organizations that make a partnership able to decide. */
const MIN_ORGANIZATIONS = 2;

/**
 * The version of a rich-text `Y.XmlFragment` (the charter, an agenda item's notes):
 * lowercase hex SHA-256 of its content (element names, attributes, text and its marks, in
 * document order), so an edit moves it, deletions included, and the same content has the
 * same version however it was typed. Content only: other fragments of the same document
 * (the other agenda items of a meeting) leave it as it is.
 */
export function xmlFragmentVersion(fragment: Y.XmlFragment): string {
  return createHash("sha256")
    .update(JSON.stringify(xmlContent(fragment)))
    .digest("hex");
}

/** The charter's version: {@link xmlFragmentVersion} of its fragment. */
export function charterVersion(doc: Y.Doc): string {
  return xmlFragmentVersion(doc.getXmlFragment(CHARTER_FRAGMENT));
}

/** An unambiguous tree of a fragment's content (text can never pass for an element). */
function xmlContent(node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook): unknown {
  if (node instanceof Y.XmlText) {
    return { text: (node.toDelta() as unknown[]).map(sortedKeys) };
  }
  if (node instanceof Y.XmlHook) return { hook: node.hookName, value: sortedKeys(node.toJSON()) };
  const children = node.toArray().map(xmlContent);
  if (node instanceof Y.XmlElement) {
    return { element: node.nodeName, attributes: sortedKeys(node.getAttributes()), children };
  }
  return { children };
}

/** `value` with every object's keys in sorted order, so its JSON is canonical. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== "object" || value instanceof Uint8Array) return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((key) => [key, sortedKeys(object[key])]),
  );
}

/** The last row of each organization, in the order the rows come. */
export function latestByOrganization<T extends { organizationId: string }>(
  rows: readonly T[],
): Map<string, T> {
  const latest = new Map<string, T>();
  for (const row of rows) {
    latest.delete(row.organizationId);
    latest.set(row.organizationId, row);
  }
  return latest;
}

export interface CharterStanding {
  ratified: boolean;
  changedSinceEndorsement: boolean;
}

/**
 * Ratified: every organization endorsed the current version. Changed since endorsement:
 * someone endorsed, and some organization's latest endorsement is of another version.
 */
export function charterStanding(
  currentVersion: string,
  latestVersions: ReadonlyMap<string, string>,
  organizationIds: readonly string[],
): CharterStanding {
  const versions = organizationIds.flatMap((id) => {
    const version = latestVersions.get(id);
    return version === undefined ? [] : [version];
  });
  return {
    ratified:
      organizationIds.length >= MIN_ORGANIZATIONS &&
      organizationIds.every((id) => latestVersions.get(id) === currentVersion),
    changedSinceEndorsement: versions.some((version) => version !== currentVersion),
  };
}

/** Outcome of the latest vote of each organization: one rejection rejects, all approvals approve. */
export function tally(
  latestVotes: ReadonlyMap<string, DecisionVoteValue>,
  organizationIds: readonly string[],
): DecisionOutcome {
  const votes = organizationIds.map((id) => latestVotes.get(id));
  if (votes.includes("reject")) return "rejected";
  if (organizationIds.length >= MIN_ORGANIZATIONS && votes.every((vote) => vote === "approve")) {
    return "approved";
  }
  return "pending";
}

export interface RecordedVote {
  organizationId: string;
  vote: DecisionVoteValue;
  /** The outcome the server recorded right after this vote. */
  outcome: DecisionOutcome;
}

export interface DecisionState<T extends RecordedVote> {
  outcome: DecisionOutcome;
  /** The vote of each organization that counts: its latest, up to the vote that decided. */
  counted: T[];
}

/**
 * Where a decision stands, from its votes in the order they were cast. The vote that
 * decided it is final: nothing after it counts (the server records nothing after it), and
 * an organization joining later does not reopen it. While pending, the latest vote of
 * each current organization counts.
 */
export function decisionState<T extends RecordedVote>(
  history: readonly T[],
  organizationIds: readonly string[],
): DecisionState<T> {
  const decidedAt = history.findIndex((row) => row.outcome !== "pending");
  const counting = decidedAt === -1 ? history : history.slice(0, decidedAt + 1);
  const latest = latestByOrganization(counting);
  const decided = decidedAt === -1 ? undefined : history[decidedAt];
  const outcome =
    decided?.outcome ??
    tally(new Map([...latest].map(([id, row]) => [id, row.vote])), organizationIds);
  return { outcome, counted: [...latest.values()] };
}
