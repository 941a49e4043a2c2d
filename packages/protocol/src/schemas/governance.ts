import { z } from "zod";

/** The allowed votes, for validation. */
export const DECISION_VOTES = ["approve", "reject"] as const;
import { Id } from "./fields.js";

export const DecisionParams = z.object({ id: Id, decisionId: Id });

/** Longest comment a vote may carry. */
export const MAX_VOTE_COMMENT = 2000;

/**
 * Strict: the organization an endorsement or a vote speaks for is the caller's seat, never
 * something the body names, so a body naming one is refused rather than silently ignored.
 */
export const EndorseCharterBody = z.strictObject({
  /** The version the caller reviewed; a charter that moved on since is a 409. */
  version: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "not a charter version (64 lowercase hex digits)")
    .optional(),
});

export const CastVoteBody = z.strictObject({
  vote: z.enum(DECISION_VOTES),
  comment: z.string().max(MAX_VOTE_COMMENT).optional(),
  /** The decision content the caller reviewed; content that changed since is a 409. */
  contentVersion: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "not a content version (64 lowercase hex digits)")
    .optional(),
});
