import { formatDocumentName } from "@entente/domain";
import type {
  ActionStatusName,
  IssueStatusName,
  NotificationItem,
  NotificationKind,
} from "@entente/protocol";
import {
  ISSUES_ROOT,
  OBJECTIVES_ROOT,
  readIssues,
  readObjectives,
  readValues,
} from "@entente/schema";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import { memberIds, seatOf } from "../access/memberships.js";
import type { Database } from "../db/schema.js";
import type { PartnershipWatch } from "../scheduling/partnership-watches.js";
import type { DocumentReader } from "../sync/document-reader.js";
import { EntryHistory } from "../records/entry-history.js";
import type { NotificationService } from "./notification-service.js";
import { claimNotificationMark, userExists, type Editor } from "./watch-records.js";

/** Statuses after which an item is no longer overdue, whatever its date. */
const FINISHED: ReadonlySet<string> = new Set(["done", "cancelled", "resolved", "closed"]);

/** How many of a document's latest updates are searched for the one that set a status. */
const CHANGE_SEARCH_LIMIT = 500;

/**
 * How far before the watch last saw an item its entry history is searched for who set the
 * status now seen: a change stored while the watch was reading the document is dated earlier.
 */
const SEEN_MARGIN_MS = 60_000;

/** An action or issue as the watch needs it. */
interface OwnedItem {
  kind: "action" | "issue";
  id: string;
  title: string;
  status: ActionStatusName | IssueStatusName;
  dueDate: string | null;
  ownerOrganizationId: string;
  assigneeUserId: string | null;
  createdBy: string;
  /** The organization of `createdBy`. */
  organizationId: string;
}

interface WatchedDocument {
  kind: "objectives" | "issues";
  root: string;
  itemKind: OwnedItem["kind"];
  read(doc: Y.Doc): OwnedItem[];
}

const DOCUMENTS: readonly WatchedDocument[] = [
  {
    kind: "objectives",
    root: OBJECTIVES_ROOT,
    itemKind: "action",
    read: (doc) =>
      readValues(readObjectives(doc)).flatMap((objective) =>
        readValues(objective.actions).map((action) => ({
          ...action,
          kind: "action" as const,
          // A status the wire does not know would not compile here.
          status: action.status satisfies ActionStatusName,
        })),
      ),
  },
  {
    kind: "issues",
    root: ISSUES_ROOT,
    itemKind: "issue",
    read: (doc) =>
      readValues(readIssues(doc)).map((issue) => ({
        ...issue,
        kind: "issue" as const,
        status: issue.status satisfies IssueStatusName,
      })),
  },
];

/**
 * Tells people when an action or issue they own changed status (`item_status_changed`) or
 * passed its due date unfinished (`item_overdue`, once per item and due date). An item's
 * owner is its assignee while they are in the partnership; otherwise the editors and admins
 * of its owner organization. Items live in the CRDT documents, so every partnership is
 * checked periodically: the status last seen of each item is kept in `item_watch` (a first
 * sighting is only recorded), and whichever instance moves that row on, or claims the
 * overdue mark (`notification_marks`), notifies, so each change is told once. Whoever set
 * the status is found in the server's records (the entry history, else the server-stamped
 * update that carries it), never in the document nor from whoever edited last; when the
 * records do not say, the notification says "someone". The changer is not told of their
 * own doing.
 */
export class ItemWatch implements PartnershipWatch {
  private readonly history: EntryHistory;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly notifications: NotificationService,
    private readonly now: () => number = Date.now,
  ) {
    this.history = new EntryHistory(db);
  }

  /** Notifies what is new about the actions and issues of one partnership. */
  async check(partnershipId: string): Promise<void> {
    for (const watched of DOCUMENTS) await this.checkDocument(partnershipId, watched);
  }

  private async checkDocument(partnershipId: string, watched: WatchedDocument): Promise<void> {
    const name = formatDocumentName({ kind: watched.kind, partnershipId });
    // Taken before reading: whatever is stored after it is searched for the next change.
    const latest = await this.latestUpdateId(name);
    const doc = await this.documents.readDocument(name);
    try {
      const items = watched.read(doc);
      if (items.length === 0) return;
      const seen = new Map(
        (
          await this.db
            .selectFrom("item_watch")
            .select(["item_id", "status", "last_update_id", "seen_at"])
            .where("partnership_id", "=", partnershipId)
            .where("item_kind", "=", watched.itemKind)
            .execute()
        ).map((row) => [row.item_id, row]),
      );
      // The watch's first look at this document (just deployed, or its first items): what is
      // already late is recorded, not announced, so nobody gets a flood of old news.
      const firstLook = seen.size === 0;
      const today = new Date(this.now()).toISOString().slice(0, 10);

      for (const item of items) {
        const before = seen.get(item.id);
        if (!before) {
          await this.firstSighting(partnershipId, item, latest);
        } else if (
          before.status !== item.status &&
          (await this.claimChange(partnershipId, item, before.status, latest))
        ) {
          const changer =
            (await this.history.lastSetBy(
              name,
              item.id,
              "status",
              item.status,
              Number(before.seen_at) - SEEN_MARGIN_MS,
            )) ?? (await this.changer(name, doc, watched.root, item.id, before.last_update_id));
          await this.tell(partnershipId, item, "item_status_changed", changer);
        }
        if (item.dueDate !== null && item.dueDate < today && !FINISHED.has(item.status)) {
          const key = `item-overdue:${item.kind}:${item.id}:${item.dueDate}`;
          if (
            (await claimNotificationMark(this.db, partnershipId, key, this.now())) &&
            !firstLook
          ) {
            // Nobody made it late: the notification names no one.
            await this.tell(partnershipId, item, "item_overdue", null);
          }
        }
      }
    } finally {
      doc.destroy();
    }
  }

  private async firstSighting(partnershipId: string, item: OwnedItem, latest: number) {
    await this.db
      .insertInto("item_watch")
      .values({
        partnership_id: partnershipId,
        item_kind: item.kind,
        item_id: item.id,
        status: item.status,
        last_update_id: latest,
        seen_at: this.now(),
      })
      .onConflict((conflict) =>
        conflict.columns(["partnership_id", "item_kind", "item_id"]).doNothing(),
      )
      .execute();
  }

  /** Moves the seen status on; false when another instance already did (and tells it). */
  private async claimChange(
    partnershipId: string,
    item: OwnedItem,
    previous: string,
    latest: number,
  ): Promise<boolean> {
    const moved = await this.db
      .updateTable("item_watch")
      .set({ status: item.status, last_update_id: latest, seen_at: this.now() })
      .where("partnership_id", "=", partnershipId)
      .where("item_kind", "=", item.kind)
      .where("item_id", "=", item.id)
      .where("status", "=", previous)
      .executeTakeFirst();
    return moved.numUpdatedRows === 1n;
  }

  /**
   * Notifies the item's owners, leaving out `editor`, who did it as the server's records
   * say; null (or an account since deleted) when they do not say: the text says "someone".
   */
  private async tell(
    partnershipId: string,
    item: OwnedItem,
    kind: NotificationKind,
    editor: Editor | null,
  ): Promise<void> {
    const actor = editor !== null && (await userExists(this.db, editor.userId)) ? editor : null;
    const owners = await this.owners(partnershipId, item);
    const wire: NotificationItem =
      item.kind === "action"
        ? {
            kind: "action",
            id: item.id,
            title: item.title,
            status: item.status as ActionStatusName,
            dueDate: item.dueDate,
          }
        : {
            kind: "issue",
            id: item.id,
            title: item.title,
            status: item.status as IssueStatusName,
            dueDate: item.dueDate,
          };
    await this.notifications.notifyUsers(
      {
        partnershipId,
        actorUserId: actor?.userId ?? null,
        subject: { kind: "item", item: wire, actorOrganizationId: actor?.organizationId ?? "" },
      },
      owners,
      kind,
      true,
    );
  }

  /** The assignee while in the partnership; otherwise the owner organization's editors. */
  private async owners(partnershipId: string, item: OwnedItem): Promise<string[]> {
    if (item.assigneeUserId !== null) {
      const seat = await seatOf(this.db, partnershipId, item.assigneeUserId);
      if (seat) return [seat.user_id];
    }
    return memberIds(this.db, partnershipId, {
      organizationId: item.ownerOrganizationId,
      permission: ["editor", "admin"],
    });
  }

  /**
   * Who set the item's current status: the stamp of the stored update (after `afterId`) that
   * carries the Yjs struct holding it. Null when it cannot be told: the update was compacted
   * away, or the server wrote it.
   */
  private async changer(
    name: string,
    doc: Y.Doc,
    root: string,
    itemId: string,
    afterId: number,
  ): Promise<Editor | null> {
    const entry = findEntry(doc.getMap<unknown>(root), itemId, 2);
    const struct = entry?._map.get("status");
    if (!struct) return null;
    const { client, clock } = struct.id;
    const rows = await this.db
      .selectFrom("document_updates")
      .select(["update", "user_id", "organization_id"])
      .where("document_name", "=", name)
      .where("id", ">", afterId)
      .orderBy("id", "desc")
      .limit(CHANGE_SEARCH_LIMIT)
      .execute();
    for (const row of rows) {
      if (row.update.length === 0) continue;
      let structs;
      try {
        structs = Y.decodeUpdate(row.update).structs;
      } catch {
        continue;
      }
      const carries = structs.some(
        (s) => s.id.client === client && s.id.clock <= clock && clock < s.id.clock + s.length,
      );
      if (!carries) continue;
      return row.user_id !== null && row.organization_id !== null
        ? { userId: row.user_id, organizationId: row.organization_id }
        : null;
    }
    return null;
  }

  private async latestUpdateId(name: string): Promise<number> {
    const row = await this.db
      .selectFrom("document_updates")
      .select((eb) => eb.fn.max("id").as("id"))
      .where("document_name", "=", name)
      .executeTakeFirst();
    return Number(row?.id ?? 0);
  }
}

/**
 * The entry keyed `id` in `map` or in its nested maps down to `depth` levels (an issue is
 * at the root; an action sits in its objective's collection of actions). Item ids are
 * random, so the first match is the entry.
 */
function findEntry(map: Y.Map<unknown>, id: string, depth: number): Y.Map<unknown> | null {
  const direct = map.get(id);
  if (direct instanceof Y.Map) return direct as Y.Map<unknown>;
  if (depth === 0) return null;
  for (const child of map.values()) {
    if (child instanceof Y.Map) {
      const found = findEntry(child as Y.Map<unknown>, id, depth - 1);
      if (found) return found;
    }
  }
  return null;
}
