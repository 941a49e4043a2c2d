import { formatDocumentName, parseDocumentName } from "@entente/domain";
import { readRichTextFragment, replaceRichTextFragment } from "@entente/editor";
import {
  agendaNotesFragment,
  type DocumentVersionKind,
  type DocumentVersionView,
  type VersionAuthor,
  type VersionCompareResponse,
} from "@entente/protocol";
import type { Kysely, Selectable } from "kysely";
import * as Y from "yjs";
import type { Database, DocumentVersionsTable } from "../db/schema.js";
import { proseMirrorToMarkdown } from "../export/markdown.js";
import { DomainError } from "../domain-error.js";
import { newId } from "../ids.js";
import type { DocumentReader } from "../sync/document-reader.js";
import type { DocumentWriter } from "../sync/document-writer.js";
import type { UpdateStamp } from "../sync/update-log.js";
import { isVersionedDocument, ItemAuthorship } from "./item-stamps.js";
import { compareStates, RICH_TEXT_FRAGMENT } from "./version-compare.js";

/** In a comparison, the document as it stands now rather than a kept version. */
export const CURRENT = "current";

/** Two versions numbered at once: the loser numbers again, this many times. */
const NUMBER_ATTEMPTS = 5;

/** What a new version records besides the document's state. */
export interface NewVersion {
  kind: DocumentVersionKind;
  label: string | null;
  createdBy: string | null;
  endorsedBy?: readonly string[];
  restoredFrom?: string | null;
}

type VersionRow = Selectable<DocumentVersionsTable>;

function toView(row: VersionRow): DocumentVersionView {
  return {
    id: row.id,
    number: Number(row.number),
    createdAt: new Date(Number(row.created_at)).toISOString(),
    label: row.label,
    kind: row.kind,
    authors: JSON.parse(row.authors) as VersionAuthor[],
    endorsedBy: JSON.parse(row.endorsed_by) as string[],
    createdBy: row.created_by,
    restoredFrom: row.restored_from,
  };
}

/** A rich-text fragment of a versioned document, with the heading it is shown under. */
export interface VersionedFragment {
  name: string;
  title: string | null;
}

/** Reads each fragment of a stored state as ProseMirror JSON. */
function readFragments(state: Uint8Array, fragments: readonly VersionedFragment[]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    return fragments.map((fragment) => ({
      fragment,
      content: readRichTextFragment(doc.getXmlFragment(fragment.name)),
    }));
  } finally {
    doc.destroy();
  }
}

function markdownOf(state: Uint8Array, fragments: readonly VersionedFragment[]): string {
  return readFragments(state, fragments)
    .map(({ fragment, content }) => {
      const body = proseMirrorToMarkdown(content).trimEnd();
      return fragment.title === null ? body : `## ${fragment.title}\n\n${body}`;
    })
    .join("\n\n")
    .concat("\n");
}

/**
 * Versions of the rich-text documents: full Yjs states kept at endorsements, when an editor
 * names the current state, when a burst of edits settles, and around a restore. A restore
 * never rewrites anything: it is a new edit, by the caller, on the live document.
 * Access is the caller's business (routes check the document's access first).
 */
export class VersionService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly documents: DocumentReader,
    private readonly writer: DocumentWriter,
  ) {}

  /** Every version of the document, newest first. */
  async list(documentName: string): Promise<DocumentVersionView[]> {
    const rows = await this.db
      .selectFrom("document_versions")
      .selectAll()
      .where("document_name", "=", documentName)
      .orderBy("number", "desc")
      .execute();
    return rows.map(toView);
  }

  /** One version and its content as Markdown; 404 when the document has no such version. */
  async get(
    documentName: string,
    versionId: string,
  ): Promise<{ version: DocumentVersionView; markdown: string }> {
    const row = await this.row(documentName, versionId);
    return {
      version: toView(row),
      markdown: markdownOf(row.state, await this.fragmentsOf(documentName)),
    };
  }

  /** Keeps the document as it stands now as a new version. */
  async create(documentName: string, input: NewVersion): Promise<DocumentVersionView> {
    const ref = parseDocumentName(documentName);
    if (!ref || !isVersionedDocument(documentName)) {
      throw new Error(`${documentName} keeps no versions`);
    }
    // The newest update id first: what is read after it may include more, never less, so
    // no edit goes missing from the authors of one version or the next.
    const last = await this.lastUpdateId(documentName);
    const doc = await this.documents.readDocument(documentName);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    for (let attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
      const previous = await this.db
        .selectFrom("document_versions")
        .select(["number", "last_update_id"])
        .where("document_name", "=", documentName)
        .orderBy("number", "desc")
        .limit(1)
        .executeTakeFirst();
      const since = Number(previous?.last_update_id ?? 0);
      const authors = await this.authorsBetween(documentName, since, last);
      const row: VersionRow = {
        id: newId(),
        partnership_id: ref.partnershipId,
        document_name: documentName,
        number: Number(previous?.number ?? 0) + 1,
        kind: input.kind,
        label: input.label,
        state,
        last_update_id: Math.max(last, since),
        authors: JSON.stringify(authors),
        endorsed_by: JSON.stringify(input.endorsedBy ?? []),
        restored_from: input.restoredFrom ?? null,
        created_by: input.createdBy,
        created_at: Date.now(),
      };
      try {
        await this.db.insertInto("document_versions").values(row).execute();
        return toView(row);
      } catch (error) {
        // The unique (document, number): another version took the number; number again.
        if (attempt === NUMBER_ATTEMPTS - 1) throw error;
      }
    }
    throw new Error("unreachable");
  }

  /** Keeps the charter as an organization just endorsed it, labelled with the organization. */
  async keepEndorsement(
    partnershipId: string,
    organizationId: string,
    userId: string,
  ): Promise<DocumentVersionView> {
    const organization = await this.db
      .selectFrom("organizations")
      .select("name")
      .where("id", "=", organizationId)
      .executeTakeFirst();
    return this.create(formatDocumentName({ kind: "charter", partnershipId }), {
      kind: "endorsement",
      label: organization?.name ?? null,
      createdBy: userId,
      endorsedBy: [organizationId],
    });
  }

  /**
   * Keeps the current state, then makes the document read like `versionId` again with one
   * edit stamped with the caller, through the live writer (everyone connected sees it), and
   * keeps the result as a "restore" version.
   */
  async restore(
    documentName: string,
    versionId: string,
    stamp: UpdateStamp & { userId: string },
  ): Promise<DocumentVersionView> {
    const target = await this.row(documentName, versionId);
    const contents = readFragments(target.state, await this.fragmentsOf(documentName));
    await this.create(documentName, {
      kind: "before-restore",
      label: null,
      createdBy: stamp.userId,
    });
    await this.writer.writeDocument(documentName, stamp, (doc) => {
      for (const { fragment, content } of contents) {
        replaceRichTextFragment(doc, doc.getXmlFragment(fragment.name), content);
      }
    });
    return this.create(documentName, {
      kind: "restore",
      label: null,
      createdBy: stamp.userId,
      restoredFrom: target.id,
    });
  }

  /**
   * Compares two versions, older to newer whichever order they are given in; `b` may be
   * {@link CURRENT} (the document as it stands now, always the newer).
   */
  async compare(documentName: string, a: string, b: string): Promise<VersionCompareResponse> {
    const first = await this.row(documentName, a);
    let older = first;
    let newer: { state: Uint8Array; lastUpdateId: number; view: DocumentVersionView | null };
    if (b === CURRENT) {
      const lastUpdateId = await this.lastUpdateId(documentName);
      const doc = await this.documents.readDocument(documentName);
      newer = { state: Y.encodeStateAsUpdate(doc), lastUpdateId, view: null };
      doc.destroy();
    } else {
      const second = await this.row(documentName, b);
      const [from, to] =
        Number(first.number) <= Number(second.number) ? [first, second] : [second, first];
      older = from;
      newer = { state: to.state, lastUpdateId: Number(to.last_update_id), view: toView(to) };
    }
    const authorship = await ItemAuthorship.load(this.db, documentName);
    const editors = await this.db
      .selectFrom("document_updates")
      .select("organization_id")
      .distinct()
      .where("document_name", "=", documentName)
      .where("id", ">", Number(older.last_update_id))
      .where("id", "<=", newer.lastUpdateId)
      .where("organization_id", "is not", null)
      .execute();
    const attribution = {
      organizationOfItem: (id: Y.ID) => authorship.organizationOf(id),
      removedBy: editors.length === 1 ? (editors[0]?.organization_id ?? null) : null,
    };
    const blocks = (await this.fragmentsOf(documentName)).flatMap((fragment) => {
      const compared = compareStates(older.state, newer.state, attribution, fragment.name);
      if (fragment.title === null) return compared;
      const title = { text: fragment.title, change: "same" as const, organizationId: null };
      return [{ type: "section", change: "same" as const, segments: [title] }, ...compared];
    });
    return { from: toView(older), to: newer.view, blocks };
  }

  /**
   * Keeps an "auto" version of every versioned document whose latest edit is older than
   * `settleMs` and newer than its latest version (a burst of edits that settled).
   */
  async keepSettled(settleMs: number, now = Date.now()): Promise<number> {
    const latest = await this.db
      .selectFrom("document_updates")
      .select(({ fn }) => [
        "document_name",
        fn.max("id").as("last_id"),
        fn.max("created_at").as("last_at"),
      ])
      .groupBy("document_name")
      .execute();
    const kept = await this.db
      .selectFrom("document_versions")
      .select(({ fn }) => ["document_name", fn.max("last_update_id").as("last_id")])
      .groupBy("document_name")
      .execute();
    const keptUpTo = new Map(kept.map((row) => [row.document_name, Number(row.last_id)]));
    let made = 0;
    for (const row of latest) {
      if (!isVersionedDocument(row.document_name)) continue;
      if (Number(row.last_at) > now - settleMs) continue;
      if (Number(row.last_id) <= (keptUpTo.get(row.document_name) ?? 0)) continue;
      await this.create(row.document_name, { kind: "auto", label: null, createdBy: null });
      made++;
    }
    return made;
  }

  /**
   * The rich-text fragments of a versioned document: the one editor fragment of the charter
   * and private notes; a meeting's agenda items' notes, in agenda order, under their titles.
   */
  private async fragmentsOf(documentName: string): Promise<VersionedFragment[]> {
    const ref = parseDocumentName(documentName);
    if (ref?.kind !== "meeting") return [{ name: RICH_TEXT_FRAGMENT, title: null }];
    const items = await this.db
      .selectFrom("agenda_items")
      .select(["id", "title"])
      .where("meeting_id", "=", ref.meetingId)
      .orderBy("position")
      .execute();
    return items.map((item) => ({ name: agendaNotesFragment(item.id), title: item.title }));
  }

  private async row(documentName: string, versionId: string): Promise<VersionRow> {
    const row = await this.db
      .selectFrom("document_versions")
      .selectAll()
      .where("document_name", "=", documentName)
      .where("id", "=", versionId)
      .executeTakeFirst();
    if (!row) throw DomainError.notFound("No such version");
    return row;
  }

  private async lastUpdateId(documentName: string): Promise<number> {
    const row = await this.db
      .selectFrom("document_updates")
      .select(({ fn }) => fn.max("id").as("last"))
      .where("document_name", "=", documentName)
      .executeTakeFirst();
    return Number(row?.last ?? 0);
  }

  /** Who edited in `(after, upTo]`, in order of their first edit; server writes left out. */
  private async authorsBetween(
    documentName: string,
    after: number,
    upTo: number,
  ): Promise<VersionAuthor[]> {
    const rows = await this.db
      .selectFrom("document_updates")
      .select(({ fn }) => ["user_id", "organization_id", fn.min("id").as("first")])
      .where("document_name", "=", documentName)
      .where("id", ">", after)
      .where("id", "<=", upTo)
      .where("user_id", "is not", null)
      .groupBy(["user_id", "organization_id"])
      .execute();
    return rows
      .sort((a, b) => Number(a.first) - Number(b.first))
      .map((row) => ({ userId: row.user_id as string, organizationId: row.organization_id }));
  }
}
