import { readVisibleRichText } from "@entente/editor";
import {
  agendaNotesFragment,
  type DeletedSignedItemView,
  type SignedContentView,
} from "@entente/protocol";
import type { Kysely, Selectable } from "kysely";
import type * as Y from "yjs";
import type { AgendaItemsTable, Database, MeetingsTable } from "../db/schema.js";
import { contentHash } from "../governance/content-hash.js";
import { latestByOrganization } from "../governance/two-key.js";
import { DomainError } from "../domain-error.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { meetingDocument } from "./meeting-document.js";
import type { SignOffRecord } from "./sign-offs.js";

type MeetingRow = Selectable<MeetingsTable>;
type AgendaItemRow = Selectable<AgendaItemsTable>;

/** Who signs or deletes: id and name from the session, organization from the seat. */
export interface Signer {
  user: { id: string; name: string };
  seat: { organizationId: string };
}

/**
 * Everything shown as signed when an organization signs an agenda item off: the item's
 * title, owner organization and notes, and its meeting's title and date.
 */
export function signedContent(
  meeting: Pick<MeetingRow, "title" | "starts_at">,
  item: Pick<AgendaItemRow, "id" | "title" | "owner_organization_id">,
  doc: Y.Doc,
): SignedContentView {
  return {
    meetingTitle: meeting.title,
    meetingStartsAt: new Date(Number(meeting.starts_at)).toISOString(),
    title: item.title,
    ownerOrganizationId: item.owner_organization_id,
    notes: readVisibleRichText(doc.getXmlFragment(agendaNotesFragment(item.id))),
  };
}

/** A sign-off's version: the content hash of what it covers (see {@link signedContent}). */
export function signedContentVersion(content: SignedContentView): string {
  return contentHash(content);
}

/**
 * The sign-off rows of agenda items (`agenda_sign_offs`): what each covered, kept with a
 * snapshot of it, and kept when the item or its meeting is deleted (stamped with who
 * deleted it), so an organization's signature never disappears with the thing it signed.
 */
export class SignOffRecords {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
  ) {}

  /** What a sign-off of each item would cover now, by item id (one read per meeting). */
  async currentContent(
    meetings: readonly MeetingRow[],
    items: readonly AgendaItemRow[],
  ): Promise<Map<string, SignedContentView>> {
    const contents = new Map<string, SignedContentView>();
    for (const meeting of meetings) {
      const own = items.filter((item) => item.meeting_id === meeting.id);
      if (own.length === 0) continue;
      const doc = await this.documents.readDocument(meetingDocument(meeting));
      try {
        for (const item of own) contents.set(item.id, signedContent(meeting, item, doc));
      } finally {
        doc.destroy();
      }
    }
    return contents;
  }

  /**
   * Records the signer's organization's sign-off of the item as it is now. With
   * `expectedVersion` (what the signer read), an item that changed since is a 409.
   */
  async sign(
    signer: Signer,
    meeting: MeetingRow,
    item: AgendaItemRow,
    expectedVersion: string | undefined,
    now: number,
  ): Promise<void> {
    const content = (await this.currentContent([meeting], [item])).get(item.id)!;
    const version = signedContentVersion(content);
    if (expectedVersion !== undefined && expectedVersion !== version) {
      throw new DomainError(
        "conflict",
        "This agenda item changed since you read it: review it again, then sign it off",
      );
    }
    await this.db
      .insertInto("agenda_sign_offs")
      .values({
        partnership_id: meeting.partnership_id,
        meeting_id: meeting.id,
        agenda_item_id: item.id,
        organization_id: signer.seat.organizationId,
        user_id: signer.user.id,
        version,
        snapshot: JSON.stringify(content),
        created_at: now,
      })
      .execute();
  }

  /** Every sign-off of these items, oldest first, by item. */
  async history(itemIds: readonly string[]): Promise<Map<string, SignOffRecord[]>> {
    const byItem = new Map<string, SignOffRecord[]>();
    if (itemIds.length === 0) return byItem;
    const rows = await this.db
      .selectFrom("agenda_sign_offs")
      .innerJoin("users", "users.id", "agenda_sign_offs.user_id")
      .innerJoin("organizations", "organizations.id", "agenda_sign_offs.organization_id")
      .select([
        "agenda_sign_offs.agenda_item_id as itemId",
        "agenda_sign_offs.organization_id as organizationId",
        "organizations.name as organizationName",
        "agenda_sign_offs.user_id as userId",
        "users.name as userName",
        "agenda_sign_offs.version",
        "agenda_sign_offs.created_at as createdAt",
      ])
      .where("agenda_sign_offs.agenda_item_id", "in", itemIds)
      .orderBy("agenda_sign_offs.id")
      .execute();
    for (const { itemId, ...record } of rows) {
      const history = byItem.get(itemId) ?? [];
      history.push({ ...record, createdAt: Number(record.createdAt) });
      byItem.set(itemId, history);
    }
    return byItem;
  }

  /**
   * Stamps the sign-offs of a deleted item (or of every item of a deleted meeting) with who
   * deleted it; run in the deleting transaction. The rows themselves stay.
   */
  async markDeleted(
    db: Kysely<Database>,
    scope: { itemId: string } | { meetingId: string },
    deleter: Signer,
    now: number,
  ): Promise<void> {
    let query = db
      .updateTable("agenda_sign_offs")
      .set({
        deleted_at: now,
        deleted_by_user_id: deleter.user.id,
        deleted_by_organization_id: deleter.seat.organizationId,
      })
      .where("deleted_at", "is", null);
    query =
      "itemId" in scope
        ? query.where("agenda_item_id", "=", scope.itemId)
        : query.where("meeting_id", "=", scope.meetingId);
    await query.execute();
  }

  /** The partnership's signed items that were deleted, newest deletion first. */
  async deletedItems(
    partnershipId: string,
    organizationIds: readonly string[],
  ): Promise<DeletedSignedItemView[]> {
    const rows = await this.db
      .selectFrom("agenda_sign_offs as s")
      .innerJoin("users as signer", "signer.id", "s.user_id")
      .innerJoin("organizations as signer_org", "signer_org.id", "s.organization_id")
      .leftJoin("users as deleter", "deleter.id", "s.deleted_by_user_id")
      .leftJoin("organizations as deleter_org", "deleter_org.id", "s.deleted_by_organization_id")
      .select([
        "s.meeting_id as meetingId",
        "s.agenda_item_id as itemId",
        "s.organization_id as organizationId",
        "signer_org.name as organizationName",
        "s.user_id as userId",
        "signer.name as userName",
        "s.snapshot",
        "s.created_at as createdAt",
        "s.deleted_at as deletedAt",
        "s.deleted_by_user_id as deletedByUserId",
        "deleter.name as deletedByName",
        "s.deleted_by_organization_id as deletedByOrganizationId",
        "deleter_org.name as deletedByOrganizationName",
      ])
      .where("s.partnership_id", "=", partnershipId)
      .where("s.deleted_at", "is not", null)
      .orderBy("s.id")
      .execute();
    const byItem = new Map<string, typeof rows>();
    for (const row of rows) {
      const history = byItem.get(row.itemId) ?? [];
      history.push(row);
      byItem.set(row.itemId, history);
    }
    const rank = (organizationId: string) => {
      const index = organizationIds.indexOf(organizationId);
      return index === -1 ? organizationIds.length : index;
    };
    return [...byItem.values()]
      .map((history): DeletedSignedItemView => {
        const first = history[0]!;
        return {
          meetingId: first.meetingId,
          itemId: first.itemId,
          signOffs: [...latestByOrganization(history).values()]
            .sort((a, b) => rank(a.organizationId) - rank(b.organizationId))
            .map((row) => ({
              organizationId: row.organizationId,
              organizationName: row.organizationName,
              signedBy: { id: row.userId, name: row.userName },
              signedAt: new Date(Number(row.createdAt)).toISOString(),
              signed:
                row.snapshot === null ? null : (JSON.parse(row.snapshot) as SignedContentView),
            })),
          deletedAt: new Date(Number(first.deletedAt)).toISOString(),
          deletedBy: {
            id: first.deletedByUserId ?? "",
            name: first.deletedByName ?? "",
            organizationId: first.deletedByOrganizationId ?? "",
            organizationName: first.deletedByOrganizationName ?? "",
          },
        };
      })
      .sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }
}
