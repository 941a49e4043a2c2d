import { formatDocumentName, type DocumentRef } from "@entente/domain";
import type { Author } from "@entente/schema";
import type { Kysely } from "kysely";
import * as Y from "yjs";
import type { Database } from "../db/schema.js";
import type { UpdateLog } from "../sync/update-log.js";
import { by, type DemoCast, type DemoPerson } from "./demo-cast.js";

const MINUTE_MS = 60_000;

/** One edit of a seeded document: the Yjs update, who made it and when. */
export interface DemoEdit {
  update: Uint8Array;
  person: DemoPerson;
  /** When it reached the server (ms since the epoch). */
  at: number;
}

/** The author stamp of a schema write, as `by` gives it: the writer functions take this. */
export type AuthorOf = typeof by;

/**
 * Records `write` on `doc` as one edit of `person` at `at`: the update it makes, alone.
 * Throws if it changes nothing (a seeded edit that is no edit would be a lie in the activity).
 */
export function recordEdit(
  doc: Y.Doc,
  person: DemoPerson,
  at: number,
  write: () => void,
): DemoEdit {
  const before = Y.encodeStateVector(doc);
  write();
  const after = Y.encodeStateVector(doc);
  if (Buffer.from(before).equals(Buffer.from(after))) {
    throw new Error(`a seeded edit by ${person.name} changed nothing`);
  }
  return { update: Y.encodeStateAsUpdate(doc, before), person, at };
}

/**
 * How long before its author stamp a sitting reached the server: a few hours, so the story's
 * whole days (`by(person, cast, days)`) spread over the working day instead of all falling at
 * the seeding's time of day. Never after the stamp, so nothing lands after what follows it.
 */
function leadTime(person: DemoPerson, days: number): number {
  return ((days * 97 + person.name.length * 31) % 540) * MINUTE_MS;
}

/**
 * Writes a new document through the `@entente/schema` writers as its authors' edits: every
 * write between two author stamps (`by(...)` calls) is one edit of that author, dated by the
 * stamp (less its {@link leadTime}). Writes one person makes at the same moment follow each
 * other a few minutes apart, as a sitting of several edits (the activity view groups them
 * into one entry).
 */
export function writeAsAuthors<T>(
  doc: Y.Doc,
  cast: DemoCast,
  write: (doc: Y.Doc, by: AuthorOf) => T,
): { result: T; edits: DemoEdit[] } {
  const sittings: { person: DemoPerson; days: number; author: Author; updates: Uint8Array[] }[] =
    [];
  let unattributed = 0;
  const collect = (update: Uint8Array) => {
    const sitting = sittings.at(-1);
    if (sitting) sitting.updates.push(update);
    else unattributed++;
  };
  const stamp: AuthorOf = (person, castOf, days) => {
    const author = by(person, castOf, days);
    sittings.push({ person, days, author, updates: [] });
    return author;
  };
  doc.on("update", collect);
  let result: T;
  try {
    result = write(doc, stamp);
  } finally {
    doc.off("update", collect);
  }
  if (unattributed > 0) throw new Error("a seeded write before any author stamp");
  const previous = new Map<string, number>();
  const edits = sittings
    .filter((sitting) => sitting.updates.length > 0)
    .map(({ person, days, author, updates }): DemoEdit => {
      const at = (author.at?.getTime() ?? cast.now) - leadTime(person, days);
      const key = `${person.id}@${at}`;
      const count = previous.get(key) ?? 0;
      previous.set(key, count + 1);
      return { update: Y.mergeUpdates(updates), person, at: at + count * 3 * MINUTE_MS };
    });
  return { result, edits };
}

/**
 * Stores seeded documents in the update log as their authors' edits: one update per edit,
 * stamped with its author and organization (as the sync server stamps a member's edit), then
 * back-dated to its place in the story (the log stamps the time of the write).
 */
export class DemoHistory {
  constructor(
    private readonly log: UpdateLog,
    private readonly db: Kysely<Database>,
  ) {}

  async store(ref: DocumentRef, edits: readonly DemoEdit[]): Promise<void> {
    const ids = await this.log.appendAll(
      formatDocumentName(ref),
      edits.map(({ update, person }) => ({
        update,
        stamp: { userId: person.id, organizationId: person.organizationId },
      })),
    );
    for (const [index, id] of ids.entries()) {
      await this.db
        .updateTable("document_updates")
        .set({ created_at: edits[index]!.at })
        .where("id", "=", id)
        .execute();
    }
  }

  /** Writes a new document as its authors' edits (see {@link writeAsAuthors}) and stores it. */
  async write<T>(
    ref: DocumentRef,
    cast: DemoCast,
    write: (doc: Y.Doc, by: AuthorOf) => T,
  ): Promise<T> {
    const doc = new Y.Doc();
    try {
      const { result, edits } = writeAsAuthors(doc, cast, write);
      await this.store(ref, edits);
      return result;
    } finally {
      doc.destroy();
    }
  }
}
