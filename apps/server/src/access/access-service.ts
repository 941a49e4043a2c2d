import {
  parseDocumentName,
  type DocumentAccess,
  type DocumentRef,
  type GovernanceLevel,
  type PartnershipSeat,
} from "@entente/domain";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { DomainError } from "../domain-error.js";
import { seatOf, seatsOfUser } from "./memberships.js";
import { accessTo } from "./policies.js";

export interface Seat extends PartnershipSeat {
  partnershipId: string;
  level: GovernanceLevel;
}

export type DocumentAccessResult =
  | { kind: "not-a-document" }
  | { kind: "denied" }
  | { kind: "granted"; access: Exclude<DocumentAccess, "none">; seat: Seat; ref: DocumentRef };

/** Who may see and change what: the seat a user holds in a partnership, and document access. */
export class AccessService {
  constructor(private readonly db: Kysely<Database>) {}

  async seat(userId: string, partnershipId: string): Promise<Seat | null> {
    const row = await seatOf(this.db, partnershipId, userId);
    if (!row) return null;
    return {
      partnershipId,
      organizationId: row.organization_id,
      permission: row.permission,
      level: row.level,
    };
  }

  /** Every seat the user holds, one per partnership they belong to. */
  async seats(userId: string): Promise<Seat[]> {
    const rows = await seatsOfUser(this.db, userId);
    return rows.map((row) => ({
      partnershipId: row.partnership_id,
      organizationId: row.organization_id,
      permission: row.permission,
      level: row.level,
    }));
  }

  /** An organization's name; null when there is no such organization. */
  async organizationName(organizationId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    return row?.name ?? null;
  }

  /** Non-members learn nothing, not even that the partnership exists: 404. */
  async requireSeat(userId: string, partnershipId: string): Promise<Seat> {
    const seat = await this.seat(userId, partnershipId);
    if (!seat) throw DomainError.notFound("No such partnership");
    return seat;
  }

  /**
   * The user's seat in their own organization (their role there as the permission), or null
   * when they do not belong to it: what `can` decides the organization's own matters on.
   */
  async organizationSeat(userId: string, organizationId: string): Promise<PartnershipSeat | null> {
    const row = await this.db
      .selectFrom("organization_members")
      .select("role")
      .where("organization_id", "=", organizationId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    return row ? { organizationId, permission: row.role } : null;
  }

  async organizationIds(partnershipId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom("partnership_organizations")
      .select("organization_id")
      .where("partnership_id", "=", partnershipId)
      .orderBy("joined_at")
      .orderBy("organization_id")
      .execute();
    return rows.map((r) => r.organization_id);
  }

  async document(userId: string, documentName: string): Promise<DocumentAccessResult> {
    const ref = parseDocumentName(documentName);
    if (!ref) return { kind: "not-a-document" };
    const seat = await this.seat(userId, ref.partnershipId);
    if (!seat) return { kind: "denied" };
    if (!(await this.exists(ref))) return { kind: "denied" };
    const access = accessTo(seat, ref);
    return access === "none" ? { kind: "denied" } : { kind: "granted", access, seat, ref };
  }

  private async exists(ref: DocumentRef): Promise<boolean> {
    switch (ref.kind) {
      case "profile":
      case "private":
        return (await this.organizationIds(ref.partnershipId)).includes(ref.organizationId);
      case "meeting": {
        // A meeting's document exists while the meeting does, in that partnership only.
        const meeting = await this.db
          .selectFrom("meetings")
          .select("id")
          .where("id", "=", ref.meetingId)
          .where("partnership_id", "=", ref.partnershipId)
          .executeTakeFirst();
        return meeting !== undefined;
      }
      default:
        return true;
    }
  }
}
