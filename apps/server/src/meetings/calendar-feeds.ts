import type { Kysely } from "kysely";
import { SessionService } from "../auth/sessions.js";
import type { Database } from "../db/schema.js";
import { newToken } from "../ids.js";

/**
 * Private calendar feed URLs, one per member. The token in the URL is the only credential
 * (calendar apps send no cookie), so only its SHA-256 is stored: the URL is shown once, at
 * creation; re-creating it replaces the old one, revoking it deletes it.
 */
export class CalendarFeeds {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly origin: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** When the user's current feed was created; null without one. */
  async createdAt(userId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom("calendar_feeds")
      .select("created_at")
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row?.created_at ?? null;
  }

  /** A new feed URL for the user; the previous one, if any, stops working. */
  async create(userId: string): Promise<{ url: string; createdAt: number }> {
    const token = newToken();
    const createdAt = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
      await trx
        .insertInto("calendar_feeds")
        .values({ user_id: userId, token_hash: SessionService.idOf(token), created_at: createdAt })
        .execute();
    });
    return { url: `${this.origin}/calendar/${token}.ics`, createdAt };
  }

  async revoke(userId: string): Promise<void> {
    await this.db.deleteFrom("calendar_feeds").where("user_id", "=", userId).execute();
  }

  /** Whose feed the token opens; null for an unknown or revoked token. */
  async userOf(token: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("calendar_feeds")
      .select("user_id")
      .where("token_hash", "=", SessionService.idOf(token))
      .executeTakeFirst();
    return row?.user_id ?? null;
  }
}
