import { formatDocumentName } from "@entente/domain";
import type { RestoreResponse, TrashEntryView } from "@entente/protocol";
import type { CollectionLayout } from "@entente/schema";
import type { Kysely } from "kysely";
import type { Seat } from "../access/access-service.js";
import type { Database } from "../db/schema.js";
import type { NotificationService } from "../notifications/notification-service.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { PartnershipWatch } from "../scheduling/partnership-watches.js";
import type { AppliedChange, EntryChange } from "../sync/document-observers.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import { nestedLayout } from "../sync/entry-diff.js";
import { ActorNames } from "./actors.js";
import {
  collectionIn,
  entryFromJson,
  entryOrganizations,
  entryTitle,
  recordedDocument,
  type RecordedDocument,
} from "./entry-values.js";
import { can } from "../access/policies.js";

/** How long a deleted entry can be restored. */
export const TRASH_RETENTION_MS = 30 * 24 * 60 * 60_000;

/**
 * Deleted entries of structured documents, kept 30 days: both sides of the partnership see
 * them (a profile's, like the profile); an organization that owns (or created) an entry
 * another organization deleted is notified (`item_deleted`); editors who may write the
 * document restore one in one click, under its own id, as their own new edit. As a
 * partnership watch it purges what expired.
 */
export class EntryTrash implements PartnershipWatch {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly notifications: NotificationService,
    private readonly writer: DocumentWriter,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps the entries a client's update deleted, and tells their other owners. */
  async keep(ref: RecordedDocument, change: AppliedChange): Promise<void> {
    if (change.source !== "client") return;
    const deleted = change.changes.filter((c) => c.kind === "deleted" && c.before !== null);
    for (const entry of deleted) {
      // An action deleted with its objective comes back with it: the objective is kept whole.
      if (deleted.some((other) => other !== entry && isInside(entry, other))) continue;
      const nested = nestedLayout(ref.kind, entry.collection) ?? {};
      await this.keepOne(ref, change, entry, wholeEntry(entry, deleted, nested));
    }
  }

  private async keepOne(
    ref: RecordedDocument,
    change: AppliedChange,
    entry: EntryChange,
    json: Record<string, unknown>,
  ): Promise<void> {
    const title = entryTitle(json, entry.entryId);
    const organizations = entryOrganizations(ref, json);
    const id = newId();
    await this.db
      .insertInto("entry_trash")
      .values({
        id,
        partnership_id: ref.partnershipId,
        document_name: change.documentName,
        collection: JSON.stringify(entry.collection),
        entry_id: entry.entryId,
        title,
        owner_organization_id: organizations[0] ?? null,
        entry: JSON.stringify(json),
        deleted_by_user_id: change.stamp.userId,
        deleted_by_organization_id: change.stamp.organizationId,
        deleted_at: change.at,
        expires_at: change.at + TRASH_RETENTION_MS,
        restored_by_user_id: null,
        restored_at: null,
      })
      .execute();
    const { userId, organizationId } = change.stamp;
    if (userId === null || organizationId === null) return;
    for (const owner of organizations) {
      if (owner === organizationId) continue;
      await this.notifications.notifyOrganization(
        {
          partnershipId: ref.partnershipId,
          actorUserId: userId,
          subject: {
            kind: "item",
            item: { kind: "trash", id, title },
            actorOrganizationId: organizationId,
          },
        },
        owner,
        "item_deleted",
      );
    }
  }

  /** What the seat may see of the partnership's trash, newest first. */
  async list(seat: Seat): Promise<TrashEntryView[]> {
    const rows = await this.db
      .selectFrom("entry_trash")
      .selectAll()
      .where("partnership_id", "=", seat.partnershipId)
      .where("restored_at", "is", null)
      .where("expires_at", ">", this.now())
      .orderBy("deleted_at", "desc")
      .execute();
    const visible = rows.flatMap((row) => {
      const ref = recordedDocument(row.document_name);
      return ref && can(seat, "read document", ref) ? [{ row, ref }] : [];
    });
    const names = await ActorNames.load(
      this.db,
      visible.map(({ row }) => ({
        userId: row.deleted_by_user_id,
        organizationId: row.deleted_by_organization_id,
      })),
    );
    return visible.map(({ row, ref }) => ({
      id: row.id,
      documentKind: ref.kind,
      documentOrganizationId: ref.kind === "profile" ? ref.organizationId : null,
      entryId: row.entry_id,
      collection: JSON.parse(row.collection) as string[],
      title: row.title,
      ownerOrganizationId: row.owner_organization_id,
      deletedBy: names.actor(row.deleted_by_user_id, row.deleted_by_organization_id),
      deletedAt: new Date(Number(row.deleted_at)).toISOString(),
      expiresAt: new Date(Number(row.expires_at)).toISOString(),
    }));
  }

  /**
   * Writes the entry back under its own id, as a new edit by `userId` through the server's
   * document writer. 404 when it is not in the trash (any more) or the seat may not read it,
   * 403 when the seat may not write its document, 409 when its parent is gone or an entry
   * holds its id.
   */
  async restore(seat: Seat, userId: string, trashId: string): Promise<RestoreResponse> {
    const row = await this.db
      .selectFrom("entry_trash")
      .selectAll()
      .where("id", "=", trashId)
      .where("partnership_id", "=", seat.partnershipId)
      .where("restored_at", "is", null)
      .where("expires_at", ">", this.now())
      .executeTakeFirst();
    const ref = row ? recordedDocument(row.document_name) : null;
    if (!row || !ref || !can(seat, "read document", ref)) {
      throw DomainError.notFound("No such entry in the trash");
    }
    if (!can(seat, "write document", ref)) {
      throw DomainError.forbidden(
        "Only an editor or admin who may change this document can restore",
      );
    }
    const collection = JSON.parse(row.collection) as string[];
    const entry = JSON.parse(row.entry) as Record<string, unknown>;
    const outcome = await this.writer.writeDocument(
      formatDocumentName(ref),
      { userId, organizationId: seat.organizationId },
      (doc) => {
        const parent = collectionIn(doc, collection);
        if (!parent) return "parent-gone" as const;
        if (parent.has(row.entry_id)) return "taken" as const;
        parent.set(row.entry_id, entryFromJson(entry));
        return "restored" as const;
      },
    );
    if (outcome === "parent-gone") {
      throw new DomainError(
        "conflict",
        "What this entry belonged to was deleted: restore that first",
      );
    }
    if (outcome === "taken") {
      throw new DomainError("conflict", "An entry with this id exists again");
    }
    // Claimed once: a second click (or another member's) finds it restored.
    await this.db
      .updateTable("entry_trash")
      .set({ restored_by_user_id: userId, restored_at: this.now() })
      .where("id", "=", row.id)
      .where("restored_at", "is", null)
      .execute();
    return { entryId: row.entry_id, documentKind: ref.kind };
  }

  /** Purges the partnership's trash of what expired (run by the periodic watches). */
  async check(partnershipId: string): Promise<void> {
    await this.db
      .deleteFrom("entry_trash")
      .where("partnership_id", "=", partnershipId)
      .where("expires_at", "<=", this.now())
      .execute();
  }
}

/**
 * A deleted entry as it was, with its nested collections (an objective's actions and KPIs,
 * a KPI's measurements): a change gives an entry's own fields, and each entry deleted with
 * it as a change of its own.
 */
function wholeEntry(
  entry: EntryChange,
  deleted: readonly EntryChange[],
  nested: CollectionLayout,
): Record<string, unknown> {
  const whole: Record<string, unknown> = { ...entry.before };
  for (const [name, layout] of Object.entries(nested)) {
    const collection = [...entry.collection, entry.entryId, name];
    const entries: Record<string, unknown> = {};
    for (const other of deleted) {
      const within =
        other.collection.length === collection.length &&
        other.collection.every((segment, i) => segment === collection[i]);
      if (within) entries[other.entryId] = wholeEntry(other, deleted, layout);
    }
    whole[name] = entries;
  }
  return whole;
}

/** `entry` lives inside `other` (an action of a deleted objective). */
function isInside(entry: EntryChange, other: EntryChange): boolean {
  const path = [...other.collection, other.entryId];
  return (
    entry.collection.length > path.length - 1 &&
    path.every((segment, i) => entry.collection[i] === segment)
  );
}
