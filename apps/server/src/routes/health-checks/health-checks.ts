import {
  DEFAULT_HEALTH_DIMENSIONS,
  type HealthCheckAnsweredResponse,
  type HealthCheckCreatedResponse,
  type HealthCheckListResponse,
  type HealthCheckResponse,
} from "@entente/protocol";
import { Hono, type Context } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { AnswerBody, HealthCheckParams, OpenHealthCheckBody } from "@entente/protocol/schemas";

/** A partnership's health check cycles under `/api/partnerships/:id/health-checks`. */
export function partnershipHealthCheckRoutes(services: Services): Hono<AppEnv> {
  const { access, healthChecks } = services;
  return new Hono<AppEnv>()
    .post("/:id/health-checks", async (c) => {
      const { user, id, seat } = await requirePartnershipSeat(c, access);
      const { dimensions, ...input } = await readJson(c, OpenHealthCheckBody);
      const body: HealthCheckCreatedResponse = {
        healthCheck: await healthChecks.open(
          { userId: user.id, seat },
          {
            ...input,
            dimensions:
              dimensions ??
              (await services.onboarding.templateUsed(id))?.healthDimensions ??
              DEFAULT_HEALTH_DIMENSIONS.map((d) => ({ ...d })),
          },
        ),
      };
      return c.json(body, 201);
    })
    .get("/:id/health-checks", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: HealthCheckListResponse = { healthChecks: await healthChecks.list(id) };
      return c.json(body);
    });
}

/** One cycle under `/api/health-checks/:healthCheckId`: read, answer, close. */
export function healthCheckRoutes(services: Services): Hono<AppEnv> {
  const { healthChecks } = services;

  const load = async (c: Context<AppEnv>) => {
    const { user } = requireAuth(c);
    const { healthCheckId } = parseOrThrow(HealthCheckParams, c.req.param());
    return { user, target: await healthChecks.require(user.id, healthCheckId) };
  };

  return new Hono<AppEnv>()
    .get("/:healthCheckId", async (c) => {
      const { user, target } = await load(c);
      const body: HealthCheckResponse = await healthChecks.read(user.id, target);
      return c.json(body);
    })
    .post("/:healthCheckId/responses", async (c) => {
      const { user, target } = await load(c);
      const answer = await readJson(c, AnswerBody);
      await healthChecks.answer(user.id, target, answer);
      return c.json({ answered: true } satisfies HealthCheckAnsweredResponse, 201);
    })
    .post("/:healthCheckId/close", async (c) => {
      const { user, target } = await load(c);
      await healthChecks.close(user.id, target);
      const body: HealthCheckResponse = await healthChecks.read(
        user.id,
        await healthChecks.require(user.id, target.row.id),
      );
      return c.json(body);
    });
}
