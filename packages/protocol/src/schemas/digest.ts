import { z } from "zod";
import { DigestPeriodKind } from "./responses/digest.js";

/** `GET /api/partnerships/:id/digest?period=day|week` (a week by default). */
export const DigestQuery = z.strictObject({ period: DigestPeriodKind.default("week") });
