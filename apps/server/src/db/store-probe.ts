import { sql, type Kysely } from "kysely";
import type { Database } from "./schema.js";

/** Whether the database answers, for the health endpoint. */
export class StoreProbe {
  constructor(private readonly db: Kysely<Database>) {}

  /** Resolves while the database answers; rejects (as the query fails) while it is away. */
  async ping(): Promise<void> {
    await sql`SELECT 1`.execute(this.db);
  }
}
