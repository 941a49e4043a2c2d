import { sha256 } from "@oslojs/crypto/sha2";
import { encodeHexLowerCase } from "@oslojs/encoding";
import type { Kysely } from "kysely";
import type { Language, UserView } from "@entente/protocol";
import type { Database } from "../db/schema.js";
import { newToken } from "../ids.js";

const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME_MS = 30 * DAY;
/** A session used in its second half gets a fresh 30 days (sliding expiry). */
const RENEW_WHEN_LEFT_MS = 15 * DAY;

export interface Session {
  id: string;
  userId: string;
  expiresAt: number;
}

export interface ValidSession {
  session: Session;
  user: UserView;
  /** True when the expiry moved, so the cookie must be sent again. */
  renewed: boolean;
  /** The language the user was last seen using the app in (null: not yet). */
  appLanguage: Language | null;
}

/** Sessions as in Lucia's guide: the client holds a random token, the store its SHA-256. */
export class SessionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  static idOf(token: string): string {
    return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
  }

  async create(userId: string): Promise<{ token: string; session: Session }> {
    const token = newToken();
    const session = {
      id: SessionService.idOf(token),
      userId,
      expiresAt: this.now() + SESSION_LIFETIME_MS,
    };
    await this.db
      .insertInto("sessions")
      .values({ id: session.id, user_id: userId, expires_at: session.expiresAt })
      .execute();
    return { token, session };
  }

  async validate(token: string): Promise<ValidSession | null> {
    const id = SessionService.idOf(token);
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "sessions.id",
        "sessions.expires_at",
        "users.id as user_id",
        "users.email",
        "users.name",
        "users.app_language",
      ])
      .where("sessions.id", "=", id)
      .executeTakeFirst();
    if (!row) return null;
    const now = this.now();
    if (now >= row.expires_at) {
      await this.invalidate(id);
      return null;
    }
    const session: Session = { id, userId: row.user_id, expiresAt: row.expires_at };
    let renewed = false;
    if (row.expires_at - now < RENEW_WHEN_LEFT_MS) {
      session.expiresAt = now + SESSION_LIFETIME_MS;
      renewed = true;
      await this.db
        .updateTable("sessions")
        .set({ expires_at: session.expiresAt })
        .where("id", "=", id)
        .execute();
    }
    return {
      session,
      user: { id: row.user_id, email: row.email, name: row.name },
      renewed,
      appLanguage: row.app_language,
    };
  }

  /** Expiry of each of these sessions that still exists. */
  async expiries(sessionIds: readonly string[]): Promise<Map<string, number>> {
    const expiries = new Map<string, number>();
    // Chunks keep each query under SQLite's bound-parameter limit.
    for (let start = 0; start < sessionIds.length; start += 500) {
      const rows = await this.db
        .selectFrom("sessions")
        .select(["id", "expires_at"])
        .where("id", "in", sessionIds.slice(start, start + 500))
        .execute();
      for (const row of rows) expiries.set(row.id, row.expires_at);
    }
    return expiries;
  }

  async invalidate(sessionId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", sessionId).execute();
  }
}
