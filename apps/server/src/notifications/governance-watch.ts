import { formatDocumentName } from "@entente/domain";
import { readDecisions, readValues } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import type { GovernanceService } from "../governance/governance-service.js";
import type { PartnershipWatch } from "../scheduling/partnership-watches.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { EntryHistory } from "../records/entry-history.js";
import type { NotificationService } from "./notification-service.js";
import { claimNotificationMark, lastEditor, userExists } from "./watch-records.js";

/**
 * Tells organizations when governance waits on them: a proposed decision still pending
 * without their vote (`decision_waiting`, once per decision and organization; again once
 * per new content when an edit made their vote stale), and the
 * charter changed since their latest endorsement (`charter_changed`, once per endorsement).
 * Decisions and the charter change through the CRDT documents, so this checks every
 * partnership's state periodically (`scheduling/partnership-watches.ts`) rather than hooking
 * the routes: whichever instance claims
 * an event first (a `notification_marks` row) notifies, so each is told once.
 */
export class GovernanceWatch implements PartnershipWatch {
  private readonly history: EntryHistory;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly governance: GovernanceService,
    private readonly notifications: NotificationService,
  ) {
    this.history = new EntryHistory(db);
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
    const ref = { kind: "decisions" as const, partnershipId };
    const doc = await this.documents.readDocument(formatDocumentName(ref));
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
      // Who recorded it: the sender the server recorded creating it, else its creation stamp
      // (which the update guard checks against the sender); never its "proposed by".
      const creator = (await this.history.creator(ref, decision.id)) ?? {
        userId: decision.createdBy,
        organizationId: decision.organizationId,
      };
      const actor = (await userExists(this.db, creator.userId)) ? creator : null;
      const proposedBy =
        decision.proposedBy !== creator.userId
          ? await this.userName(decision.proposedBy)
          : undefined;
      for (const organizationId of organizationIds) {
        const vote = recorded?.votes.find((v) => v.organizationId === organizationId);
        if (vote?.current) continue;
        // No vote yet: told once, by whoever recorded the decision. A vote made stale by an
        // edit: asked again once per content version, by whoever the server recorded changing
        // the decision last (nobody named when the records do not say).
        const teller =
          vote && recorded
            ? await this.history.lastChanger(
                formatDocumentName({ kind: "decisions", partnershipId }),
                decision.id,
              )
            : actor;
        const known = teller && (await userExists(this.db, teller.userId)) ? teller : null;
        const key =
          vote && recorded
            ? `decision-revote:${decision.id}:${organizationId}:${recorded.contentVersion}`
            : `decision-waiting:${decision.id}:${organizationId}`;
        if (!(await claimNotificationMark(this.db, partnershipId, key, Date.now()))) continue;
        await this.notifications.notifyOrganization(
          {
            partnershipId,
            actorUserId: known?.userId ?? null,
            subject: {
              kind: "item",
              item: {
                kind: "decision",
                id: decision.id,
                title: decision.title,
                ...(proposedBy === undefined ? {} : { proposedBy }),
              },
              actorOrganizationId: known?.organizationId ?? "",
            },
          },
          organizationId,
          "decision_waiting",
        );
      }
    }
  }

  /** A user's name; "?" for an id that names no account (the field is free to write). */
  private async userName(userId: string): Promise<string> {
    const row = await this.db
      .selectFrom("users")
      .select("name")
      .where("id", "=", userId)
      .executeTakeFirst();
    return row?.name ?? "?";
  }

  private async charterChanged(partnershipId: string): Promise<void> {
    const status = await this.governance.charterStatus(partnershipId);
    const stale = status.endorsements.filter((e) => !e.current);
    if (stale.length === 0) return;
    // Whoever edited the charter last is who changed it.
    const editor = await lastEditor(
      this.db,
      formatDocumentName({ kind: "charter", partnershipId }),
    );
    if (!editor) return;
    for (const endorsement of stale) {
      const key = `charter-changed:${endorsement.organizationId}:${endorsement.endorsedAt}:${endorsement.version}`;
      if (!(await claimNotificationMark(this.db, partnershipId, key, Date.now()))) continue;
      await this.notifications.notifyOrganization(
        {
          partnershipId,
          actorUserId: editor.userId,
          subject: {
            kind: "item",
            item: { kind: "charter", id: null, title: "Charter" },
            actorOrganizationId: editor.organizationId,
          },
        },
        endorsement.organizationId,
        "charter_changed",
      );
    }
  }
}
