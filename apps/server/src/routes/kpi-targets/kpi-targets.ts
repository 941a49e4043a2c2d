import type { KpiTargetProposalResponse, KpiTargetsResponse } from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { EmptyBody, KpiParams, ProposalParams, ProposeTargetBody } from "@entente/protocol/schemas";
import { requireWriter } from "../../access/policies.js";

/**
 * Two-key KPI targets under `/api/partnerships`. Everyone in the partnership reads them;
 * editors and admins of an objective's owning organizations propose, agree and withdraw,
 * always for their own seat organization.
 */
export function kpiTargetRoutes(services: Services): Hono<AppEnv> {
  const { access, kpiTargets: targets } = services;

  return new Hono<AppEnv>()
    .get("/:id/kpis/targets", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: KpiTargetsResponse = { kpis: await targets.targets(id) };
      return c.json(body);
    })
    .post("/:id/kpis/:kpiId/target-proposals", async (c) => {
      const { user } = requireAuth(c);
      const { id, kpiId } = parseOrThrow(KpiParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      requireWriter(seat, "change a KPI's target");
      const input = await readJson(c, ProposeTargetBody);
      const note = input.note?.trim() ? input.note.trim() : null;
      const body: KpiTargetProposalResponse = await targets.propose(seat, user, {
        kpiId,
        target: input.target,
        note,
      });
      return c.json(body, 201);
    })
    .post("/:id/kpis/:kpiId/target-proposals/:proposalId/agree", async (c) => {
      const { user } = requireAuth(c);
      const { id, kpiId, proposalId } = parseOrThrow(ProposalParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      requireWriter(seat, "change a KPI's target");
      await readJson(c, EmptyBody);
      const body: KpiTargetProposalResponse = await targets.agree(seat, user, kpiId, proposalId);
      return c.json(body);
    })
    .post("/:id/kpis/:kpiId/target-proposals/:proposalId/withdraw", async (c) => {
      const { user } = requireAuth(c);
      const { id, kpiId, proposalId } = parseOrThrow(ProposalParams, c.req.param());
      const seat = await access.requireSeat(user.id, id);
      requireWriter(seat, "change a KPI's target");
      await readJson(c, EmptyBody);
      const body: KpiTargetProposalResponse = await targets.withdraw(seat, user, kpiId, proposalId);
      return c.json(body);
    });
}
