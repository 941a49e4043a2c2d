import type * as Y from "yjs";
import type { UpdateStamp } from "./update-log.js";

/**
 * What one applied update changed in the entries of a structured document (objectives,
 * issues, decisions, profiles, a meeting's agenda): the server's own record of who
 * created, changed or deleted what, computed from the document before and after the
 * update, never from what the update claims.
 */
export interface EntryChange {
  /**
   * Where the entry lives, from the document's root: `["objectives"]` for an objective,
   * `["objectives", objectiveId, "actions"]` for one of its actions,
   * `["objectives", objectiveId, "kpis", kpiId, "measurements"]` for a measurement.
   */
  collection: readonly string[];
  entryId: string;
  kind: "created" | "updated" | "deleted";
  /** The entry's own fields whose value changed (for `updated`; every field for the others). */
  fields: readonly string[];
  /**
   * The entry's own fields as JSON before and after the update, nested collections left
   * out (their entries are changes of their own); null when absent.
   */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One update the server applied and stored, with who sent it as the server knows it. */
export interface AppliedChange {
  documentName: string;
  /** The authenticated sender (a client's socket, or the user a server-side write acts for). */
  stamp: UpdateStamp;
  /** When the server applied it, ms since the epoch. */
  at: number;
  /** `client`: a socket's update; `server`: `DocumentRoom.applyServerChange`. */
  source: "client" | "server";
  changes: readonly EntryChange[];
}

/**
 * Told of every change applied to a document, on the document room's queue, after the
 * change is stored and relayed. An observer records (field history, trash, notifications)
 * or answers with a compensating change through `ObserverContext.applyServerChange`.
 * An observer that throws is logged and does not fail the room.
 */
export interface DocumentObserver {
  afterApplied(change: AppliedChange, context: ObserverContext): Promise<void> | void;
}

/** What an observer may do back to the document it was told about. */
export interface ObserverContext {
  /**
   * Queues a server-side change of the document (stored with `stamp`, relayed to every
   * client), the way `DocumentRoom.applyServerChange` does; it runs after the current task.
   */
  applyServerChange(stamp: UpdateStamp, change: (doc: Y.Doc) => void): Promise<unknown>;
}
