import type { MembershipChange, NotificationKind } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { FeedEvents } from "../live-events/feed-events.js";
import type { NotificationService } from "../notifications/notification-service.js";
import type { AcceptedInvitation } from "./invitations.js";
import { memberIds, namedMembers } from "./memberships.js";

/** A member of a partnership, as stored before they left. */
export interface LeavingMember {
  userId: string;
  organizationId: string;
}

/**
 * Tells a partnership that who is in it changed, once the change is stored: a
 * `membership.changed` event on its event stream (every open screen reads the partnership
 * again), and a notification to its members for joins and departures. Who did it is the
 * session's user, never what a request says; they are not told of their own act, and
 * neither is whoever invited the newcomer (they asked for it).
 */
export class MembershipAnnouncer {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly events: FeedEvents,
    private readonly notifications: NotificationService,
  ) {}

  /** `userId` accepted an invitation: their organization joined with them, or they joined. */
  async joined(userId: string, accepted: AcceptedInvitation): Promise<void> {
    const partnershipId = accepted.partnership.id;
    const organization = accepted.joinedOrganization;
    if (organization) {
      this.publish(partnershipId, "organization_joined", organization.id, null);
      await this.tell(
        partnershipId,
        userId,
        organization.id,
        { kind: "organization", id: organization.id, title: organization.name },
        "organization_joined",
        accepted.invitedBy,
      );
      return;
    }
    const [member] = await namedMembers(this.db, partnershipId, { userId });
    if (!member) return;
    this.publish(partnershipId, "member_joined", member.organization_id, userId);
    await this.tell(
      partnershipId,
      userId,
      member.organization_id,
      { kind: "member", id: userId, title: member.name },
      "member_joined",
      accepted.invitedBy,
    );
  }

  /** `member` left the partnership: removed by `actor`, or `actor` is `member` leaving. */
  async left(
    partnershipId: string,
    member: LeavingMember,
    actor: { userId: string; organizationId: string },
  ): Promise<void> {
    this.publish(partnershipId, "member_left", member.organizationId, member.userId);
    const user = await this.db
      .selectFrom("users")
      .select("name")
      .where("id", "=", member.userId)
      .executeTakeFirst();
    if (!user) return;
    await this.tell(
      partnershipId,
      actor.userId,
      actor.organizationId,
      { kind: "member", id: member.userId, title: user.name },
      "member_left",
      null,
    );
  }

  /** `organizationId` made, approved (another organization's) or revoked an invitation. */
  invitationChanged(
    partnershipId: string,
    organizationId: string,
    change: "invitation_created" | "invitation_approved" | "invitation_revoked",
  ): void {
    this.publish(partnershipId, change, organizationId, null);
  }

  private publish(
    partnershipId: string,
    change: MembershipChange,
    organizationId: string,
    userId: string | null,
  ): void {
    this.events.publish(
      { kind: "partnership", partnershipId },
      { type: "membership.changed", change, organizationId, userId },
    );
  }

  /** Every member now in the partnership but `inviter` (and the actor, left out by delivery). */
  private async tell(
    partnershipId: string,
    actorUserId: string,
    actorOrganizationId: string,
    item: { kind: "organization" | "member"; id: string; title: string },
    kind: NotificationKind,
    inviter: string | null,
  ): Promise<void> {
    const members = await memberIds(this.db, partnershipId, { exceptUserId: inviter });
    await this.notifications.notifyUsers(
      { partnershipId, actorUserId, subject: { kind: "item", item, actorOrganizationId } },
      members,
      kind,
      true,
    );
  }
}
