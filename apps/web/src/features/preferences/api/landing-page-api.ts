import type { LandingPage, LandingPageResponse } from "@entente/protocol";
import type { RequestBody, SetLandingPageBody } from "@entente/protocol/schemas";
import { api } from "../../../lib/api-client";

const path = (partnershipId: string) =>
  `/api/me/landing-pages/${encodeURIComponent(partnershipId)}`;

/** Where `/p/:id` opens for the signed-in member. */
export const landingPageApi = {
  get: (partnershipId: string) => api.get<LandingPageResponse>(path(partnershipId)),
  set: (partnershipId: string, landingPage: LandingPage) =>
    api.put<LandingPageResponse>(path(partnershipId), {
      landingPage,
    } satisfies RequestBody<typeof SetLandingPageBody>),
};
