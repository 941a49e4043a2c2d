import type { LandingPageResponse } from "@entente/protocol";
import { Hono } from "hono";
import type { AppEnv } from "../../http/context.js";
import type { Services } from "../../services.js";
import { requireAuth } from "../../http/session-cookie.js";
import { parseOrThrow, readJson } from "../../http/validate.js";
import { LandingPageParams, SetLandingPageBody } from "@entente/protocol/schemas";

/** The caller's landing page per partnership, under `/api/me/landing-pages/:partnershipId`. */
export function landingPageRoutes({ landingPages: pages }: Services): Hono<AppEnv> {
  return new Hono<AppEnv>()
    .get("/:partnershipId", async (c) => {
      const { user } = requireAuth(c);
      const { partnershipId } = parseOrThrow(LandingPageParams, c.req.param());
      const body: LandingPageResponse = { landingPage: await pages.get(user.id, partnershipId) };
      return c.json(body);
    })
    .put("/:partnershipId", async (c) => {
      const { user } = requireAuth(c);
      const { partnershipId } = parseOrThrow(LandingPageParams, c.req.param());
      const { landingPage } = await readJson(c, SetLandingPageBody);
      const body: LandingPageResponse = {
        landingPage: await pages.set(user.id, partnershipId, landingPage),
      };
      return c.json(body);
    });
}
