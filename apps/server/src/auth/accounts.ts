import type { Language } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { recordAppLanguage } from "./app-language.js";

/** A user as they sign in: the stored hash beside who they are. */
export interface AccountRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
}

/** The `users` rows that sign-up and sign-in read and write. */
export class Accounts {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates the account; false when its e-mail is taken. The unique e-mail decides, so two
   * concurrent signups cannot both pass a check.
   */
  async create(
    user: { id: string; email: string; name: string },
    passwordHash: string,
  ): Promise<boolean> {
    const inserted = await this.db
      .insertInto("users")
      .values({
        ...user,
        password_hash: passwordHash,
        created_at: Date.now(),
      })
      .onConflict((conflict) => conflict.column("email").doNothing())
      .executeTakeFirst();
    return inserted.numInsertedOrUpdatedRows === 1n;
  }

  /** The account an e-mail names, with its password hash. */
  async byEmail(email: string): Promise<AccountRow | undefined> {
    return this.db
      .selectFrom("users")
      .select(["id", "email", "name", "password_hash"])
      .where("email", "=", email)
      .executeTakeFirst();
  }

  /** Records the language `userId` uses the app in (see `recordAppLanguage`). */
  recordAppLanguage(userId: string, language: Language): Promise<void> {
    return recordAppLanguage(this.db, userId, language);
  }
}
