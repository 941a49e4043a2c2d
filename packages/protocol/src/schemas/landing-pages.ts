import { LANDING_PAGES } from "../landing-page.js";
import { z } from "zod";
import { Id } from "./fields.js";

export const LandingPageParams = z.object({ partnershipId: Id });

/** `PUT /api/me/landing-pages/:partnershipId`. */
export const SetLandingPageBody = z.strictObject({ landingPage: z.enum(LANDING_PAGES) });
