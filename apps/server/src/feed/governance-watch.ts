import { formatDocumentName } from "@entente/domain";
import { readDecisions, readValues } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import type { Logger } from "../observability/logger.js";
import { PeriodicTask } from "../scheduling/periodic-task.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { NotificationService } from "./notification-service.js";

/**
 * Tells organizations when governance waits on them: a proposed decision still pending
 * without their vote (`decision_waiting`, once per decision and organization), and the
 * charter changed since their latest endorsement (`charter_changed`, once per endorsement).
 * Decisions and the charter change through the CRDT documents, so this checks every
 * partnership's state periodically rather than hooking the routes: whichever instance claims
 * an event first (a `notification_marks` row) notifies, so each is told once.
 */
export class GovernanceWatch {
  private readonly checks: PeriodicTask;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly governance: GovernanceService,
    private readonly notifications: NotificationService,
    private readonly logger: Logger,
  ) {
    this.checks = new PeriodicTask(() => this.checkAll(), logger, "governance check failed");
  }

  start(intervalMs: number): void {
    this.checks.start(intervalMs);
  }

  stop(): Promise<void> {
    return this.checks.stop();
  }

  async checkAll(): Promise<void> {
    const partnerships = await this.db.selectFrom("partnerships").select("id").execute();
    for (const { id } of partnerships) await this.check(id);
  }

  /** Notifies what is new in one partnership since the last check. */
  async check(partnershipId: string): Promise<void> {
    const organizationIds = (
      await this.db
        .selectFrom("partnership_organizations")
        .select("organization_id")
        .where("partnership_id", "=", partnershipId)
        .execute()
    ).map((o) => o.organization_id);
    // One organization alone decides nothing and ratifies nothing: nothing waits on it yet.
    if (organizationIds.length < 2) return;
    await this.decisionsWaiting(partnershipId, organizationIds);
    await this.charterChanged(partnershipId);
  }

  private async decisionsWaiting(partnershipId: string, organizationIds: string[]): Promise<void> {
    const doc = await this.documents.readDocument(
      formatDocumentName({ kind: "decisions", partnershipId }),
    );
    let proposed;
    try {
      proposed = readValues(readDecisions(doc)).filter((d) => d.status === "proposed");
    } finally {
      doc.destroy();
    }
    if (proposed.length === 0) return;
    const votes = await this.governance.decisionVotes(partnershipId);
    for (const decision of proposed) {
      const recorded = Object.hasOwn(votes, decision.id) ? votes[decision.id] : undefined;
      if (recorded && recorded.outcome !== "pending") continue;
      if (!(await this.userExists(decision.createdBy))) continue;
      for (const organizationId of organizationIds) {
        if (recorded?.votes.some((v) => v.organizationId === organizationId)) continue;
        if (!(await this.claim(partnershipId, `decision-waiting:${decision.id}:${organizationId}`)))
          continue;
        await this.notifications.notifyOrganization(
          {
            partnershipId,
            actorUserId: decision.createdBy,
            subject: {
              kind: "item",
              item: { kind: "decision", id: decision.id, title: decision.title },
              actorOrganizationId: decision.organizationId,
            },
          },
          organizationId,
          "decision_waiting",
        );
      }
    }
  }

  private async charterChanged(partnershipId: string): Promise<void> {
    const status = await this.governance.charterStatus(partnershipId);
    const stale = status.endorsements.filter((e) => !e.current);
    if (stale.length === 0) return;
    // Whoever edited the charter last is who changed it.
    const editor = await this.db
      .selectFrom("document_updates")
      .select(["user_id", "organization_id"])
      .where("document_name", "=", formatDocumentName({ kind: "charter", partnershipId }))
      .where("user_id", "is not", null)
      .where("organization_id", "is not", null)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!editor?.user_id || !editor.organization_id) return;
    for (const endorsement of stale) {
      const key = `charter-changed:${endorsement.organizationId}:${endorsement.endorsedAt}:${endorsement.version}`;
      if (!(await this.claim(partnershipId, key))) continue;
      await this.notifications.notifyOrganization(
        {
          partnershipId,
          actorUserId: editor.user_id,
          subject: {
            kind: "item",
            item: { kind: "charter", id: null, title: "Charter" },
            actorOrganizationId: editor.organization_id,
          },
        },
        endorsement.organizationId,
        "charter_changed",
      );
    }
  }

  /** Records that `key` is being told; false when someone (another instance) already did. */
  private async claim(partnershipId: string, key: string): Promise<boolean> {
    const inserted = await this.db
      .insertInto("notification_marks")
      .values({ key, partnership_id: partnershipId, created_at: Date.now() })
      .onConflict((conflict) => conflict.column("key").doNothing())
      .executeTakeFirst();
    return inserted.numInsertedOrUpdatedRows === 1n;
  }

  private async userExists(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom("users")
      .select("id")
      .where("id", "=", userId)
      .executeTakeFirst();
    return row !== undefined;
  }
}
