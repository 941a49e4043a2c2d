import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { Logger } from "../observability/logger.js";
import { PeriodicTask } from "./periodic-task.js";

/** A periodic look at one partnership's state that tells people what is new since the last. */
export interface PartnershipWatch {
  check(partnershipId: string): Promise<void>;
}

/**
 * Runs every watch over every partnership, now and then every interval (`start`), one
 * partnership at a time so a large deployment does not read every document at once.
 */
export function partnershipWatches(
  db: Kysely<Database>,
  watches: readonly PartnershipWatch[],
  logger: Logger,
): PeriodicTask {
  return new PeriodicTask(
    async () => {
      const partnerships = await db.selectFrom("partnerships").select("id").execute();
      for (const { id } of partnerships) {
        for (const watch of watches) await watch.check(id);
      }
    },
    logger,
    "partnership watch failed",
  );
}
