import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import type { Seat } from "./access-service.js";
import {
  memberIds,
  partnershipsOfUser,
  removeSeat,
  type UserPartnershipRow,
} from "./memberships.js";
import { readPartnershipDirectory, type PartnershipDirectory } from "./partnership-directory.js";
import { can } from "./policies.js";

/** Partnerships as their members see them: who is in one, which ones a user is in, leaving. */
export class PartnershipService {
  constructor(private readonly db: Kysely<Database>) {}

  /** The partnerships `userId` has a seat in, with that seat. */
  ofUser(userId: string, order: "newest first" | "oldest first"): Promise<UserPartnershipRow[]> {
    return partnershipsOfUser(this.db, userId, order);
  }

  /** Who is in a partnership. The caller has checked that its user may see it. */
  directory(partnershipId: string): Promise<PartnershipDirectory> {
    return readPartnershipDirectory(this.db, partnershipId);
  }

  /**
   * Removes `userId`'s seat (`target`) from the partnership, unless they are the last admin
   * of their organization in it. The caller has checked that its user may remove them.
   */
  async removeMember(partnershipId: string, userId: string, target: Seat): Promise<void> {
    const id = partnershipId;
    await this.db.transaction().execute(async (trx) => {
      // Touching the partnership row locks it (PostgreSQL row lock, SQLite write lock),
      // so two admins leaving at once cannot both count the other as the one who stays.
      await trx
        .updateTable("partnerships")
        .set((eb) => ({ name: eb.ref("name") }))
        .where("id", "=", id)
        .execute();
      // Whoever runs the partnership for an organization leaves another who does.
      if (can(target, "administer")) {
        const admins = await memberIds(trx, id, {
          organizationId: target.organizationId,
          permission: "admin",
        });
        if (admins.length === 1) {
          throw new DomainError(
            "conflict",
            "An organization keeps at least one admin in the partnership",
          );
        }
      }
      await removeSeat(trx, id, userId);
    });
  }
}
