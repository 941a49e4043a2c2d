import { formatDocumentName } from "@entente/domain";
import type { EntryChangeView, FieldChangeView } from "@entente/protocol";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";
import type { AppliedChange } from "../sync/document-observers.js";
import { ActorNames } from "./actors.js";
import { boundedValue, type RecordedDocument } from "./entry-values.js";

/** Changes listed for one entry, newest first. */
const HISTORY_LIMIT = 200;
/** Fields recorded per change (an entry has a dozen; a forged one may have thousands). */
const MAX_FIELDS = 40;

/** Who changed an entry's field, as the server recorded it. */
export interface RecordedChanger {
  userId: string;
  organizationId: string;
  at: number;
}

/**
 * The field history of structured documents' entries: every change the server applied,
 * with the sender it authenticated (never a stamp written in the document), and the
 * changed fields' values before and after, bounded in size.
 */
export class EntryHistory {
  constructor(private readonly db: Kysely<Database>) {}

  /** Records what one applied update changed. */
  async record(ref: RecordedDocument, change: AppliedChange): Promise<void> {
    const rows = change.changes.map((entry) => {
      const fields: FieldChangeView[] = entry.fields.slice(0, MAX_FIELDS).map((name) => ({
        name,
        before: boundedValue(entry.before?.[name]),
        after: boundedValue(entry.after?.[name]),
      }));
      return {
        id: newId(),
        partnership_id: ref.partnershipId,
        document_name: change.documentName,
        collection: JSON.stringify(entry.collection),
        entry_id: entry.entryId,
        kind: entry.kind,
        fields: JSON.stringify(fields),
        user_id: change.stamp.userId,
        organization_id: change.stamp.organizationId,
        source: change.source,
        at: change.at,
      };
    });
    if (rows.length > 0) await this.db.insertInto("entry_changes").values(rows).execute();
  }

  /** An entry's changes, newest first. */
  async list(documentName: string, entryId: string): Promise<EntryChangeView[]> {
    const rows = await this.db
      .selectFrom("entry_changes")
      .select(["kind", "fields", "user_id", "organization_id", "at"])
      .where("document_name", "=", documentName)
      .where("entry_id", "=", entryId)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(HISTORY_LIMIT)
      .execute();
    const names = await ActorNames.load(
      this.db,
      rows.map((r) => ({ userId: r.user_id, organizationId: r.organization_id })),
    );
    return rows.map((row) => ({
      at: new Date(Number(row.at)).toISOString(),
      kind: row.kind,
      fields: JSON.parse(row.fields) as FieldChangeView[],
      ...names.actor(row.user_id, row.organization_id),
    }));
  }

  /**
   * Who set `field` of the entry to `value` last, at or after `since` (ms): the sender of
   * the recorded change, when a user sent it; null when the records do not say.
   */
  async lastSetBy(
    documentName: string,
    entryId: string,
    field: string,
    value: unknown,
    since: number,
  ): Promise<RecordedChanger | null> {
    const rows = await this.db
      .selectFrom("entry_changes")
      .select(["fields", "user_id", "organization_id", "at"])
      .where("document_name", "=", documentName)
      .where("entry_id", "=", entryId)
      .where("at", ">=", since)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(HISTORY_LIMIT)
      .execute();
    for (const row of rows) {
      const fields = JSON.parse(row.fields) as FieldChangeView[];
      if (!fields.some((f) => f.name === field && f.after === value)) continue;
      return row.user_id !== null && row.organization_id !== null
        ? { userId: row.user_id, organizationId: row.organization_id, at: Number(row.at) }
        : null;
    }
    return null;
  }

  /** Every value `field` of the entry had, before or after each recorded change. */
  async fieldValues(documentName: string, entryId: string, field: string): Promise<unknown[]> {
    const rows = await this.db
      .selectFrom("entry_changes")
      .select("fields")
      .where("document_name", "=", documentName)
      .where("entry_id", "=", entryId)
      .execute();
    return rows.flatMap((row) =>
      (JSON.parse(row.fields) as FieldChangeView[])
        .filter((f) => f.name === field)
        .flatMap((f) => [f.before, f.after]),
    );
  }

  /** Who changed the entry last, as recorded; null when the records do not say. */
  async lastChanger(documentName: string, entryId: string): Promise<RecordedChanger | null> {
    const row = await this.db
      .selectFrom("entry_changes")
      .select(["user_id", "organization_id", "at"])
      .where("document_name", "=", documentName)
      .where("entry_id", "=", entryId)
      .where("user_id", "is not", null)
      .orderBy("at", "desc")
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    return row?.user_id && row.organization_id
      ? { userId: row.user_id, organizationId: row.organization_id, at: Number(row.at) }
      : null;
  }

  /** Who created the entry, as recorded; null when the records do not say (older entries). */
  async creator(
    ref: RecordedDocument,
    entryId: string,
  ): Promise<{ userId: string; organizationId: string } | null> {
    const row = await this.db
      .selectFrom("entry_changes")
      .select(["user_id", "organization_id"])
      .where("document_name", "=", formatDocumentName(ref))
      .where("entry_id", "=", entryId)
      .where("kind", "=", "created")
      .where("source", "=", "client")
      .orderBy("at", "asc")
      .limit(1)
      .executeTakeFirst();
    return row?.user_id && row.organization_id
      ? { userId: row.user_id, organizationId: row.organization_id }
      : null;
  }

  /**
   * The titles deleted entries of one collection of a document had (by entry id, the latest
   * deletion's; objectives by default), so a reference to one shows what it pointed at,
   * marked as deleted.
   */
  async deletedTitles(
    documentName: string,
    collection: readonly string[] = ["objectives"],
  ): Promise<Map<string, string>> {
    const rows = await this.db
      .selectFrom("entry_changes")
      .select(["entry_id", "fields"])
      .where("document_name", "=", documentName)
      .where("collection", "=", JSON.stringify(collection))
      .where("kind", "=", "deleted")
      .orderBy("at", "asc")
      .execute();
    const titles = new Map<string, string>();
    for (const row of rows) {
      const fields = JSON.parse(row.fields) as FieldChangeView[];
      const title = fields.find((f) => f.name === "title" || f.name === "name")?.before;
      if (typeof title === "string") titles.set(row.entry_id, title);
    }
    return titles;
  }
}
