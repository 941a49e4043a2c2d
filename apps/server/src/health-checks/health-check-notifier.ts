import type { HealthCheckView, NotificationKind } from "@entente/protocol";
import type { AccessService, Seat } from "../access/access-service.js";
import type { NotificationService } from "../notifications/notification-service.js";
import type { HealthCheckListener } from "./health-check-service.js";

/**
 * Tells every member of both organizations when a cycle opens (to invite an answer) and
 * when it closes (results are out). Says nothing about who answered.
 */
export class HealthCheckNotifier implements HealthCheckListener {
  constructor(
    private readonly access: AccessService,
    private readonly notifications: NotificationService,
  ) {}

  opened(healthCheck: HealthCheckView, by: Seat & { userId: string }): Promise<void> {
    return this.tell(healthCheck, by, "health_check_opened");
  }

  closed(healthCheck: HealthCheckView, by: Seat & { userId: string }): Promise<void> {
    return this.tell(healthCheck, by, "health_check_results");
  }

  private async tell(
    healthCheck: HealthCheckView,
    by: Seat & { userId: string },
    kind: NotificationKind,
  ): Promise<void> {
    const source = {
      partnershipId: healthCheck.partnershipId,
      actorUserId: by.userId,
      subject: {
        kind: "item" as const,
        item: { kind: "health_check" as const, id: healthCheck.id, title: healthCheck.title },
        actorOrganizationId: by.organizationId,
      },
    };
    for (const organizationId of await this.access.organizationIds(healthCheck.partnershipId)) {
      await this.notifications.notifyOrganization(source, organizationId, kind);
    }
  }
}
