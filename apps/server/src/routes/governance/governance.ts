import type {
  CastVoteResponse,
  CharterStatusResponse,
  DecisionVotesResponse,
  EndorseCharterResponse,
} from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { CastVoteBody, DecisionParams, EndorseCharterBody } from "@entente/protocol/schemas";
import { requireWriter } from "../../access/policies.js";

/**
 * Two-key governance under `/api/partnerships`: charter endorsements and decision votes.
 * Everyone in the partnership reads them; editors and admins endorse and vote, always for
 * their own seat organization.
 */
export function governanceRoutes(services: Services): Hono<AppEnv> {
  const { access, governance } = services;

  return new Hono<AppEnv>()
    .get("/:id/charter/status", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: CharterStatusResponse = { status: await governance.charterStatus(id) };
      return c.json(body);
    })
    .post("/:id/charter/endorsements", async (c) => {
      const { user, seat } = await requirePartnershipSeat(c, access);
      requireWriter(seat, "endorse the charter");
      const input = await readJson(c, EndorseCharterBody);
      const body: EndorseCharterResponse = await governance.endorseCharter(
        seat,
        user,
        input.version,
      );
      return c.json(body, 201);
    })
    .get("/:id/decisions/votes", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: DecisionVotesResponse = { decisions: await governance.decisionVotes(id) };
      return c.json(body);
    })
    .post("/:id/decisions/:decisionId/votes", async (c) => {
      const { user } = requireAuth(c);
      const { id, decisionId } = parseOrThrow(DecisionParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      requireWriter(seat, "vote on a decision");
      const input = await readJson(c, CastVoteBody);
      const comment = input.comment?.trim() ? input.comment.trim() : null;
      const body: CastVoteResponse = await governance.castVote(seat, user, {
        decisionId,
        vote: input.vote,
        comment,
        contentVersion: input.contentVersion,
      });
      return c.json(body, 201);
    });
}
