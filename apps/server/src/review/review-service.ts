import type { HealthCheckResponse, Language } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { PartnershipExport } from "../export/partnership-markdown.js";
import { callerLanguage } from "./caller-language.js";
import { gatherReview, type ReviewData, type ReviewPeriod } from "./review-data.js";

/** What the review pack reads from the store: the caller's language, the period's posts. */
export class ReviewService {
  constructor(private readonly db: Kysely<Database>) {}

  /** See `callerLanguage`. */
  callerLanguage(userId: string, acceptLanguage: string | undefined): Promise<Language> {
    return callerLanguage(this.db, userId, acceptLanguage);
  }

  /** See `gatherReview`. */
  gather(
    partnershipId: string,
    data: PartnershipExport,
    period: ReviewPeriod,
    healthCheck: HealthCheckResponse | null = null,
  ): Promise<ReviewData> {
    return gatherReview(this.db, partnershipId, data, period, healthCheck);
  }
}
