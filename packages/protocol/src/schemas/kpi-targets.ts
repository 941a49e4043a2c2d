import { FIELD_LIMITS } from "@entente/schema";
import { z } from "zod";
import { Id } from "./fields.js";

export const KpiParams = z.object({ id: Id, kpiId: Id });

export const ProposalParams = z.object({ id: Id, kpiId: Id, proposalId: Id });

/**
 * Strict: who proposes and for which organization comes from the session and the seat,
 * never from the body, so a body naming them is refused rather than silently ignored.
 */
export const ProposeTargetBody = z.strictObject({
  target: z.number().finite(),
  note: z.string().max(FIELD_LIMITS.text).optional(),
});

/** Agreeing and withdrawing name everything in the path; a body, if any, is empty. */
export const EmptyBody = z.strictObject({});
