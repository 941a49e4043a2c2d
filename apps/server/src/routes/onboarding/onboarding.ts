import type {
  ChecklistResponse,
  PartnershipTemplateListResponse,
  PartnershipTemplateUsedResponse,
} from "@entente/protocol";
import { Hono } from "hono";
import { requirePartnershipSeat } from "../partnership-seat.js";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { PARTNERSHIP_TEMPLATES } from "../../onboarding/templates.js";

/** `GET /api/partnership-templates`: what the picker offers, in every language. */
export function partnershipTemplateRoutes(): Hono<AppEnv> {
  return new Hono<AppEnv>().get("/", (c) => {
    requireAuth(c);
    const body: PartnershipTemplateListResponse = { templates: [...PARTNERSHIP_TEMPLATES] };
    return c.json(body);
  });
}

/** A partnership's first steps under `/api/partnerships/:id`: its checklist and its template. */
export function partnershipOnboardingRoutes(services: Services): Hono<AppEnv> {
  const { access, onboarding } = services;
  return new Hono<AppEnv>()
    .get("/:id/checklist", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: ChecklistResponse = await onboarding.checklist(id);
      return c.json(body);
    })
    .get("/:id/template", async (c) => {
      const { id } = await requirePartnershipSeat(c, access);
      const body: PartnershipTemplateUsedResponse = { template: await onboarding.templateUsed(id) };
      return c.json(body);
    });
}
