import type { LandingPage } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { AccessService } from "../access/access-service.js";
import type { Database } from "../db/schema.js";

/**
 * Where `/p/:id` opens for one member: the charter (the default) or the dashboard. The seat
 * is checked first: a non-member learns nothing of the partnership (404).
 */
export class LandingPages {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly access: AccessService,
  ) {}

  async get(userId: string, partnershipId: string): Promise<LandingPage> {
    await this.access.requireSeat(userId, partnershipId);
    const row = await this.db
      .selectFrom("landing_pages")
      .select("page")
      .where("user_id", "=", userId)
      .where("partnership_id", "=", partnershipId)
      .executeTakeFirst();
    return row?.page ?? "charter";
  }

  async set(userId: string, partnershipId: string, page: LandingPage): Promise<LandingPage> {
    await this.access.requireSeat(userId, partnershipId);
    await this.db
      .insertInto("landing_pages")
      .values({ user_id: userId, partnership_id: partnershipId, page, updated_at: Date.now() })
      .onConflict((oc) =>
        oc.columns(["user_id", "partnership_id"]).doUpdateSet({ page, updated_at: Date.now() }),
      )
      .execute();
    return page;
  }
}
