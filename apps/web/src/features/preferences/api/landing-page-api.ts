import type { LandingPage } from "@entente/protocol";
import { api } from "../../../lib/api-client";

/** Where `/p/:id` opens for the signed-in member. */
export const landingPageApi = {
  get: (partnershipId: string) =>
    api.call("GET /api/me/landing-pages/:partnershipId", { partnershipId }),
  set: (partnershipId: string, landingPage: LandingPage) =>
    api.call("PUT /api/me/landing-pages/:partnershipId", { partnershipId }, { landingPage }),
};
